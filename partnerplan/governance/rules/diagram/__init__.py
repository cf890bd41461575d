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

Modules: ``model`` (boxes, lines, palette, contrast), ``text`` (escaping and wrapping),
``layout`` (layers, ordering, positions), ``svg`` (drawing), ``describe`` (the text
alternative), ``example`` (the seed report's Appendix C). Callers import from this package.

Framework-free: no Django imports.
"""

from __future__ import annotations

from partnerplan.governance.rules.diagram.describe import describe_governance, describe_nodes
from partnerplan.governance.rules.diagram.example import example_partnership_structure
from partnerplan.governance.rules.diagram.layout import layer_nodes
from partnerplan.governance.rules.diagram.model import (
    BACKGROUND,
    EDGE_STYLES,
    KIND_STYLES,
    TEXT_COLOUR,
    DiagramEdge,
    DiagramNode,
    EdgeStyle,
    contrast_ratio,
)
from partnerplan.governance.rules.diagram.svg import render_governance_svg

__all__ = [
    "BACKGROUND",
    "EDGE_STYLES",
    "KIND_STYLES",
    "TEXT_COLOUR",
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
