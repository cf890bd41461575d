"""What the project controls read from the apps above portfolio (finance's ledger, resources'
bookings), through a registry those apps fill in their `AppConfig.ready()`: portfolio never
imports them.

- `spend`: money spent by each project up to a date (finance's ledger).
- `booked`: each project's booked cost and the last day booked (resources' assignments).
- `funds`: the funds a baseline's funding source may be picked from, as (id, name).

With nothing registered (portfolio's own tests) there is no spend, no booking and no fund.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

SpendReader = Callable[[Iterable[int], dt.date], dict[int, Decimal]]
FundsReader = Callable[[Any], list[tuple[int, str]]]


@dataclass(frozen=True)
class Booked:
    cost: Decimal
    until: dt.date | None


BookedReader = Callable[[Iterable[int]], dict[int, Booked]]

_spend: list[SpendReader] = []
_booked: list[BookedReader] = []
_funds: list[FundsReader] = []


def register_spend(reader: SpendReader) -> None:
    if reader not in _spend:
        _spend.append(reader)


def register_booked(reader: BookedReader) -> None:
    if reader not in _booked:
        _booked.append(reader)


def register_funds(reader: FundsReader) -> None:
    if reader not in _funds:
        _funds.append(reader)


def spend(project_ids: Iterable[int], on: dt.date) -> dict[int, Decimal]:
    """Spend to date (the end of `on`) by project id."""
    ids = list(project_ids)
    out: dict[int, Decimal] = {}
    for reader in _spend:
        for pk, amount in reader(ids, on).items():
            out[pk] = out.get(pk, Decimal(0)) + amount
    return out


def booked(project_ids: Iterable[int]) -> dict[int, Booked]:
    """Booked cost and the last day booked, by project id."""
    ids = list(project_ids)
    out: dict[int, Booked] = {}
    for reader in _booked:
        for pk, b in reader(ids).items():
            old = out.get(pk)
            if old is None:
                out[pk] = b
            else:
                until = max((d for d in (old.until, b.until) if d is not None), default=None)
                out[pk] = Booked(old.cost + b.cost, until)
    return out


def funds(viewer: Any) -> list[tuple[int, str]]:
    """The funds the viewer may pick as a funding source."""
    return [f for reader in _funds for f in reader(viewer)]
