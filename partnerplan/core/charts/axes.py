"""Shared axis helpers: date ticks that never overprint, money ticks, a "today" rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.ticker import FuncFormatter, MaxNLocator

from partnerplan.core.charts.style import BLACK, RED, SMALL
from partnerplan.core.money import format_money

EPOCH = dt.date(1970, 1, 1)  # matplotlib's date numbers count days from here


def num(day: dt.date) -> float:
    return float((day - EPOCH).days)


def short_money(value: float) -> str:
    """£1.2m, £85k, £900: tick labels short enough for a phone."""
    size = abs(value)
    sign = "-" if value < 0 else ""
    if size >= 1_000_000:
        return f"{sign}£{size / 1_000_000:.3g}m"
    if size >= 10_000:
        return f"{sign}£{size / 1000:.3g}k"
    return format_money(Decimal(round(value)))


def date_axis(ax: Axes, *, max_ticks: int = 5) -> None:
    locator = AutoDateLocator(minticks=2, maxticks=max_ticks)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    formatter = ConciseDateFormatter(locator, show_offset=False)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(formatter)


def value_axis(ax: Axes, *, money: bool, integer: bool = False) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=integer))
    fmt: Callable[[float, int | None], str] = (
        (lambda v, _p: short_money(v)) if money else (lambda v, _p: f"{v:g}")
    )
    ax.yaxis.set_major_formatter(FuncFormatter(fmt))


def today_rule(ax: Axes, today: dt.date | None, *, label_y: float = 1.0, va: str = "top") -> None:
    if today is None:
        return
    lo, hi = ax.get_xlim()
    x = num(today)
    if not lo <= x <= hi:
        return
    ax.axvline(x, color=RED, linewidth=2, linestyle=(0, (4, 2)), zorder=5)
    ax.annotate(
        "Today",
        xy=(x, label_y),
        xycoords=("data", "axes fraction"),
        xytext=(4, -2 if va == "top" else 2),
        textcoords="offset points",
        va=va,
        ha="left" if (x - lo) < (hi - lo) * 0.75 else "right",
        color=BLACK,
        fontsize=SMALL,
        fontweight="bold",
    )
