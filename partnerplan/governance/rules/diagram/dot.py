"""Laying the diagram out with Graphviz's dot: ranks, order within ranks (fewest crossings)
and edge routes, in place of a hand-written layered layout.

Boxes keep the sizes `layout._box_for` gives them (their text wrapped to fit), passed to dot
as fixed sizes; an edge runs from the upper box to the lower one (what a body reports to is
above it, a delegate below its delegator); an edge that closes a cycle is kept out of the
ranking (`constraint=false`), as `layer_nodes` ignores it. dot answers in JSON with each
box's centre and each edge's cubic B-spline and label position, in points with y upwards;
they are flipped here so that y runs down as in SVG.

Framework-free: no Django imports (the graphviz package only writes DOT and runs `dot`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import graphviz  # type: ignore[import-untyped]  # no stubs; it only writes DOT

from partnerplan.governance.rules.diagram.layout import (
    EDGE_LABEL_SIZE,
    MARGIN,
    _acyclic_relations,
    _Box,
    _box_for,
    _upper_lower,
    _validate,
    layer_nodes,
)
from partnerplan.governance.rules.diagram.model import DiagramEdge, DiagramNode
from partnerplan.governance.rules.diagram.text import _wrap

INCH = 72.0


@dataclass
class RoutedEdge:
    edge: DiagramEdge
    path: str  # SVG path data, source to target
    towards_target: bool  # the path ends at the edge's target (the arrow's end)
    label_at: tuple[float, float] | None
    label_lines: list[str]


@dataclass
class DotLayout:
    boxes: dict[str, _Box]
    edges: list[RoutedEdge]
    width: float
    height: float


def _points(text: str) -> tuple[list[tuple[float, float]], tuple[float, float] | None]:
    """dot's edge `pos`: optional "s,x,y", "e,x,y" end points, then the spline's points."""
    end = None
    points = []
    for part in text.split():
        bits = part.split(",")
        if bits[0] == "e":
            end = (float(bits[1]), float(bits[2]))
        elif bits[0] != "s":
            points.append((float(bits[0]), float(bits[1])))
    return points, end


def _path(pos: str, flip: Callable[[float, float], tuple[float, float]], *, reverse: bool) -> str:
    """SVG path data for dot's cubic B-spline (start point, then three points a segment);
    reversed so that it always ends at the edge's target, where the arrow goes."""
    points, end = _points(pos)
    points = [flip(*p) for p in points]
    if reverse and end is None:
        points.reverse()
    path = f"M{points[0][0]:.1f},{points[0][1]:.1f}"
    body = points[1:]
    for k in range(0, len(body) - 2, 3):
        (x1, y1), (x2, y2), (x3, y3) = body[k : k + 3]
        path += f" C{x1:.1f},{y1:.1f} {x2:.1f},{y2:.1f} {x3:.1f},{y3:.1f}"
    if end is not None:
        x, y = flip(*end)
        path += f" L{x:.1f},{y:.1f}"
    return path


def _same_ranks(
    graph: Any, nodes: Sequence[DiagramNode], layers: dict[str, int], ids: dict[str, str]
) -> None:
    for layer in sorted(set(layers.values())):  # the layers of `layer_nodes`, kept by dot
        with graph.subgraph() as same:
            same.attr(rank="same")
            for n in nodes:
                if layers[n.id] == layer:
                    same.node(ids[n.id])


def dot_layout(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]) -> DotLayout:
    _validate(nodes, edges)
    layers = layer_nodes(nodes, edges)
    boxes = {n.id: _box_for(n, layers[n.id]) for n in nodes}
    kept = _acyclic_relations(nodes, edges)
    graph = graphviz.Digraph(
        graph_attr={"rankdir": "TB", "nodesep": "0.5", "ranksep": "1.1", "splines": "spline",
                    "fontsize": str(EDGE_LABEL_SIZE), "fontname": "DejaVu Sans"},
        node_attr={"shape": "box", "fixedsize": "true", "label": ""},
        edge_attr={"fontsize": str(EDGE_LABEL_SIZE), "fontname": "DejaVu Sans", "dir": "none"},
    )  # fmt: skip
    ids = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    for n in nodes:
        box = boxes[n.id]
        graph.node(ids[n.id], width=f"{box.width / INCH:.3f}", height=f"{box.height / INCH:.3f}")
    _same_ranks(graph, nodes, layers, ids)
    drawn: list[tuple[DiagramEdge, str, str, list[str]]] = []
    for index, edge in enumerate(edges):
        upper, lower = _upper_lower(edge)
        if upper == lower:
            continue  # a self-loop cannot be drawn usefully; it is still described
        lines = _wrap(edge.label, 24) if edge.label else []
        attrs = {"id": f"e{index}"}
        if lines:
            attrs["label"] = "\\n".join(lines)
        if (upper, lower) not in kept:
            attrs["constraint"] = "false"
        graph.edge(ids[upper], ids[lower], **attrs)
        drawn.append((edge, upper, lower, lines))
    answer = json.loads(graph.pipe(format="json", engine="dot"))
    left, bottom, right, top = (float(v) for v in answer["bb"].split(","))
    by_name = {o["name"]: o for o in answer.get("objects", [])}

    def flip(x: float, y: float) -> tuple[float, float]:
        return (x - left + MARGIN, top - y + MARGIN)

    for n in nodes:
        cx, cy = (float(v) for v in by_name[ids[n.id]]["pos"].split(","))
        x, y = flip(cx, cy)
        boxes[n.id].x, boxes[n.id].y = x, y - boxes[n.id].height / 2
    routed = []
    for answer_edge, (edge, _upper, _lower, lines) in zip(
        answer.get("edges", []), drawn, strict=True
    ):
        towards_target = _upper_lower(edge)[1] == edge.target
        path = _path(answer_edge["pos"], flip, reverse=not towards_target)
        label_at = None
        if "lp" in answer_edge:
            label_at = flip(*(float(v) for v in answer_edge["lp"].split(",")))
        routed.append(RoutedEdge(edge, path, True, label_at, lines))
    return DotLayout(
        boxes=boxes, edges=routed, width=right - left + 2 * MARGIN,
        height=top - bottom + 2 * MARGIN,
    )  # fmt: skip
