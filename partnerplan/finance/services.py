"""Every write to the finance ledger, funds, requests, scenarios and bids.

The rules (docs/finance.md):
- amounts are Decimal pounds, more than £0, with at most two decimal places (never float);
- every transaction is balanced (its entries add up to zero) and names its authority;
- nothing is edited or deleted: corrections are reversals;
- a fund or project never goes below zero unless the fund's rules allow it (then it is flagged);
- nothing is posted to a closed fund;
- a contingency is drawn only by someone the delegation names, while it is in force, within its
  limit. The fund and delegation rows are locked first, so concurrent drawdowns queue.
If a rule is broken a ValidationError in plain English is raised and nothing is posted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from partnerplan.core.services import save_with_actor
from partnerplan.finance.models import (
    Account,
    AccountKind,
    Basis,
    Bid,
    BidStatus,
    Entry,
    Fund,
    FundingRequest,
    FundKind,
    FundStatus,
    LedgerTransaction,
    RequestStatus,
    Scenario,
    TransactionKind,
)
from partnerplan.governance.models import (
    APPROVING,
    Body,
    Decision,
    Delegation,
    DelegationStatus,
    OfficerDecision,
    PowerKind,
)
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project

MAX_AMOUNT = Decimal("999999999999.99")
PENNY = Decimal("0.01")


def money(value: Decimal | None) -> str:
    """£1,234.50, or £1,234 for whole pounds."""
    if value is None:
        return "no limit"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == value.to_integral_value():
        return f"{sign}£{value:,.0f}"
    return f"{sign}£{value:,.2f}"


def _date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def parse_amount(value: Any, field: str = "amount") -> Decimal:
    """An amount of money: a Decimal (or text or whole number) of more than £0 with at most two
    decimal places. Floats are refused: they cannot hold pounds and pence exactly."""
    if isinstance(value, (bool, float)):
        raise _fail(
            field, "Give the amount as a Decimal or as text (such as 85000.00), not a float"
        )
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _fail(field, "Enter an amount")
    try:
        text = str(value).strip().replace(",", "").removeprefix("£")
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        raise _fail(
            field, f"'{value}' is not an amount of money: enter pounds, like 17500.00"
        ) from None
    if not amount.is_finite():
        raise _fail(field, "Enter an amount of money in pounds, like 17500.00")
    if amount <= 0:
        raise _fail(field, "The amount must be more than £0")
    if amount != amount.quantize(PENNY):
        raise _fail(field, "The amount can have at most two decimal places (pounds and pence)")
    if amount > MAX_AMOUNT:
        raise _fail(field, f"The amount must be no more than {money(MAX_AMOUNT)}")
    return amount.quantize(PENNY)


# --- Authority -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Authority:
    """What authorises a movement. One of: a decision of a body; a delegated (officer)
    decision; or a recorded reference (the body, its reference and the date) for an authority
    not recorded in partnerplan. Drawdowns under a delegation get theirs from
    `contingency_draw`."""

    decision: Decision | None = None
    officer_decision: OfficerDecision | None = None
    body: Body | None = None
    reference: str = ""
    on: dt.date | None = None

    def fields(self) -> dict[str, Any]:
        if self.decision is not None:
            if self.decision.outcome not in APPROVING:
                raise _fail(
                    "authority",
                    f"The decision ({self.decision}) was "
                    f"{self.decision.get_outcome_display().lower()}: only a decision that "
                    "approved something can authorise a movement",
                )
            return {"decision": self.decision}
        if self.officer_decision is not None:
            return {"officer_decision": self.officer_decision}
        missing = [
            name
            for name, value in (
                ("the body that authorised it", self.body),
                ("its reference", self.reference.strip()),
                ("the date it was authorised", self.on),
            )
            if not value
        ]
        if missing:
            raise _fail(
                "authority",
                "Every movement needs the decision that authorises it. Choose the decision, or "
                "record " + ", ".join(missing),
            )
        return {
            "authority_body": self.body,
            "authority_reference": self.reference.strip(),
            "authority_date": self.on,
        }


# --- Accounts ------------------------------------------------------------------------------


def account_for_fund(fund: Fund) -> Account:
    account, _ = Account.objects.get_or_create(kind=AccountKind.FUND, fund=fund)
    return account


def account_for_project(project: Project) -> Account:
    account, _ = Account.objects.get_or_create(kind=AccountKind.PROJECT, project=project)
    return account


def account_for_partner(partner: Partner) -> Account:
    account, _ = Account.objects.get_or_create(kind=AccountKind.PARTNER, partner=partner)
    return account


def account_outside(kind: str, name: str) -> Account:
    account, _ = Account.objects.get_or_create(kind=kind, name=name)
    return account


SUPPLIERS = "Payments out"
OPENING = "Opening balances"


# --- Funds ---------------------------------------------------------------------------------

FUND_FIELDS = {
    "name", "kind", "description", "owner_body", "parent", "delegation", "funder",
    "allow_negative", "visibility", "exempt_paragraph",
}  # fmt: skip


@transaction.atomic
def fund_create(*, actor: Any, contributors: Iterable[Partner] = (), **data: Any) -> Fund:
    unknown = set(data) - FUND_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    fund = Fund(**data)
    _validate_fund(fund)
    save_with_actor(fund, actor)
    fund.contributors.set(list(contributors))
    account_for_fund(fund)
    return fund


@transaction.atomic
def fund_update(
    *, actor: Any, fund: Fund, contributors: Iterable[Partner] | None = None, **data: Any
) -> Fund:
    """Change a fund's details. Its kind cannot change once money has moved through it."""
    unknown = set(data) - FUND_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    fund = Fund.objects.select_for_update(of=("self",)).get(pk=fund.pk)
    old_kind = fund.kind
    for name, value in data.items():
        setattr(fund, name, value)
    if fund.is_closed:
        raise _fail("name", f"{fund} is closed: its details can no longer change")
    if fund.kind != old_kind and Entry.objects.filter(account__fund=fund).exists():
        raise _fail(
            "kind",
            f"Money has already moved through {fund}, so its kind cannot change: close it and "
            "open a new fund instead",
        )
    _validate_fund(fund)
    save_with_actor(fund, actor)
    if contributors is not None:
        fund.contributors.set(list(contributors))
    return fund


