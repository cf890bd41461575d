"""The finance pages: what each shows, filters, exports, figure checks and query counts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.core.models import Visibility
from partnerplan.finance import services
from partnerplan.finance.tests.factories import (
    BidFactory,
    EarmarkedFundFactory,
    FundingRequestFactory,
    ScenarioFactory,
    authority,
    fund_with_balance,
)

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
    # 21: a date is asked, so the balance today (two sums) is read besides the forecast.
    with assert_queries(21, "fund page"):
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


# The exports and the form pages, as an administrator: each in a fixed number of queries
# (session, user, roles, bodies; the object; then one query per list a form offers: funds,
# projects, partners, bodies, decisions, decisions taken before partnerplan, ...; an export's
# movements or table). The call form also offers the fund's pending requests; the fund form
# the bodies that may approve another use of an earmark.
PINNED = {
    "finance:movements-csv": ("fund", 8),
    "finance:movements-xlsx": ("fund", 8),
    "finance:funding-table-csv": (None, 6),
    "finance:funding-table-xlsx": (None, 6),
    "finance:contribution-new": ("fund", 11),
    "finance:income-new": ("fund", 10),
    "finance:call-new": ("fund", 13),
    "finance:request-new": ("fund", 8),
    "finance:fund-create": (None, 9),
    "finance:fund-edit": ("fund", 11),
    "finance:fund-close": ("fund", 6),
    "finance:spend-new": (None, 10),
    "finance:release-new": (None, 11),
    "finance:movement-reverse": ("movement", 6),
    "finance:commitment-pay": ("movement", 6),
    "finance:scenario-new": (None, 5),
    "finance:scenario-edit": ("scenario", 7),
    "finance:bid-new": (None, 6),
    "finance:bid-submit": ("bid", 5),
    "finance:bid-secure": ("bid", 7),
    "finance:request-close": ("request", 5),
    # session, user, roles, bodies; the request with its fund, call and decision
    "finance:request-detail": ("request", 5),
    # session, user, roles, bodies; movements without a use, released uses, delegations and
    # their largest use, requests, uses twice (three kinds), movements sharing a use
    "finance:reconciliation": (None, 13),
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_it_shows_each_export_and_form_in_a_fixed_number_of_queries(
    world, ledger, assert_queries, name
):
    admin = world.users["admin"]
    fund = fund_with_balance(admin, amount="1000", name="Pinned")
    objects = {
        "fund": fund,
        "movement": fund.account.entries.first().transaction,
        "scenario": ScenarioFactory.create(),
        "bid": BidFactory.create(fund=fund),
        "request": FundingRequestFactory.create(fund=fund),
    }
    target, expected = PINNED[name]
    url = reverse(name, args=[objects[target].pk] if target else [])
    client = world.client("admin")
    with assert_queries(expected, name):
        response = client.get(url)
    assert response.status_code == 200


def test_movements_exports_neutralise_formulas(world, ledger):
    admin = world.users["admin"]
    services.contribution_record(
        actor=admin, fund=ledger, partner=world.alpha, amount="5", on=dt.date(2010, 7, 1),
        authority=authority(ledger.owner_body, "Budget"), description='=HYPERLINK("http://x")',
    )  # fmt: skip
    client = world.client("officer")
    response = client.get(reverse("finance:movements-csv", args=[ledger.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert '\'=HYPERLINK("http://x")' in {r[3] for r in rows}
    from openpyxl import load_workbook

    response = client.get(reverse("finance:movements-xlsx", args=[ledger.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = {sheet.cell(row=r, column=4).value for r in range(2, sheet.max_row + 1)}
    assert '\'=HYPERLINK("http://x")' in texts
