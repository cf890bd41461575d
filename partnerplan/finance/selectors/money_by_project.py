"""Money by project and funding source: the table and its exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.finance.models import (
    Account,
    AccountKind,
    Basis,
    Entry,
    Fund,
    TransactionKind,
)
from partnerplan.finance.selectors.balances import ZERO
from partnerplan.portfolio.models import Project


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