def _validate_fund(fund: Fund) -> None:
    fund.name = fund.name.strip()
    errors: dict[str, str] = {}
    if Fund.objects.filter(name__iexact=fund.name).exclude(pk=fund.pk).exists():
        errors["name"] = f"There is already a fund called {fund.name}: choose another name"
    if fund.kind == FundKind.CONTINGENCY and fund.delegation is None:
        errors["delegation"] = "A contingency needs the delegation under which it may be drawn"
    if fund.delegation is not None and fund.delegation.power != PowerKind.DRAW_CONTINGENCY:
        errors["delegation"] = "Choose a delegation of the power to draw on a contingency"
    if fund.kind == FundKind.EXTERNAL and not fund.funder.strip():
        errors["funder"] = "Enter who provides the money for an external funding stream"
    if fund.parent_id is not None and fund.parent_id == fund.pk:
        errors["parent"] = "A fund cannot be held within itself"
    errors.update(fund.clean_visibility())
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def fund_close(*, actor: Any, fund: Fund, on: dt.date) -> Fund:
    """Close a fund whose balance, actual and committed, is nil. Nothing more can be posted."""
    fund = Fund.objects.select_for_update(of=("self",)).get(pk=fund.pk)
    if fund.is_closed:
        raise _fail("status", f"{fund} is already closed")
    balance = Entry.objects.filter(account__fund=fund).aggregate(s=Sum("amount"))["s"] or 0
    if balance != 0:
        raise _fail(
            "status",
            f"{fund} still holds {money(Decimal(balance))} (including approved calls not yet "
            "paid): move or release it before closing the fund",
        )
    fund.status = FundStatus.CLOSED
    fund.closed_on = on
    save_with_actor(fund, actor)
    return fund


# --- Posting -------------------------------------------------------------------------------

Line = tuple[Account, Decimal]


def _lock_funds(accounts: Iterable[Account]) -> dict[int, Fund]:
    """Lock the fund rows touched, in a fixed order so concurrent postings cannot deadlock."""
    fund_ids = sorted({a.fund_id for a in accounts if a.fund_id})
    # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    return {
        f.pk: f
        for f in Fund.objects.select_for_update(of=("self",)).filter(pk__in=fund_ids).order_by("pk")
    }


