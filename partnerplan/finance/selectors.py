"""Reads of the finance ledger: balances, forecasts, scenarios, figure checks and pages.

`fund_balance` and `figure_check` are the interface other apps (reports) use; see
docs/finance.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.core.money import format_money
from partnerplan.finance.models import (
    Account,
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
from partnerplan.finance.services.posting import lowest_running
from partnerplan.partners.models import Person
from partnerplan.portfolio.models import Project

ZERO = Decimal("0.00")


class Include:
    """What a balance counts."""

    ACTUAL = "actual"  # money that has moved
    COMMITTED = "committed"  # plus approved calls not yet paid (the default for forecasts)


ScenarioArg = Scenario | Iterable[FundingRequest] | None


def _scenario_requests(scenario: ScenarioArg) -> list[FundingRequest]:
    """The pending requests a scenario assumes approved. Requests already decided are left out:
    an approved one is in the ledger already, a refused or withdrawn one will not happen."""
    if scenario is None:
        return []
    if isinstance(scenario, Scenario):
        items: Iterable[FundingRequest] = scenario.requests.all()
    else:
        items = scenario
    return [r for r in items if r.status == RequestStatus.PENDING]


def _ledger_sum(account_q: Q, on: dt.date, include: str) -> Decimal:
    entries = Entry.objects.filter(account_q, transaction__effective_on__lte=on)
    if include == Include.ACTUAL:
        entries = entries.filter(transaction__basis=Basis.ACTUAL)
    elif include != Include.COMMITTED:
        raise ValueError(f"include must be 'actual' or 'committed', not {include!r}")
    return (entries.aggregate(s=Sum("amount"))["s"] or ZERO).quantize(Decimal("0.01"))


def _pending_effect(fund: Fund, on: dt.date, requests: Iterable[FundingRequest]) -> Decimal:
    total = ZERO
    for r in requests:
        if r.expected_on > on:
            continue
        if r.fund_id == fund.pk:
            total -= r.amount
        if r.to_fund_id == fund.pk:
            total += r.amount
    return total


def fund_balance(
    *,
    fund: Fund,
    on: dt.date,
    include: str = Include.COMMITTED,
    scenario: ScenarioArg = None,
) -> Decimal:
    """The balance of `fund` at the end of `on`, computed from the ledger.

    include="actual": money that has moved by then. include="committed" (default): plus calls
    approved but not yet paid that are expected by then. `scenario` (a Scenario, or pending
    FundingRequests): plus those pending requests, as if approved, expected by then."""
    balance = _ledger_sum(Q(account__fund=fund), on, include)
    return balance + _pending_effect(fund, on, _scenario_requests(scenario))


@dataclass(frozen=True)
class Position:
    fund: Fund
    on: dt.date
    actual: Decimal
    committed: Decimal  # approved, not yet paid (signed: negative is money going out)
    pending: Decimal  # the scenario's pending requests (signed)
    scenario_name: str = ""

    @property
    def forecast(self) -> Decimal:
        return self.actual + self.committed + self.pending

    @property
    def approved_forecast(self) -> Decimal:
        return self.actual + self.committed


def fund_position(*, fund: Fund, on: dt.date, scenario: ScenarioArg = None) -> Position:
    actual = fund_balance(fund=fund, on=on, include=Include.ACTUAL)
    with_committed = fund_balance(fund=fund, on=on)
    requests = _scenario_requests(scenario)
    return Position(
        fund=fund,
        on=on,
        actual=actual,
        committed=with_committed - actual,
        pending=_pending_effect(fund, on, requests),
        scenario_name=scenario.name if isinstance(scenario, Scenario) else "",
    )


def compare_scenarios(
    *, fund: Fund, on: dt.date, scenarios: Iterable[Scenario]
) -> list[tuple[str, Decimal]]:
    """The forecast of `fund` on `on`: approved only, then under each named scenario."""
    rows = [("Approved calls only (no pending requests)", fund_balance(fund=fund, on=on))]
    for s in scenarios:
        rows.append((s.name, fund_balance(fund=fund, on=on, scenario=s)))
    return rows


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    days = []
    year, month = start.year, start.month
    while True:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        days.append(last)
        if last >= end:
            return days
        year, month = nxt.year, nxt.month


@dataclass
class ForecastSeries:
    fund: Fund
    days: list[dt.date]
    lines: list[tuple[str, list[Decimal]]] = field(default_factory=list)


def forecast_series(
    *, fund: Fund, start: dt.date, end: dt.date, scenarios: Iterable[Scenario] = ()
) -> ForecastSeries:
    """Month-end balances of `fund` from `start` to `end`: actual, with approved calls, and
    under each scenario. Computed from one read of the fund's entries."""
    days = month_ends(start, end)
    entries = list(
        Entry.objects.filter(account__fund=fund).values_list(
            "transaction__effective_on", "transaction__basis", "amount"
        )
    )

    def running(bases: set[str]) -> list[Decimal]:
        return [sum((a for d, b, a in entries if b in bases and d <= day), ZERO) for day in days]

    actual = running({Basis.ACTUAL})
    approved = running({Basis.ACTUAL, Basis.COMMITTED})
    series = ForecastSeries(fund=fund, days=days)
    series.lines.append(("Actual", actual))
    series.lines.append(("With approved calls", approved))
    for s in scenarios:
        requests = _scenario_requests(s)
        series.lines.append(
            (
                s.name,
                [
                    v + _pending_effect(fund, d, requests)
                    for d, v in zip(days, approved, strict=True)
                ],
            )
        )
    return series


