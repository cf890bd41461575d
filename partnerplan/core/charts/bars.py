"""Grouped bars by period: capacity against demand by month."""

from __future__ import annotations

from partnerplan.core.charts.axes import value_axis
from partnerplan.core.charts.style import BLACK, FONT, drawing, series_style
from partnerplan.core.charts.svg import figure_svg
from partnerplan.core.charts.types import BarSeries, Chart, Table


def _num(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def grouped_bars(
    periods: list[str],
    series: list[BarSeries],
    *,
    key: str,
    title: str,
    value_name: str,
    flagged: list[bool] | None = None,
) -> Chart:
    """One group of bars per period, each series in its own colour and hatch; a period in
    `flagged` is marked with * above its bars (the text alternative names them)."""
    flags = flagged or [False] * len(periods)
    table = Table(
        caption=title,
        headers=["Period", *[s.name for s in series]],
        rows=[[p, *[_num(s.values[i]) for s in series]] for i, p in enumerate(periods)],
        numeric=[False, *[True for _ in series]],
    )
    if not periods:
        return Chart(svg="", alt=f"{title}: there is nothing to draw.", table=table)
    width = 0.8 / max(len(series), 1)
    with drawing(4.6) as fig:
        ax = fig.add_subplot()
        for k, s in enumerate(series):
            colour, _dash, _marker, hatch = series_style(k)
            xs = [i - 0.4 + width * (k + 0.5) for i in range(len(periods))]
            ax.bar(
                xs, s.values, width=width, color=colour, hatch=hatch, label=s.name,
                edgecolor=colour, linewidth=0,
            )  # fmt: skip
        step = max(1, -(-len(periods) // 6))
        ax.set_xticks(range(0, len(periods), step), periods[::step])
        top = max((max(s.values, default=0) for s in series), default=0) or 1
        for i, flag in enumerate(flags):
            if flag:
                ax.annotate("*", xy=(i, top * 1.02), ha="center", va="bottom",
                            fontsize=FONT * 1.4, fontweight="bold", color=BLACK)  # fmt: skip
        ax.set_ylim(0, top * 1.15)
        ax.grid(axis="x", visible=False)
        ax.set_axisbelow(True)
        value_axis(ax, money=False)
        ax.set_ylabel(value_name)
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=2, labelcolor=BLACK)
        fig.tight_layout()
        short = [p for p, f in zip(periods, flags, strict=True) if f]
        alt = (
            f"{title}: {', '.join(s.name for s in series)} for each of {len(periods)} periods "
            f"from {periods[0]} to {periods[-1]}. "
            + (f"Marked * (short): {', '.join(short)}." if short else "No period is short.")
        )
        svg = figure_svg(fig, key=key, title=title, desc=alt)
    return Chart(svg=svg, alt=alt, table=table, title=title)
