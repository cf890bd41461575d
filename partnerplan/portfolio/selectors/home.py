"""Portfolio reads for the start page (`partnerplan/home.py`): each scoped by core.access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from partnerplan.core.access import Viewer, visible
from partnerplan.portfolio.models import NEEDS_ACTION, Programme, Project
from partnerplan.portfolio.services.gates import is_stopped
from partnerplan.portfolio.services.status import report_overdue

# A highlight report is "due" from this many days before the end of its reporting period.
DUE_WITHIN_DAYS = 21


@dataclass(frozen=True)
class MyProject:
    project: Project
    report_due_on: dt.date | None  # None: the project's stage takes no highlight reports
    overdue: bool
    due_soon: bool


def _projects(viewer: Viewer) -> QuerySet[Project]:
    return visible(Project.objects.filter(archived_at__isnull=True), viewer).filter(
        programme__in=visible(Programme.objects.all(), viewer)
    )


def my_projects(*, viewer: Viewer, today: dt.date) -> list[MyProject]:
    """The projects the viewer manages, with their delivery confidence and when their next
    highlight report is due (overdue under `portfolio.services.status.report_overdue`)."""
    if viewer.person_id is None:
        return []
    projects = (
        _projects(viewer)
        .filter(project_manager_id=viewer.person_id)
        .select_related("programme", "stage")
        .order_by("title")
    )
    rows = []
    for project in projects:
        started = project.actual_start or project.forecast_start or project.planned_start
        since = project.last_report_end or started
        every = project.programme.report_every_days
        expects = project.stage.expects_reports and not is_stopped(project)
        due_on = since + dt.timedelta(days=every) if expects and since else None
        overdue = report_overdue(
            expects_reports=project.stage.expects_reports,
            stopped=is_stopped(project),
            last_report_end=project.last_report_end,
            started=started,
            every_days=every,
            today=today,
        )
        soon = due_on is not None and not overdue and (due_on - today).days <= DUE_WITHIN_DAYS
        rows.append(MyProject(project, due_on, overdue, soon))
    return rows


def projects_needing_action(*, viewer: Viewer) -> list[Project]:
    """Projects whose latest highlight report is amber/red or red: the exceptions."""
    return list(
        _projects(viewer)
        .filter(confidence__in=sorted(NEEDS_ACTION))
        .select_related("programme")
        .order_by("title")
    )
