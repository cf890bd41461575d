"""A project's stage path: a row of chevrons, done, current and to come, each told apart by
fill, pattern and a word as well as by colour. Drawn as a vertical list so that stage names
fit at 390 px."""

from __future__ import annotations

from matplotlib.patches import FancyBboxPatch

from partnerplan.core.charts.style import BLACK, BLUE, GREEN, SMALL, WHITE, drawing
from partnerplan.core.charts.svg import figure_svg
from partnerplan.core.charts.types import Chart, Stage, Table

WORDS = {"done": "Done", "current": "Now", "to come": "To come"}
LOOK = {"done": (GREEN, WHITE, ""), "current": (BLUE, WHITE, ""), "to come": (WHITE, BLACK, "//")}


def stage_path(stages: list[Stage], *, key: str, title: str) -> Chart:
    table = Table(
        caption=title,
        headers=["Stage", "Where the project is", "Note"],
        rows=[[s.name, WORDS.get(s.state, s.state), s.note] for s in stages],
    )
    if not stages:
        return Chart(svg="", alt=f"{title}: the project has no stages yet.", table=table)
    n = len(stages)
    with drawing(0.55 * n + 0.3) as fig:
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 10)
        ax.set_ylim(-n, 0)
        ax.axis("off")
        for i, s in enumerate(stages):
            face, ink, hatch = LOOK.get(s.state, LOOK["to come"])
            y = -i - 0.88
            ax.add_patch(
                FancyBboxPatch(
                    (0.1, y),
                    9.8,
                    0.76,
                    boxstyle="round,pad=0,rounding_size=0.12",
                    facecolor=face,
                    edgecolor=BLACK if face == WHITE else face,
                    hatch=hatch,
                    linewidth=1.5,
                )  # fmt: skip
            )
            if hatch:
                ax.add_patch(
                    FancyBboxPatch(
                        (0.3, y + 0.14),
                        6.6,
                        0.48,
                        boxstyle="square,pad=0",
                        facecolor=WHITE,
                        edgecolor="none",
                    )  # fmt: skip
                )
            weight = "bold" if s.state == "current" else "normal"
            ax.text(0.4, y + 0.38, f"{i + 1}. {s.name}", va="center", color=ink,
                    fontsize=SMALL, fontweight=weight)  # fmt: skip
            ax.text(9.6, y + 0.38, WORDS.get(s.state, s.state), va="center", ha="right",
                    color=ink, fontsize=SMALL, fontweight="bold")  # fmt: skip
        current = next((s.name for s in stages if s.state == "current"), None)
        alt = (
            f"{title}: {n} stages, "
            + ", ".join(f"{s.name} ({WORDS.get(s.state, s.state).lower()})" for s in stages)
            + (f". The project is at {current}." if current else ".")
        )
        svg = figure_svg(fig, key=key, title=title, desc=alt)
    return Chart(svg=svg, alt=alt, table=table, title=title)
