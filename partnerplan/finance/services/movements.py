"""Movements: opening balances, contributions, income, contingency drawdowns, spending,
releases, reversals and payments of commitments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.money import format_money
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    AccountKind,
    Basis,
    Fund,
    FundingRequest,
    FundKind,
    LedgerTransaction,
    RequestStatus,
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
from partnerplan.finance.services.authority import CitedAuthority, authorise
from partnerplan.finance.services.posting import _one_destination, _post
from partnerplan.governance.models import (
    ActKind,
    Delegation,
    DelegationStatus,
    PowerKind,
)
from partnerplan.governance.selectors.authority import delegation_names
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    Subject,
    authority_use_release,
    delegation_account,
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
    """How much of `delegation` is used: its one account (governance's `delegation_account`),
    counting officer decisions, drawdowns and delegated spends together, less those released."""
    return delegation_account(delegation).used


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
    holds or sits on one of the bodies it names, and the drawdown keeps the delegation's one
    account (officer decisions under it and drawdowns together) within its limit. The fund and
    delegation rows are locked first (in that order) so that two uses at the same moment are
    checked one after the other."""
    today = today or clock.today()
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
    if not delegation_names(delegation, drawn_by, on):
        holders = ", ".join(str(b) for b in delegation.to_bodies.all())
        raise _fail(
            "drawn_by",
            f"{drawn_by} is not named by the delegation: only {holders} may draw on it",
        )
    destination = _one_destination(to_fund, project)
    fields = authorise(
        actor=actor,
        act=Act(
            kind=ActKind.DRAWDOWN,
            powers=(delegation.power,),
            on=on,
            label=f"draw {format_money(value)} on {locked}",
            subject=Subject("fund_id", locked.pk, locked.name),
            amount=value,
            single_use=False,
        ),
        grant=Grant(delegation=delegation, drawn_by=drawn_by),
        description=f"Drawdown on {locked}: {purpose.strip()}",
        field_name="amount",
    )
    return _post(
        actor=actor,
        kind=TransactionKind.DRAWDOWN,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=purpose,
        lines=[(account_for_fund(locked), -value), (destination, value)],
        authority=fields,
    )


def _earmark_authority(
    *,
    actor: Actor,
    fund: Fund | None,
    other_purpose: bool,
    amount: Decimal,
    on: dt.date,
    authority: CitedAuthority,
    what: str,
) -> dict[str, Any]:
    """The authority for money leaving `fund`: for an earmarked reserve used for another
    purpose, a decision of the body its page names as the approver of another use (or of a
    body it delegated to), used once; otherwise the movement's cited authority as it is."""
    if fund is None or fund.kind != FundKind.EARMARKED or not other_purpose:
        return authority.fields()
    locked = Fund.objects.select_related("other_use_approver").get(pk=fund.pk)
    approver = locked.other_use_approver
    if approver is None:
        raise _fail(
            "other_purpose",
            f"Name who may approve another use of {locked} on its page first",
        )
    act = Act(
        kind=ActKind.EARMARK_SPEND,
        powers=(),
        on=on,
        label=f"{what} {format_money(amount)} of {locked} for another purpose than "
        f"{locked.earmarked_for or 'its earmark'}",
        subject=Subject("fund_id", locked.pk, locked.name),
        amount=amount,
        approver=approver,
    )
    # A reference typed from the papers is recorded as a decision of the approver; its power is
    # that of calling on reserves (another use of an earmark is a new call on it).
    return authorise(
        actor=actor,
        act=act,
        cited=authority,
        power=PowerKind.CALL_ON_RESERVES,
        description=f"Another use of {locked}: {what} {format_money(amount)}",
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
    other_purpose: bool = False,
) -> LedgerTransaction:
    """Money paid out of a fund or a project's allocation. Paid out of an earmarked reserve for
    another purpose than its earmark (`other_purpose`), it needs the approval of the body the
    fund names for that."""
    value = parse_amount(amount)
    source = _one_destination(fund, project)
    fields = _earmark_authority(
        actor=actor, fund=fund, other_purpose=other_purpose, amount=value, on=on,
        authority=authority, what="spend",
    )  # fmt: skip
    return _post(
        actor=actor,
        kind=TransactionKind.SPEND,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=description,
        lines=[(source, -value), (account_outside(AccountKind.SUPPLIERS, SUPPLIERS), value)],
        authority=fields,
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
    other_purpose: bool = False,
) -> LedgerTransaction:
    """Unspent money given back from a project or earmarked fund to a fund. Released from an
    earmarked reserve for another purpose (`other_purpose`), it needs the approval of the body
    the fund names for that."""
    value = parse_amount(amount)
    source = _one_destination(from_fund, project)
    fields = _earmark_authority(
        actor=actor, fund=from_fund, other_purpose=other_purpose, amount=value, on=on,
        authority=authority, what="release",
    )  # fmt: skip
    return _post(
        actor=actor,
        kind=TransactionKind.RELEASE,
        basis=Basis.ACTUAL,
        effective_on=on,
        description=description,
        lines=[(source, -value), (account_for_fund(to_fund), value)],
        authority=fields,
    )


def _authority_of(tx: LedgerTransaction, *, with_use: bool = True) -> dict[str, Any]:
    """The authority fields of `tx`, for the movements that settle or reverse it. Paying a
    commitment is the same act (the same use); a reversal gives the use back and keeps none."""
    return {
        "decision": tx.decision,
        "officer_decision": tx.officer_decision,
        "prior_decision": tx.prior_decision,
        "authority_use": tx.authority_use if with_use else None,
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
    on = on or clock.today()
    lines = [(e.account, -e.amount) for e in original.entries.select_related("account")]
    if original.authority_use is not None and original.authority_use.released_at is None:
        # The act is undone: its use of the authority is given back (a decision may be used
        # again; a delegation's amount no longer counts against its limit).
        authority_use_release(
            actor=actor, use=original.authority_use, reason=f"Reversed: {reason.strip()}"
        )
    # A reversed call no longer answers its funding request: the request is pending again, so
    # the decision about it (whose use was just given back) can post the call once more.
    for answered in FundingRequest.objects.select_for_update(of=("self",)).filter(
        transaction=original
    ):
        answered.status = RequestStatus.PENDING
        answered.transaction = None
        answered.decision = None
        answered.decided_on = None
        save_with_actor(answered, actor)
    return _post(
        actor=actor,
        kind=TransactionKind.REVERSAL,
        basis=original.basis,
        effective_on=max(original.effective_on, on),
        description=f"Reversal of: {original.description}",
        lines=lines,
        authority=_authority_of(original, with_use=False),
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
