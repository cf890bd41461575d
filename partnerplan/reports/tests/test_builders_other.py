"""Highlight and end-stage reports, minutes, decision notices, quarterly reports, work plan."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from partnerplan.reports.builders import DocumentError, build_html, validate_document
from partnerplan.reports.builders.a11y import check_docx
from partnerplan.reports.builders.docx_builder import build_docx
from partnerplan.reports.builders.other import (
    DecisionNotice,
    EndStageReport,
    HighlightReport,
    Minutes,
    MinutesItem,
    ProductStatus,
    ProgressLine,
    QuarterlyProgressReport,
    ToleranceStatus,
    decision_notice,
    end_stage_report,
    highlight_report,
    minutes,
    quarterly_progress_report,
)
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.builders.workplan import Column, build_workplan_xlsx

HIGHLIGHT = HighlightReport(
    project="Staffordshire One Place",
    period_start=dt.date(2010, 11, 1),
    period_end=dt.date(2010, 11, 30),
    author="Jo Project-Manager",
    status="amber",
    summary="PID drafted; project manager brief agreed with the leads.",
    done_this_period=("PID drafted", "Programme Board membership agreed"),
    tolerances=(ToleranceStatus("Time", "+/- 2 weeks", "1 week late", "amber"),),
    issues_and_risks=("Project manager funding ends March 2011",),
)


def test_it_makes_a_highlight_report_with_status_in_words():
    doc = highlight_report(HIGHLIGHT)
    assert validate_document(doc) == []
    html = build_html(prepare_document(doc))
    assert "Highlight report: Staffordshire One Place" in html
    assert "Amber (at risk)" in html
    assert "1 November 2010 to 30 November 2010" in html
    assert check_docx(build_docx(prepare_document(doc))) == []


def test_it_makes_an_end_stage_report_with_requests_to_the_board():
    doc = end_stage_report(
        EndStageReport(
            project="Staffordshire One Place",
            stage="Initiation",
            date=dt.date(2011, 1, 31),
            author="Jo Project-Manager",
            summary="Initiation complete.",
            business_case_review="Still viable.",
            objectives_review="Met.",
            products=(ProductStatus("PID", "Approved"),),
            recommendations=("To approve the plan for the delivery stage",),
        )
    )
    html = build_html(prepare_document(doc))
    assert "1. Requests to the board" in html
    assert "To approve the plan for the delivery stage" in html
    assert "Products of the Initiation stage" in html


MINUTES = Minutes(
    body="Staffordshire Connects Joint Committee",
    date=dt.date(2010, 12, 17),
    present=("Cllr Heenan (Chair)", "Cllr Edwards"),
    apologies=("Cllr Smith",),
    items=(
        MinutesItem(
            "Review of Partnership Work Plan",
            discussion=("The Director introduced the report.",),
            resolutions=("That recommendations 2.1 to 2.7 be approved.",),
        ),
        MinutesItem(
            "Telephony contract",
            discussion=("Members discussed the supplier's terms of £1.2m.",),
            exempt_paragraph=3,
            public_summary="The Committee agreed the award of the telephony contract.",
        ),
    ),
)


def test_it_gives_the_public_minutes_a_summary_of_exempt_items():
    html = build_html(prepare_document(minutes(MINUTES)))
    assert "<strong>RESOLVED:</strong> That recommendations 2.1 to 2.7 be approved." in html
    assert "The Committee agreed the award of the telephony contract." in html
    assert "£1.2m" not in html
    assert "EXEMPT" not in html


def test_it_marks_the_full_minutes_exempt():
    html = build_html(prepare_document(minutes(MINUTES, public=False)))
    assert "£1.2m" in html
    assert "Schedule 12A paragraph 3" in html


def test_it_refuses_public_minutes_without_a_summary_of_an_exempt_item():
    items = (MinutesItem("Telephony contract", exempt_paragraph=3),)
    record = Minutes("Joint Committee", dt.date(2010, 12, 17), ("Cllr Heenan",), items)
    with pytest.raises(DocumentError, match="was taken in private") as raised:
        minutes(record)
    assert raised.value.problems[0].code == "exempt_minute_without_summary"


def test_it_makes_a_decision_notice_with_the_call_in_period():
    doc = decision_notice(
        DecisionNotice(
            title="Contingency call on reserves",
            decision=("To call £85,000 on the partnership reserve as a contingency.",),
            decided_on=dt.date(2010, 12, 17),
            decision_maker="Staffordshire Connects Joint Committee",
            reasons=("Not all workstreams have identified funding.",),
            alternatives_rejected=("To wait for RIEP funding: rejected, too slow.",),
            key_decision=True,
            call_in_ends=dt.date(2010, 12, 24),
        )
    )
    html = build_html(prepare_document(doc))
    assert "may be called in for scrutiny until 24 December 2010" in html
    assert "Alternative options considered and rejected" in html
    assert '<dt class="govuk-summary-list__key">Key decision</dt>' in html


def test_it_totals_a_partners_quarterly_contributions():
    doc = quarterly_progress_report(
        QuarterlyProgressReport(
            partner="Lichfield District Council",
            quarter="Quarter 3, 2010/11",
            period_start=dt.date(2010, 10, 1),
            period_end=dt.date(2010, 12, 31),
            author="A. Officer",
            summary="Good progress on Public Protection.",
            lines=(ProgressLine("Public Protection", "Lead", "green", "CRM access live"),),
            contributions=(("Project manager", Decimal("17500")), ("Training", Decimal("350.50"))),
        )
    )
    html = build_html(prepare_document(doc))
    assert "<strong>£17,850.50</strong>" in html
    assert "Green (on track)" in html


COLUMNS = (
    Column("project", "Project"),
    Column("start", "Start", "date"),
    Column("budget", "Budget", "money"),
)


def test_it_writes_the_work_plan_as_a_spreadsheet():
    rows = [
        {"project": "Telephony", "start": dt.date(2011, 4, 1), "budget": Decimal("85000.10")},
        {"project": '=HYPERLINK("http://x")', "start": None, "budget": 17500},
    ]
    book = load_workbook(io.BytesIO(build_workplan_xlsx(rows, COLUMNS, title="Work plan 2010/11")))
    sheet = book.active
    assert [c.value for c in sheet[1]] == ["Project", "Start", "Budget"]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert sheet["B2"].value == dt.datetime(2011, 4, 1)
    assert sheet["B2"].number_format == "dd/mm/yyyy"
    assert sheet["C2"].value == pytest.approx(85000.10)
    assert sheet["C2"].number_format.startswith('"£"#,##0.00')
    assert sheet["A3"].data_type == "s"  # text, never a formula
    assert sheet["A3"].value == '\'=HYPERLINK("http://x")'  # inert when opened
    assert book.properties.title == "Work plan 2010/11"


def test_it_refuses_money_given_as_float():
    with pytest.raises(DocumentError, match="not a float") as raised:
        build_workplan_xlsx([{"project": "CRM", "budget": 17500.0}], COLUMNS)
    problem = raised.value.problems[0]
    assert problem.where == "Row 2, column 'Budget'"
    assert "not a float" in problem.message
