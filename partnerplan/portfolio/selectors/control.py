"""Reads for project control: a project's baselines, tolerances, forecast, change requests and
exceptions; the rows the forms act on (404 unless the project is visible); the highlight
reports due; and the programme dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible
from partnerplan.portfolio.acts import EXCEPTION_POWERS, exception_act
from partnerplan.portfolio.models import (
    Baseline,
    ChangeRequest,
    ControlState,
    ExceptionReport,
    Milestone,
    Programme,
    Project,
)
from partnerplan.portfolio.selectors import _child
from partnerplan.portfolio.selectors.authority import AuthorityChoices, _choices
from partnerplan.portfolio.services import control as c
from partnerplan.portfolio.services.exceptions import exception_board


@dataclass
class ProjectControl:
    project: Project
    baselines: list[Baseline]
    current: c.Control | None
    state: str
    state_label: str
    exceptions: list[ExceptionReport]
    board: Any

    @property
    def needs_report(self) -> bool:
        return self.state == ControlState.REPORT_DUE


def state_label(state: str) -> str:
    return ControlState(state).label


def project_control(*, viewer: Viewer, project: Project) -> ProjectControl:
    """Everything on the project's control page, in a fixed number of queries."""
    baselines = list(
        Baseline.objects.filter(project=project)
        .select_related("stage", "tolerance__set_by")
        .prefetch_related(
            "milestones",
            Prefetch(
                "change_requests",
                queryset=ChangeRequest.objects.select_related("raised_by", "decided_by"),
            ),
        )
        .order_by("stage__order", "pk")
    )
    current = c.controls_for([project], clock.today()).get(project.pk)
    state = c.control_state(project, current)
    exceptions = list(
        ExceptionReport.objects.filter(project=project)
        .select_related("baseline__stage", "authority_body", "author")
        .order_by("-raised_on", "-pk")
    )
    return ProjectControl(
        project=project,
        baselines=baselines,
        current=current,
        state=state,
        state_label=state_label(state),
        exceptions=exceptions,
        board=c.board_for(project, project.stage),
    )


def control_project(*, viewer: Viewer, pk: int) -> Project:
    """The project `pk` for its control page (one query; 404 unless the viewer sees it)."""
    found = _visible_projects(viewer).select_related("programme", "stage", "sponsoring_body")
    project: Project | None = found.filter(pk=pk).first()
    if project is None:
        raise Http404("No project you can see has that number")
    return project


def standing(project: Project) -> str:
    """The project's control state: the board's decision, or whether its forecast exceeds a
    tolerance of its current baseline (four queries)."""
    current = c.controls_for([project], clock.today()).get(project.pk)
    return c.control_state(project, current)


def baseline_detail(*, viewer: Viewer, pk: int) -> Baseline:
    qs = Baseline.objects.select_related("project", "stage")
    return _child(qs, "project", viewer=viewer, pk=pk, what="baseline")


def milestone_detail(*, viewer: Viewer, pk: int) -> Milestone:
    qs = Milestone.objects.select_related("baseline__project")
    return _child(qs, "baseline__project", viewer=viewer, pk=pk, what="milestone")


def change_request_detail(*, viewer: Viewer, pk: int) -> ChangeRequest:
    qs = ChangeRequest.objects.select_related("baseline__project", "baseline__stage")
    return _child(qs, "baseline__project", viewer=viewer, pk=pk, what="change request")


def exception_detail(*, viewer: Viewer, pk: int) -> ExceptionReport:
    qs = ExceptionReport.objects.select_related("project", "baseline__stage")
    return _child(qs, "project", viewer=viewer, pk=pk, what="Exception Report")


def exception_authority_choices(*, viewer: Viewer, report: ExceptionReport) -> AuthorityChoices:
    """The decisions that could decide `report` (any of the outcomes)."""
    today = clock.today()
    acts = [
        exception_act(report.project, o, on=today, raised_on=report.raised_on)
        for o in EXCEPTION_POWERS
    ]
    return _choices(viewer, report.project, acts)


def exception_decider(report: ExceptionReport) -> Any:
    return exception_board(report)


