"""Writing and publishing committee reports: versions, live blocks and the refusals."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from docx import Document as WordDocument

from partnerplan.core.models import Visibility
from partnerplan.finance.tests.factories import FundFactory, fund_with_balance
from partnerplan.governance.tests.factories import ExemptItemFactory, RecommendationFactory
from partnerplan.portfolio.models import Programme, ProgrammeLink
from partnerplan.portfolio.tests.factories import (
    OtherProgrammeFactory,
    ProgrammeFactory,
    ProjectFactory,
    WorkstreamFactory,
)
from partnerplan.reports import services
from partnerplan.reports.documents import build_document
from partnerplan.reports.models import BlockKind, ReportStatus, ReportVersion
from partnerplan.reports.seed_report import full_report
from partnerplan.reports.serialise import document_from_json, to_json
from partnerplan.reports.tests.factories import (
    LiveBlockFactory,
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
)

PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def admin(world):
    return world.users["admin"]


@pytest.fixture
def report(db):
    report = ReportFactory.create()
    RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    ParagraphFactory.create(section=SectionFactory.create(report=report))
    return report


def test_it_stores_a_document_as_json_and_reads_it_back():
    doc = full_report()
    assert document_from_json(to_json(doc)) == doc


def test_it_takes_the_recommendations_from_the_agenda_item(report):
    doc = build_document(report).document
    assert [str(p.text) for p in doc.recommendations] == ["To approve the plan."]
    assert doc.title == report.title and doc.exempt_paragraph is None


def test_it_publishes_a_version_with_its_files(report, admin):
    version = services.report_publish(actor=admin, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    assert version.number == 1
    assert bytes(version.pdf).startswith(b"%PDF")
    assert b"word/document.xml" in bytes(version.docx)
    assert "To approve the plan." in version.html
    assert document_from_json(version.document).title == report.title


def test_it_keeps_earlier_versions_when_published_again(report, admin):
    services.report_publish(actor=admin, report=report)
    services.report_update(actor=admin, report=report, title="Revised plan")
    second = services.report_publish(actor=admin, report=report)
    assert second.number == 2
    assert [v.number for v in report.versions.all()] == [2, 1]
    first = report.versions.get(number=1)
    assert document_from_json(first.document).title != "Revised plan"


def test_it_freezes_live_blocks_at_publication(admin):
    report = ReportFactory.create()
    RecommendationFactory.create(item=report.item, number=1)
    side, other = OtherProgrammeFactory.create(), ProgrammeFactory.create()
    ws = WorkstreamFactory.create(programme=side, name="Customer Access")
    section = SectionFactory.create(report=report, kind="appendix", heading="Overlap")
    LiveBlockFactory.create(
        section=section, live_kind="overlap", live_params={"programme": side.pk, "other": other.pk}
    )
    version = services.report_publish(actor=admin, report=report)
    project = ProjectFactory.create(programme=other, title="Telephony", visibility="public")
    ProgrammeLink.objects.create(project=project, workstream=ws, kind="supports", note="SCC")
    assert (
        "Telephony" in build_document(report).document.appendices[0].blocks[0].blocks[0].rows[0][3]
    )
    version.refresh_from_db()
    assert "Telephony" not in version.html


def test_it_refuses_a_report_without_recommendations_and_saves_nothing(admin):
    report = ReportFactory.create()
    with pytest.raises(ValidationError, match="no recommendations") as error:
        services.report_publish(actor=admin, report=report)
    assert "no recommendations" in str(error.value)
    assert not ReportVersion.objects.exists()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_it_allows_no_recommendations_where_the_report_need_not_make_them(admin):
    report = ReportFactory.create(recommendations_required=False)
    assert services.report_publish(actor=admin, report=report).number == 1


def test_it_refuses_a_live_block_whose_source_was_deleted(report, admin):
    side = OtherProgrammeFactory.create(name="One Place")
    other = ProgrammeFactory.create()
    LiveBlockFactory.create(
        section=report.sections.first(),
        live_kind="workstreams",
        live_params={"programme": side.pk, "names": {"programme": "One Place"}},
    )
    WorkstreamFactory.create(programme=side)
    assert services.report_publish(actor=admin, report=report).number == 1
    Programme.objects.filter(pk=side.pk).update(archived_at=dt.datetime(2011, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(ValidationError, match="this block shows has been deleted") as error:
        services.report_publish(actor=admin, report=report)
    assert "The programme 'One Place' this block shows has been deleted" in str(error.value)
    assert report.versions.count() == 1
    del other


def test_it_refuses_an_image_without_alt_text(report, admin):
    with pytest.raises(ValidationError, match="Enter alt text") as error:
        services.block_add(
            actor=admin, section=report.sections.first(), kind=BlockKind.IMAGE, image=PNG_1PX,
            image_type="image/png", alt="",
        )  # fmt: skip
    assert "alt" in error.value.message_dict
    assert report.sections.first().blocks.count() == 1


def test_it_refuses_a_published_image_without_alt_text_made_some_other_way(report, admin):
    ParagraphFactory.create(
        section=report.sections.first(), kind=BlockKind.IMAGE, text="", image=PNG_1PX,
        image_type="image/png", alt="",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="has no alt text") as error:
        services.report_publish(actor=admin, report=report)
    assert "has no alt text" in str(error.value)


def test_it_refuses_a_template_without_the_needed_styles(report, admin):
    word = WordDocument()
    out = io.BytesIO()
    word.save(out)
    bare = out.getvalue()
    with pytest.raises(ValidationError, match="is not a Word document") as error:
        services.report_set_template(actor=admin, report=report, name="t.docx", data=b"not a docx")
    assert "save it from Word as a .docx or .dotx file" in str(error.value)
    report.refresh_from_db()
    assert report.docx_template is None
    # python-docx's default document has the heading styles: it is accepted.
    services.report_set_template(actor=admin, report=report, name="council.docx", data=bare)
    version = services.report_publish(actor=admin, report=report)
    assert version.number == 1


def _tied_paragraph(report, fund, text):
    return ParagraphFactory.create(
        section=report.sections.first(),
        text=text,
        figure={"label": "the forecast balance", "fund": fund.pk, "on": "2011-03-31"},
    )


def test_it_needs_a_reason_to_publish_a_figure_the_ledger_disagrees_with(report, admin):
    fund = fund_with_balance(admin, amount="129790.00")
    _tied_paragraph(report, fund, "The March 2011 forecast balance would be £129,700.")
    with pytest.raises(ValidationError, match="£129,700") as error:
        services.report_publish(actor=admin, report=report)
    messages = error.value.message_dict["override_reason"]
    assert "£129,700" in messages[0] and "£129,790" in messages[0]
    assert not ReportVersion.objects.exists()
    version = services.report_publish(
        actor=admin, report=report, override_reason="The seed's own rounding, kept as tabled."
    )
    assert version.figure_override_reason.startswith("The seed's")
    assert "£129,790" in version.figure_problems[0]


def test_it_publishes_an_agreeing_figure_without_a_reason(report, admin):
    fund = fund_with_balance(admin, amount="129790.00")
    _tied_paragraph(report, fund, "The forecast balance is £129,790.")
    version = services.report_publish(actor=admin, report=report)
    assert version.figure_problems == []
    paragraph = build_document(report).document.sections[0].blocks[-1]
    assert paragraph.figures[0].actual == Decimal("129790.00")


def test_it_refuses_a_tied_paragraph_that_quotes_no_figure(report, admin):
    fund = FundFactory.create()
    _tied_paragraph(report, fund, "The balance will be healthy.")
    with pytest.raises(ValidationError, match="quotes no £ figure") as error:
        services.report_publish(actor=admin, report=report)
    assert "quotes no £ figure" in str(error.value)


def test_it_follows_the_agenda_items_exempt_status(admin):
    report = ReportFactory.create(item=ExemptItemFactory.create())
    RecommendationFactory.create(item=report.item, number=1)
    doc = build_document(report).document
    assert doc.exempt_paragraph == 3
    version = services.report_publish(actor=admin, report=report)
    assert "Schedule 12A paragraph 3" in version.html


def test_it_refuses_a_second_report_for_one_item(report, admin):
    with pytest.raises(ValidationError, match="already has a report"):
        services.report_create(actor=admin, item=report.item)


def test_it_refuses_a_live_block_without_its_parameters(report, admin):
    with pytest.raises(ValidationError, match="this live block shows") as error:
        services.block_add(
            actor=admin, section=report.sections.first(), kind=BlockKind.LIVE,
            live_kind="overlap", live_params={"programme": 1},
        )  # fmt: skip
    assert "other" in error.value.message_dict


def test_it_reads_live_blocks_as_the_reports_audience(admin):
    """A public report does not show a partnership-only project, whoever publishes it."""
    report = ReportFactory.create()
    side, other = OtherProgrammeFactory.create(), ProgrammeFactory.create()
    ws = WorkstreamFactory.create(programme=side)
    hidden = ProjectFactory.create(
        programme=other, title="Secret", visibility=Visibility.PARTNERSHIP
    )
    ProgrammeLink.objects.create(project=hidden, workstream=ws, kind="supports")
    section = SectionFactory.create(report=report)
    LiveBlockFactory.create(
        section=section, live_kind="overlap", live_params={"programme": side.pk, "other": other.pk}
    )
    table = build_document(report).document.sections[0].blocks[0].blocks[0]
    assert "Secret" not in str(table.rows)
