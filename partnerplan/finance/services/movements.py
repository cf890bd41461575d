"""Movements: opening balances, contributions, income, contingency drawdowns, spending,
releases, reversals and payments of commitments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from partnerplan.core.money import format_money
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    AccountKind,
    Basis,
    Entry,
    Fund,
    FundKind,
    LedgerTransaction,
    TransactionKind,
)
from partnerplan.finance.services._common import _date, _fail, parse_amount
from partnerplan.finance.services.accounts import (
    OPENING,
    SUPPLIERS,
    account_for_fund,
    account_for_partner,
    account_outside,
)
from partnerplan.finance.services.authority import CitedAuthority
from partnerplan.finance.services.posting import _one_destination, _post
from partnerplan.governance.models import (
    Body,
    Delegation,
    DelegationStatus,
)
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project


@transaction.atomic
def opening_balance_record(
    *,
    actor: Actor,
    fund: Fund,
    amount: Any,
    on: dt.date,
    authority: CitedAuthority,
    description: str,
) -> LedgerTransaction:
    amount = parse_amount(amount)
    return _post(
        actor=actor,
        kind=TransactionKind.OPENING,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=description,
        lines=[
            (account_outside(AccountKind.OPENING, OPENING), -amount),
            (account_for_fund(fund), amount),
        ],
        authority=authority.fields(),
    )


@transaction.atomic
def contribution_record(
    *,
    actor: Actor,
    fund: Fund,
    partner: Partner,
    amount: Any,
    on: dt.date,
    authority: CitedAuthority,
    description: str = "",
) -> LedgerTransaction:
    amount = parse_amount(amount)
    return _post(
        actor=actor,
        kind=TransactionKind.CONTRIBUTION,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=description or f"Contribution from {partner}",
        lines=[(account_for_partner(partner), -amount), (account_for_fund(fund), amount)],
        authority=authority.fields(),
    )


@transaction.atomic
def income_record(
    *,
    actor: Actor,
    fund: Fund,
    funder: str,
    amount: Any,
    on: dt.date,
    authority: CitedAuthority,
    description: str = "",
    basis: str = Basis.ACTUAL,
) -> LedgerTransaction:
    amount = parse_amount(amount)
    if not funder.strip():
        raise _fail("funder", "Enter who provides the money")
    return _post(
        actor=actor,
        kind=TransactionKind.INCOME,
        basis=basis,
        effective_on=on,
        description=description or f"Income from {funder.strip()}",
        lines=[
            (account_outside(AccountKind.FUNDER, funder.strip()), -amount),
            (account_for_fund(fund), amount),
        ],
        authority=authority.fields(),
    )


def delegation_used(delegation: Delegation) -> Decimal:
    """How much has been drawn under `delegation` (drawdowns less their reversals)."""
    total = Entry.objects.filter(
        transaction__delegation=delegation, account__fund__delegation=delegation
    ).aggregate(s=Sum("amount"))["s"]
    return -(total or Decimal(0))


@transaction.atomic
def contingency_draw(
    *,
    actor: Actor,
    fund: Fund,
    drawn_by: Person,
    amount: Any,
    purpose: str,
    on: dt.date | None = None,
    to_fund: Fund | None = None,
    project: Project | None = None,
    today: dt.date | None = None,
) -> LedgerTransaction:
    """Draw on a contingency under its delegation.

    Refused unless the delegation is in force on the day of the drawdown and today, `drawn_by`
    holds or sits on one of the bodies it names, and the drawdown keeps the total drawn within
    its limit. The fund and delegation rows are locked first (in that order) so that two
    drawdowns at the same moment are checked one after the other."""
    today = today or timezone.localdate()
    on = on or today
    value = parse_amount(amount)
    locked = Fund.objects.select_for_update(of=("self",)).get(pk=fund.pk)
    delegation_pk = locked.delegation_id
    if locked.kind != FundKind.CONTINGENCY or delegation_pk is None:
        raise _fail("fund", f"{fund} is not a contingency drawn under a delegation")
    delegation = Delegation.objects.select_for_update(of=("self",)).get(pk=delegation_pk)
    if on > today:
        raise _fail("on", "A drawdown cannot be dated in the future")
    for day in sorted({on, today}):
        if not delegation.in_force_on(day):
            if delegation.status != DelegationStatus.IN_FORCE:
                state = f"is {delegation.get_status_display().lower()}"
            elif delegation.ends_on and delegation.ends_on < day:
                state = f"expired on {_date(delegation.ends_on)}"
            else:
                starts = _date(delegation.starts_on) if delegation.starts_on else "later"
                state = f"only comes into force on {starts}"
            raise _fail(
                "on", f"The delegation {state}: nothing can be drawn under it on {_date(day)}"
            )
    # One filter() call, so that the person and the dates are conditions on the same
    # membership (chained filters on a many-valued relation would each join their own).
    named = Body.objects.filter(
        Q(memberships__started_on__isnull=True) | Q(memberships__started_on__lte=on),
        Q(memberships__ended_on__isnull=True) | Q(memberships__ended_on__gte=on),
        delegations_held=delegation,
        memberships__person=drawn_by,
    )
    if not named.exists():
        holders = ", ".join(str(b) for b in delegation.to_bodies.all())
        raise _fail(
            "drawn_by",
            f"{drawn_by} is not named by the delegation: only {holders} may draw on it",
        )
    limit = delegation.financial_limit
    if limit is not None:
        used = delegation_used(delegation) if delegation.limit_is_total else Decimal(0)
        if used + value > limit:
            left = limit - used
            raise _fail(
                "amount",
                f"This drawdown of {format_money(value)} would exceed the delegation's limit of "
                f"{format_money(limit)}"
                + (
                    f": {format_money(used)} has been drawn, so at most "
                    f"{format_money(max(left, Decimal(0)))} is left"
                    if delegation.limit_is_total
                    else ""
                ),
            )
    destination = _one_destination(to_fund, project)
    return _post(
        actor=actor,
        kind=TransactionKind.DRAWDOWN,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=purpose,
        lines=[(account_for_fund(locked), -value), (destination, value)],
        authority={"delegation": delegation, "drawn_by": drawn_by},
    )


@transaction.atomic
def spend_record(
    *,
    actor: Actor,
    amount: Any,
    on: dt.date,
    description: str,
    authority: CitedAuthority,
    fund: Fund | None = None,
    project: Project | None = None,
) -> LedgerTransaction:
    """Money paid out of a fund or a project's allocation."""
    value = parse_amount(amount)
    source = _one_destination(fund, project)
    return _post(
        actor=actor,
        kind=TransactionKind.SPEND,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=description,
        lines=[(source, -value), (account_outside(AccountKind.SUPPLIERS, SUPPLIERS), value)],
        authority=authority.fields(),
    )


