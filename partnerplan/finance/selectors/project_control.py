"""What portfolio's project controls read from the ledger (registered with
`portfolio.control_sources` in `FinanceConfig.ready()`): spend to date by project, and the funds
a baseline's funding source is picked from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum

from partnerplan.core.access import visible
from partnerplan.core.money import pennies
from partnerplan.finance.models import Entry, Fund, TransactionKind


def spend_by_project(project_ids: Iterable[int], on: dt.date) -> dict[int, Decimal]:
    """Money spent by each project up to the end of `on`, net of corrected spends (one query)."""
    rows = (
        Entry.objects.filter(
            account__project_id__in=list(project_ids), transaction__effective_on__lte=on
        )
        .filter(
            Q(transaction__kind=TransactionKind.SPEND)
            | Q(transaction__reverses__kind=TransactionKind.SPEND)
        )
        .values("account__project_id")
        .annotate(s=Sum("amount"))
    )
    return {r["account__project_id"]: -pennies(r["s"]) for r in rows}


def fund_choices(viewer: Any) -> list[tuple[int, str]]:
    """The open funds the viewer may see (all of them for `None`: a service checking an id),
    by name."""
    funds = Fund.objects.filter(archived_at__isnull=True).order_by("name")
    if viewer is not None:
        funds = visible(funds, viewer)
    return [(f.pk, f.name) for f in funds]
