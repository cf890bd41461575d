"""The diagram's text alternative: its lines and boxes as sentences, for the page beside it."""

from __future__ import annotations

from collections.abc import Sequence

from partnerplan.governance.rules.diagram.layout import _upper_lower, _validate, layer_nodes
from partnerplan.governance.rules.diagram.model import (
    _OTHER_KIND,
    KIND_STYLES,
    DiagramEdge,
    DiagramNode,
)
from partnerplan.governance.rules.diagram.text import _clean


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
