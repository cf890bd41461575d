"""A recommendation quoting a £ figure can be tied to the ledger like a paragraph: a mismatch
is shown in the editor and publishing needs a reason (issue 5, figure checks)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerplan.finance.tests.factories import fund_with_balance
from partnerplan.governance.tests.factories import RecommendationFactory
from partnerplan.reports import services
from partnerplan.reports.models import ReportVersion
from partnerplan.reports.tests.factories import ParagraphFactory, ReportFactory, SectionFactory

pytestmark = pytest.mark.django_db

ON = dt.date(2011, 3, 31)


@pytest.fixture
def admin(world):
    return world.users["admin"]


@pytest.fixture
def report(world):
    report = ReportFactory.create()
    ParagraphFactory.create(section=SectionFactory.create(report=report))
    return report


def _recommendation(report, text):
    return RecommendationFactory.create(item=report.item, number=1, text=text)


def test_it_shows_a_mismatched_recommendation_figure_in_the_editor(world, report, admin):
    fund = fund_with_balance(admin, amount="129790.00", on=dt.date(2010, 4, 1))
    rec = _recommendation(report, "To note that the March 2011 balance would be £129,700.")
    client = world.client("admin")
    response = client.post(
        reverse("reports:recommendation-figure", args=[rec.pk]),
        {"label": "the March 2011 balance", "fund": fund.pk,
         "on_day": "31", "on_month": "3", "on_year": "2011"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("reports:report-detail", args=[report.pk])).content.decode()
    assert "Recommendation 1" in page and "£129,700" in page and "£129,790" in page


def test_it_needs_a_reason_to_publish_a_recommendation_figure_the_ledger_disagrees_with(
    report, admin
):
    fund = fund_with_balance(admin, amount="129790.00")
    rec = _recommendation(report, "To note that the March 2011 balance would be £129,700.")
    services.report_tie_recommendation_figure(
        actor=admin, report=report, recommendation=rec, fund=fund, on=ON
    )
    with pytest.raises(ValidationError, match="£129,790") as refused:
        services.report_publish(actor=admin, report=report)
    assert "£129,790" in refused.value.message_dict["override_reason"][0]
    assert not ReportVersion.objects.exists()
    version = services.report_publish(actor=admin, report=report, override_reason="As tabled.")
    assert "£129,790" in version.figure_problems[0]


def test_it_publishes_an_agreeing_recommendation_figure_without_a_reason(report, admin):
    fund = fund_with_balance(admin, amount="129790.00")
    rec = _recommendation(report, "To note that the March 2011 balance would be £129,790.")
    services.report_tie_recommendation_figure(
        actor=admin, report=report, recommendation=rec, fund=fund, on=ON
    )
    assert services.report_publish(actor=admin, report=report).figure_problems == []


def test_it_refuses_a_tie_without_a_date_or_for_another_items_recommendation(report, admin):
    fund = fund_with_balance(admin)
    rec = _recommendation(report, "£1")
    with pytest.raises(ValidationError, match="Enter the date the figure") as refused:
        services.report_tie_recommendation_figure(
            actor=admin, report=report, recommendation=rec, fund=fund
        )
    assert "on" in refused.value.message_dict
    other = RecommendationFactory.create(number=2)
    with pytest.raises(ValidationError, match="a recommendation of this report") as refused:
        services.report_tie_recommendation_figure(
            actor=admin, report=report, recommendation=other, fund=fund, on=ON
        )
    assert "recommendation" in refused.value.message_dict
    report.refresh_from_db()
    assert report.recommendation_figures == {}
