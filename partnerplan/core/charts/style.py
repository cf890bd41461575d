"""The one styling of every chart: the GOV.UK palette, a pattern and a line style per series
(colour is never the only difference), and a figure size that stays readable at 390 px.

The SVG's viewBox is 480 units wide and the smallest text 16 units, so on a phone (about
360 px for the chart) text is at least 12 px; the stylesheet caps the chart at 40em wide."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

WIDTH_IN = 6.667  # 480 points: the SVG's viewBox width
BLACK = "#0b0c0c"
GREY = "#505a5f"
MID_GREY = "#b1b4b6"
LIGHT_GREY = "#f3f2f1"
WHITE = "#ffffff"
BLUE = "#1d70b8"
RED = "#d4351c"
GREEN = "#00703c"
ORANGE = "#f47738"
PURPLE = "#4c2c92"
YELLOW = "#ffdd00"
FONT = 16.0
SMALL = 16.0

# (colour, line dash, marker, hatch) for series in order.
SERIES = [
    (BLUE, "-", "o", ""),
    (BLACK, (0, (6, 3)), "s", "//"),
    (RED, (0, (2, 2)), "^", "xx"),
    (GREEN, (0, (8, 3, 2, 3)), "D", ".."),
    (PURPLE, (0, (4, 4)), "v", "\\\\"),
    (ORANGE, (0, (1, 1)), "P", "--"),
]

# Delivery confidence (and the like): colour and pattern together.
CATEGORIES: dict[str, tuple[str, str]] = {
    "green": (GREEN, ""),
    "amber-green": ("#85994b", ".."),
    "amber": (ORANGE, "//"),
    "amber-red": ("#b58840", "xx"),
    "red": (RED, "\\\\"),
    "": (BLUE, ""),
    "unrated": (MID_GREY, "--"),
    "committed": (BLACK, "//"),
}

RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "partnerplan",
    "font.family": ["DejaVu Sans"],
    "font.size": FONT,
    "axes.edgecolor": GREY,
    "axes.labelcolor": BLACK,
    "axes.titlesize": FONT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": MID_GREY,
    "grid.linewidth": 0.8,
    "xtick.color": BLACK,
    "ytick.color": BLACK,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "legend.fontsize": SMALL,
    "legend.frameon": False,
    "hatch.linewidth": 1.5,
    "hatch.color": WHITE,
    "lines.linewidth": 2.5,
}


@contextmanager
def drawing(height_in: float) -> Iterator[Figure]:
    """A figure 480 units wide with the house style in force while it is drawn and saved."""
    with plt.rc_context(cast(Any, RC)):
        yield Figure(figsize=(WIDTH_IN, height_in), dpi=72)


def series_style(i: int) -> tuple[str, Any, str, str]:
    return SERIES[i % len(SERIES)]


def category_style(category: str) -> tuple[str, str]:
    return CATEGORIES.get(category.lower().replace("_", "-"), CATEGORIES["unrated"])
