"""Drawing the laid-out diagram as a standalone, accessible SVG document: boxes, edges with
their arrows and labels, and the key.

Framework-free: no Django imports.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from partnerplan.governance.rules.diagram.describe import describe_governance
from partnerplan.governance.rules.diagram.dot import dot_layout
from partnerplan.governance.rules.diagram.layout import (
    CHAR_WIDTH,
    EDGE_LABEL_LINE,
    EDGE_LABEL_SIZE,
    FONT,
    KIND_LINE,
    KIND_SIZE,
    LABEL_LINE,
    LABEL_SIZE,
    MARGIN,
    PAD,
    SUB_LINE,
    SUB_SIZE,
    _Box,
)
from partnerplan.governance.rules.diagram.model import (
    _OTHER_KIND,
    BACKGROUND,
    EDGE_STYLES,
    KIND_STYLES,
    TEXT_COLOUR,
    DiagramEdge,
    DiagramNode,
)
from partnerplan.governance.rules.diagram.text import _x


def _marker(prefix: str, style: str, colour: str) -> str:
    return (
        f'<marker id="{prefix}-arrow-{style}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="11" markerHeight="11" orient="auto-start-reverse" '
        'markerUnits="userSpaceOnUse">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
    )


def _text_lines(
    lines: list[str],
    x: float,
    y: float,
    size: float,
    line: float,
    *,
    weight: str = "normal",
    anchor: str = "middle",
) -> list[str]:
    out = []
    for k, text in enumerate(lines):
        out.append(
            f'<text x="{x:.1f}" y="{y + k * line:.1f}" font-size="{size}" '
            f'font-weight="{weight}" text-anchor="{anchor}">{_x(text)}</text>'
        )
    return out


def _box_svg(box: _Box) -> list[str]:
    assert box.node is not None
    style = KIND_STYLES.get(box.node.kind, _OTHER_KIND)
    left, top = box.x - box.width / 2, box.y
    out = [
        f'<g class="node node-{_x(box.node.kind)}" data-node="{_x(box.node.id)}">',
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" '
        f'rx="{style.corner}" fill="{style.fill}" stroke="{style.stroke}" stroke-width="2"/>',
    ]
    y = top + PAD + KIND_SIZE
    out += _text_lines([style.name.upper()], box.x, y, KIND_SIZE, KIND_LINE)
    y += KIND_LINE + LABEL_SIZE - KIND_SIZE + 2
    out += _text_lines(box.label_lines, box.x, y, LABEL_SIZE, LABEL_LINE, weight="bold")
    y += len(box.label_lines) * LABEL_LINE + 2
    out += _text_lines(box.sub_lines, box.x, y, SUB_SIZE, SUB_LINE)
    out.append("</g>")
    return out


def _label_boxes(
    anchors: list[tuple[float, float, list[str]]],
) -> list[tuple[float, float, float, float, list[str]]]:
    """Place edge labels near their anchors without overlapping each other."""
    placed: list[tuple[float, float, float, float, list[str]]] = []
    for x, y, lines in sorted(anchors, key=lambda a: (a[1], a[0])):
        width = max(len(line) for line in lines) * EDGE_LABEL_SIZE * CHAR_WIDTH + 8
        height = len(lines) * EDGE_LABEL_LINE + 4
        top = y - height / 2
        for _ in range(12):
            clash = next(
                (
                    p
                    for p in placed
                    if abs(p[0] - x) < (p[2] + width) / 2 and abs(p[1] - top) < (p[3] + height) / 2
                ),
                None,
            )
            if clash is None:
                break
            x = (
                clash[0] + (clash[2] + width) / 2 + 4
                if x >= clash[0]
                else clash[0] - (clash[2] + width) / 2 - 4
            )
        placed.append((x, top, width, height, lines))
    return placed


def _legend(
    kinds: list[str], styles: list[str], top: float, width: float, prefix: str
) -> tuple[list[str], float]:
    out = [
        f'<g class="legend"><text x="{MARGIN:.1f}" y="{top + 16:.1f}" font-size="14" '
        'font-weight="bold">Key</text>'
    ]
    x, y = MARGIN, top + 30
    row_height = 26.0
    items: list[tuple[float, list[str]]] = []
    for style in styles:
        line = EDGE_STYLES[style]
        text_width = len(line.name) * 13 * CHAR_WIDTH
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        items.append(
            (
                52 + text_width,
                [
                    f'<line x1="{{x}}" y1="{{ym}}" x2="{{x40}}" y2="{{ym}}" stroke="{line.colour}" '
                    f'stroke-width="{line.width}"{dash} '
                    f'marker-end="url(#{prefix}-arrow-{style})"/>',
                    f'<text x="{{x48}}" y="{{yt}}" font-size="13">{_x(line.name)}</text>',
                ],
            )
        )
    for kind in kinds:
        ks = KIND_STYLES.get(kind, _OTHER_KIND)
        text_width = len(ks.name) * 13 * CHAR_WIDTH
        items.append(
            (
                34 + text_width,
                [
                    f'<rect x="{{x}}" y="{{ytop}}" width="24" height="16" rx="{min(ks.corner, 4)}" '
                    f'fill="{ks.fill}" stroke="{ks.stroke}" stroke-width="2"/>',
                    f'<text x="{{x32}}" y="{{yt}}" font-size="13">{_x(ks.name)}</text>',
                ],
            )
        )
    for item_width, parts in items:
        if x + item_width > width - MARGIN and x > MARGIN:
            x = MARGIN
            y += row_height
        values = {
            "x": f"{x:.1f}",
            "x32": f"{x + 32:.1f}",
            "x40": f"{x + 40:.1f}",
            "x48": f"{x + 48:.1f}",
            "ym": f"{y + 8:.1f}",
            "ytop": f"{y:.1f}",
            "yt": f"{y + 13:.1f}",
        }
        for part in parts:
            out.append(part.format(**values))
        x += item_width + 24
    out.append("</g>")
    return out, y + row_height - top


def render_governance_svg(
    nodes: Sequence[DiagramNode],
    edges: Sequence[DiagramEdge],
    *,
    title: str,
    description: str = "",
    id_prefix: str = "governance",
) -> str:
    """The diagram as a standalone, accessible SVG document (a string).

    ``description`` goes into ``<desc>``; when empty, the sentences from
    ``describe_governance`` are used. ``id_prefix`` keeps element ids unique when
    a page shows more than one diagram.
    """
    prefix = re.sub(r"[^A-Za-z0-9_-]", "-", id_prefix) or "governance"
    if not prefix[0].isalpha():
        prefix = "g" + prefix
    layout = dot_layout(nodes, edges)
    desc = description or " ".join(describe_governance(nodes, edges))
    content_right = layout.width - MARGIN
    content_bottom = layout.height - MARGIN

    edge_svg: list[str] = []
    anchors: list[tuple[float, float, list[str]]] = []
    for routed in layout.edges:
        edge = routed.edge
        line = EDGE_STYLES[edge.style]
        # Paths run from the upper box to the lower one; the arrow points at the target.
        marker = "marker-end" if routed.towards_target else "marker-start"
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        edge_svg.append(
            f'<path class="edge edge-{edge.style}" data-source="{_x(edge.source)}" '
            f'data-target="{_x(edge.target)}" d="{routed.path}" fill="none" '
            f'stroke="{line.colour}" stroke-width="{line.width}"{dash} '
            f'{marker}="url(#{prefix}-arrow-{edge.style})"/>'
        )
        if routed.label_lines and routed.label_at is not None:
            anchors.append((routed.label_at[0], routed.label_at[1], routed.label_lines))
    label_svg: list[str] = []
    for x, top, width, height, lines in _label_boxes(anchors):
        label_svg.append(
            f'<rect x="{x - width / 2:.1f}" y="{top:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" rx="3" fill="{BACKGROUND}" fill-opacity="0.94"/>'
        )
        label_svg += _text_lines(
            lines, x, top + 2 + EDGE_LABEL_SIZE, EDGE_LABEL_SIZE, EDGE_LABEL_LINE
        )
        content_right = max(content_right, x + width / 2)

    used_kinds = list(dict.fromkeys(n.kind for n in nodes))
    used_styles = [s for s in EDGE_STYLES if any(e.style == s for e in edges)]
    width = max(content_right + MARGIN, 560.0)
    legend_top = content_bottom + 36
    legend_svg, legend_height = _legend(used_kinds, used_styles, legend_top, width, prefix)
    height = legend_top + legend_height + MARGIN

    markers = "".join(_marker(prefix, style, EDGE_STYLES[style].colour) for style in EDGE_STYLES)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" width="{math.ceil(width)}" '
        f'height="{math.ceil(height)}" viewBox="0 0 {math.ceil(width)} {math.ceil(height)}" '
        f'font-family="{FONT}" fill="{TEXT_COLOUR}">',
        f'<title id="{prefix}-title">{_x(title)}</title>',
        f'<desc id="{prefix}-desc">{_x(desc)}</desc>',
        f"<defs>{markers}</defs>",
        f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>',
        '<g class="edges">',
        *edge_svg,
        "</g>",
        '<g class="nodes">',
    ]
    for node in nodes:
        out += _box_svg(layout.boxes[node.id])
    out += ["</g>", '<g class="edge-labels">', *label_svg, "</g>", *legend_svg, "</svg>"]
    return "\n".join(out) + "\n"
