"""What the layout needs before Graphviz's dot places anything (`dot.py`): validation, the
layers (longest path over the reporting and delegation relations, cycle-closing edges
ignored), which relations are kept for ranking, and each box's size with its text wrapped.

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
