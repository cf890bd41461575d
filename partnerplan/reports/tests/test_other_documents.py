"""End-stage and quarterly partner progress reports, from portfolio's records."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument

from partnerplan.core.models import Visibility
from partnerplan.partners.tests.factories import PartnerFactory
from partnerplan.portfolio.models import ProgrammeLink
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BusinessCaseVersionFactory,
    HighlightReportFactory,
    RaidEntryFactory,
    WorkstreamFactory,
)
from partnerplan.reports.other_documents import quarter_dates, quarter_of

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200, response.content[:500]
    word = WordDocument(io.BytesIO(response.content))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_it_works_out_financial_quarters():
    assert quarter_dates(2010, 3) == (dt.date(2010, 10, 1), dt.date(2010, 12, 31))
    assert quarter_dates(2010, 4) == (dt.date(2011, 1, 1), dt.date(2011, 3, 31))
    assert quarter_of(dt.date(2011, 2, 14)) == (2010, 4)
    assert quarter_of(dt.date(2010, 4, 1)) == (2010, 1)


def test_it_makes_an_end_stage_report_from_the_projects_records(world, assert_queries):
    project = ActiveProjectFactory.create(
        title="Life Events", visibility=Visibility.PUBLIC, summary="Tell us once."
    )
    HighlightReportFactory.create(
        project=project, progress="Registrars trained.", next_period="Go live in March."
    )
    RaidEntryFactory.create(project=project, title="Registrar systems late")
    RaidEntryFactory.create(project=project, kind="lesson", title="Start training early")
    BusinessCaseVersionFactory.create(
        business_case__project=project, approved_on=dt.date(2010, 6, 1)
    )
    client = world.client("public")
    url = reverse("reports:end-stage-report", kwargs={"pk": project.pk}) + "?format=docx"
    client.get(url)
    # (no session for the public) project, gate passage, highlight report, business case,
    # its version, RAID log, next stage
    # 13: the records above, the tolerance table (baseline, stage, latest highlight report,
    # spend, booked days), the board (the team) and the partnership's report template.
    with assert_queries(13, "An end-stage report"):
        response = client.get(url)
    text = _text(response)
    assert "End stage report: Life Events" in text
    assert "Registrars trained." in text and "Go live in March." in text
    assert "Risk: Registrar systems late" in text and "Start training early" in text
    assert "approved on 1 June 2010" in text
    pdf = client.get(reverse("reports:end-stage-report", kwargs={"pk": project.pk}))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_it_hides_an_end_stage_report_of_a_project_the_viewer_may_not_see(world):
    project = ActiveProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    url = reverse("reports:end-stage-report", kwargs={"pk": project.pk})
    assert world.client("public").get(url).status_code == 404
    assert world.client("officer").get(url).status_code == 200


def test_it_makes_a_partners_quarterly_progress_report(world, assert_queries):
    partner = PartnerFactory.create(name="South Staffordshire District Council")
    led = ActiveProjectFactory.create(title="Life Events", visibility=Visibility.PUBLIC)
    led.lead_partners.add(partner)
    HighlightReportFactory.create(
        project=led, period_end=dt.date(2010, 11, 30), progress="Registrars trained."
    )
    HighlightReportFactory.create(
        project=led,
        period_start=dt.date(2011, 1, 1),
        period_end=dt.date(2011, 1, 31),
        progress="Next quarter's news.",
    )
    workstream = WorkstreamFactory.create(number=2, name="Integrated services")
    workstream.lead_partners.add(partner)
    linked = ActiveProjectFactory.create(title="Shared Services", visibility=Visibility.PUBLIC)
    ProgrammeLink.objects.create(project=linked, workstream=workstream, kind="supports")
    secret = ActiveProjectFactory.create(title="Secret", visibility=Visibility.PARTNERSHIP)
    secret.lead_partners.add(partner)
    ActiveProjectFactory.create(title="Someone else's", visibility=Visibility.PUBLIC)
    client = world.client("public")
    url = reverse("reports:quarterly-report", kwargs={"pk": partner.pk})
    url += "?year=2010&quarter=3&format=docx"
    client.get(url)
    # (no session for the public) partner, projects, their lead partners, highlight reports
    # +1: the partnership's report template (its Word template and header).
    with assert_queries(5, "A quarterly progress report"):
        response = client.get(url)
    text = _text(response)
    assert "Quarter 3, 2010/11" in text
    assert "Registrars trained." in text and "Next quarter's news." not in text
    assert "Lead partner" in text and "Leads the workstream" in text
    assert "Shared Services" in text and "No highlight report." in text
    assert "Secret" not in text and "Someone else's" not in text
    assert "Secret" in _text(world.client("officer").get(url))


def test_it_refuses_a_quarter_that_does_not_exist(world):
    partner = PartnerFactory.create()
    url = reverse("reports:quarterly-report", kwargs={"pk": partner.pk})
    assert world.client("public").get(url + "?year=2010&quarter=5").status_code == 404
    assert world.client("public").get(url + "?year=soon").status_code == 404
    assert world.client("public").get(url).status_code == 200