def fund_choices(*, viewer: Viewer) -> list[tuple[int, str]]:
    from partnerplan.portfolio import control_sources

    return control_sources.funds(viewer)


def _visible_projects(viewer: Viewer) -> QuerySet[Project]:
    return visible(Project.objects.filter(archived_at__isnull=True), viewer).filter(
        programme__in=visible(Programme.objects.all(), viewer)
    )


# --- Highlight reports due ---------------------------------------------------------------


@dataclass(frozen=True)
class ReportDue:
    project: Project
    due_on: dt.date
    overdue: bool


def report_interval(project: Project) -> int:
    """Days between highlight reports: the board's frequency for the project, else the
    programme's."""
    return project.report_every_days or project.programme.report_every_days


def highlight_reports_due(*, viewer: Viewer, within_days: int = 14) -> list[ReportDue]:
    """The highlight reports due (within `within_days`) or overdue for the projects the viewer
    manages, and, for an administrator or a member of a sponsoring body (the board), for the
    projects it oversees; most overdue first. Two queries."""
    from partnerplan.portfolio.services.gates import is_stopped

    today = clock.today()
    projects = _visible_projects(viewer).select_related("programme", "stage")
    if not viewer.is_admin:
        mine = projects.filter(project_manager_id=viewer.person_id)
        boards = projects.filter(sponsoring_body_id__in=list(viewer.body_ids))
        projects = (mine | boards) if viewer.person_id is not None else boards
    rows = []
    for project in projects.distinct():
        if not project.stage.expects_reports or is_stopped(project):
            continue
        since = (
            project.last_report_end
            or project.actual_start
            or project.forecast_start
            or project.planned_start
        )
        due_on = since + dt.timedelta(days=report_interval(project)) if since else today
        if (due_on - today).days <= within_days:
            rows.append(ReportDue(project, due_on, due_on < today))
    return sorted(rows, key=lambda r: (r.due_on, r.project.title))


# --- A highlight report, pre-filled -----------------------------------------------------


def highlight_prefill(*, viewer: Viewer, project: Project) -> dict[str, Any]:
    """What a new highlight report starts with: the period after the last one, the tolerance
    status against the current baseline with the spend to date and the milestones due, and the
    top open risks and issues of the RAID log (highest residual score first)."""
    from partnerplan.core.money import format_money
    from partnerplan.portfolio.models import RaidEntry, RaidKind, RaidStatus

    today = clock.today()
    start = (project.last_report_end + dt.timedelta(days=1)) if project.last_report_end else None
    current = c.controls_for([project], today).get(project.pk)
    lines: list[str] = []
    if current is None:
        lines.append("No baseline yet.")
    else:
        for a in current.aspects:
            status = "EXCEEDED" if a.exceeded else "within"
            lines.append(
                f"{a.name.capitalize()}: baseline {a.baseline}, forecast {a.forecast}, "
                f"tolerance {a.tolerance}: {status}."
            )
        lines.append(f"Spend to date: {format_money(current.spend)}.")
        due = [
            m
            for m in current.baseline.milestones.all()
            if m.achieved_on is None
            and (m.forecast_on or m.due_on) <= today + dt.timedelta(days=31)
        ]
        lines.append(
            "Milestones due: "
            + (
                "; ".join(f"{m.title} ({m.forecast_on or m.due_on:%-d %B %Y})" for m in due)
                or "none"
            )
            + "."
        )
    entries = list(
        RaidEntry.objects.filter(
            project=project,
            status=RaidStatus.OPEN,
            kind__in=[RaidKind.RISK, RaidKind.ISSUE],
        ).order_by("-raised_on", "pk")
    )
    entries.sort(key=lambda e: -(e.residual_score or e.inherent_score or 0))
    risks = "\n".join(
        f"{e.get_kind_display()}: {e.title}"
        + (f" (score {e.residual_score or e.inherent_score})" if e.inherent_score else "")
        for e in entries[:5]
    )
    return {
        "period_start": start,
        "tolerances": "\n".join(lines),
        "tolerance_forecast_exceeded": bool(current and current.exceeded),
        "risks_and_issues": risks,
    }
