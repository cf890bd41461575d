"""The forms that post to the ledger, through the views: what is posted, and that bad input is
refused with the plain-English reason on the form and nothing posted."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from partnerplan.core.models import Visibility
from partnerplan.finance import services
from partnerplan.finance.models import (
    Basis,
    Bid,
    BidStatus,
    Entry,
    FundingRequest,
    FundStatus,
    LedgerTransaction,
    RequestStatus,
    Scenario,
    TransactionKind,
)
from partnerplan.finance.selectors import fund_balance
from partnerplan.finance.tests.factories import (
    BidFactory,
    ClosedFundFactory,
    ContingencyFundFactory,
    EarmarkedFundFactory,
    FundingRequestFactory,
    GreenLightBidFactory,
    RejectedBidFactory,
    ScenarioFactory,
    SubmittedBidFactory,
    authority,
    fund_with_balance,
)
from partnerplan.governance.models import Decision, Outcome
from partnerplan.governance.tests.factories import (
    BodyMembershipFactory,
    MeetingFactory,
    RecommendationFactory,
)
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _date(name, d):
    return {f"{name}_day": d.day, f"{name}_month": d.month, f"{name}_year": d.year}


def _reference(body, d=dt.date(2010, 12, 17), ref="JC minute 7"):
    return {
        "authority": "reference", "authority_body": body.pk, "authority_reference": ref,
        **_date("authority_date", d),
    }  # fmt: skip


def _count():
    return LedgerTransaction.objects.count(), Entry.objects.count()


@pytest.fixture
def admin(world):
    return world.users["admin"]


@pytest.fixture
def client(world):
    return world.client("admin")


@pytest.fixture
def reserve(admin):
    return fund_with_balance(admin, amount="100000", name="Reserve", visibility="public")


def _decision(body, outcome=Outcome.APPROVED):
    meeting = MeetingFactory.create(body=body)
    rec = RecommendationFactory.create(item__meeting=meeting)
    return Decision.objects.create(
        recommendation=rec, meeting=meeting, body=body, outcome=outcome,
        decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip


def _errors(response):
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    return page


# --- Contributions and calls ---------------------------------------------------------------


def test_it_records_a_contribution_with_a_recorded_reference(world, client, reserve):
    url = reverse("finance:contribution-new", args=[reserve.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"partner": world.alpha.pk, "amount": "1,250.50", **_date("on", dt.date(2010, 6, 1)),
         **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert response.status_code == 302
    tx = LedgerTransaction.objects.get(kind=TransactionKind.CONTRIBUTION)
    assert tx.authority_reference == "JC minute 7" and tx.posted_by == world.users["admin"]
    assert fund_balance(fund=reserve, on=dt.date(2010, 6, 1)) == Decimal("101250.50")


def test_it_records_income_that_did_not_come_through_a_bid(world, client, reserve):
    url = reverse("finance:income-new", args=[reserve.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"funder": "RIEP", "amount": "5000", **_date("on", dt.date(2010, 7, 1)),
         **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert response.status_code == 302
    assert fund_balance(fund=reserve, on=dt.date(2010, 7, 1)) == Decimal("105000.00")


def test_it_refuses_income_without_a_funder_and_posts_nothing(world, client, reserve):
    before = _count()
    page = _errors(
        client.post(
            reverse("finance:income-new", args=[reserve.pk]),
            {
                "funder": "",
                "amount": "5000",
                **_date("on", dt.date(2010, 7, 1)),
                **_reference(reserve.owner_body),
            },
        )  # fmt: skip
    )
    assert 'href="#id_funder"' in page
    assert _count() == before


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "The amount must be more than £0"),
        ("-5", "The amount must be more than £0"),
        ("12.345", "at most two decimal places"),
        ("", "Enter an amount"),
        ("lots", "is not an amount of money"),
    ],
)
def test_it_refuses_a_bad_amount_on_the_call_form(world, client, reserve, amount, message):
    earmark = EarmarkedFundFactory.create()
    before = _count()
    response = client.post(
        reverse("finance:call-new", args=[reserve.pk]),
        {"amount": amount, "purpose": "Project managers", "to_fund": earmark.pk,
         "paid": Basis.COMMITTED, **_date("on", dt.date(2011, 1, 31)),
         **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert message in _errors(response)
    assert _count() == before


def test_it_refuses_a_movement_without_authority(world, client, reserve):
    before = _count()
    response = client.post(
        reverse("finance:contribution-new", args=[reserve.pk]),
        {"partner": world.alpha.pk, "amount": "100", **_date("on", dt.date(2010, 6, 1))},
    )
    assert "Every movement needs the decision that authorises it" in _errors(response)
    assert _count() == before


def test_it_says_what_a_recorded_reference_lacks(world, client, reserve):
    response = client.post(
        reverse("finance:contribution-new", args=[reserve.pk]),
        {"partner": world.alpha.pk, "amount": "100", **_date("on", dt.date(2010, 6, 1)),
         "authority": "reference", "authority_body": reserve.owner_body.pk},
    )  # fmt: skip
    assert "its reference, the date it was authorised" in _errors(response)
    assert LedgerTransaction.objects.filter(kind=TransactionKind.CONTRIBUTION).count() == 0


def test_it_posts_a_commitment_authorised_by_a_decision(client, reserve):
    decision = _decision(reserve.owner_body)
    project = ProjectFactory.create()
    response = client.post(
        reverse("finance:call-new", args=[reserve.pk]),
        {"amount": "36400", "purpose": "Life Events project manager", "project": project.pk,
         "paid": Basis.COMMITTED, **_date("on", dt.date(2011, 1, 31)),
         "authority": "decision", "decision": decision.pk},
    )  # fmt: skip
    assert response.status_code == 302
    tx = LedgerTransaction.objects.get(kind=TransactionKind.CALL)
    assert tx.decision == decision and tx.basis == Basis.COMMITTED
    assert fund_balance(fund=reserve, on=dt.date(2011, 1, 31), include="actual") == Decimal(
        "100000"
    )
    assert fund_balance(fund=reserve, on=dt.date(2011, 1, 31)) == Decimal("63600")


def test_it_refuses_a_decision_that_did_not_approve(client, reserve):
    decision = _decision(reserve.owner_body, outcome=Outcome.REJECTED)
    before = _count()
    response = client.post(
        reverse("finance:contribution-new", args=[reserve.pk]),
        {"partner": reserve.owner_body.pk, "amount": "10", **_date("on", dt.date(2011, 1, 1)),
         "authority": "decision", "decision": decision.pk},
    )  # fmt: skip
    # A rejected decision is not offered at all.
    assert "Select decision from the list" in _errors(response)
    assert _count() == before
    with pytest.raises(ValidationError, match="was rejected"):
        services.CitedAuthority(decision=decision).fields()


def test_it_asks_for_the_decision_when_that_kind_is_chosen(world, client, reserve):
    response = client.post(
        reverse("finance:contribution-new", args=[reserve.pk]),
        {"partner": world.alpha.pk, "amount": "10", **_date("on", dt.date(2011, 1, 1)),
         "authority": "decision"},
    )  # fmt: skip
    assert "Choose the decision that authorises the movement" in _errors(response)


def test_it_refuses_a_call_beyond_the_balance(client, reserve):
    earmark = EarmarkedFundFactory.create()
    before = _count()
    response = client.post(
        reverse("finance:call-new", args=[reserve.pk]),
        {"amount": "100000.01", "purpose": "Too much", "to_fund": earmark.pk,
         "paid": Basis.ACTUAL, **_date("on", dt.date(2011, 1, 31)),
         **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert "does not have enough money" in _errors(response)
    assert _count() == before


def test_it_refuses_to_post_to_a_closed_fund(world, client):
    closed = ClosedFundFactory.create(name="Old reserve")
    before = _count()
    response = client.post(
        reverse("finance:contribution-new", args=[closed.pk]),
        {"partner": world.alpha.pk, "amount": "10", **_date("on", dt.date(2011, 4, 1)),
         **_reference(closed.owner_body)},
    )  # fmt: skip
    assert "Old reserve was closed on 31 March 2011: nothing can be posted to it" in _errors(
        response
    )
    assert _count() == before


# --- Spend, release, payment, reversal, closing ---------------------------------------------


def test_it_records_spend_from_a_project_and_a_release_back(admin, client, reserve):
    project = ProjectFactory.create(title="Life Events")
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="36400", purpose="PM", on=dt.date(2011, 1, 31),
        project=project, authority=authority(reserve.owner_body), basis=Basis.ACTUAL,
    )  # fmt: skip
    assert client.get(reverse("finance:spend-new") + f"?fund={reserve.pk}").status_code == 200
    response = client.post(
        reverse("finance:spend-new"),
        {"project": project.pk, "amount": "30000", "description": "Salary",
         **_date("on", dt.date(2011, 3, 1)), **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert response.status_code == 302
    response = client.post(
        reverse("finance:release-new"),
        {"project": project.pk, "to_fund": reserve.pk, "amount": "6400",
         "description": "Unspent", **_date("on", dt.date(2011, 3, 31)),
         **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert response.status_code == 302
    assert fund_balance(fund=reserve, on=dt.date(2011, 3, 31)) == Decimal("70000")
    # Spending more than the project has left is refused.
    before = _count()
    response = client.post(
        reverse("finance:spend-new"),
        {"project": project.pk, "amount": "1", "description": "More",
         **_date("on", dt.date(2011, 4, 1)), **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert "does not have enough money" in _errors(response)
    assert _count() == before


def test_spend_needs_a_fund_or_a_project_not_both(client, reserve):
    response = client.post(
        reverse("finance:spend-new"),
        {"fund": reserve.pk, "project": ProjectFactory.create().pk, "amount": "1",
         "description": "x", **_date("on", dt.date(2011, 4, 1)),
         **_reference(reserve.owner_body)},
    )  # fmt: skip
    assert "a fund or a project, not both" in _errors(response)


def test_it_marks_a_commitment_paid_and_reverses_a_movement(admin, client, reserve):
    earmark = EarmarkedFundFactory.create()
    call = services.call_on_reserves(
        actor=admin, fund=reserve, amount="20000", purpose="Call", on=dt.date(2011, 1, 31),
        to_fund=earmark, authority=authority(reserve.owner_body),
    )  # fmt: skip
    page = client.get(reverse("finance:fund-detail", args=[reserve.pk])).content.decode()
    assert reverse("finance:commitment-pay", args=[call.pk]) in page
    response = client.post(
        reverse("finance:commitment-pay", args=[call.pk]), _date("on", dt.date(2011, 2, 3))
    )
    assert response.status_code == 302
    assert fund_balance(fund=reserve, on=dt.date(2011, 2, 3), include="actual") == 80000
    # Paying twice is refused.
    response = client.post(
        reverse("finance:commitment-pay", args=[call.pk]), _date("on", dt.date(2011, 2, 4))
    )
    assert "already been paid" in _errors(response)
    # Reverse the contribution-free opening balance? No: reverse the payment of the call.
    payment = LedgerTransaction.objects.get(settles=call, basis=Basis.ACTUAL)
    url = reverse("finance:movement-reverse", args=[payment.pk])
    assert "Reverse a movement" in client.get(url).content.decode()
    before = _count()
    assert "Say why the movement is being corrected" in _errors(client.post(url, {"reason": ""}))
    assert _count() == before
    assert client.post(url, {"reason": "Paid in error"}).status_code == 302
    assert LedgerTransaction.objects.get(reverses=payment).reason == "Paid in error"
    assert "already been reversed" in _errors(client.post(url, {"reason": "Again"}))


def test_it_closes_a_fund_only_when_it_is_empty(admin, client, reserve):
    url = reverse("finance:fund-close", args=[reserve.pk])
    response = client.post(url, _date("on", dt.date(2011, 3, 31)))
    assert "still holds £100,000" in _errors(response)
    reserve.refresh_from_db()
    assert reserve.status == FundStatus.OPEN
    empty = EarmarkedFundFactory.create()
    response = client.post(
        reverse("finance:fund-close", args=[empty.pk]), _date("on", dt.date(2011, 3, 31))
    )
    assert response.status_code == 302
    empty.refresh_from_db()
    assert empty.status == FundStatus.CLOSED


# --- Contingency drawdowns -----------------------------------------------------------------


@pytest.fixture
def contingency(world, admin, reserve):
    today = timezone.localdate()
    fund = ContingencyFundFactory.create(
        name="Contingency", delegation__starts_on=today - dt.timedelta(days=60),
        delegation__to_bodies=[world.body],
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="85000", purpose="Contingency",
        on=today - dt.timedelta(days=30), to_fund=fund,
        authority=authority(reserve.owner_body), basis=Basis.ACTUAL,
    )  # fmt: skip
    return fund


def _draw(client, fund, person, amount, on=None):
    return client.post(
        reverse("finance:drawdown-new", args=[fund.pk]),
        {"drawn_by": person.pk, "amount": amount, "purpose": "Early work",
         "project": ProjectFactory.create().pk, **_date("on", on or timezone.localdate())},
    )  # fmt: skip


def test_a_named_member_draws_within_the_limit_and_not_beyond(world, contingency):
    member = world.users["member"]
    client = world.client("member")
    page = client.get(reverse("finance:drawdown-new", args=[contingency.pk])).content.decode()
    assert member.person.full_name in page
    assert _draw(client, contingency, member.person, "50000").status_code == 302
    tx = LedgerTransaction.objects.get(kind=TransactionKind.DRAWDOWN)
    assert tx.drawn_by == member.person and tx.posted_by == member
    before = _count()
    page = _errors(_draw(client, contingency, member.person, "35000.01"))
    assert "would exceed the delegation&#x27;s limit of £85,000" in page
    assert "at most £35,000 is left" in page
    assert _count() == before


def test_a_drawdown_after_the_delegation_expired_is_refused(world, contingency):
    delegation = contingency.delegation
    delegation.ends_on = timezone.localdate() - dt.timedelta(days=1)
    delegation.save()
    before = _count()
    page = _errors(_draw(world.client("admin"), contingency, world.users["member"].person, "10"))
    assert "The delegation expired on" in page and "nothing can be drawn under it" in page
    assert _count() == before


def test_someone_the_delegation_does_not_name_cannot_draw(world, contingency):
    assert (
        world.client("officer")
        .get(reverse("finance:drawdown-new", args=[contingency.pk]))
        .status_code
        == 403
    )
    # An administrator is offered only the people the delegation names.
    page = world.client("admin").get(reverse("finance:drawdown-new", args=[contingency.pk]))
    assert world.users["officer"].person.full_name not in page.content.decode()
    before = _count()
    response = _draw(world.client("admin"), contingency, world.users["officer"].person, "10")
    assert "Select drawn by from the list" in _errors(response)
    assert _count() == before


def test_a_member_who_has_left_the_body_cannot_draw(world, contingency):
    person = world.users["member"].person
    person.body_memberships.update(ended_on=timezone.localdate() - dt.timedelta(days=10))
    BodyMembershipFactory.create(body=world.body, person=world.users["admin"].person)
    before = _count()
    page = _errors(_draw(world.client("admin"), contingency, person, "10"))
    assert "is not named by the delegation" in page
    assert _count() == before


# --- Requests and scenarios ----------------------------------------------------------------


def test_it_records_a_pending_request_and_refuses_a_bad_one(client, reserve):
    url = reverse("finance:request-new", args=[reserve.pk])
    response = client.post(
        url,
        {"title": "CRM request", "amount": "17500", **_date("expected_on", dt.date(2011, 3, 1))},
    )
    assert response.status_code == 302
    request = FundingRequest.objects.get()
    assert request.status == RequestStatus.PENDING and request.amount == Decimal("17500")
    response = client.post(
        url, {"title": "Bad", "amount": "-1", **_date("expected_on", dt.date(2011, 3, 1))}
    )
    assert "The amount must be more than £0" in _errors(response)
    assert FundingRequest.objects.count() == 1


def test_it_refuses_or_withdraws_a_pending_request(client, reserve):
    crm = FundingRequestFactory.create(fund=reserve, title="CRM request")
    page = client.get(reverse("finance:fund-detail", args=[reserve.pk])).content.decode()
    url = reverse("finance:request-close", args=[crm.pk])
    assert url in page
    assert client.post(url, {"status": RequestStatus.REFUSED}).status_code == 302
    crm.refresh_from_db()
    assert crm.status == RequestStatus.REFUSED
    page = _errors(client.post(url, {"status": RequestStatus.WITHDRAWN}))
    assert "The request is refused: it cannot be marked withdrawn" in page
    assert "Select what happened to the request?" in _errors(client.post(url, {}))


def test_it_names_and_changes_a_scenario(world, client, reserve, assert_queries):
    crm = FundingRequestFactory.create(fund=reserve, title="CRM request")
    call = FundingRequestFactory.create(fund=reserve, title="Contingency call", amount=85000)
    response = client.post(
        reverse("finance:scenario-new"), {"name": "CRM only", "requests": [crm.pk]}
    )
    assert response.status_code == 302
    scenario = Scenario.objects.get()
    assert list(scenario.requests.all()) == [crm]
    assert (
        "There is already a scenario called crm ONLY"
        in client.post(reverse("finance:scenario-new"), {"name": "crm ONLY"}).content.decode()
    )
    edit = reverse("finance:scenario-edit", args=[scenario.pk])
    assert "checked" in client.get(edit).content.decode()
    response = client.post(edit, {"name": "Both", "requests": [crm.pk, call.pk]})
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.name == "Both" and scenario.requests.count() == 2
    assert fund_balance(fund=reserve, on=dt.date(2011, 3, 31), scenario=scenario) == Decimal(
        "-2500"
    )
    ScenarioFactory.create(name="Another", requests=[call])
    member = world.client("member")
    with assert_queries(6, "scenario list"):  # session, user, roles, bodies, scenarios,
        page = member.get(reverse("finance:scenario-list")).content.decode()  # requests+fund
    assert "Both" in page and "Contingency call" in page and "Change" not in page


# --- Bids ----------------------------------------------------------------------------------


def test_it_records_a_bid_and_takes_it_through_its_lifecycle(world, client, reserve):
    response = client.post(
        reverse("finance:bid-new"),
        {"title": "Life Events", "funder": "RIEP", "amount": "35000", "fund": reserve.pk,
         "visibility": Visibility.PUBLIC},
    )  # fmt: skip
    assert response.status_code == 302
    bid = Bid.objects.get()
    on = _date("on", dt.date(2010, 11, 1))
    assert client.post(reverse("finance:bid-submit", args=[bid.pk]), on).status_code == 302
    assert client.post(reverse("finance:bid-green-light", args=[bid.pk]), on).status_code == 302
    bid.refresh_from_db()
    assert bid.status == BidStatus.GREEN_LIGHT
    # Submitting again is refused with the reason.
    page = _errors(client.post(reverse("finance:bid-submit", args=[bid.pk]), on))
    assert "The bid is green light: it cannot become submitted" in page
    response = client.post(
        reverse("finance:bid-secure", args=[bid.pk]),
        {**_date("on", dt.date(2011, 2, 1)), "amount": "30000", "award_reference": "RIEP/123",
         "authority_body": reserve.owner_body.pk, "fund": reserve.pk},
    )  # fmt: skip
    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.status == BidStatus.SECURED and bid.secured_amount == Decimal("30000")
    assert fund_balance(fund=reserve, on=dt.date(2011, 2, 1)) == Decimal("130000")


def test_it_refuses_a_bad_bid_and_a_bad_award(client, reserve):
    response = client.post(
        reverse("finance:bid-new"),
        {"title": "x", "funder": "RIEP", "amount": "10.001", "visibility": "partnership"},
    )
    assert "at most two decimal places" in _errors(response)
    assert Bid.objects.count() == 0
    bid = GreenLightBidFactory.create(fund=reserve)
    before = _count()
    response = client.post(
        reverse("finance:bid-secure", args=[bid.pk]),
        {**_date("on", dt.date(2011, 2, 1)), "amount": "0", "award_reference": "RIEP/1",
         "authority_body": reserve.owner_body.pk},
    )  # fmt: skip
    assert "The amount must be more than £0" in _errors(response)
    bid.refresh_from_db()
    assert bid.status == BidStatus.GREEN_LIGHT and _count() == before


def test_it_rejects_and_withdraws_bids(client):
    submitted = SubmittedBidFactory.create()
    on = _date("on", dt.date(2011, 1, 5))
    assert client.post(reverse("finance:bid-reject", args=[submitted.pk]), on).status_code == 302
    draft = BidFactory.create()
    assert client.post(reverse("finance:bid-withdraw", args=[draft.pk]), on).status_code == 302
    rejected = RejectedBidFactory.create()
    page = _errors(client.post(reverse("finance:bid-withdraw", args=[rejected.pk]), on))
    assert "The bid is rejected: it cannot become withdrawn" in page


def test_the_bid_page_offers_the_next_steps(world, assert_queries):
    bid = SubmittedBidFactory.create(visibility=Visibility.PUBLIC, project=ProjectFactory.create())
    admin = world.client("admin")
    with assert_queries(5, "bid page"):  # session, user, roles, bodies, bid
        page = admin.get(reverse("finance:bid-detail", args=[bid.pk]))
    html = page.content.decode()
    assert reverse("finance:bid-green-light", args=[bid.pk]) in html
    assert reverse("finance:bid-submit", args=[bid.pk]) not in html
    public = world.client("public").get(reverse("finance:bid-detail", args=[bid.pk]))
    assert reverse("finance:bid-green-light", args=[bid.pk]) not in public.content.decode()
    hidden = BidFactory.create(visibility=Visibility.PARTNERSHIP)
    assert (
        world.client("public").get(reverse("finance:bid-detail", args=[hidden.pk])).status_code
        == 404
    )


# --- Money by project and funding source ---------------------------------------------------


@pytest.fixture
def allocations(world, admin, reserve):
    earmark = fund_with_balance(admin, amount="50000", name="Earmark", visibility="public")
    life = ProjectFactory.create(title="Life Events", visibility=Visibility.PUBLIC)
    crm = ProjectFactory.create(title="CRM", visibility=Visibility.PUBLIC)
    body = reserve.owner_body
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="36400", purpose="PM", on=dt.date(2011, 1, 31),
        project=life, authority=authority(body), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=earmark, amount="10000", purpose="PM", on=dt.date(2011, 2, 1),
        project=life, authority=authority(body),
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="17500", purpose="CRM", on=dt.date(2011, 2, 1),
        project=crm, authority=authority(body), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.spend_record(
        actor=admin, amount="20000", on=dt.date(2011, 3, 1), description="Salary",
        authority=authority(body), project=life,
    )  # fmt: skip
    services.release_record(
        actor=admin, amount="2500", on=dt.date(2011, 3, 31), to_fund=reserve,
        description="Unspent", authority=authority(body), project=crm,
    )  # fmt: skip
    return life, crm


def test_the_table_shows_money_by_project_and_source(world, allocations, assert_queries):
    client = world.client("officer")
    with assert_queries(7, "money by project"):  # session, user, roles, bodies, projects'
        response = client.get(  # entries, other sides, visible funds
            reverse("finance:funding-table"), _date("on", dt.date(2011, 12, 31))
        )
    page = response.content.decode()
    assert "From Reserve" in page and "From Earmark" in page
    assert "£36,400" in page and "£46,400" in page  # Life Events: 36,400 + 10,000
    assert "£15,000" in page  # CRM: 17,500 - 2,500 released
    assert "£26,400" in page  # Life Events left: 46,400 - 20,000
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("finance:funding-table-csv"), _date("on", dt.date(2011, 12, 31))
                ).content.decode()
            )
        )
    )
    assert rows[0] == [
        "Project", "Earmark", "Reserve", "Allocated", "Of which not yet paid", "Spent", "Left",
    ]  # fmt: skip
    assert rows[1] == ["CRM", "0.00", "15000.00", "15000.00", "0.00", "0.00", "15000.00"]
    assert rows[2] == [
        "Life Events", "10000.00", "36400.00", "46400.00", "10000.00", "20000.00", "26400.00",
    ]  # fmt: skip
    assert rows[3][0] == "Total" and rows[3][3] == "61400.00"
    book = load_workbook(
        io.BytesIO(
            client.get(
                reverse("finance:funding-table-xlsx"), _date("on", dt.date(2011, 12, 31))
            ).content
        )
    )
    sheet = book.active
    assert sheet["A3"].value == "Life Events" and sheet["D3"].value == 46400


def test_the_table_hides_funds_and_projects_the_viewer_may_not_see(world, admin, reserve):
    secret = fund_with_balance(admin, amount="1000", name="Secret fund", visibility="exempt",
                               exempt_paragraph=3)  # fmt: skip
    public = ProjectFactory.create(title="Shown", visibility=Visibility.PUBLIC)
    hidden = ProjectFactory.create(title="Hidden project", visibility=Visibility.EXEMPT,
                                   exempt_paragraph=3)  # fmt: skip
    for project in (public, hidden):
        services.call_on_reserves(
            actor=admin, fund=secret, amount="100", purpose="x", on=dt.date(2011, 1, 1),
            project=project, authority=authority(), basis=Basis.ACTUAL,
        )  # fmt: skip
    page = world.client("officer").get(reverse("finance:funding-table")).content.decode()
    assert "Shown" in page and "Hidden project" not in page
    assert "Secret fund" not in page and "From Other funds" in page
    assert (
        "Secret fund"
        in world.client("admin").get(reverse("finance:funding-table")).content.decode()
    )
