"""The chart core's plain inputs and its one output (no Django here).

Every chart function takes these dataclasses and returns a `Chart`: the SVG, a sentence or two
for people who cannot see it, and the figures as a table that the page shows beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)  # per column: right-aligned figures

    def _is_numeric(self, column: int) -> bool:
        return column < len(self.numeric) and self.numeric[column]

    def header_cells(self) -> list[tuple[str, bool]]:
        return [(h, self._is_numeric(i)) for i, h in enumerate(self.headers)]

    def body_cells(self) -> list[list[tuple[str, bool]]]:
        return [[(c, self._is_numeric(i)) for i, c in enumerate(row)] for row in self.rows]


@dataclass(frozen=True)
class Chart:
    svg: str
    alt: str
    table: Table
    title: str = ""


@dataclass(frozen=True)
class Line:
    """One step line: the value holds from each date until the next."""

    name: str
    points: list[tuple[dt.date, Decimal]]


@dataclass(frozen=True)
class BarSeries:
    name: str
    values: list[float]


@dataclass(frozen=True)
class Bar:
    """One Gantt bar. `group` heads a block of rows (a programme); `category` picks the colour
    and pattern (a delivery confidence, committed or not)."""

    label: str
    start: dt.date
    end: dt.date
    group: str = ""
    category: str = ""
    note: str = ""


@dataclass(frozen=True)
class Point:
    label: str
    x: Decimal
    y: Decimal
    highlighted: bool = False


@dataclass(frozen=True)
class Stage:
    name: str
    state: str  # "done", "current" or "to come"
    note: str = ""