def _lowest_running(account: Account) -> tuple[Decimal, dt.date | None]:
    """The lowest balance the account reaches on any day, counting actual money alone and
    actual plus committed; and the first day it is that low."""
    rows = (
        Entry.objects.filter(account=account)
        .values_list("transaction__effective_on", "transaction__basis")
        .annotate(total=Sum("amount"))
        .order_by("transaction__effective_on")
    )
    actual = both = Decimal(0)
    lowest = Decimal(0)
    lowest_on: dt.date | None = None
    by_day: dict[dt.date, tuple[Decimal, Decimal]] = {}
    for day, basis, total in rows:
        a, b = by_day.get(day, (Decimal(0), Decimal(0)))
        by_day[day] = (a + (total if basis == Basis.ACTUAL else 0), b + total)
    for day in sorted(by_day):
        a, b = by_day[day]
        actual += a
        both += b
        low = min(actual, both)
        if low < lowest:
            lowest, lowest_on = low, day
    return lowest, lowest_on


def _check_posting(actor: Any, description: str, effective_on: Any, lines: Sequence[Line]) -> None:
    if not getattr(actor, "is_authenticated", False):
        raise _fail("posted_by", "Only a signed-in person can post to the ledger")
    if not description.strip():
        raise _fail("description", "Say what the movement is for")
    if not isinstance(effective_on, dt.date):
        raise _fail("effective_on", "Enter the date the money moves")
    if len(lines) < 2:
        raise _fail("amount", "A movement needs money leaving one account and arriving in another")
    if sum((amount for _a, amount in lines), Decimal(0)) != 0:
        raise _fail("amount", "The movement does not balance: money out must equal money in")
    if any(amount == 0 for _a, amount in lines):
        raise _fail("amount", "The amount must be more than £0")


def _post(
    *,
    actor: Any,
    kind: str,
    basis: str,
    effective_on: dt.date,
    description: str,
    lines: Sequence[Line],
    authority: dict[str, Any],
    reverses: LedgerTransaction | None = None,
    settles: LedgerTransaction | None = None,
    reason: str = "",
) -> LedgerTransaction:
    """Post one balanced transaction. Must be called inside transaction.atomic."""
    _check_posting(actor, description, effective_on, lines)
    funds = _lock_funds(a for a, _ in lines)
    for fund in funds.values():
        if fund.is_closed:
            raise _fail(
                "fund",
                f"{fund} was closed on {_date(fund.closed_on) if fund.closed_on else 'a past date'}"
                ": nothing can be posted to it",
            )
    tx = LedgerTransaction(
        kind=kind,
        basis=basis,
        effective_on=effective_on,
        description=description.strip(),
        posted_by=actor,
        reverses=reverses,
        settles=settles,
        reason=reason.strip(),
        **authority,
    )
    save_with_actor(tx, actor)
    Entry.objects.bulk_create(
        [Entry(transaction=tx, account=account, amount=amount) for account, amount in lines]
    )
    # A movement that takes money out must not leave the account below zero on any day.
    for account, amount in lines:
        if amount > 0 or account.kind not in (AccountKind.FUND, AccountKind.PROJECT):
            continue
        lowest, lowest_on = _lowest_running(account)
        if lowest >= 0:
            continue
        held = funds.get(account.fund_id) if account.fund_id else None
        if held is not None and held.allow_negative:
            tx.overdraws = True
            tx.save(update_fields=["overdraws"])
            continue
        when = f" on {_date(lowest_on)}" if lowest_on else ""
        raise _fail(
            "amount",
            f"{account} does not have enough money: this would take it to "
            f"{money(lowest)}{when}. Nothing has been posted",
        )
    return tx


def _one_destination(to_fund: Fund | None, project: Project | None) -> Account:
    if (to_fund is None) == (project is None):
        raise _fail("to_fund", "Choose where the money goes: a fund or a project, not both")
    if to_fund is not None:
        return account_for_fund(to_fund)
    assert project is not None
    return account_for_project(project)


# --- Movements -----------------------------------------------------------------------------


