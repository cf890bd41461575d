"""The reads behind the finance pages: funds, movements, requests, bids, contributions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.finance.models import (
    AccountKind,
    Basis,
    Bid,
    BidStatus,
    Entry,
    Fund,
    FundingRequest,
    LedgerTransaction,
    RequestStatus,
    Scenario,
    TransactionKind,
)
from partnerplan.finance.selectors._scope import none_or_visible
from partnerplan.finance.selectors.balances import ZERO
from partnerplan.portfolio.models import Project


def fund_list(*, viewer: Viewer) -> QuerySet[Fund]:
    return (
        visible(Fund.objects.filter(archived_at__isnull=True), viewer)
        .select_related("owner_body", "parent")
        .annotate(balance=Sum("account__entries__amount"))
        .order_by("kind", "name")
    )


def fund_detail(*, viewer: Viewer, pk: int) -> Fund:
    try:
        return (
            visible(Fund.objects.all(), viewer)
            .select_related(
                "owner_body",
                "parent",
                "delegation",
                "delegation__from_body",
                "other_use_approver",
            )  # fmt: skip
            .prefetch_related("contributors", "delegation__to_bodies")
            .get(pk=pk)
        )
    except Fund.DoesNotExist:
        raise Http404("No such fund") from None


@dataclass(frozen=True)
class MovementFilters:
    kind: str = ""
    basis: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""


def _seen_sides(viewer: Viewer) -> Q:
    """Entries on accounts the viewer may see: not of a fund or project hidden from them."""
    return none_or_visible(viewer, Fund, "account__fund") & none_or_visible(
        viewer, Project, "account__project"
    )


def fund_movements(
    *, viewer: Viewer, fund: Fund, filters: MovementFilters | None = None
) -> QuerySet[Entry]:
    """The entries on `fund`'s account, each with its transaction and the other sides the
    viewer may see (a fund or project hidden from them is left out, not named)."""
    filters = filters or MovementFilters()
    qs = Entry.objects.filter(account__fund=fund)
    if filters.kind:
        qs = qs.filter(transaction__kind=filters.kind)
    if filters.basis:
        qs = qs.filter(transaction__basis=filters.basis)
    if filters.start:
        qs = qs.filter(transaction__effective_on__gte=filters.start)
    if filters.end:
        qs = qs.filter(transaction__effective_on__lte=filters.end)
    if filters.text:
        qs = qs.filter(
            Q(transaction__description__icontains=filters.text)
            | Q(transaction__authority_reference__icontains=filters.text)
        )
    return (
        qs.select_related(
            "transaction",
            "transaction__posted_by",
            "transaction__decision__body",
            "transaction__decision__recommendation__item",
            "transaction__officer_decision__taken_by",
            "transaction__prior_decision__body",
            "transaction__delegation__from_body",
            "transaction__drawn_by",
            "transaction__authority_body",
        )
        .prefetch_related(
            Prefetch(
                "transaction__entries",
                queryset=Entry.objects.filter(_seen_sides(viewer)).select_related(
                    "account__fund", "account__project", "account__partner"
                ),
            )
        )
        .annotate(
            reversed=Exists(LedgerTransaction.objects.filter(reverses=OuterRef("transaction"))),
            paid=Exists(LedgerTransaction.objects.filter(settles=OuterRef("transaction"))),
        )
        .order_by("transaction__effective_on", "transaction__pk")
    )


def fund_requests(*, viewer: Viewer, fund: Fund) -> QuerySet[FundingRequest]:
    """The requests on or to `fund` whose other fund and project the viewer may see."""
    return (
        FundingRequest.objects.filter(Q(fund=fund) | Q(to_fund=fund))
        .filter(visible_q(viewer, Fund, "fund__"))
        .filter(none_or_visible(viewer, Fund, "to_fund"))
        .filter(none_or_visible(viewer, Project, "project"))
        .select_related("fund", "to_fund", "project")
        .order_by("expected_on", "pk")
    )


def scenarios_for(*, fund: Fund) -> list[Scenario]:
    return list(
        Scenario.objects.filter(Q(requests__fund=fund) | Q(requests__to_fund=fund))
        .distinct()
        .prefetch_related("requests")
        .order_by("name")
    )


@dataclass(frozen=True)
class BidFilters:
    status: str = ""
    funder: str = ""


def bid_list(*, viewer: Viewer, filters: BidFilters | None = None) -> QuerySet[Bid]:
    filters = filters or BidFilters()
    qs = visible(Bid.objects.all(), viewer)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.funder:
        qs = qs.filter(funder__icontains=filters.funder)
    return qs.select_related("project", "fund", "income").order_by("status", "title")


def bid_totals(bids: Iterable[Bid]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for b in bids:
        totals[b.status] = totals.get(b.status, ZERO) + (
            b.secured_amount if b.status == BidStatus.SECURED and b.secured_amount else b.amount
        )
    return totals


@dataclass(frozen=True)
class ProjectFunding:
    """A project's money: where it came from, what is committed, spent and left."""

    project: Project
    sources: list[tuple[str, Decimal, Decimal]]  # (source, actual, committed)
    received: Decimal
    committed: Decimal
    spent: Decimal
    bids: list[Bid]

    @property
    def remaining(self) -> Decimal:
        return self.received + self.committed - self.spent

    @property
    def allocated(self) -> Decimal:
        return self.received + self.committed


