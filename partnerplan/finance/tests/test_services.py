"""The ledger services: amounts, authority, balance, reversals, commitments, contingencies,
requests, scenarios and bids. Refusals post nothing."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    Basis,
    BidStatus,
    Entry,
    FundKind,
    LedgerTransaction,
    RequestStatus,
)
from partnerplan.finance.selectors import Include, fund_balance, ledger_problems
from partnerplan.finance.tests.factories import (
    BidFactory,
    ClosedFundFactory,
    ContingencyFundFactory,
    EarmarkedFundFactory,
    FundFactory,
    FundingRequestFactory,
    GreenLightBidFactory,
    RejectedBidFactory,
    authority,
    fund_with_balance,
)
from partnerplan.governance.models import DelegationStatus
from partnerplan.governance.tests.factories import BodyFactory, BodyMembershipFactory
from partnerplan.partners.tests.factories import PersonFactory
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

MARCH = dt.date(2011, 3, 31)


@pytest.fixture
def actor(world):
    return world.users["admin"]


def _count():
    return LedgerTransaction.objects.count(), Entry.objects.count()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("0"), "more than £0"),
        (Decimal("-5"), "more than £0"),
        ("12.345", "at most two decimal places"),
        (12.5, "not a float"),
        ("twelve", "is not an amount of money"),
        ("", "Enter an amount"),
        ("NaN", "Enter an amount of money"),
        (Decimal("1000000000000"), "no more than"),
    ],
)
def test_it_refuses_bad_amounts_and_posts_nothing(actor, amount, message):
    fund = fund_with_balance(actor)
    target = EarmarkedFundFactory.create()
    before = _count()
    with pytest.raises(ValidationError, match=re.escape(message)) as exc:
        services.call_on_reserves(
            actor=actor, fund=fund, amount=amount, purpose="Call", on=MARCH, to_fund=target,
            authority=authority(),
        )  # fmt: skip
    assert message in str(exc.value)
    assert _count() == before


def test_it_accepts_pounds_and_pence_as_text_or_decimal():
    assert services.parse_amount("£17,500.50") == Decimal("17500.50")
    assert services.parse_amount(Decimal("85000")) == Decimal("85000.00")
    assert services.parse_amount(36400) == Decimal("36400.00")


def test_it_refuses_a_movement_without_authority(actor):
    fund = fund_with_balance(actor)
    before = _count()
    with pytest.raises(ValidationError, match="needs the decision that authorises it") as exc:
        services.call_on_reserves(
            actor=actor, fund=fund, amount="100", purpose="Call", on=MARCH,
            to_fund=EarmarkedFundFactory.create(), authority=services.CitedAuthority(reference="x"),
        )  # fmt: skip
    assert "needs the decision that authorises it" in str(exc.value)
    assert "the body that authorised it" in str(exc.value)
    assert _count() == before


def test_the_database_refuses_an_unauthorised_transaction_too(actor):
    from django.db import IntegrityError, transaction

    with (
        pytest.raises(IntegrityError, match="ledger_transaction_is_authorised"),
        transaction.atomic(),
    ):
        LedgerTransaction.objects.create(
            kind="call", effective_on=MARCH, description="x", posted_by=actor
        )


def test_it_refuses_posting_to_a_closed_fund(actor):
    fund = fund_with_balance(actor)
    closed = ClosedFundFactory.create(kind=FundKind.EARMARKED)
    before = _count()
    with pytest.raises(ValidationError, match="nothing can be posted to it") as exc:
        services.call_on_reserves(
            actor=actor, fund=fund, amount="100", purpose="Call", on=MARCH, to_fund=closed,
            authority=authority(),
        )  # fmt: skip
    assert "was closed on 31 March 2011: nothing can be posted to it" in str(exc.value)
    assert _count() == before


def test_it_closes_only_an_empty_fund(actor):
    fund = fund_with_balance(actor, amount="10")
    with pytest.raises(ValidationError, match="still holds £10"):
        services.fund_close(actor=actor, fund=fund, on=MARCH)
    empty = FundFactory.create()
    services.fund_close(actor=actor, fund=empty, on=MARCH)
    empty.refresh_from_db()
    assert empty.is_closed


def test_it_refuses_to_take_a_fund_below_zero(actor):
    fund = fund_with_balance(actor, amount="1000")
    before = _count()
    with pytest.raises(ValidationError, match="does not have enough money") as exc:
        services.call_on_reserves(
            actor=actor, fund=fund, amount="1000.01", purpose="Too much", on=MARCH,
            to_fund=EarmarkedFundFactory.create(), authority=authority(),
        )  # fmt: skip
    assert "does not have enough money: this would take it to -£0.01" in str(exc.value)
    assert _count() == before


def test_it_refuses_a_movement_that_would_overdraw_a_fund_at_an_earlier_date(actor):
    """Money arriving later does not pay for money leaving earlier."""
    fund = fund_with_balance(actor, amount="1000", on=dt.date(2011, 1, 1))
    with pytest.raises(ValidationError, match="on 1 December 2010"):
        services.call_on_reserves(
            actor=actor, fund=fund, amount="500", purpose="Early", on=dt.date(2010, 12, 1),
            to_fund=EarmarkedFundFactory.create(), authority=authority(),
        )  # fmt: skip


def test_a_fund_whose_rules_allow_it_may_go_below_zero_and_is_flagged(actor):
    fund = fund_with_balance(actor, amount="1000", allow_negative=True)
    tx = services.call_on_reserves(
        actor=actor, fund=fund, amount="1500", purpose="Overdraw", on=MARCH,
        to_fund=EarmarkedFundFactory.create(), authority=authority(),
    )  # fmt: skip
    assert tx.overdraws
    assert fund_balance(fund=fund, on=MARCH) == Decimal("-500.00")
    assert ledger_problems() == []


def test_a_call_is_a_commitment_until_paid(actor):
    reserve = fund_with_balance(actor, amount="318990")
    earmark = EarmarkedFundFactory.create()
    call = services.call_on_reserves(
        actor=actor, fund=reserve, amount="86700", purpose="Call", on=dt.date(2011, 2, 1),
        to_fund=earmark, authority=authority(),
    )  # fmt: skip
    assert call.basis == Basis.COMMITTED
    assert fund_balance(fund=reserve, on=MARCH, include=Include.ACTUAL) == Decimal("318990.00")
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("232290.00")
    assert fund_balance(fund=reserve, on=dt.date(2011, 1, 31)) == Decimal("318990.00")
    # Paid early: the money has gone from January, and the commitment no longer counts.
    services.commitment_pay(actor=actor, commitment=call, on=dt.date(2011, 1, 15))
    for day in (dt.date(2011, 1, 20), MARCH):
        assert fund_balance(fund=reserve, on=day) == Decimal("232290.00")
        assert fund_balance(fund=reserve, on=day, include=Include.ACTUAL) == Decimal("232290.00")
    assert fund_balance(fund=earmark, on=MARCH, include=Include.ACTUAL) == Decimal("86700.00")
    with pytest.raises(ValidationError, match="already been paid"):
        services.commitment_pay(actor=actor, commitment=call, on=MARCH)
    assert ledger_problems() == []


def test_a_commitment_paid_late_still_counts_until_paid(actor):
    reserve = fund_with_balance(actor, amount="1000")
    call = services.call_on_reserves(
        actor=actor, fund=reserve, amount="400", purpose="Call", on=dt.date(2011, 2, 1),
        to_fund=EarmarkedFundFactory.create(), authority=authority(),
    )  # fmt: skip
    services.commitment_pay(actor=actor, commitment=call, on=dt.date(2011, 4, 10))
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("600.00")
    assert fund_balance(fund=reserve, on=MARCH, include=Include.ACTUAL) == Decimal("1000.00")
    assert fund_balance(fund=reserve, on=dt.date(2011, 4, 30)) == Decimal("600.00")


def test_a_correction_is_a_reversal_and_the_original_stays(actor):
    reserve = fund_with_balance(actor, amount="1000")
    earmark = EarmarkedFundFactory.create()
    call = services.call_on_reserves(
        actor=actor, fund=reserve, amount="400", purpose="Wrong fund", on=MARCH,
        to_fund=earmark, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    reversal = services.transaction_reverse(
        actor=actor, transaction_=call, reason="Posted to the wrong fund", on=dt.date(2011, 4, 1)
    )
    assert reversal.reverses == call
    assert LedgerTransaction.objects.filter(pk=call.pk).exists()
    assert fund_balance(fund=reserve, on=dt.date(2011, 4, 1)) == Decimal("1000.00")
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("600.00")
    with pytest.raises(ValidationError, match="already been reversed"):
        services.transaction_reverse(actor=actor, transaction_=call, reason="again")
    with pytest.raises(ValidationError, match="cannot itself be reversed"):
        services.transaction_reverse(actor=actor, transaction_=reversal, reason="again")
    with pytest.raises(ValidationError, match="Say why"):
        services.transaction_reverse(
            actor=actor, transaction_=services.call_on_reserves(
                actor=actor, fund=reserve, amount="1", purpose="x", on=MARCH, to_fund=earmark,
                authority=authority(),
            ), reason=" ",
        )  # fmt: skip
    assert ledger_problems() == []


def test_a_reversal_that_would_overdraw_is_refused(actor):
    reserve = fund_with_balance(actor, amount="1000")
    earmark = EarmarkedFundFactory.create()
    call = services.call_on_reserves(
        actor=actor, fund=reserve, amount="400", purpose="Call", on=MARCH, to_fund=earmark,
        authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.spend_record(
        actor=actor, fund=earmark, amount="300", on=MARCH, description="Spent",
        authority=authority(),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="does not have enough money"):
        services.transaction_reverse(actor=actor, transaction_=call, reason="Oops")


def test_spend_and_release_on_a_project(actor):
    reserve = fund_with_balance(actor, amount="50000")
    project = ProjectFactory.create()
    services.call_on_reserves(
        actor=actor, fund=reserve, amount="36400", purpose="Project manager",
        on=dt.date(2011, 1, 1),
        project=project, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.spend_record(
        actor=actor, project=project, amount="30000", on=MARCH, description="Salary",
        authority=authority(),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="does not have enough money"):
        services.spend_record(
            actor=actor, project=project, amount="6400.01", on=MARCH, description="Too much",
            authority=authority(),
        )  # fmt: skip
    services.release_record(
        actor=actor, project=project, to_fund=reserve, amount="6400", on=MARCH,
        description="Unspent", authority=authority(),
    )  # fmt: skip
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("20000.00")
    assert ledger_problems() == []


def test_the_governance_effect_posts_the_call_naming_the_decision(actor):
    reserve = fund_with_balance(actor, amount="300000")
    contingency = EarmarkedFundFactory.create()
    request = FundingRequestFactory.create(
        fund=reserve, to_fund=contingency, amount=Decimal("85000")
    )

    class Decided:  # duck-typed: what governance passes
        body = reserve.owner_body
        decided_on = dt.date(2010, 12, 17)

        def __str__(self):
            return "Joint Committee, 17 December 2010, item 3, recommendation 4"

    tx = services.reserve_call_from_decision(
        actor=actor, decision=Decided(), fund_id=reserve.pk, to_fund_id=contingency.pk,
        amount="85000.00", purpose="Contingency (2.4)", pay_on="2011-01-31", request_id=request.pk,
    )  # fmt: skip
    assert tx.authority_reference == "Joint Committee, 17 December 2010, item 3, recommendation 4"
    assert tx.authority_date == dt.date(2010, 12, 17)
    assert tx.effective_on == dt.date(2011, 1, 31)
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.transaction == tx
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("215000.00")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"fund_id": 999999, "amount": "10", "to_fund_id": None}, "There is no fund"),
        ({"amount": "-10"}, "more than £0"),
        ({"amount": "10", "colour": "red"}, "does not take colour"),
        ({"amount": "10", "pay_on": "soon"}, "is not a date"),
        ({"amount": "10", "to_fund_id": None}, "a fund or a project, not both"),
    ],
)
def test_the_governance_effect_refuses_bad_parameters(actor, params, message):
    reserve = fund_with_balance(actor, amount="300000")
    earmark = EarmarkedFundFactory.create()
    decision = type(
        "D", (), {"body": reserve.owner_body, "decided_on": MARCH, "__str__": lambda s: "D"}
    )()
    kwargs = {"fund_id": reserve.pk, "to_fund_id": earmark.pk, "purpose": "x", **params}
    if kwargs["to_fund_id"] is None:
        del kwargs["to_fund_id"]
    before = _count()
    with pytest.raises(ValidationError, match=message):
        services.reserve_call_from_decision(actor=actor, decision=decision, **kwargs)
    assert _count() == before


def test_the_governance_effect_accepts_a_real_decision(actor):
    from partnerplan.governance.models import Decision, Outcome
    from partnerplan.governance.tests.factories import MeetingFactory, RecommendationFactory

    reserve = fund_with_balance(actor, amount="300000")
    meeting = MeetingFactory.create(body=reserve.owner_body)
    rec = RecommendationFactory.create(item__meeting=meeting)
    decision = Decision.objects.create(
        recommendation=rec, meeting=meeting, body=reserve.owner_body, outcome=Outcome.APPROVED,
        decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip
    tx = services.reserve_call_from_decision(
        actor=actor, decision=decision, fund_id=reserve.pk, amount="17500",
        project_id=ProjectFactory.create().pk, purpose="CRM",
    )  # fmt: skip
    assert tx.decision == decision
    assert "Decision:" in tx.authority_text


# --- Contingency drawdowns -----------------------------------------------------------------


@pytest.fixture
def contingency(actor):
    fund = ContingencyFundFactory.create(
        delegation__starts_on=dt.date(2011, 1, 1), delegation__ends_on=dt.date(2011, 12, 31)
    )
    director = BodyFactory.create(name="Partnership Director")
    fund.delegation.to_bodies.set([director])
    reserve = fund_with_balance(actor, amount="200000")
    services.call_on_reserves(
        actor=actor, fund=reserve, amount="85000", purpose="Contingency", on=dt.date(2011, 1, 1),
        to_fund=fund, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    person = PersonFactory.create()
    BodyMembershipFactory.create(body=director, person=person)
    return fund, person


def _draw(actor, fund, person, amount, on=dt.date(2011, 2, 1), today=dt.date(2011, 2, 1)):
    return services.contingency_draw(
        actor=actor, fund=fund, drawn_by=person, amount=amount, purpose="Early project work",
        on=on, today=today, project=ProjectFactory.create(),
    )  # fmt: skip


def test_a_named_person_draws_within_the_limit(actor, contingency):
    fund, person = contingency
    tx = _draw(actor, fund, person, "50000")
    assert tx.delegation == fund.delegation and tx.drawn_by == person
    assert services.delegation_used(fund.delegation) == Decimal("50000.00")
    _draw(actor, fund, person, "35000")
    assert fund_balance(fund=fund, on=MARCH) == Decimal("0.00")
    assert ledger_problems() == []


def test_it_refuses_a_drawdown_beyond_the_limit(actor, contingency):
    fund, person = contingency
    _draw(actor, fund, person, "50000")
    before = _count()
    with pytest.raises(ValidationError, match="would exceed the delegation's limit") as exc:
        _draw(actor, fund, person, "35000.01")
    assert (
        "would exceed the delegation's limit of £85,000: £50,000 has been drawn, so at most "
        "£35,000 is left" in str(exc.value)
    )
    assert _count() == before


def test_a_reversed_drawdown_frees_the_limit(actor, contingency):
    fund, person = contingency
    tx = _draw(actor, fund, person, "85000")
    services.transaction_reverse(
        actor=actor, transaction_=tx, reason="Wrong project", on=dt.date(2011, 2, 1)
    )
    assert services.delegation_used(fund.delegation) == Decimal("0.00")
    _draw(actor, fund, person, "85000", today=dt.date(2011, 2, 2), on=dt.date(2011, 2, 2))


def test_it_refuses_a_drawdown_after_the_delegation_expired(actor, contingency):
    fund, person = contingency
    before = _count()
    with pytest.raises(ValidationError, match="expired on 31 December 2011"):
        _draw(actor, fund, person, "10", on=dt.date(2012, 1, 2), today=dt.date(2012, 1, 2))
    # Backdating to a day in force does not help once it has expired.
    with pytest.raises(ValidationError, match="expired on 31 December 2011"):
        _draw(actor, fund, person, "10", on=dt.date(2011, 12, 1), today=dt.date(2012, 1, 2))
    assert _count() == before


def test_it_refuses_a_drawdown_under_a_revoked_or_future_delegation(actor, contingency):
    fund, person = contingency
    with pytest.raises(ValidationError, match="only comes into force on 1 January 2011"):
        _draw(actor, fund, person, "10", on=dt.date(2010, 12, 20), today=dt.date(2010, 12, 20))
    fund.delegation.status = DelegationStatus.REVOKED
    fund.delegation.save()
    with pytest.raises(ValidationError, match="is revoked"):
        _draw(actor, fund, person, "10")


def test_it_refuses_a_drawdown_by_someone_the_delegation_does_not_name(actor, contingency):
    fund, _person = contingency
    stranger = PersonFactory.create(first_name="Stranger")
    before = _count()
    with pytest.raises(ValidationError, match="is not named by the delegation") as exc:
        _draw(actor, fund, stranger, "10")
    assert "is not named by the delegation: only Partnership Director may draw on it" in str(
        exc.value
    )
    assert _count() == before


def test_it_refuses_a_future_dated_drawdown_and_a_non_contingency(actor, contingency):
    fund, person = contingency
    with pytest.raises(ValidationError, match="cannot be dated in the future"):
        _draw(actor, fund, person, "10", on=dt.date(2011, 2, 2), today=dt.date(2011, 2, 1))
    with pytest.raises(ValidationError, match="is not a contingency"):
        _draw(actor, fund_with_balance(actor), person, "10")


# --- Bids ----------------------------------------------------------------------------------


def test_a_secured_bid_becomes_income_on_its_fund(actor):
    stream = FundFactory.create(kind=FundKind.EXTERNAL, funder="RIEP")
    bid = GreenLightBidFactory.create(fund=stream, amount=Decimal("100000"))
    services.bid_secure(
        actor=actor, bid=bid, on=dt.date(2010, 11, 1), award_reference="RIEP award letter",
        authority_body=stream.owner_body,
    )  # fmt: skip
    bid.refresh_from_db()
    assert bid.status == BidStatus.SECURED
    assert bid.income is not None and bid.income.kind == "income"
    assert fund_balance(fund=stream, on=MARCH) == Decimal("100000.00")
    assert ledger_problems() == []


def test_a_bid_follows_its_lifecycle_and_refuses_wrong_moves(actor):
    bid = services.bid_create(actor=actor, title="Life Events", funder="RIEP", amount="35000")
    assert bid.status == BidStatus.DRAFT
    with pytest.raises(ValidationError, match="is draft: it cannot become green light"):
        services.bid_green_light(actor=actor, bid=bid, on=MARCH)
    services.bid_submit(actor=actor, bid=bid, on=MARCH)
    services.bid_green_light(actor=actor, bid=bid, on=MARCH)
    services.bid_withdraw(actor=actor, bid=bid, on=MARCH)
    with pytest.raises(ValidationError, match="is withdrawn: it cannot become secured"):
        services.bid_secure(
            actor=actor, bid=bid, on=MARCH, award_reference="x", authority_body=BodyFactory.create()
        )
    with pytest.raises(ValidationError, match="is rejected"):
        services.bid_submit(actor=actor, bid=RejectedBidFactory.create(), on=MARCH)


def test_securing_a_bid_without_a_fund_posts_nothing(actor):
    bid = GreenLightBidFactory.create()
    before = _count()
    with pytest.raises(ValidationError, match="Choose the fund"):
        services.bid_secure(
            actor=actor, bid=bid, on=MARCH, award_reference="x", authority_body=BodyFactory.create()
        )
    bid.refresh_from_db()
    assert bid.status == BidStatus.GREEN_LIGHT
    assert _count() == before


def test_it_refuses_a_bid_without_funder_or_with_a_bad_amount(actor):
    with pytest.raises(ValidationError, match="Enter the funder"):
        services.bid_create(actor=actor, title="x", funder=" ", amount="10")
    with pytest.raises(ValidationError, match="more than £0"):
        services.bid_create(actor=actor, title="x", funder="RIEP", amount="0")
    BidFactory.create()


# --- Requests ------------------------------------------------------------------------------


def test_a_pending_request_can_be_refused_or_withdrawn_once(actor):
    reserve = fund_with_balance(actor)
    request = services.request_create(
        actor=actor, fund=reserve, title="CRM", amount="17500", expected_on=MARCH
    )
    services.request_close(actor=actor, request=request, status=RequestStatus.REFUSED)
    with pytest.raises(ValidationError, match="is refused: it cannot be marked withdrawn"):
        services.request_close(actor=actor, request=request, status=RequestStatus.WITHDRAWN)


def test_it_refuses_a_fund_that_breaks_its_kind_rules(actor):
    body = BodyFactory.create()
    with pytest.raises(ValidationError, match="needs the delegation") as exc:
        services.fund_create(actor=actor, name="C", kind=FundKind.CONTINGENCY, owner_body=body)
    assert "needs the delegation" in str(exc.value)
    with pytest.raises(ValidationError, match="who provides the money"):
        services.fund_create(actor=actor, name="E", kind=FundKind.EXTERNAL, owner_body=body)
    services.fund_create(actor=actor, name="R", kind=FundKind.RESERVE, owner_body=body)
    with pytest.raises(ValidationError, match="already a fund called"):
        services.fund_create(actor=actor, name="r", kind=FundKind.RESERVE, owner_body=body)