@transaction.atomic
def opening_balance_record(
    *, actor: Any, fund: Fund, amount: Any, on: dt.date, authority: Authority, description: str
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
    actor: Any,
    fund: Fund,
    partner: Partner,
    amount: Any,
    on: dt.date,
    authority: Authority,
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
    actor: Any,
    fund: Fund,
    funder: str,
    amount: Any,
    on: dt.date,
    authority: Authority,
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


@transaction.atomic
def call_on_reserves(
    *,
    actor: Any,
    fund: Fund,
    amount: Any,
    purpose: str,
    authority: Authority,
    on: dt.date,
    to_fund: Fund | None = None,
    project: Project | None = None,
    basis: str = Basis.COMMITTED,
) -> LedgerTransaction:
    """An approved call moving money from `fund` to an earmarked fund or a project. By default
    it is a commitment (approved, not yet paid) expected on `on`; pay it with commitment_pay."""
    amount = parse_amount(amount)
    if to_fund is not None and to_fund.pk == fund.pk:
        raise _fail("to_fund", "A call must move money to a different fund")
    destination = _one_destination(to_fund, project)
    return _post(
        actor=actor,
        kind=TransactionKind.CALL,
        basis=basis,
        effective_on=on,
        description=purpose,
        lines=[(account_for_fund(fund), -amount), (destination, amount)],
        authority=authority.fields(),
    )


def _request_for(request_id: Any, fund: Fund, amount: Decimal) -> FundingRequest:
    try:
        request = FundingRequest.objects.select_for_update(of=("self",)).get(pk=int(request_id))
    except (FundingRequest.DoesNotExist, TypeError, ValueError):
        raise _fail("request_id", f"There is no funding request {request_id}") from None
    if request.status != RequestStatus.PENDING:
        raise _fail(
            "request_id", f"The request '{request}' is {request.get_status_display().lower()}"
        )
    if request.fund_id != fund.pk or request.amount != amount:
        raise _fail(
            "request_id",
            f"The request '{request}' is for {money(request.amount)} from {request.fund}, "
            "not what the decision approved",
        )
    return request


@transaction.atomic
def reserve_call_from_decision(
    *,
    actor: Any,
    decision: Any,
    fund_id: Any = None,
    amount: Any = None,
    purpose: str = "",
    to_fund_id: Any = None,
    project_id: Any = None,
    pay_on: Any = None,
    request_id: Any = None,
    **extra: Any,
) -> LedgerTransaction:
    """The governance effect 'finance.call_on_reserves': post the call the decision approved.

    `decision` is a governance Decision (or anything with `.body`, `.decided_on` and a `str()`).
    The call is a commitment expected on `pay_on` (ISO date) or the decision date. If
    `request_id` names a pending FundingRequest, it is marked approved and linked."""
    if extra:
        raise _fail(
            "effect_params",
            f"A call on reserves does not take {', '.join(sorted(extra))}: it takes fund_id, "
            "amount, purpose, and to_fund_id or project_id (pay_on and request_id optional)",
        )
    fund = _get(Fund, fund_id, "fund_id", "fund")
    value = parse_amount(amount)
    to_fund = _get(Fund, to_fund_id, "to_fund_id", "fund") if to_fund_id is not None else None
    project = _get(Project, project_id, "project_id", "project") if project_id is not None else None
    on: dt.date = decision.decided_on
    if pay_on:
        try:
            on = pay_on if isinstance(pay_on, dt.date) else dt.date.fromisoformat(str(pay_on))
        except ValueError:
            raise _fail("pay_on", f"'{pay_on}' is not a date (use YYYY-MM-DD)") from None
    if isinstance(decision, Decision):
        authority = Authority(decision=decision)
    else:
        authority = Authority(body=decision.body, reference=str(decision), on=decision.decided_on)
    request = _request_for(request_id, fund, value) if request_id is not None else None
    tx = call_on_reserves(
        actor=actor,
        fund=fund,
        amount=value,
        purpose=purpose or f"Call on {fund} approved by {decision}",
        authority=authority,
        on=on,
        to_fund=to_fund,
        project=project,
    )
    if request is not None:
        request.status = RequestStatus.APPROVED
        request.transaction = tx
        save_with_actor(request, actor)
    return tx


def _get(model: Any, pk: Any, field: str, label: str) -> Any:
    try:
        return model.objects.get(pk=int(pk))
    except (model.DoesNotExist, TypeError, ValueError):
        raise _fail(field, f"There is no {label} with the number {pk!r}") from None


def delegation_used(delegation: Delegation) -> Decimal:
    """How much has been drawn under `delegation` (drawdowns less their reversals)."""
    total = Entry.objects.filter(
        transaction__delegation=delegation, account__fund__delegation=delegation
    ).aggregate(s=Sum("amount"))["s"]
    return -(total or Decimal(0))


@transaction.atomic
def contingency_draw(
    *,
    actor: Any,
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
                f"This drawdown of {money(value)} would exceed the delegation's limit of "
                f"{money(limit)}"
                + (
                    f": {money(used)} has been drawn, so at most {money(max(left, Decimal(0)))} "
                    "is left"
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
    actor: Any,
    amount: Any,
    on: dt.date,
    description: str,
    authority: Authority,
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
    actor: Any,
    amount: Any,
    on: dt.date,
    to_fund: Fund,
    description: str,
    authority: Authority,
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
    *, actor: Any, transaction_: LedgerTransaction, reason: str, on: dt.date | None = None
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
def commitment_pay(*, actor: Any, commitment: LedgerTransaction, on: dt.date) -> LedgerTransaction:
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


# --- Requests and scenarios ----------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    actor: Any,
    fund: Fund,
    title: str,
    amount: Any,
    expected_on: dt.date,
    to_fund: Fund | None = None,
    project: Project | None = None,
    purpose: str = "",
    reference: str = "",
) -> FundingRequest:
    value = parse_amount(amount)
    if not title.strip():
        raise _fail("title", "Enter a title for the request")
    if fund.is_closed:
        raise _fail("fund", f"{fund} is closed: nothing can be asked of it")
    if to_fund is not None and project is not None:
        raise _fail("to_fund", "Choose where the money would go: a fund or a project, not both")
    request = FundingRequest(
        fund=fund,
        to_fund=to_fund,
        project=project,
        title=title.strip(),
        purpose=purpose.strip(),
        amount=value,
        expected_on=expected_on,
        reference=reference.strip(),
    )
    save_with_actor(request, actor)
    return request


REQUEST_TRANSITIONS = {
    RequestStatus.PENDING: {RequestStatus.REFUSED, RequestStatus.WITHDRAWN},
}


@transaction.atomic
def request_close(*, actor: Any, request: FundingRequest, status: str) -> FundingRequest:
    """Refuse or withdraw a pending request. Approval goes through a decision
    (reserve_call_from_decision with request_id) so that the call is posted with its authority."""
    request = FundingRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    allowed = REQUEST_TRANSITIONS.get(RequestStatus(request.status), set())
    if status not in allowed:
        raise _fail(
            "status",
            f"The request is {request.get_status_display().lower()}: it cannot be marked "
            f"{RequestStatus(status).label.lower()}",
        )
    request.status = status
    save_with_actor(request, actor)
    return request


@transaction.atomic
def scenario_create(
    *, actor: Any, name: str, requests: Iterable[FundingRequest], description: str = ""
) -> Scenario:
    name = name.strip()
    if not name:
        raise _fail("name", "Give the scenario a name")
    if Scenario.objects.filter(name__iexact=name).exists():
        raise _fail("name", f"There is already a scenario called {name}")
    scenario = Scenario(name=name, description=description.strip())
    save_with_actor(scenario, actor)
    scenario.requests.set(list(requests))
    return scenario


@transaction.atomic
def scenario_update(
    *,
    actor: Any,
    scenario: Scenario,
    name: str,
    requests: Iterable[FundingRequest],
    description: str = "",
) -> Scenario:
    """Rename a scenario or change which pending requests it assumes approved."""
    scenario = Scenario.objects.select_for_update(of=("self",)).get(pk=scenario.pk)
    name = name.strip()
    if not name:
        raise _fail("name", "Give the scenario a name")
    if Scenario.objects.filter(name__iexact=name).exclude(pk=scenario.pk).exists():
        raise _fail("name", f"There is already a scenario called {name}")
    scenario.name = name
    scenario.description = description.strip()
    save_with_actor(scenario, actor)
    scenario.requests.set(list(requests))
    return scenario


# --- Bids ----------------------------------------------------------------------------------

BID_FIELDS = {
    "title", "funder", "bidder", "project", "fund", "amount", "submitted_on",
    "decision_expected_on", "notes", "source", "visibility", "exempt_paragraph",
}  # fmt: skip

BID_TRANSITIONS: dict[str, set[str]] = {
    BidStatus.DRAFT: {BidStatus.SUBMITTED, BidStatus.WITHDRAWN},
    BidStatus.SUBMITTED: {
        BidStatus.GREEN_LIGHT,
        BidStatus.SECURED,
        BidStatus.REJECTED,
        BidStatus.WITHDRAWN,
    },
    BidStatus.GREEN_LIGHT: {BidStatus.SECURED, BidStatus.REJECTED, BidStatus.WITHDRAWN},
    BidStatus.SECURED: set(),
    BidStatus.REJECTED: set(),
    BidStatus.WITHDRAWN: set(),
}


@transaction.atomic
def bid_create(*, actor: Any, **data: Any) -> Bid:
    unknown = set(data) - BID_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    data["amount"] = parse_amount(data.get("amount"))
    bid = Bid(**data)
    errors: dict[str, str] = {}
    for name in ("title", "funder"):
        value = getattr(bid, name).strip()
        setattr(bid, name, value)
        if not value:
            errors[name] = f"Enter the {name} of the bid"
    errors.update(bid.clean_visibility())
    if errors:
        raise ValidationError(errors)
    save_with_actor(bid, actor)
    return bid


def _bid_move(bid: Bid, to: str) -> Bid:
    locked = Bid.objects.select_for_update(of=("self",)).get(pk=bid.pk)
    if to not in BID_TRANSITIONS[BidStatus(locked.status)]:
        raise _fail(
            "status",
            f"The bid is {locked.get_status_display().lower()}: it cannot become "
            f"{BidStatus(to).label.lower()}",
        )
    locked.status = to
    return locked


@transaction.atomic
def bid_submit(*, actor: Any, bid: Bid, on: dt.date) -> Bid:
    bid = _bid_move(bid, BidStatus.SUBMITTED)
    bid.submitted_on = on
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_green_light(*, actor: Any, bid: Bid, on: dt.date) -> Bid:
    """The funder has indicated it will fund (seed 3.3: a 'green light'); not yet secured."""
    bid = _bid_move(bid, BidStatus.GREEN_LIGHT)
    bid.notes = (bid.notes + f"\nGreen light indicated on {_date(on)}.").strip()
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_reject(*, actor: Any, bid: Bid, on: dt.date) -> Bid:
    bid = _bid_move(bid, BidStatus.REJECTED)
    bid.decided_on = on
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_withdraw(*, actor: Any, bid: Bid, on: dt.date) -> Bid:
    bid = _bid_move(bid, BidStatus.WITHDRAWN)
    bid.decided_on = on
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_secure(
    *,
    actor: Any,
    bid: Bid,
    on: dt.date,
    amount: Any = None,
    award_reference: str,
    authority_body: Body,
    fund: Fund | None = None,
) -> Bid:
    """The funder has awarded the money: the bid is secured and the award posted as income on
    the bid's fund, authorised by the award (`award_reference`, accepted by `authority_body`)."""
    bid = _bid_move(bid, BidStatus.SECURED)
    fund = fund or bid.fund
    if fund is None:
        raise _fail("fund", "Choose the fund the money goes into")
    value = parse_amount(amount if amount is not None else bid.amount)
    if not award_reference.strip():
        raise _fail("award_reference", "Enter the funder's award reference or letter")
    bid.income = income_record(
        actor=actor,
        fund=fund,
        funder=bid.funder,
        amount=value,
        on=on,
        authority=Authority(body=authority_body, reference=award_reference, on=on),
        description=f"{bid.funder} award: {bid.title}",
    )
    bid.fund = fund
    bid.secured_amount = value
    bid.decided_on = on
    save_with_actor(bid, actor)
    return bid
