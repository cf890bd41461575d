"""Governance structure diagrams as accessible SVG, from plain data.

Data
    ``DiagramNode(id, label, sublabel, kind)`` is a body or office (kinds:
    elected body, officer board, officer group, office holder, external body,
    project). ``DiagramEdge(source, target, label, style)`` is a line between two:
    ``reports_to`` and ``twin_track`` mean *source reports to target* (twin-track is
    the second line of reporting for projects that overlap another programme, seed
    report 4.7-4.8); ``delegates`` means *source delegates to target*.

Layout
    Layered, top-down (Sugiyama style): whatever a node reports to is drawn above
    it, and a delegate is drawn below its delegator. Layers come from the longest
    path over those relations; cycles are broken by ignoring the edges that close
    them (found by depth-first search in input order) so bad data never crashes
    the page. Edges that skip layers get invisible waypoints so they are routed
    between boxes, layers are ordered by the barycentre heuristic to reduce
    crossings, and x positions are placed by isotonic regression (each node as
    close as possible to the middle of its neighbours with no overlaps).

Accessibility
    ``role="img"`` with ``aria-labelledby`` pointing to ``<title>`` and ``<desc>``;
    every text is XML-escaped; the palette keeps text at WCAG AA contrast (>= 4.5:1,
    checked by ``contrast_ratio`` in the tests) and lines at >= 3:1 against white;
    line styles differ by dash pattern as well as colour, and each box names its
    kind in words, so nothing depends on colour alone. ``describe_governance``
    gives the same structure as sentences for the page beside the diagram.

Framework-free: no Django imports.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal
from xml.sax.saxutils import escape

__all__ = [
    "EDGE_STYLES",
    "KIND_STYLES",
    "DiagramEdge",
    "DiagramNode",
    "EdgeStyle",
    "contrast_ratio",
    "describe_governance",
    "describe_nodes",
    "example_partnership_structure",
    "layer_nodes",
    "render_governance_svg",
]

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


# --- validation and layering -----------------------------------------------------------


def _validate(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]) -> None:
    seen: set[str] = set()
    for node in nodes:
        if node.id in seen:
            raise ValueError(f"Two boxes share the id {node.id!r}; each needs its own.")
        seen.add(node.id)
    for edge in edges:
        for end in (edge.source, edge.target):
            if end not in seen:
                raise ValueError(
                    f"A line refers to {end!r}, which is not one of the boxes in the diagram."
                )
        if edge.style not in EDGE_STYLES:
            raise ValueError(
                f"Unknown line style {edge.style!r}: use reports_to, twin_track or delegates."
            )


def _upper_lower(edge: DiagramEdge) -> tuple[str, str]:
    """(the node drawn above, the node drawn below) for an edge."""
    if edge.style == "delegates":
        return edge.source, edge.target
    return edge.target, edge.source


def _acyclic_relations(
    nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]
) -> list[tuple[str, str]]:
    """(upper, lower) pairs with self-loops, duplicates and cycle-closing edges removed."""
    children: dict[str, list[str]] = {n.id: [] for n in nodes}
    for edge in edges:
        upper, lower = _upper_lower(edge)
        if upper != lower and lower not in children[upper]:
            children[upper].append(lower)
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    kept: list[tuple[str, str]] = []
    for root in children:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            node, index = stack[-1]
            if index < len(children[node]):
                stack[-1] = (node, index + 1)
                child = children[node][index]
                if state.get(child) == 1:
                    continue  # closes a cycle: ignore for layout
                kept.append((node, child))
                if child not in state:
                    state[child] = 1
                    stack.append((child, 0))
            else:
                state[node] = 2
                stack.pop()
    return kept


def layer_nodes(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]) -> dict[str, int]:
    """Layer number (0 at the top) for each node id."""
    _validate(nodes, edges)
    relations = _acyclic_relations(nodes, edges)
    layer = {n.id: 0 for n in nodes}
    # Longest path: relax until stable (the relation graph is acyclic).
    for _ in range(len(nodes)):
        changed = False
        for upper, lower in relations:
            if layer[lower] < layer[upper] + 1:
                layer[lower] = layer[upper] + 1
                changed = True
        if not changed:
            break
    # Pull nodes with nothing above them down to just above their highest child.
    has_upper = {lower for _, lower in relations}
    for node in nodes:
        below = [layer[lo] for up, lo in relations if up == node.id]
        if node.id not in has_upper and below:
            layer[node.id] = min(below) - 1
    return layer


# --- text -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _x(text: str) -> str:
    """Escape for XML text and attribute values."""
    return escape(_clean(text), {'"': "&quot;", "'": "&#39;"})


def _wrap(text: str, max_chars: int) -> list[str]:
    words = _clean(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > max_chars:  # break very long words
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: max_chars - 1] + "-")
            word = word[max_chars - 1 :]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= max_chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


# --- geometry ---------------------------------------------------------------------------

FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif"
BOX_WIDTH = 236.0
DUMMY_WIDTH = 16.0
H_GAP = 36.0
V_GAP = 92.0
MARGIN = 24.0
PAD = 10.0
KIND_SIZE, KIND_LINE = 11.5, 16.0
LABEL_SIZE, LABEL_LINE = 15.0, 19.0
SUB_SIZE, SUB_LINE = 12.5, 16.0
EDGE_LABEL_SIZE, EDGE_LABEL_LINE = 12.0, 15.0
CHAR_WIDTH = 0.6  # of the font size, generous for DejaVu Sans


def _chars_for(width: float, size: float) -> int:
    return max(8, int(width / (size * CHAR_WIDTH)))


@dataclass
class _Box:
    id: str
    layer: int
    width: float
    dummy: bool = False
    node: DiagramNode | None = None
    label_lines: list[str] = field(default_factory=list)
    sub_lines: list[str] = field(default_factory=list)
    height: float = 0.0
    x: float = 0.0  # centre
    y: float = 0.0  # top


def _box_for(node: DiagramNode, layer: int) -> _Box:
    inner = BOX_WIDTH - 2 * PAD
    box = _Box(id=node.id, layer=layer, width=BOX_WIDTH, node=node)
    box.label_lines = _wrap(node.label, _chars_for(inner, LABEL_SIZE * 1.08)) or [""]
    box.sub_lines = _wrap(node.sublabel, _chars_for(inner, SUB_SIZE))
    box.height = (
        PAD + KIND_LINE + len(box.label_lines) * LABEL_LINE + len(box.sub_lines) * SUB_LINE + PAD
    )
    if box.sub_lines:
        box.height += 4
    return box


def _isotonic(targets: list[float], weights: list[float]) -> list[float]:
    """Pool-adjacent-violators: the non-decreasing sequence closest to ``targets``."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for t, w in zip(targets, weights, strict=True):
        blocks.append([t, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            total = w1 + w2
            blocks.append([(v1 * w1 + v2 * w2) / total, total, c1 + c2])
    result: list[float] = []
    for value, _, count in blocks:
        result.extend([value] * int(count))
    return result


def _place_row(row: list[_Box], desired: list[float]) -> None:
    """Set x (centres) as close as possible to ``desired`` keeping order and gaps."""
    offsets = [0.0]
    for left, right in zip(row, row[1:], strict=False):
        gap = H_GAP if not (left.dummy or right.dummy) else H_GAP / 2
        offsets.append(offsets[-1] + left.width / 2 + gap + right.width / 2)
    weights = [0.3 if box.dummy else 1.0 for box in row]
    fitted = _isotonic([d - o for d, o in zip(desired, offsets, strict=True)], weights)
    for box, value, offset in zip(row, fitted, offsets, strict=True):
        box.x = value + offset


@dataclass
class _Layout:
    rows: list[list[_Box]]
    boxes: dict[str, _Box]
    chains: list[tuple[DiagramEdge, list[str]]]  # each edge: box ids from upper to lower
    neighbours_up: dict[str, list[str]]
    neighbours_down: dict[str, list[str]]


def _crossings(rows: list[list[_Box]], down: dict[str, list[str]]) -> int:
    total = 0
    for upper, lower in zip(rows, rows[1:], strict=False):
        pos = {b.id: i for i, b in enumerate(lower)}
        segments = [
            (i, pos[c]) for i, b in enumerate(upper) for c in down.get(b.id, []) if c in pos
        ]
        for k, (a1, b1) in enumerate(segments):
            for a2, b2 in segments[k + 1 :]:
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def _order_rows(layout: _Layout) -> None:
    def sweep(rows: list[list[_Box]], neighbours: dict[str, list[str]], reverse: bool) -> None:
        sequence = range(len(rows) - 2, -1, -1) if reverse else range(1, len(rows))
        for r in sequence:
            ref = rows[r + 1] if reverse else rows[r - 1]
            pos = {b.id: i for i, b in enumerate(ref)}
            current = {b.id: i for i, b in enumerate(rows[r])}

            def key(
                box: _Box, pos: dict[str, int] = pos, current: dict[str, int] = current
            ) -> float:
                linked = [pos[n] for n in neighbours.get(box.id, []) if n in pos]
                return sum(linked) / len(linked) if linked else float(current[box.id])

            rows[r].sort(key=key)

    best = [row[:] for row in layout.rows]
    best_score = _crossings(best, layout.neighbours_down)
    for _ in range(6):
        sweep(layout.rows, layout.neighbours_up, reverse=False)
        sweep(layout.rows, layout.neighbours_down, reverse=True)
        score = _crossings(layout.rows, layout.neighbours_down)
        if score < best_score:
            best, best_score = [row[:] for row in layout.rows], score
    layout.rows = best


def _position(layout: _Layout) -> None:
    rows = layout.rows
    for row in rows:  # start packed and centred on zero
        _place_row(row, [0.0] * len(row))
    for _ in range(8):
        for r in list(range(1, len(rows))) + list(range(len(rows) - 2, -1, -1)):
            desired = []
            for box in rows[r]:
                linked = layout.neighbours_up.get(box.id, []) + layout.neighbours_down.get(
                    box.id, []
                )
                xs = [layout.boxes[n].x for n in linked]
                desired.append(sum(xs) / len(xs) if xs else box.x)
            _place_row(rows[r], desired)
        # keep the top row under its children too
        if rows:
            desired = []
            for box in rows[0]:
                xs = [layout.boxes[n].x for n in layout.neighbours_down.get(box.id, [])]
                desired.append(sum(xs) / len(xs) if xs else box.x)
            _place_row(rows[0], desired)
    left = min((b.x - b.width / 2 for row in rows for b in row), default=MARGIN)
    for row in rows:
        for box in row:
            box.x += MARGIN - left
    y = MARGIN
    for row in rows:
        height = max((b.height for b in row if not b.dummy), default=0.0)
        for box in row:
            if box.dummy:
                box.height = height
            box.y = y if box.dummy else y + (height - box.height) / 2
        y += height + V_GAP


def _build_layout(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]) -> _Layout:
    layers = layer_nodes(nodes, edges)
    boxes: dict[str, _Box] = {n.id: _box_for(n, layers[n.id]) for n in nodes}
    depth = max(layers.values(), default=-1) + 1
    rows: list[list[_Box]] = [[] for _ in range(depth)]
    for node in nodes:
        rows[layers[node.id]].append(boxes[node.id])
    chains: list[tuple[DiagramEdge, list[str]]] = []
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for index, edge in enumerate(edges):
        upper, lower = _upper_lower(edge)
        if upper == lower:
            continue  # a self-loop cannot be drawn usefully; it is still described
        if layers[upper] > layers[lower]:
            upper, lower = lower, upper  # an edge that closed a cycle
        chain = [upper]
        for level in range(layers[upper] + 1, layers[lower]):
            dummy = _Box(id=f"~{index}-{level}", layer=level, width=DUMMY_WIDTH, dummy=True)
            boxes[dummy.id] = dummy
            rows[level].append(dummy)
            chain.append(dummy.id)
        chain.append(lower)
        if layers[upper] == layers[lower]:
            chain = [upper, lower]  # same layer (cycle remnants): drawn side to side
        for a, b in zip(chain, chain[1:], strict=False):
            if boxes[a].layer < boxes[b].layer:
                down.setdefault(a, []).append(b)
                up.setdefault(b, []).append(a)
        chains.append((edge, chain))
    layout = _Layout(rows=rows, boxes=boxes, chains=chains, neighbours_up=up, neighbours_down=down)
    _order_rows(layout)
    _position(layout)
    return layout


# --- drawing ----------------------------------------------------------------------------


def _ports(layout: _Layout) -> dict[tuple[int, str], float]:
    """x of each edge's attachment on each real box, spread along the box side."""
    attach: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for index, (_edge, chain) in enumerate(layout.chains):
        if len(chain) < 2:
            continue
        first, second = layout.boxes[chain[0]], layout.boxes[chain[1]]
        last, before = layout.boxes[chain[-1]], layout.boxes[chain[-2]]
        if first.layer == last.layer:
            continue
        attach.setdefault((first.id, "bottom"), []).append((second.x, index))
        attach.setdefault((last.id, "top"), []).append((before.x, index))
    ports: dict[tuple[int, str], float] = {}
    for (box_id, side), items in attach.items():
        box = layout.boxes[box_id]
        items.sort()
        usable = box.width * 0.7
        for k, (_, index) in enumerate(items):
            offset = 0.0 if len(items) == 1 else -usable / 2 + usable * k / (len(items) - 1)
            ports[(index, side)] = box.x + offset
    return ports


def _edge_path(
    layout: _Layout, index: int, chain: list[str], ports: dict[tuple[int, str], float]
) -> tuple[str, tuple[float, float]]:
    """SVG path data from the upper box to the lower one, and the label anchor."""
    boxes = [layout.boxes[c] for c in chain]
    first, last = boxes[0], boxes[-1]
    if first.layer == last.layer:  # side by side
        left, right = sorted((first, last), key=lambda b: b.x)
        y = left.y + left.height / 2
        x1, x2 = left.x + left.width / 2, right.x - right.width / 2
        return f"M{x1:.1f},{y:.1f} L{x2:.1f},{y:.1f}", ((x1 + x2) / 2, y - 8)
    points: list[tuple[float, float]] = [(ports[(index, "bottom")], first.y + first.height)]
    for box in boxes[1:-1]:
        points.append((box.x, box.y))
        points.append((box.x, box.y + box.height))
    points.append((ports[(index, "top")], last.y))
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for k in range(1, len(points)):
        (x1, y1), (x2, y2) = points[k - 1], points[k]
        if k % 2 == 1:  # between layers: a smooth S-curve
            mid = (y1 + y2) / 2
            parts.append(f"C{x1:.1f},{mid:.1f} {x2:.1f},{mid:.1f} {x2:.1f},{y2:.1f}")
        else:  # through a layer, past the boxes
            parts.append(f"L{x2:.1f},{y2:.1f}")
    (x1, y1), (x2, y2) = points[0], points[1]
    return " ".join(parts), ((x1 + x2) / 2, (y1 + y2) / 2)


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
    layout = _build_layout(nodes, edges)
    desc = description or " ".join(describe_governance(nodes, edges))
    ports = _ports(layout)

    content_right = max((b.x + b.width / 2 for b in layout.boxes.values()), default=MARGIN)
    content_bottom = max((b.y + b.height for b in layout.boxes.values()), default=MARGIN)

    edge_svg: list[str] = []
    anchors: list[tuple[float, float, list[str]]] = []
    for index, (edge, chain) in enumerate(layout.chains):
        line = EDGE_STYLES[edge.style]
        path, anchor = _edge_path(layout, index, chain, ports)
        # Paths run from the upper box to the lower one; the arrow points at the target.
        marker = "marker-start" if chain[0] == edge.target else "marker-end"
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        edge_svg.append(
            f'<path class="edge edge-{edge.style}" data-source="{_x(edge.source)}" '
            f'data-target="{_x(edge.target)}" d="{path}" fill="none" '
            f'stroke="{line.colour}" stroke-width="{line.width}"{dash} '
            f'{marker}="url(#{prefix}-arrow-{edge.style})"/>'
        )
        if edge.label:
            anchors.append((anchor[0], anchor[1], _wrap(edge.label, 24)))
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
    for row in layout.rows:
        for box in row:
            if not box.dummy:
                out += _box_svg(box)
    out += ["</g>", '<g class="edge-labels">', *label_svg, "</g>", *legend_svg, "</svg>"]
    return "\n".join(out) + "\n"


# --- text alternative -------------------------------------------------------------------


def _verb(node: DiagramNode, singular: str, plural: str) -> str:
    return plural if node.plural else singular


def describe_governance(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]) -> list[str]:
    """The diagram's lines as sentences, top of the structure first, for example
    "Project Executives report to Joint Committee (seek approvals)."."""
    _validate(nodes, edges)
    layers = layer_nodes(nodes, edges)
    by_id = {n.id: n for n in nodes}
    order = {n.id: i for i, n in enumerate(nodes)}
    reports = {e.source for e in edges if e.style == "reports_to"}
    sentences: list[tuple[int, int, int, str]] = []
    for index, edge in enumerate(edges):
        source, target = by_id[edge.source], by_id[edge.target]
        suffix = f" ({_clean(edge.label)})" if edge.label else ""
        if edge.style == "reports_to":
            verb = _verb(source, "reports to", "report to")
            text = f"{_clean(source.label)} {verb} {_clean(target.label)}{suffix}."
        elif edge.style == "twin_track":
            also = "also " if source.id in reports else ""
            verb = _verb(source, "reports to", "report to")
            text = (
                f"{_clean(source.label)} {also}{verb} {_clean(target.label)} on the twin "
                f"track{suffix}."
            )
        else:
            verb = _verb(source, "delegates to", "delegate to")
            text = f"{_clean(source.label)} {verb} {_clean(target.label)}{suffix}."
        upper, _ = _upper_lower(edge)
        sentences.append((layers[upper], order[source.id], index, text))
    linked = {e.source for e in edges} | {e.target for e in edges}
    for node in nodes:
        if node.id not in linked:
            verb = _verb(node, "has", "have")
            sentences.append(
                (
                    layers[node.id],
                    order[node.id],
                    len(edges),
                    f"{_clean(node.label)} {verb} no reporting line shown.",
                )
            )
    return [text for *_, text in sorted(sentences)]


