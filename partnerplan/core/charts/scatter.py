"""The cost-value frontier: value against cost, efficient points joined by a line."""

from __future__ import annotations

from matplotlib.ticker import MaxNLocator

from partnerplan.core.charts.axes import short_money, value_axis
from partnerplan.core.charts.style import BLUE, GREY, WHITE, drawing
from partnerplan.core.charts.svg import figure_svg
from partnerplan.core.charts.types import Chart, Point, Table
from partnerplan.core.money import format_money


def frontier(points: list[Point], *, key: str, title: str) -> Chart:
    """Not drawn for fewer than two points: a single point is said in words instead."""
    table = Table(
        caption=title,
        headers=["Plan", "Cost", "Value", "Efficient"],
        rows=[
            [p.label, format_money(p.x), f"{p.y.normalize():f}", "Yes" if p.highlighted else "No"]
            for p in points
        ],
        numeric=[False, True, True, False],
    )
    if len(points) < 2:
        alt = (
            f"{title}: only one plan, costing {format_money(points[0].x)} for value "
            f"{points[0].y.normalize():f}, so there is no curve to draw."
            if points
            else f"{title}: there are no plans to draw."
        )
        return Chart(svg="", alt=alt, table=table, title=title)
    with drawing(4.4) as fig:
        ax = fig.add_subplot()
        best = sorted((p for p in points if p.highlighted), key=lambda p: p.x)
        if best:
            ax.plot([float(p.x) for p in best], [float(p.y) for p in best], color=BLUE,
                    marker="o", markersize=9, label="Efficient")  # fmt: skip
        rest = [p for p in points if not p.highlighted]
        if rest:
            ax.plot([float(p.x) for p in rest], [float(p.y) for p in rest], linestyle="",
                    marker="s", markersize=8, markerfacecolor=WHITE, markeredgecolor=GREY,
                    markeredgewidth=2, label="Not efficient")  # fmt: skip
        ax.xaxis.set_major_formatter(lambda v, _p: short_money(v))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
        value_axis(ax, money=False)
        ax.set_xlabel("Cost")
        ax.set_ylabel("Value")
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.2), ncol=2)
        fig.tight_layout()
        top = max(points, key=lambda p: p.y)
        alt = (
            f"{title}: {len(points)} plans from {format_money(min(p.x for p in points))} to "
            f"{format_money(max(p.x for p in points))}; the most value, {top.y.normalize():f}, "
            f"costs {format_money(top.x)}. {len(best)} of them are efficient."
        )
        svg = figure_svg(fig, key=key, title=title, desc=alt)
    return Chart(svg=svg, alt=alt, table=table, title=title)
