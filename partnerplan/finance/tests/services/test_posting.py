"""Posting: amounts, authority, closed funds, balances below zero, commitments, reversals,
spending and releases. Refusals post nothing."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    Basis,
    FundKind,
    LedgerTransaction,
)
from partnerplan.finance.selectors import Include, fund_balance, ledger_problems
from partnerplan.finance.tests.factories import (
    ClosedFundFactory,
    EarmarkedFundFactory,
    FundFactory,
    authority,
    fund_with_balance,
)
from partnerplan.finance.tests.services._helpers import MARCH, _count
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


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
