"""A project's task network and its schedules, read through the project's visibility."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import ProjectTask, TaskNeed, TaskResource, TaskSchedule
from partnerplan.resources.services.tasks import task_network_snapshot


def _visible_project(viewer: Viewer, pk: int) -> QuerySet[Project]:
    return visible(Project.objects.all(), viewer).filter(pk=pk)


def task_network(*, viewer: Viewer, pk: int) -> Project:
    """A project with its tasks (needs and links) and task resources, if the viewer sees it."""
    tasks = ProjectTask.objects.prefetch_related(
        Prefetch("needs", queryset=TaskNeed.objects.select_related("resource")),
        Prefetch("after", queryset=ProjectTask.objects.only("pk", "name").order_by("pk")),
    ).order_by("pk")
    try:
        return (
            _visible_project(viewer, pk)
            .prefetch_related(
                Prefetch("tasks", queryset=tasks),
                Prefetch("task_resources", queryset=TaskResource.objects.order_by("name")),
            )
            .get()
        )
    except Project.DoesNotExist:
        raise Http404("No project you can see has that number") from None


def task_detail(*, viewer: Viewer, pk: int) -> ProjectTask:
    try:
        return (
            ProjectTask.objects.filter(visible_q(viewer, Project, "project__"))
            .select_related("project")
            .prefetch_related("after", "needs")
            .get(pk=pk)
        )
    except ProjectTask.DoesNotExist:
        raise Http404("No task you can see has that number") from None


def task_resource_detail(*, viewer: Viewer, pk: int) -> TaskResource:
    try:
        return (
            TaskResource.objects.filter(visible_q(viewer, Project, "project__"))
            .select_related("project")
            .get(pk=pk)
        )
    except TaskResource.DoesNotExist:
        raise Http404("No task resource you can see has that number") from None


def task_schedule_detail(*, viewer: Viewer, pk: int) -> TaskSchedule:
    try:
        return (
            TaskSchedule.objects.filter(visible_q(viewer, Project, "project__"))
            .select_related("project")
            .get(pk=pk)
        )
    except TaskSchedule.DoesNotExist:
        raise Http404("No task schedule you can see has that number") from None


def latest_task_schedule(project: Project) -> TaskSchedule | None:
    return TaskSchedule.objects.filter(project=project).order_by("-created_at", "-pk").first()


@dataclass(frozen=True)
class ScheduledTask:
    name: str
    weeks: int
    start_week: int
    starts_on: dt.date
    ends_on: dt.date  # the last day of its last week (a Sunday if the work starts on a Monday)
    on_chain: bool
    x: float  # the bar in the chart (SVG units)
    width: float
    y: int


CHART_LEFT, CHART_WIDTH, ROW_HEIGHT, CHART_TOP = 230, 670, 26, 24


@dataclass(frozen=True)
class ScheduleView:
    rows: list[ScheduledTask]
    ticks: list[tuple[float, str]]
    chart_height: int
    weeks: int
    bound: int
    proven: bool
    gap_percent: float
    chain_weeks: int
    chain_names: list[str]
    finishes_on: dt.date
    changed_since: bool

    @property
    def extra_weeks(self) -> int:
        """Weeks the shared resources add to the longest chain of tasks."""
        return max(0, self.weeks - self.chain_weeks)


def task_schedule_view(
    schedule: TaskSchedule, project: Project | None = None
) -> ScheduleView | None:
    """The finished schedule as rows for the table and the bar chart, and whether the tasks
    have changed since it was made (then the project's page says to schedule again).  Pass
    the schedule's project as loaded by :func:`task_network` to compare without reading the
    tasks again."""
    if schedule.status != "done":
        return None
    result = schedule.result
    tasks = {t["id"]: t for t in schedule.inputs["tasks"]}
    weeks = int(result["weeks"])
    chain = set(result["chain"])
    rows = []
    scale = CHART_WIDTH / max(weeks, 1)
    ordered = sorted(tasks.values(), key=lambda t: (result["starts"][str(t["id"])], t["id"]))
    for i, t in enumerate(ordered):
        start = int(result["starts"][str(t["id"])])
        starts_on = schedule.starts_on + dt.timedelta(weeks=start)
        rows.append(
            ScheduledTask(
                name=t["name"],
                weeks=t["weeks"],
                start_week=start,
                starts_on=starts_on,
                ends_on=starts_on + dt.timedelta(weeks=t["weeks"], days=-1)
                if t["weeks"]
                else starts_on,
                on_chain=t["id"] in chain,
                x=round(CHART_LEFT + scale * start, 1),
                width=round(max(scale * t["weeks"], 3.0), 1),
                y=CHART_TOP + i * ROW_HEIGHT,
            )
        )
    step = max(1, -(-weeks // 10))
    ticks = [
        (round(CHART_LEFT + scale * w, 1), f"Week {w + 1}") for w in range(0, max(weeks, 1), step)
    ]
    current = task_network_snapshot(project or schedule.project)
    return ScheduleView(
        rows=rows,
        ticks=ticks,
        chart_height=CHART_TOP + len(rows) * ROW_HEIGHT + 6,
        weeks=weeks,
        bound=int(result["bound"]),
        proven=result["status"] == "OPTIMAL",
        gap_percent=float(result["gap_percent"]),
        chain_weeks=int(result["chain_weeks"]),
        chain_names=[tasks[i]["name"] for i in result["chain"]],
        finishes_on=schedule.starts_on + dt.timedelta(weeks=weeks, days=-1),
        changed_since=current != schedule.inputs,
    )


def task_schedule_progress(*, viewer: Viewer, pk: int) -> TaskSchedule:
    try:
        return (
            TaskSchedule.objects.filter(visible_q(viewer, Project, "project__"))
            .only(
                "pk",
                "status",
                "progress",
                "project_id",
                "time_limit_s",
                "created_at",
                "started_at",
                "finished_at",
            )
            .get(pk=pk)
        )
    except TaskSchedule.DoesNotExist:
        raise Http404("No task schedule you can see has that number") from None
