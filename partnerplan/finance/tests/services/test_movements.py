"""Contingency drawdowns: the delegation, its dates, the people it names and its limit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    Basis,
)
from partnerplan.finance.selectors import fund_balance, ledger_problems
from partnerplan.finance.tests.factories import (
    ContingencyFundFactory,
    authority,
    fund_with_balance,
)
from partnerplan.finance.tests.services._helpers import MARCH, _count
from partnerplan.governance.models import DelegationStatus
from partnerplan.governance.tests.factories import BodyFactory, BodyMembershipFactory
from partnerplan.partners.tests.factories import PersonFactory
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


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
    with pytest.raises(ValidationError, match="would exceed its limit of £85,000") as exc:
        _draw(actor, fund, person, "35000.01")
    assert (
        "would exceed its limit of £85,000 in total: £50,000 has been used (officer decisions, "
        "drawdowns and delegated spends together), so at most £35,000 is left" in str(exc.value)
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


def _officer_decision(fund, person, amount, on=dt.date(2011, 2, 1)):
    from partnerplan.governance.services import officer_decision_record

    return officer_decision_record(
        actor=None, delegation=fund.delegation, taken_by=fund.delegation.to_bodies.get(),
        decided_by=person, title="Early project work", decision="To spend it",
        reasons="Needed now", decided_on=on, amount=Decimal(amount),
        options_considered="None", declared_interests="None",
    )  # fmt: skip


def test_it_counts_officer_decisions_and_drawdowns_on_the_delegations_one_account(
    actor, contingency
):
    fund, person = contingency
    _officer_decision(fund, person, "85000")
    before = _count()
    with pytest.raises(ValidationError, match="would exceed its limit of £85,000") as exc:
        _draw(actor, fund, person, "0.01")
    assert "£85,000 has been used (officer decisions, drawdowns" in str(exc.value)
    assert "at most £0 is left" in str(exc.value)
    assert _count() == before
    assert services.delegation_used(fund.delegation) == Decimal("85000.00")


def test_a_drawdown_is_a_use_of_the_delegation_and_its_reversal_gives_it_back(actor, contingency):
    from partnerplan.finance.selectors import authority_breaks
    from partnerplan.governance.models import ActKind

    fund, person = contingency
    tx = _draw(actor, fund, person, "60000")
    assert tx.authority_use.act == ActKind.DRAWDOWN
    assert tx.authority_use.delegation == fund.delegation
    with pytest.raises(ValidationError, match="and £60,000 has been used"):
        _officer_decision(fund, person, "30000")
    reversal = services.transaction_reverse(
        actor=actor, transaction_=tx, reason="Wrong project", on=dt.date(2011, 2, 1)
    )
    tx.authority_use.refresh_from_db()
    assert tx.authority_use.is_released
    assert "Wrong project" in tx.authority_use.release_reason
    assert reversal.authority_use is None
    _officer_decision(fund, person, "85000")
    assert authority_breaks() == []
