"""A rating over time (delivery confidence at each report): steps on a scale of named levels,
each level's band shaded in its colour and named on the axis."""

from __future__ import annotations

import datetime as dt

from partnerplan.core.charts.axes import date_axis, num, today_rule
from partnerplan.core.charts.style import BLACK, category_style, drawing
from partnerplan.core.charts.svg import figure_svg
from partnerplan.core.charts.types import Chart, Table


def rating_trend(
    ratings: list[tuple[dt.date, str]],
    *,
    levels: list[tuple[str, str]],
    key: str,
    title: str,
    today: dt.date | None = None,
) -> Chart:
    """`levels` are (value, words), worst first; `ratings` (date, value) in date order."""
    words = dict(levels)
    table = Table(
        caption=title,
        headers=["Date", "Rating"],
        rows=[[f"{d:%-d %b %Y}", words.get(v, v or "Not rated")] for d, v in ratings],
    )
    rated = [(d, v) for d, v in ratings if v in words]
    if len(rated) < 2:
        alt = (
            f"{title}: one rating so far, {words[rated[0][1]]} on {rated[0][0]:%-d %B %Y}; "
            "a trend needs two."
            if rated
            else f"{title}: there are no ratings yet."
        )
        return Chart(svg="", alt=alt, table=table, title=title)
    index = {v: i for i, (v, _w) in enumerate(levels)}
    with drawing(3.6) as fig:
        ax = fig.add_subplot()
        for v, i in index.items():
            colour, hatch = category_style(v)
            ax.axhspan(i - 0.5, i + 0.5, color=colour, alpha=0.18, linewidth=0)
        end = max(today or rated[-1][0], rated[-1][0])
        xs = [num(d) for d, _v in rated] + [num(end)]
        ys = [index[v] for _d, v in rated]
        ys.append(ys[-1])
        ax.step(xs, ys, where="post", color=BLACK, linewidth=3)
        ax.plot(xs[:-1], ys[:-1], linestyle="", marker="o", markersize=9, color=BLACK)
        ax.set_yticks(range(len(levels)), [w for _v, w in levels])
        ax.set_ylim(-0.5, len(levels) - 0.5)
        ax.grid(axis="y", visible=False)
        date_axis(ax)
        ax.set_xlim(xs[0], xs[-1] + max((xs[-1] - xs[0]) * 0.03, 2))
        today_rule(ax, today)
        fig.tight_layout()
        alt = f"{title}: " + "; ".join(f"{d:%-d %B %Y} {words[v]}" for d, v in rated) + "."
        svg = figure_svg(fig, key=key, title=title, desc=alt)
    return Chart(svg=svg, alt=alt, table=table, title=title)
