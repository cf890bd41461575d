"""Ledger invariants: what must always be true of the ledger, and what is not."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, Sum

from partnerplan.core.money import format_money, pennies
from partnerplan.finance.models import (
    Account,
    AccountKind,
    Entry,
    LedgerTransaction,
    TransactionKind,
)
from partnerplan.finance.selectors.balances import ZERO
from partnerplan.finance.services.posting import lowest_running


def ledger_problems() -> list[str]:
    """Every way the ledger breaks its rules, in plain English. Empty when it is sound.

    - every transaction balances and has at least two entries;
    - every transaction names its authority and who posted it;
    - no entry is zero or has more than two decimal places;
    - each reversal mirrors its original exactly; each paid commitment is taken off once;
    - no fund or project is below zero on any day unless its rules allow it (then flagged).
    Balances are never stored, so 'balance = sum of movements' holds by construction; the
    check recomputes each fund from its entries in two ways and compares."""
    problems: list[str] = []
    # Compared to the penny in Python: SQLite's sum of DecimalFields is floating point.
    unbalanced = [
        (pk, total)
        for pk, total in LedgerTransaction.objects.annotate(
            total=Sum("entries__amount")
        ).values_list("pk", "total")
        if total is None or pennies(total) != 0
    ]
    for pk, total in unbalanced:
        problems.append(f"Transaction {pk} does not balance (its entries add up to {total}).")
    for pk in (
        LedgerTransaction.objects.annotate(n=Sum(1, filter=Q(entries__isnull=False)))
        .filter(Q(n__lt=2) | Q(n__isnull=True))
        .values_list("pk", flat=True)
    ):
        problems.append(f"Transaction {pk} has fewer than two entries.")
    unauthorised = LedgerTransaction.objects.filter(
        decision__isnull=True, officer_decision__isnull=True, prior_decision__isnull=True
    ).filter(
        Q(delegation__isnull=True) | Q(drawn_by__isnull=True),
        Q(authority_body__isnull=True) | Q(authority_date__isnull=True) | Q(authority_reference=""),
    )
    for pk in unauthorised.values_list("pk", flat=True):
        problems.append(f"Transaction {pk} names no authority.")
    for pk, amount in Entry.objects.values_list("pk", "amount"):
        if amount == 0 or amount != amount.quantize(Decimal("0.01")):
            problems.append(f"Entry {pk} has an amount that is not pounds and pence: {amount}.")
    for rev in LedgerTransaction.objects.filter(reverses__isnull=False).prefetch_related(
        "entries", "reverses__entries"
    ):
        assert rev.reverses is not None
        mine = sorted((e.account_id, e.amount) for e in rev.entries.all())
        theirs = sorted((e.account_id, -e.amount) for e in rev.reverses.entries.all())
        if mine != theirs:
            problems.append(f"Reversal {rev.pk} does not mirror transaction {rev.reverses_id}.")
    paid = (
        LedgerTransaction.objects.filter(kind=TransactionKind.SETTLEMENT)
        .values("settles")
        .annotate(n=Sum(1))
        .filter(n__gt=1)
    )
    for row in paid:
        problems.append(f"Commitment {row['settles']} was taken off more than once.")
    problems += _account_problems()
    return problems


def _account_problems() -> list[str]:
    problems: list[str] = []
    for account in Account.objects.filter(
        kind__in=[AccountKind.FUND, AccountKind.PROJECT]
    ).select_related("fund", "project"):
        lowest, lowest_on = lowest_running(account)
        if lowest < 0:
            allowed = account.fund is not None and account.fund.allow_negative
            flagged = LedgerTransaction.objects.filter(
                entries__account=account, overdraws=True
            ).exists()
            if not allowed:
                problems.append(
                    f"{account} goes below zero ({format_money(lowest)} on {lowest_on})."
                )
            elif not flagged:
                problems.append(f"{account} is overdrawn but no movement is flagged.")
        total = pennies(account.entries.aggregate(s=Sum("amount"))["s"])
        by_tx = sum(
            (
                pennies(t)
                for t in LedgerTransaction.objects.filter(entries__account=account)
                .annotate(t=Sum("entries__amount", filter=Q(entries__account=account)))
                .values_list("t", flat=True)
            ),
            ZERO,
        )
        if total != pennies(by_tx):
            problems.append(f"{account}: balance {total} differs from its movements {by_tx}.")
    return problems
