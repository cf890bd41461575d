"""Who works on what: the projects on a person's page (a partners.panels panel).

Registered in CollaborationConfig.ready(). Committee seats are already on the person page (the
partners app reaches them through the relation); this panel adds the projects the person leads,
manages, sponsors as Project Executive or sits on the board of, as the viewer may see them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from partnerplan.core.access import Viewer, visible
from partnerplan.partners.panels import Panel
from partnerplan.portfolio.models import BoardMember, Project


def person_projects(*, viewer: Viewer, person: Any) -> list[tuple[Project, list[str]]]:
    """The projects `person` works on that `viewer` may see, each with their roles on it."""
    on_board = BoardMember.objects.filter(person=person).values("project_id")
    projects = visible(
        Project.objects.filter(
            Q(project_manager=person)
            | Q(officer_lead=person)
            | Q(project_executive=person)
            | Q(pk__in=on_board)
        ),
        viewer,
    ).order_by("title")
    board = set(on_board.values_list("project_id", flat=True)) if projects else set()
    found = []
    for project in projects:
        roles = [
            label
            for label, pid in (
                ("Project manager", project.project_manager_id),
                ("Officer lead", project.officer_lead_id),
                ("Project Executive", project.project_executive_id),
            )
            if pid == person.pk
        ]
        if project.pk in board:
            roles.append("Board member")
        found.append((project, roles))
    return found


def projects_panel(viewer: Viewer, person: Any) -> Panel | None:
    if not viewer.is_authenticated:
        return None
    return Panel(
        title="Projects",
        template="collaboration/_person_projects.html",
        context={"projects": person_projects(viewer=viewer, person=person)},
    )