def describe_nodes(nodes: Sequence[DiagramNode]) -> list[str]:
    """One sentence per box: its name, kind and sublabel."""
    out = []
    for node in nodes:
        kind = KIND_STYLES.get(node.kind, _OTHER_KIND).name.lower()
        detail = f": {_clean(node.sublabel)}" if node.sublabel else ""
        out.append(f"{_clean(node.label)} ({kind}){detail.rstrip('.')}.")
    return out


# --- the seed report's Appendix C ---------------------------------------------------------


def example_partnership_structure() -> tuple[list[DiagramNode], list[DiagramEdge]]:
    """The governance of the seed report (sections 4.7-4.14, Appendix C): the Joint
    Committee over the Strategic Advisory Board, weekly officer coordination,
    Project Executives, project boards and managers, with the twin track through
    the lead council's Chief Executive to the Leaders and Chief Executives Group."""
    nodes = [
        DiagramNode(
            "jc",
            "Joint Committee",
            "Elected members of each partner council; authorises projects into the "
            "pipeline and withdraws failing ones",
            "elected_body",
        ),
        DiagramNode(
            "lceg",
            "Leaders and Chief Executives Group",
            "County-wide; eight workstreams with Chief Executive leads",
            "external_body",
        ),
        DiagramNode(
            "sab",
            "Strategic Advisory Board (SAB)",
            "Senior officers; monthly programme management",
            "officer_board",
        ),
        DiagramNode(
            "director",
            "Partnership Director",
            "Programme office; work plan, reports and reserves",
            "office_holder",
        ),
        DiagramNode(
            "ce",
            "Lead council Chief Executive",
            "Lead stakeholder for a county workstream",
            "office_holder",
        ),
        DiagramNode(
            "coord",
            "Officer coordination group",
            "Officers below Director level; meets weekly",
            "officer_group",
        ),
        DiagramNode(
            "pe",
            "Project Executives",
            "SAB members, one for each project",
            "office_holder",
            plural=True,
        ),
        DiagramNode(
            "boards",
            "Project boards",
            "Executive, senior users and senior suppliers",
            "project",
            plural=True,
        ),
        DiagramNode(
            "pm",
            "Project managers",
            "Pooled from partners",
            "project",
            plural=True,
        ),
    ]
    edges = [
        DiagramEdge("sab", "jc", "monthly"),
        DiagramEdge("jc", "director", "£85k contingency", "delegates"),
        DiagramEdge("ce", "lceg", "", "twin_track"),
        DiagramEdge("pe", "jc", "reports and seeks approvals"),
        DiagramEdge("pe", "ce", "where a project serves a workstream", "twin_track"),
        DiagramEdge("coord", "sab", "weekly coordination"),
        DiagramEdge("boards", "pe"),
        DiagramEdge("pm", "boards"),
        DiagramEdge("pm", "coord", "weekly"),
    ]
    return nodes, edges
