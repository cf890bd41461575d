"""Layered, top-down layout (Sugiyama style): layers from the longest path over the reporting
and delegation relations (cycle-closing edges ignored), waypoints for edges that skip layers,
rows ordered by the barycentre heuristic, x positions by isotonic regression.

Framework-free: no Django imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from partnerplan.governance.rules.diagram.model import EDGE_STYLES, DiagramEdge, DiagramNode
from partnerplan.governance.rules.diagram.text import _wrap

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
