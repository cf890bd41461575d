"""The forms that post to the ledger, through the views: what is posted, and that bad input
is refused with the plain-English reason on the form and nothing posted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnerplan.finance import services
from partnerplan.finance.models import (
    Basis,
    FundStatus,
    LedgerTransaction,
    TransactionKind,
)
from partnerplan.finance.selectors import fund_balance
from partnerplan.finance.tests.factories import (
    ClosedFundFactory,
    ContingencyFundFactory,
    EarmarkedFundFactory,
    authority,
)
from partnerplan.finance.tests.views._helpers import _count, _date, _decision, _errors, _reference
from partnerplan.governance.models import Outcome
from partnerplan.governance.tests.factories import (
    BodyMembershipFactory,
)
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


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
    decision = _decision(reserve.owner_body, fund=reserve)
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
    assert "would exceed its limit of £85,000 in total: £50,000 has been used" in page
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
