"""The finance pages: what each shows, filters, exports, figure checks and query counts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.core.access import viewer_for
from partnerplan.core.models import Visibility
from partnerplan.finance import services
from partnerplan.finance.models import Basis
from partnerplan.finance.selectors import project_funding
from partnerplan.finance.tests.factories import (
    BidFactory,
    EarmarkedFundFactory,
    FundingRequestFactory,
    ScenarioFactory,
    authority,
    fund_with_balance,
)
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

MARCH = dt.date(2011, 3, 31)


@pytest.fixture
def ledger(world):
    admin = world.users["admin"]
    reserve = fund_with_balance(admin, amount="318990", name="Reserve", visibility="public")
    earmark = EarmarkedFundFactory.create(name="Earmark", visibility="public")
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="86700", purpose="Sanctioned call",
        on=dt.date(2011, 1, 31),
        to_fund=earmark, authority=authority(reserve.owner_body, "JC last meeting"),
    )  # fmt: skip
    services.contribution_record(
        actor=admin, fund=reserve, partner=world.alpha, amount="1000", on=dt.date(2010, 6, 1),
        authority=authority(reserve.owner_body, "Annual contribution"),
    )  # fmt: skip
    crm = FundingRequestFactory.create(fund=reserve, title="CRM request", amount=Decimal("17500"))
    ScenarioFactory.create(name="CRM approved", requests=[crm])
    BidFactory.create(title="Life Events", fund=reserve, visibility=Visibility.PUBLIC)
    BidFactory.create(title="Secret bid", fund=reserve, visibility=Visibility.PARTNERSHIP)
    return reserve


def test_the_fund_list_shows_balances(world, ledger, assert_queries):
    client = world.client("officer")
    with assert_queries(5, "fund list"):  # session, user, roles, bodies, funds
        response = client.get(reverse("finance:fund-list"))
    assert "Reserve" in response.content.decode()
    assert "£233,290" in response.content.decode()


def test_the_fund_page_shows_the_forecast_scenarios_and_movements(world, ledger, assert_queries):
    client = world.client("officer")
    url = reverse("finance:fund-detail", args=[ledger.pk])
    with assert_queries(19, "fund page"):
        response = client.get(url, {"on_day": "31", "on_month": "3", "on_year": "2011"})
    page = response.content.decode()
    assert "£233,290" in page  # 318,990 + 1,000 - 86,700
    assert "CRM approved" in page and "£215,790" in page
    assert "<svg" in page and "Month-end balances of Reserve" in page
    assert "Sanctioned call" in page and "JC last meeting" in page


def test_the_fund_page_checks_a_quoted_figure(world, ledger):
    client = world.client("member")
    url = reverse("finance:fund-detail", args=[ledger.pk])
    response = client.get(
        url,
        {"on_day": "31", "on_month": "3", "on_year": "2011",
         "figure": "the March 2011 forecast balance would be £215,700", "scenario": ""},
    )  # fmt: skip
    page = response.content.decode()
    assert "Does not agree" in page
    assert "£215,700 does not agree with the ledger, which gives" in page


def test_the_fund_page_refuses_a_bad_date_with_a_message(world, ledger):
    response = world.client("officer").get(
        reverse("finance:fund-detail", args=[ledger.pk]),
        {"on_day": "31", "on_month": "2", "on_year": "2011"},
    )
    assert "Forecast date must be a real date" in response.content.decode()


def test_the_public_sees_the_forecast_but_not_the_movements(world, ledger):
    page = world.client("public").get(reverse("finance:fund-detail", args=[ledger.pk]))
    text = page.content.decode()
    assert "Sign in to see the movements" in text
    assert "Sanctioned call" not in text
    assert "Secret bid" not in text and "Life Events" in text


def test_movements_filter_by_kind(world, ledger):
    response = world.client("officer").get(
        reverse("finance:fund-detail", args=[ledger.pk]), {"kind": "contribution"}
    )
    text = response.content.decode()
    assert "Contribution received" in text
    assert "Sanctioned call" not in text


def test_movements_export_as_csv_and_xlsx(world, ledger):
    client = world.client("officer")
    response = client.get(reverse("finance:movements-csv", args=[ledger.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Date"
    assert {r[3] for r in rows[1:]} >= {"Sanctioned call", "Opening balance"}
    response = client.get(reverse("finance:movements-xlsx", args=[ledger.pk]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    amounts = [sheet.cell(row=r, column=6).value for r in range(2, sheet.max_row + 1)]
    assert -86700 in amounts


def test_the_bids_register_filters_and_counts_queries(world, ledger, assert_queries):
    client = world.client("officer")
    with assert_queries(5, "bids register"):  # session, user, roles, bodies, bids
        response = client.get(reverse("finance:bid-list"), {"status": "draft"})
    assert "Life Events" in response.content.decode()
    response = client.get(reverse("finance:bid-list"), {"status": "secured"})
    assert "Life Events" not in response.content.decode()


def test_partner_contributions(world, ledger, assert_queries):
    client = world.client("officer")
    with assert_queries(5, "contributions"):  # session, user, roles, bodies, totals
        response = client.get(reverse("finance:contributions"))
    assert "Alpha District Council" in response.content.decode()
    assert "£1,000" in response.content.decode()


def test_the_project_funding_panel(world):
    admin = world.users["admin"]
    reserve = fund_with_balance(admin, amount="50000", name="Reserve")
    project = ProjectFactory.create()
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="36400", purpose="PM", on=dt.date(2011, 1, 1),
        project=project, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="1000", purpose="More", on=dt.date(2011, 2, 1),
        project=project, authority=authority(),
    )  # fmt: skip
    services.spend_record(
        actor=admin, project=project, amount="400", on=MARCH, description="x",
        authority=authority(),
    )  # fmt: skip
    funding = project_funding(viewer=viewer_for(admin), project=project)
    assert funding.sources == [("Reserve", Decimal("36400.00"), Decimal("1000.00"))]
    assert (funding.received, funding.committed, funding.spent, funding.remaining) == (
        Decimal("36400.00"), Decimal("1000.00"), Decimal("400.00"), Decimal("37000.00")
    )  # fmt: skip
    url = reverse("finance:project-funding", args=[project.pk])
    html = world.client("admin").get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "£37,000" in html


def test_it_serves_the_funding_panel_alone_to_htmx_in_a_fixed_number_of_queries(
    world, assert_queries
):
    admin = world.users["admin"]
    reserve = fund_with_balance(admin, amount="50000", name="Reserve")
    project = ProjectFactory.create(title="Telephony", visibility=Visibility.PUBLIC)
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="1000", purpose="PM", on=dt.date(2011, 1, 1),
        project=project, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    BidFactory.create(project=project, title="Lottery bid", visibility=Visibility.PUBLIC)
    client = world.client("officer")
    url = reverse("finance:project-funding", args=[project.pk])
    # session, user, roles, bodies; the project through the portfolio's scoped selector, with
    # the related lists it prefetches (the project page's, one query each); then the panel:
    # incoming entries, the other side of each, three sums, bids
    with assert_queries(25, "project funding panel"):
        response = client.get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "Funding for" not in html
    assert "£1,000" in html and "Reserve" in html and "Lottery bid" in html


def test_it_shows_the_funding_panel_as_a_page_without_htmx(world, assert_queries):
    project = ProjectFactory.create(title="Telephony", visibility=Visibility.PUBLIC)
    client = world.client("officer")
    url = reverse("finance:project-funding", args=[project.pk])
    # as above, with no money in (so no query for the other sides) and no bids' funds
    with assert_queries(23, "project funding page"):
        response = client.get(url)
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Funding for Telephony</h1>' in html
    assert reverse("portfolio:project-detail", args=[project.pk]) in html
    assert "No funding recorded." in html


def test_it_hides_the_funding_of_a_project_the_viewer_may_not_see(world):
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    url = reverse("finance:project-funding", args=[project.pk])
    assert world.client("public").get(url, HTTP_HX_REQUEST="true").status_code == 404
    assert world.client("officer").get(url, HTTP_HX_REQUEST="true").status_code == 200
