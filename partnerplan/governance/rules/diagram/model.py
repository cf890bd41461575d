"""What a governance diagram is drawn from: boxes (bodies and offices) and lines between them,
the palette and line styles of each kind, and the contrast check the palette keeps to.

Framework-free: no Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EdgeStyle = Literal["reports_to", "twin_track", "delegates"]


@dataclass(frozen=True)
class KindStyle:
    name: str
    fill: str
    stroke: str
    corner: float


@dataclass(frozen=True)
class LineStyle:
    name: str
    colour: str
    dash: str
    width: float


TEXT_COLOUR = "#0b0c0c"
BACKGROUND = "#ffffff"

KIND_STYLES: dict[str, KindStyle] = {
    "elected_body": KindStyle("Elected body", "#d2e2f1", "#1d70b8", 12),
    "officer_board": KindStyle("Officer board", "#cce2d8", "#00703c", 12),
    "officer_group": KindStyle("Officer group", "#e3efe7", "#00703c", 12),
    "office_holder": KindStyle("Office holder", "#f3f2f1", "#505a5f", 3),
    "external_body": KindStyle("External body", "#fbe3d6", "#b1380b", 12),
    "project": KindStyle("Project", "#ece5f4", "#4c2c92", 3),
}
_OTHER_KIND = KindStyle("Other", "#ffffff", "#505a5f", 3)

EDGE_STYLES: dict[str, LineStyle] = {
    "reports_to": LineStyle("Reports to", "#0b0c0c", "", 2),
    "twin_track": LineStyle("Twin-track reporting", "#4c2c92", "9 5", 2.5),
    "delegates": LineStyle("Delegates to", "#00703c", "2 4", 2.5),
}


@dataclass(frozen=True)
class DiagramNode:
    """A body or office. ``plural`` makes sentences read "report" not "reports"."""

    id: str
    label: str
    sublabel: str = ""
    kind: str = "officer_group"
    plural: bool = False


@dataclass(frozen=True)
class DiagramEdge:
    source: str
    target: str
    label: str = ""
    style: EdgeStyle = "reports_to"


# --- colour contrast -----------------------------------------------------------------


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    a, b = _luminance(foreground), _luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)