def project_funding(*, viewer: Viewer, project: Project) -> ProjectFunding:
    """For the portfolio's project page: `finance/_project_funding.html` renders it."""
    incoming = (
        Entry.objects.filter(account__project=project, amount__gt=0)
        .exclude(transaction__kind=TransactionKind.REVERSAL)
        .values_list("transaction__pk", "transaction__basis", "amount")
    )
    tx_ids = [pk for pk, _b, _a in incoming]
    source_of: dict[int, str] = {}
    for tx_pk, account_str in _other_sides(tx_ids, project, viewer):
        source_of.setdefault(tx_pk, account_str)
    sources: dict[str, list[Decimal]] = {}
    for pk, basis, amount in incoming:
        row = sources.setdefault(source_of.get(pk, "Unknown"), [ZERO, ZERO])
        row[0 if basis == Basis.ACTUAL else 1] += amount
    entries = Entry.objects.filter(account__project=project)
    actual_in = (
        entries.filter(transaction__basis=Basis.ACTUAL)
        .exclude(transaction__kind=TransactionKind.SPEND)
        .exclude(transaction__reverses__kind=TransactionKind.SPEND)
    )
    spent = -(
        entries.filter(
            Q(transaction__kind=TransactionKind.SPEND)
            | Q(transaction__reverses__kind=TransactionKind.SPEND)
        ).aggregate(s=Sum("amount"))["s"]
        or ZERO
    )
    committed = (
        entries.filter(transaction__basis=Basis.COMMITTED).aggregate(s=Sum("amount"))["s"] or ZERO
    )
    bids = list(
        visible(Bid.objects.filter(project=project), viewer)
        .select_related("fund")
        .order_by("title")
    )
    return ProjectFunding(
        project=project,
        sources=[(name, a, c) for name, (a, c) in sorted(sources.items())],
        received=actual_in.aggregate(s=Sum("amount"))["s"] or ZERO,
        committed=committed,
        spent=spent,
        bids=bids,
    )


def _other_sides(tx_ids: list[int], project: Project, viewer: Viewer) -> list[tuple[int, str]]:
    rows = (
        Entry.objects.filter(transaction_id__in=tx_ids, amount__lt=0)
        .filter(_seen_sides(viewer))
        .exclude(account__project=project)
        .select_related("account__fund", "account__project", "account__partner")
    )
    return [(e.transaction_id, str(e.account)) for e in rows]


@dataclass(frozen=True)
class ContributionRow:
    partner: str
    fund: str
    total: Decimal


def partner_contributions(*, viewer: Viewer) -> list[ContributionRow]:
    """Contributions received from each partner into each fund the viewer may see (net of
    corrections)."""
    rows = (
        Entry.objects.filter(
            account__kind=AccountKind.FUND,
            transaction__basis=Basis.ACTUAL,
        )
        .filter(
            Q(transaction__kind=TransactionKind.CONTRIBUTION)
            | Q(transaction__reverses__kind=TransactionKind.CONTRIBUTION)
        )
        .filter(visible_q(viewer, Fund, "account__fund__"))
        .values_list("account__fund__name", "transaction__entries__account__partner__name")
        .annotate(total=Sum("amount"))
        .order_by("transaction__entries__account__partner__name", "account__fund__name")
    )
    return [
        ContributionRow(partner=partner, fund=fund, total=total)
        for fund, partner, total in rows
        if partner
    ]


def scenario_detail(*, pk: int) -> Scenario:
    try:
        return Scenario.objects.prefetch_related("requests__fund").get(pk=pk)
    except Scenario.DoesNotExist:
        raise Http404("No such scenario") from None


def pending_requests() -> QuerySet[FundingRequest]:
    return FundingRequest.objects.filter(status=RequestStatus.PENDING).select_related(
        "fund", "to_fund", "project"
    )


def as_of(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