@transaction.atomic
def release_record(
    *,
    actor: Actor,
    amount: Any,
    on: dt.date,
    to_fund: Fund,
    description: str,
    authority: CitedAuthority,
    from_fund: Fund | None = None,
    project: Project | None = None,
) -> LedgerTransaction:
    """Unspent money given back from a project or earmarked fund to a fund."""
    value = parse_amount(amount)
    source = _one_destination(from_fund, project)
    return _post(
        actor=actor,
        kind=TransactionKind.RELEASE,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=description,
        lines=[(source, -value), (account_for_fund(to_fund), value)],
        authority=authority.fields(),
    )


def _authority_of(tx: LedgerTransaction) -> dict[str, Any]:
    return {
        "decision": tx.decision,
        "officer_decision": tx.officer_decision,
        "delegation": tx.delegation,
        "drawn_by": tx.drawn_by,
        "authority_body": tx.authority_body,
        "authority_reference": tx.authority_reference,
        "authority_date": tx.authority_date,
    }


def _lock_transaction(tx: LedgerTransaction) -> LedgerTransaction:
    return LedgerTransaction.objects.select_for_update(of=("self",)).get(pk=tx.pk)


@transaction.atomic
def transaction_reverse(
    *, actor: Actor, transaction_: LedgerTransaction, reason: str, on: dt.date | None = None
) -> LedgerTransaction:
    """Correct a movement by posting its exact opposite. The original stays in the ledger.

    The reversal takes effect on the later of the original's date and `on` (today by default),
    so forecasts before the correction are unchanged."""
    original = _lock_transaction(transaction_)
    if not reason.strip():
        raise _fail("reason", "Say why the movement is being corrected")
    if original.kind in (TransactionKind.REVERSAL, TransactionKind.SETTLEMENT):
        raise _fail(
            "transaction", "A correction cannot itself be reversed: post the right movement again"
        )
    if LedgerTransaction.objects.filter(reverses=original).exists():
        raise _fail("transaction", "This movement has already been reversed")
    if original.settled_by.exists():
        raise _fail(
            "transaction",
            "This commitment has been paid: reverse the payment, or release the unspent money",
        )
    on = on or timezone.localdate()
    lines = [(e.account, -e.amount) for e in original.entries.select_related("account")]
    return _post(
        actor=actor,
        kind=TransactionKind.REVERSAL,
        basis=original.basis,
        effective_on=max(original.effective_on, on),
        description=f"Reversal of: {original.description}",
        lines=lines,
        authority=_authority_of(original),
        reverses=original,
        reason=reason,
    )


@transaction.atomic
def commitment_pay(
    *, actor: Actor, commitment: LedgerTransaction, on: dt.date
) -> LedgerTransaction:
    """Record that an approved, not yet paid, movement has been paid on `on`: the commitment is
    taken off (on the later of its expected date and `on`) and the actual movement posted."""
    original = _lock_transaction(commitment)
    if original.basis != Basis.COMMITTED or original.kind in (
        TransactionKind.REVERSAL,
        TransactionKind.SETTLEMENT,
    ):
        raise _fail("transaction", "Only an approved movement not yet paid can be marked paid")
    if original.settled_by.exists() or LedgerTransaction.objects.filter(reverses=original).exists():
        raise _fail("transaction", "This commitment has already been paid or reversed")
    entries = list(original.entries.select_related("account"))
    _post(
        actor=actor,
        kind=TransactionKind.SETTLEMENT,
        basis=Basis.COMMITTED,
        effective_on=max(original.effective_on, on),
        description=f"Paid: {original.description}",
        lines=[(e.account, -e.amount) for e in entries],
        authority=_authority_of(original),
        settles=original,
    )
    return _post(
        actor=actor,
        kind=original.kind,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=original.description,
        lines=[(e.account, e.amount) for e in entries],
        authority=_authority_of(original),
        settles=original,
    )
