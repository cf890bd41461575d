"""The ledger reconciled to the approvals: every movement to its authority, every delegation's
uses to its limit, every approved request to its movement. Used by `manage.py check_ledger` and
the administrators' reconciliation page; a fixed number of queries, whatever the ledger's size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum

from partnerplan.core.money import format_money, pennies
from partnerplan.finance.models import (
    FundingRequest,
    LedgerTransaction,
    RequestStatus,
    TransactionKind,
)
from partnerplan.governance.models import ActKind, AuthorityUse, Delegation
from partnerplan.governance.rules.clear_days import format_date

#: Movements that need an authority used for them (governance's `authority_use`).
NEEDS_AUTHORITY = (TransactionKind.CALL, TransactionKind.DRAWDOWN)
#: Acts whose authority is a delegation's account, used many times up to its limit.
MANY_USES = (ActKind.DRAWDOWN, ActKind.OFFICER_DECISION)


@dataclass(frozen=True)
class Break:
    """One way the ledger and the approvals disagree: what kind of break, and the sentence."""

    kind: str
    message: str


def _movement(tx: LedgerTransaction) -> str:
    return (
        f"The {tx.get_kind_display().lower()} '{tx.description}' ({format_date(tx.effective_on)})"
    )


def _standing() -> Q:
    """Movements still in force: not reversed, and not a commitment since paid (its payment
    stands for it)."""
    reversed_ = LedgerTransaction.objects.filter(reverses=OuterRef("pk"))
    settled = LedgerTransaction.objects.filter(settles=OuterRef("pk"))
    return ~Q(Exists(reversed_)) & ~Q(Exists(settled))


def _movements_without_use() -> list[Break]:
    rows = (
        LedgerTransaction.objects.filter(_standing(), kind__in=NEEDS_AUTHORITY)
        .filter(authority_use__isnull=True)
        .order_by("effective_on", "pk")
    )
    return [
        Break(
            "movement",
            f"{_movement(tx)} names no use of its authority: nothing records that the decision "
            "or delegation behind it was used for it. Reverse it and post it again with its "
            "authority.",
        )
        for tx in rows
    ]


def _released_while_standing() -> list[Break]:
    rows = (
        LedgerTransaction.objects.filter(_standing(), authority_use__released_at__isnull=False)
        .exclude(kind__in=[TransactionKind.REVERSAL, TransactionKind.SETTLEMENT])
        .select_related("authority_use")
        .order_by("effective_on", "pk")
    )
    out = []
    for tx in rows:
        use = tx.authority_use
        assert use is not None
        out.append(
            Break(
                "released",
                f"{_movement(tx)} still stands, but its use of the authority was given back "
                f"({use.release_reason or 'no reason given'}): the authority may be used again "
                "for another movement.",
            )
        )
    return out


def _delegations_over_limit() -> list[Break]:
    live = Q(uses__released_at__isnull=True)
    rows = (
        Delegation.objects.filter(financial_limit__isnull=False)
        .annotate(
            used=Sum("uses__amount", filter=live),
            n=Count("uses", filter=live),
        )
        .select_related("from_body")
        .order_by("pk")
    )
    largest: dict[int, Decimal] = defaultdict(Decimal)
    for pk, amount in AuthorityUse.objects.filter(
        delegation__isnull=False, released_at__isnull=True, amount__isnull=False
    ).values_list("delegation", "amount"):
        largest[pk] = max(largest[pk], amount or Decimal(0))
    out = []
    for d in rows:
        limit = d.financial_limit
        assert limit is not None
        used = pennies(d.used)  # SQLite sums DecimalFields as floating point
        if d.limit_is_total and used > limit:
            out.append(
                Break(
                    "delegation",
                    f"The delegation from {d.from_body} ({d.purpose}) has been used for "
                    f"{format_money(used)} in {d.n} uses (officer decisions and drawdowns "
                    f"together), over its limit of {format_money(limit)} by "
                    f"{format_money(used - limit)}.",
                )
            )
        elif not d.limit_is_total and largest.get(d.pk, Decimal(0)) > limit:
            out.append(
                Break(
                    "delegation",
                    f"The delegation from {d.from_body} ({d.purpose}) was used once for "
                    f"{format_money(largest[d.pk])}, over its limit of {format_money(limit)}.",
                )
            )
    return out


def _requests() -> list[Break]:
    reversed_ = LedgerTransaction.objects.filter(reverses=OuterRef("transaction"))
    rows = (
        FundingRequest.objects.filter(
            Q(status=RequestStatus.APPROVED, transaction__isnull=True)
            | Q(status=RequestStatus.APPROVED, transaction__isnull=False) & Q(Exists(reversed_))
            | Q(transaction__isnull=False) & ~Q(status=RequestStatus.APPROVED)
        )
        .select_related("fund", "transaction")
        .order_by("expected_on", "pk")
    )
    out = []
    for r in rows:
        if r.status != RequestStatus.APPROVED:
            assert r.transaction is not None
            out.append(
                Break(
                    "request",
                    f"{_movement(r.transaction)} answers the request '{r.title}' "
                    f"({format_money(r.amount)} from {r.fund}), which is still "
                    f"{r.get_status_display().lower()}: scenarios would count the money twice.",
                )
            )
        elif r.transaction is None:
            out.append(
                Break(
                    "request",
                    f"The request '{r.title}' ({format_money(r.amount)} from {r.fund}) is "
                    "approved, but no call was posted for it.",
                )
            )
        else:
            out.append(
                Break(
                    "request",
                    f"The request '{r.title}' ({format_money(r.amount)} from {r.fund}) is "
                    "approved, but its call was reversed: post the call again or record why "
                    "the approval no longer stands.",
                )
            )
    return out


def _used_twice() -> list[Break]:
    out = []
    live = AuthorityUse.objects.filter(released_at__isnull=True).exclude(act__in=MANY_USES)
    for name, label in (
        ("decision", "decision"),
        ("officer_decision", "delegated decision"),
        ("prior_decision", "decision recorded from the papers"),
    ):
        twice = (
            live.filter(**{f"{name}__isnull": False})
            .values(name, "act")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .order_by(name, "act")
        )
        for row in twice:
            act = ActKind(row["act"]).label.lower()
            out.append(
                Break(
                    "twice",
                    f"A {label} (number {row[name]}) is used {row['n']} times to {act}: one "
                    "decision authorises one act.",
                )
            )
    shared = (
        LedgerTransaction.objects.filter(authority_use__isnull=False, settles__isnull=True)
        .exclude(kind__in=[TransactionKind.REVERSAL, TransactionKind.SETTLEMENT])
        .values("authority_use")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .order_by("authority_use")
    )
    uses = AuthorityUse.objects.in_bulk([row["authority_use"] for row in shared])
    for row in shared:
        use = uses[row["authority_use"]]
        out.append(
            Break(
                "twice",
                f"One use of an authority ({use.description}) is named by {row['n']} "
                "movements: each movement needs its own.",
            )
        )
    return out


def authority_breaks() -> list[Break]:
    """Every way the ledger and the approvals disagree, in plain English (empty: they agree).

    - a movement of a kind that needs authority (a call, a drawdown) without a use of it, or
      whose use was given back while the movement stands;
    - a delegation whose live uses exceed its limit;
    - an approved request without its movement, or a movement answering a request not approved;
    - an authority used twice (one decision for two acts of a kind; one use for two movements).
    """
    return [
        *_movements_without_use(),
        *_released_while_standing(),
        *_delegations_over_limit(),
        *_requests(),
        *_used_twice(),
    ]
