"""Gantt bars: a task network's schedule, a planner scenario, the timeline and the roadmap.

Each row's label sits above its bar, across the whole width, so a long name is never cut off
on a phone; rows are grouped under a heading (a programme) when bars name a group."""

from __future__ import annotations

import datetime as dt
import textwrap

from matplotlib.patches import Patch

from partnerplan.core.charts.axes import date_axis, num, today_rule
from partnerplan.core.charts.style import BLACK, GREY, SMALL, category_style, drawing
from partnerplan.core.charts.svg import figure_svg
from partnerplan.core.charts.types import Bar, Chart, Table

ROW_IN = 0.62  # inches per row unit
WRAP = 46  # characters of a label's line at 16 units in 480


def _day(d: dt.date) -> str:
    return f"{d:%-d %b %Y}"


def gantt(
    bars: list[Bar],
    *,
    key: str,
    title: str,
    today: dt.date | None = None,
    legend: dict[str, str] | None = None,
) -> Chart:
    """`legend` maps a category to the words the key shows for it (its order is the key's)."""
    grouped = any(b.group for b in bars)
    headers = [*(["Group"] if grouped else []), "Item", "Starts", "Ends"]
    if legend:
        headers.append("Key")
    rows = [
        [
            *([b.group] if grouped else []),
            b.label + (f" ({b.note})" if b.note else ""),
            _day(b.start),
            _day(b.end),
            *([legend.get(b.category, b.category)] if legend else []),
        ]
        for b in bars
    ]
    table = Table(caption=title, headers=headers, rows=rows)
    if not bars:
        return Chart(svg="", alt=f"{title}: there is nothing with dates to draw.", table=table)
    # (label, bar or None for a group heading, the row's top in row units, its height)
    lines: list[tuple[str, Bar | None, float, float]] = []
    group = None
    at = 0.0
    for b in bars:
        if grouped and b.group != group:
            group = b.group
            text = "\n".join(textwrap.wrap(b.group, WRAP)) or " "
            lines.append((text, None, at, 0.55 * (text.count("\n") + 1)))
            at += lines[-1][3]
        text = "\n".join(textwrap.wrap(b.label, WRAP)) or " "
        lines.append((text, b, at, 0.55 + 0.4 * (text.count("\n") + 1)))
        at += lines[-1][3]
    height = 1.3 + ROW_IN * at + (0.5 * (1 + len(legend or {}) // 2) if legend else 0)
    start = min(b.start for b in bars)
    end = max(b.end for b in bars)
    pad = max((end - start).days * 0.02, 3)
    with drawing(height) as fig:
        ax = fig.add_subplot()
        for label, bar, top, size in lines:
            y = -top
            if bar is None:
                ax.annotate(
                    label, xy=(0, y - 0.08), xycoords=("axes fraction", "data"), va="top",
                    fontweight="bold", color=BLACK, fontsize=SMALL,
                )  # fmt: skip
                continue
            colour, hatch = category_style(bar.category)
            left = num(bar.start)
            width = max(num(bar.end) - left, 1)
            ax.barh(
                y - size + 0.3, width, left=left, height=0.38, color=colour, hatch=hatch,
                edgecolor=BLACK, linewidth=0.8,
            )  # fmt: skip
            ax.annotate(
                label, xy=(0, y - 0.05), xycoords=("axes fraction", "data"), va="top",
                color=BLACK, fontsize=SMALL, linespacing=1.1,
            )  # fmt: skip
        ax.set_ylim(-at - 0.35, 0.05)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.set_xlim(num(start) - pad, num(end) + pad)
        date_axis(ax, max_ticks=5)
        ax.xaxis.tick_top()
        ax.tick_params(axis="x", colors=BLACK, labelcolor=BLACK)
        ax.spines["bottom"].set_visible(False)
        ax.spines["top"].set_visible(True)
        ax.spines["top"].set_color(GREY)
        today_rule(ax, today, label_y=0.0, va="bottom")
        if legend:
            handles = [
                Patch(facecolor=category_style(c)[0], hatch=category_style(c)[1],
                      edgecolor=BLACK, label=words)
                for c, words in legend.items()
                if any(b.category == c for b in bars)
            ]  # fmt: skip
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.01), ncol=2)
        fig.tight_layout()
        alt = (
            f"{title}: {len(bars)} bar{'s' if len(bars) != 1 else ''} from {_day(start)} to "
            f"{_day(end)}. "
            + " ".join(f"{b.label}: {_day(b.start)} to {_day(b.end)}." for b in bars[:12])
            + (f" And {len(bars) - 12} more in the table." if len(bars) > 12 else "")
        )
        svg = figure_svg(fig, key=key, title=title, desc=alt)
    return Chart(svg=svg, alt=alt, table=table, title=title)
