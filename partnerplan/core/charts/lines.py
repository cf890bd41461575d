"""Step-line charts: a fund's forecast, a benefit's realisation, any value held until it
changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from partnerplan.core.charts.axes import date_axis, num, short_money, today_rule, value_axis
from partnerplan.core.charts.style import drawing, series_style
from partnerplan.core.charts.svg import figure_svg
from partnerplan.core.charts.types import Chart, Line, Table
from partnerplan.core.money import format_money


def _text(value: Decimal, money: bool) -> str:
    return format_money(value) if money else f"{value.normalize():f}"


def step_chart(
    lines: list[Line],
    *,
    key: str,
    title: str,
    value_name: str,
    money: bool = True,
    today: dt.date | None = None,
    until: dt.date | None = None,
) -> Chart:
    """Each line drawn as steps (the value holds until the next date), with gridlines, the
    first and last values labelled, a legend under the plot and a "today" rule. `until`
    carries every line on to that date (a forecast's horizon)."""
    dates = sorted({d for line in lines for d, _v in line.points})
    table = Table(
        caption=title,
        headers=["Date", *[line.name for line in lines]],
        rows=[
            [
                f"{day:%-d %b %Y}",
                *[
                    next((_text(v, money) for d, v in line.points if d == day), "")
                    for line in lines
                ],
            ]
            for day in dates
        ],
        numeric=[False, *[True for _ in lines]],
    )
    drawn = [line for line in lines if line.points]
    if not drawn:
        return Chart(svg="", alt=f"{title}: there are no figures to draw yet.", table=table)
    end = max(until or dates[-1], dates[-1])
    with drawing(4.2 + 0.3 * len(drawn)) as fig:
        ax = fig.add_subplot()
        for i, line in enumerate(drawn):
            colour, dash, marker, _hatch = series_style(i)
            xs = [num(d) for d, _v in line.points] + [num(end)]
            ys = [float(v) for _d, v in line.points]
            ys.append(ys[-1])
            ax.step(xs, ys, where="post", color=colour, linestyle=dash, label=line.name)
            ax.plot(xs[:1] + xs[-1:], ys[:1] + ys[-1:], linestyle="", marker=marker, color=colour)
        date_axis(ax)
        value_axis(ax, money=money)
        ax.set_xlim(num(dates[0]), num(end))
        ax.set_ylim(bottom=min(0.0, ax.get_ylim()[0]))
        last = [(float(line.points[-1][1]), i) for i, line in enumerate(drawn)]
        for at, value, i in _spread(last, ax.get_ylim()):
            colour = series_style(i)[0]
            label = short_money(value) if money else f"{value:g}"
            ax.annotate(
                label, xy=(1.0, at), xycoords=("axes fraction", "data"), xytext=(4, 0),
                textcoords="offset points", va="center", color=colour, fontweight="bold",
            )  # fmt: skip
        today_rule(ax, today)
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=1, handlelength=3)
        ax.set_ylabel(value_name)
        fig.tight_layout()
        fig.subplots_adjust(right=0.84)  # room for the end labels
        alt = _alt(title, drawn, money, dates[0], end)
        svg = figure_svg(fig, key=key, title=title, desc=alt)
    return Chart(svg=svg, alt=alt, table=table, title=title)


def _spread(
    values: list[tuple[float, int]], ylim: tuple[float, float]
) -> list[tuple[float, float, int]]:
    """End labels (where, value, line) nudged apart so that they never overprint."""
    gap = (ylim[1] - ylim[0]) * 0.08
    out: list[tuple[float, float, int]] = []
    for value, i in sorted(values):
        at = value
        if out and abs(value - out[-1][1]) < 1e-9:
            continue  # the same figure: one label does
        if out and at - out[-1][0] < gap:
            at = out[-1][0] + gap
        out.append((at, value, i))
    return out


def _alt(title: str, lines: list[Line], money: bool, start: dt.date, end: dt.date) -> str:
    parts = [f"{title}, from {start:%-d %B %Y} to {end:%-d %B %Y}."]
    for line in lines:
        first, last = line.points[0][1], line.points[-1][1]
        parts.append(
            f"{line.name}: {_text(first, money)} at the start, {_text(last, money)} at the end."
        )
    return " ".join(parts)
