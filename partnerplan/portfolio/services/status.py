"""Highlight reports, and whether a project's report is overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import (
    NEEDS_ACTION,
    SCALE_VALUES,
    HighlightReport,
    Project,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _date, _raise
from partnerplan.portfolio.services.gates import is_stopped

HIGHLIGHT_FIELDS = {
    "period_start", "period_end", "author", "confidence", "progress", "next_period",
    "tolerances", "tolerance_forecast_exceeded", "risks_and_issues", "decisions_needed",
    "commentary", "action", "forecast_end", "forecast_cost", "forecast_products_dropped",
}  # fmt: skip


def _validate_highlight(report: HighlightReport, scale: str) -> None:
    errors: Errors = {}
    if report.period_start and report.period_end and report.period_end < report.period_start:
        _add(
            errors,
            "period_end",
            f"The end of the period must be the same as or after its start "
            f"({_date(report.period_start)})",
        )
    if report.confidence and report.confidence not in SCALE_VALUES[scale]:
        _add(
            errors,
            "confidence",
            f"{report.get_confidence_display()} is not on this programme's "
            f"{'three' if scale == 'three' else 'five'}-point scale",
        )
    if report.confidence in NEEDS_ACTION:
        label = report.get_confidence_display()
        if not report.commentary:
            _add(errors, "commentary", f"A {label.lower()} report needs commentary: say why")
        if not report.action:
            _add(errors, "action", f"A {label.lower()} report needs the action being taken")
    if not report.progress:
        _add(errors, "progress", "Enter the progress this period")
    _raise(errors)


def _refuse_same_period(report: HighlightReport) -> None:
    """One highlight report a period: a report whose period overlaps an earlier one's is
    refused, naming it."""
    if report.period_start is None or report.period_end is None:
        return
    earlier = (
        HighlightReport.objects.filter(
            project_id=report.project_id,
            period_start__lte=report.period_end,
            period_end__gte=report.period_start,
        )
        .order_by("period_start")
        .first()
    )
    if earlier is not None:
        _raise(
            {
                "period_start": [
                    f"There is already a highlight report for {_date(earlier.period_start)} to "
                    f"{_date(earlier.period_end)}: a period has one report"
                ]
            }
        )
    if report.forecast_cost is not None and report.forecast_cost < 0:
        _raise({"forecast_cost": ["The forecast cost cannot be less than £0"]})


@transaction.atomic
def highlight_report_create(*, actor: Actor, project: Project, **data: Any) -> HighlightReport:
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("programme")
        .get(pk=project.pk)
    )
    report = HighlightReport(project=project)
    _apply(report, HIGHLIGHT_FIELDS, data)
    _validate_highlight(report, project.programme.confidence_scale)
    _refuse_same_period(report)
    save_with_actor(report, actor)
    latest = project.highlight_reports.order_by("-period_end", "-id").first()
    if latest is not None:
        project.confidence = latest.confidence
        project.last_report_end = latest.period_end
        save_with_actor(project, actor, validate=False)
    return report


def is_overdue(project: Project, today: dt.date | None = None) -> bool:
    """Whether a project that should report has no highlight report for too long."""
    return report_overdue(
        expects_reports=project.stage.expects_reports,
        stopped=is_stopped(project),
        last_report_end=project.last_report_end,
        started=project.actual_start or project.forecast_start or project.planned_start,
        every_days=project.report_every_days or project.programme.report_every_days,
        today=today or clock.today(),
    )


def report_overdue(
    *,
    expects_reports: bool,
    stopped: bool,
    last_report_end: dt.date | None,
    started: dt.date | None,
    every_days: int,
    today: dt.date,
) -> bool:
    """The overdue rule on plain values (the exports use it without loading whole projects):
    a project in a stage that reports, not stopped, whose last report (or, before its first,
    its start) is more than `every_days` ago; one with neither is overdue at once."""
    if not expects_reports or stopped:
        return False
    since = last_report_end or started
    if since is None:
        return True
    return (today - since).days > every_days


@transaction.atomic
def project_set_reporting(
    *, actor: Actor, project: Project, report_every_days: int | None
) -> Project:
    """The board sets how often the project sends highlight reports (blank: the programme's
    interval). From 7 days (weekly) to 92 (quarterly)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if report_every_days is not None and not 7 <= report_every_days <= 92:
        _raise(
            {
                "report_every_days": [
                    f"Highlight reports can be asked for every 7 to 92 days (weekly to "
                    f"quarterly), not every {report_every_days}"
                ]
            }
        )
    project.report_every_days = report_every_days
    save_with_actor(project, actor, validate=False)
    return project
