"""Posting one balanced transaction: the ledger's rules (balanced, authorised, dated,
not into a closed fund, not below zero unless the fund allows it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from partnerplan.core.money import format_money, pennies
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    Account,
    AccountKind,
    Basis,
    Entry,
    Fund,
    LedgerTransaction,
)
from partnerplan.finance.services._common import _date, _fail
from partnerplan.finance.services.accounts import account_for_fund, account_for_project
from partnerplan.portfolio.models import Project

Line = tuple[Account, Decimal]


def _lock_funds(accounts: Iterable[Account]) -> dict[int, Fund]:
    """Lock the fund rows touched, in a fixed order so concurrent postings cannot deadlock."""
    fund_ids = sorted({a.fund_id for a in accounts if a.fund_id})
    # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    return {
        f.pk: f
        for f in Fund.objects.select_for_update(of=("self",)).filter(pk__in=fund_ids).order_by("pk")
    }


def _lock_accounts(accounts: Iterable[Account]) -> None:
    """Lock the fund and project accounts whose balance the posting checks (a project's
    allocation as well as a fund), in a fixed order (by id), after the funds: two spends from
    one project at once are checked one after the other."""
    ids = sorted({a.pk for a in accounts if a.kind in (AccountKind.FUND, AccountKind.PROJECT)})
    list(Account.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk"))


def lowest_running(account: Account) -> tuple[Decimal, dt.date | None]:
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
    for day, basis, raw in rows:
        total = pennies(raw)  # SQLite sums DecimalFields as floating point
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


def _check_posting(
    actor: Actor, description: str, effective_on: Any, lines: Sequence[Line]
) -> None:
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
    actor: Actor,
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
    assert actor is not None and actor.is_authenticated  # checked above, for the type
    # Lock order, the same everywhere: funds, (a drawdown's delegation,) then accounts.
    funds = _lock_funds(a for a, _ in lines)
    _lock_accounts(a for a, _ in lines)
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
        lowest, lowest_on = lowest_running(account)
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
            f"{format_money(lowest)}{when}. Nothing has been posted",
        )
    return tx


def _one_destination(to_fund: Fund | None, project: Project | None) -> Account:
    if (to_fund is None) == (project is None):
        raise _fail("to_fund", "Choose where the money goes: a fund or a project, not both")
    if to_fund is not None:
        return account_for_fund(to_fund)
    assert project is not None
    return account_for_project(project)