# --- Figure checks -------------------------------------------------------------------------

FIGURE = re.compile(r"£\s?(\d[\d,]*(?:\.\d{1,2})?)\s*(k|m)?\b", re.IGNORECASE)


def figures_in(text: str) -> list[Decimal]:
    """The £ amounts quoted in `text`: '£129,700', '£85k' and '£1.2m' are understood."""
    found = []
    for number, scale in FIGURE.findall(text):
        try:
            value = Decimal(number.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
            continue
        if scale.lower() == "k":
            value *= 1000
        elif scale.lower() == "m":
            value *= 1_000_000
        found.append(value.quantize(Decimal("0.01")))
    return found


@dataclass(frozen=True)
class FigureCheck:
    quoted: Decimal | None
    computed: Decimal
    fund: Fund
    on: dt.date
    basis_text: str

    @property
    def matches(self) -> bool:
        return self.quoted is not None and self.quoted == self.computed

    @property
    def difference(self) -> Decimal | None:
        return None if self.quoted is None else self.quoted - self.computed

    @property
    def message(self) -> str:
        d = self.on
        when = f"{d.day} {d.strftime('%B')} {d.year}"
        what = f"the balance of {self.fund} at {when} ({self.basis_text})"
        if self.quoted is None:
            return (
                f"No £ figure was found to check. The ledger gives {what} as "
                f"{format_money(self.computed)}."
            )
        if self.matches:
            return f"{format_money(self.quoted)} agrees with the ledger: {what}."
        assert self.difference is not None
        more = "more" if self.difference > 0 else "less"
        return (
            f"{format_money(self.quoted)} does not agree with the ledger, which gives {what} as "
            f"{format_money(self.computed)}: the quoted figure is "
            f"{format_money(abs(self.difference))} {more}."
        )


def figure_check(
    *,
    text_or_figure: str | Decimal,
    fund: Fund,
    on: dt.date,
    include: str = Include.COMMITTED,
    scenario: ScenarioArg = None,
    which: int = -1,
) -> FigureCheck:
    """Check a quoted figure against the ledger.

    `text_or_figure`: a Decimal, or text quoting £ figures (the `which`-th is checked: by
    default the last, as in "...the March 2011 forecast balance would be £129,700")."""
    if isinstance(text_or_figure, Decimal):
        quoted: Decimal | None = text_or_figure.quantize(Decimal("0.01"))
    else:
        figures = figures_in(text_or_figure)
        quoted = figures[which] if figures else None
    computed = fund_balance(fund=fund, on=on, include=include, scenario=scenario)
    basis = "money moved" if include == Include.ACTUAL else "allowing for approved calls"
    requests = _scenario_requests(scenario)
    if requests:
        names = ", ".join(r.title for r in requests)
        basis += f", and if these are approved: {names}"
    return FigureCheck(quoted=quoted, computed=computed, fund=fund, on=on, basis_text=basis)


# --- Ledger invariants ---------------------------------------------------------------------


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
    unbalanced = (
        LedgerTransaction.objects.annotate(total=Sum("entries__amount"))
        .filter(~Q(total=0) | Q(total__isnull=True))
        .values_list("pk", "total")
    )
    for pk, total in unbalanced:
        problems.append(f"Transaction {pk} does not balance (its entries add up to {total}).")
    for pk in (
        LedgerTransaction.objects.annotate(n=Sum(1, filter=Q(entries__isnull=False)))
        .filter(Q(n__lt=2) | Q(n__isnull=True))
        .values_list("pk", flat=True)
    ):
        problems.append(f"Transaction {pk} has fewer than two entries.")
    unauthorised = LedgerTransaction.objects.filter(
        decision__isnull=True, officer_decision__isnull=True
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
        total = account.entries.aggregate(s=Sum("amount"))["s"] or ZERO
        by_tx = sum(
            (
                t or ZERO
                for t in LedgerTransaction.objects.filter(entries__account=account)
                .annotate(t=Sum("entries__amount", filter=Q(entries__account=account)))
                .values_list("t", flat=True)
            ),
            ZERO,
        )
        if total != by_tx:
            problems.append(f"{account}: balance {total} differs from its movements {by_tx}.")
    return problems


# --- Pages ---------------------------------------------------------------------------------


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
            .select_related("owner_body", "parent", "delegation", "delegation__from_body")
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


def fund_movements(*, fund: Fund, filters: MovementFilters | None = None) -> QuerySet[Entry]:
    """The entries on `fund`'s account, each with its transaction and the other side."""
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
            "transaction__delegation__from_body",
            "transaction__drawn_by",
            "transaction__authority_body",
        )
        .prefetch_related(
            Prefetch(
                "transaction__entries",
                queryset=Entry.objects.select_related(
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


def fund_requests(*, fund: Fund) -> QuerySet[FundingRequest]:
    return (
        FundingRequest.objects.filter(Q(fund=fund) | Q(to_fund=fund))
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
    for tx_pk, account_str in _other_sides(tx_ids, project):
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


def _other_sides(tx_ids: list[int], project: Project) -> list[tuple[int, str]]:
    rows = (
        Entry.objects.filter(transaction_id__in=tx_ids, amount__lt=0)
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


# --- Forms ---------------------------------------------------------------------------------


def transaction_detail(*, pk: int) -> LedgerTransaction:
    """A movement with its entries, for the reverse and mark-paid forms (administrators)."""
    try:
        return (
            LedgerTransaction.objects.select_related(
                "posted_by",
                "decision__body",
                "decision__recommendation__item",
                "officer_decision__taken_by",
                "delegation",
                "drawn_by",
                "authority_body",
            )
            .prefetch_related(
                Prefetch(
                    "entries",
                    queryset=Entry.objects.select_related(
                        "account__fund", "account__project", "account__partner"
                    ),
                )
            )
            .get(pk=pk)
        )
    except LedgerTransaction.DoesNotExist:
        raise Http404("No such movement") from None


def people_who_may_draw(*, viewer: Viewer, fund: Fund) -> QuerySet[Person]:
    """Who the drawdown form offers: the people who sit on a body the contingency's delegation
    names (an administrator may record any of them; anyone else only themselves). The service
    checks the membership dates and the limit."""
    if fund.delegation_id is None:
        return Person.objects.none()
    qs = Person.objects.filter(
        body_memberships__body__delegations_held=fund.delegation_id,
        archived_at__isnull=True,
    )
    if not viewer.is_admin:
        qs = qs.filter(pk=viewer.person_id or 0)
    return qs.distinct().order_by("last_name", "first_name")


def request_detail(*, pk: int) -> FundingRequest:
    try:
        return FundingRequest.objects.select_related("fund", "to_fund", "project").get(pk=pk)
    except FundingRequest.DoesNotExist:
        raise Http404("No such request") from None


def scenario_list() -> list[Scenario]:
    return list(
        Scenario.objects.prefetch_related(
            Prefetch("requests", queryset=FundingRequest.objects.select_related("fund"))
        ).order_by("name")
    )


def bid_detail(*, viewer: Viewer, pk: int) -> Bid:
    try:
        return (
            visible(Bid.objects.all(), viewer)
            .select_related("project", "fund", "income")
            .get(pk=pk)
        )
    except Bid.DoesNotExist:
        raise Http404("No such bid") from None


# --- Money by project and funding source ---------------------------------------------------


@dataclass
class FundingRow:
    project: Project
    by_source: dict[str, Decimal]
    spent: Decimal = ZERO

    @property
    def allocated(self) -> Decimal:
        return sum(self.by_source.values(), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.spent


@dataclass
class FundingTable:
    """Money allocated to each project (received and approved, net of corrections and
    releases), by the fund or source it came from, with what has been spent and what is left.
    `committed` is the part of each project's allocation approved but not yet paid."""

    on: dt.date
    sources: list[str]
    rows: list[FundingRow]
    committed: dict[int, Decimal]

    def cells(self, row: FundingRow) -> list[Decimal]:
        return [row.by_source.get(s, ZERO) for s in self.sources]

    @property
    def source_totals(self) -> list[Decimal]:
        return [sum((r.by_source.get(s, ZERO) for r in self.rows), ZERO) for s in self.sources]

    @property
    def allocated_total(self) -> Decimal:
        return sum((r.allocated for r in self.rows), ZERO)

    @property
    def spent_total(self) -> Decimal:
        return sum((r.spent for r in self.rows), ZERO)

    @property
    def remaining_total(self) -> Decimal:
        return sum((r.remaining for r in self.rows), ZERO)

    def display_rows(self) -> list[tuple[FundingRow, list[Decimal], Decimal]]:
        return [(r, self.cells(r), self.committed.get(r.project.pk, ZERO)) for r in self.rows]

    def export_rows(self) -> list[list[Any]]:
        out: list[list[Any]] = [
            ["Project", *self.sources, "Allocated", "Of which not yet paid", "Spent", "Left"]
        ]
        for row, cells, committed in self.display_rows():
            out.append(
                [row.project.title, *cells, row.allocated, committed, row.spent, row.remaining]
            )
        out.append(
            ["Total", *self.source_totals, self.allocated_total,
             sum(self.committed.values(), ZERO), self.spent_total, self.remaining_total]
        )  # fmt: skip
        return out


HIDDEN_SOURCE = "Other funds"


def funding_table(*, viewer: Viewer, on: dt.date) -> FundingTable:
    """Money by project and by funding source, across all funds, up to the end of `on`.

    Three queries: the entries on project accounts (projects the viewer may see), the other
    side of those transactions, and the funds the viewer may see (other funds are shown as
    'Other funds')."""
    project_entries = list(
        Entry.objects.filter(account__kind=AccountKind.PROJECT, transaction__effective_on__lte=on)
        .filter(visible_q(viewer, Project, "account__project__"))
        .select_related("account__project", "transaction", "transaction__reverses")
        .order_by("account__project__title", "account__project__pk")
    )
    tx_ids = {e.transaction_id for e in project_entries}
    other: dict[int, Account] = {}
    for e in (
        Entry.objects.filter(transaction_id__in=tx_ids)
        .exclude(account__kind=AccountKind.PROJECT)
        .select_related("account__fund", "account__partner")
        .order_by("pk")
    ):
        other.setdefault(e.transaction_id, e.account)
    seen_funds = set(visible(Fund.objects.all(), viewer).values_list("pk", flat=True))
    rows: dict[int, FundingRow] = {}
    committed: dict[int, Decimal] = {}
    sources: set[str] = set()
    for e in project_entries:
        project = e.account.project
        assert project is not None
        row = rows.setdefault(project.pk, FundingRow(project=project, by_source={}))
        tx = e.transaction
        kind = tx.reverses.kind if tx.reverses_id and tx.reverses else tx.kind
        if kind == TransactionKind.SPEND:
            row.spent -= e.amount
            continue
        if tx.basis == Basis.COMMITTED:
            committed[project.pk] = committed.get(project.pk, ZERO) + e.amount
        account = other.get(tx.pk)
        if account is None:
            name = "Unknown"
        elif account.fund_id and account.fund_id not in seen_funds:
            name = HIDDEN_SOURCE
        else:
            name = str(account)
        sources.add(name)
        row.by_source[name] = row.by_source.get(name, ZERO) + e.amount
    return FundingTable(
        on=on,
        sources=sorted(sources),
        rows=list(rows.values()),
        committed=committed,
    )
