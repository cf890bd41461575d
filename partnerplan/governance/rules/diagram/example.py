"""The seed report's Appendix C as diagram data."""

from __future__ import annotations

from partnerplan.governance.rules.diagram.model import DiagramEdge, DiagramNode


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
