"""Reads of the pool, demand, capacity, runs and scenarios, scoped to what the viewer may see.

Demand is read through its project's visibility (`visible_q(viewer, Project, "project__")`);
the pool itself is seen by anyone signed in (the views require sign-in).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.portfolio.models import Project
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import (
    Assignment,
    Availability,
    Leave,
    PlanRun,
    PlanScenario,
    PoolMember,
    ProjectTask,
    RoleDemand,
    Skill,
    TaskNeed,
    TaskResource,
    TaskSchedule,
)
from partnerplan.resources.planning.months import first_of_month, month_label
from partnerplan.resources.services import member_calendar, task_network_snapshot

ZERO = Decimal(0)


def _members() -> QuerySet[PoolMember]:
    return PoolMember.objects.select_related("person", "home_partner").prefetch_related(
        "skills", "availability", "leave"
    )


def pool_list(*, viewer: Viewer, include_archived: bool = False) -> QuerySet[PoolMember]:
    qs = _members().annotate(
        assignment_count=Count(
            "assignments",
            filter=Q(assignments__ends_on__gte=timezone.localdate()),
            distinct=True,
        )
    )
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return qs.order_by("person__last_name", "person__first_name")


def member_detail(*, viewer: Viewer, pk: int) -> PoolMember:
    demands = visible_q(viewer, Project, "demand__project__")
    try:
        return (
            _members()
            .prefetch_related(
                Prefetch(
                    "assignments",
                    queryset=Assignment.objects.filter(demands).select_related(
                        "demand__project", "demand__skill"
                    ),
                    to_attr="visible_assignments",
                )
            )
            .get(pk=pk)
        )
    except PoolMember.DoesNotExist:
        raise Http404("No pool member has that number") from None


def availability_detail(*, viewer: Viewer, pk: int) -> Availability:
    try:
        return Availability.objects.select_related("member__person").get(pk=pk)
    except Availability.DoesNotExist:
        raise Http404("No spell of availability has that number") from None


def leave_detail(*, viewer: Viewer, pk: int) -> Leave:
    try:
        return Leave.objects.select_related("member__person").get(pk=pk)
    except Leave.DoesNotExist:
        raise Http404("No leave has that number") from None


def assignment_detail(*, viewer: Viewer, pk: int) -> Assignment:
    """A booking, seen through its project's visibility."""
    try:
        return (
            Assignment.objects.filter(visible_q(viewer, Project, "demand__project__"))
            .select_related("member__person", "demand__project", "demand__skill")
            .get(pk=pk)
        )
    except Assignment.DoesNotExist:
        raise Http404("No booking you can see has that number") from None


def member_choices() -> QuerySet[PoolMember]:
    return (
        PoolMember.objects.filter(archived_at__isnull=True)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )


def _demands(viewer: Viewer) -> QuerySet[RoleDemand]:
    return RoleDemand.objects.filter(visible_q(viewer, Project, "project__")).filter(
        project__archived_at__isnull=True
    )


def demand_list(*, viewer: Viewer) -> QuerySet[Project]:
    """Projects with role demand, with their demand and bookings."""
    demands = RoleDemand.objects.select_related("skill").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("member__person"))
    )
    return (
        visible(Project.objects.filter(archived_at__isnull=True), viewer)
        .filter(role_demands__isnull=False)
        .distinct()
        .select_related("stage", "planning")
        .prefetch_related(Prefetch("role_demands", queryset=demands))
        .order_by("title")
    )


def project_demand(*, viewer: Viewer, pk: int) -> Project:
    demands = RoleDemand.objects.select_related("skill").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("member__person"))
    )
    try:
        return (
            visible(Project.objects.all(), viewer)
            .select_related("stage", "planning__fund", "programme")
            .prefetch_related(Prefetch("role_demands", queryset=demands))
            .get(pk=pk)
        )
    except Project.DoesNotExist:
        raise Http404("No project you can see has that number") from None


def demand_detail(*, viewer: Viewer, pk: int) -> RoleDemand:
    try:
        return _demands(viewer).select_related("project", "skill").get(pk=pk)
    except RoleDemand.DoesNotExist:
        raise Http404("No role you can see has that number") from None


def project_choices(*, viewer: Viewer) -> QuerySet[Project]:
    return (
        visible(Project.objects.filter(archived_at__isnull=True), viewer)
        .filter(role_demands__isnull=False)
        .distinct()
        .order_by("title")
    )


# --- Capacity against demand ----------------------------------------------------------------


@dataclass
class SkillMonth:
    month: dt.date
    capacity: Decimal
    demand: Decimal
    booked: Decimal

    @property
    def short(self) -> bool:
        return self.demand > self.capacity

    @property
    def label(self) -> str:
        return month_label(self.month)


@dataclass
class SkillRow:
    skill: Skill
    months: list[SkillMonth]
    members: int

    @property
    def short_months(self) -> list[SkillMonth]:
        return [m for m in self.months if m.short]

    @property
    def peak(self) -> Decimal:
        return max([ZERO] + [max(m.capacity, m.demand) for m in self.months])

    def chart(self, width: int = 640, height: int = 180) -> dict[str, Any]:
        """Geometry of a grouped bar chart (capacity and demand by month) for the SVG."""
        top = max(self.peak, Decimal(1))
        n = max(len(self.months), 1)
        left, bottom = 40, 30
        slot = (width - left - 10) / n
        bar = slot * 0.38
        plot = height - bottom - 10
        bars = []
        for i, m in enumerate(self.months):
            x = left + i * slot
            cap_h = float(m.capacity / top) * plot
            dem_h = float(m.demand / top) * plot
            bars.append(
                {
                    "x_cap": round(x + slot * 0.1, 1),
                    "x_dem": round(x + slot * 0.1 + bar, 1),
                    "w": round(bar, 1),
                    "y_cap": round(10 + plot - cap_h, 1),
                    "h_cap": round(cap_h, 1),
                    "y_dem": round(10 + plot - dem_h, 1),
                    "h_dem": round(dem_h, 1),
                    "x_label": round(x + slot / 2, 1),
                    "label": m.month.strftime("%b"),
                    "short": m.short,
                }
            )
        return {
            "width": width,
            "height": height,
            "base": 10 + plot,
            "left": left,
            "top_value": top,
            "label_y": height - bottom + 14,
            "bars": bars,
        }


@dataclass
class PersonMonth:
    month: dt.date
    available: Decimal
    booked: Decimal

    @property
    def over(self) -> bool:
        return self.booked > self.available


@dataclass
class PersonRow:
    member: PoolMember
    months: list[PersonMonth]

    @property
    def over_months(self) -> list[PersonMonth]:
        return [m for m in self.months if m.over]


@dataclass
class Capacity:
    start: dt.date
    months: list[dt.date]
    skills: list[SkillRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)


def default_start(*, viewer: Viewer) -> dt.date:
    """The first month of the earliest demand still running today, or of the earliest
    demand, or this month."""
    today = timezone.localdate()
    rows = list(_demands(viewer).values_list("starts_on", "months"))
    running = [
        s for s, n in rows if cal.months_from(s, n)[-1] >= first_of_month(today) and s <= today
    ]
    if running:
        return first_of_month(min(running))
    if rows:
        return first_of_month(min(s for s, _n in rows))
    return first_of_month(today)


def capacity(*, viewer: Viewer, start: dt.date, count: int = 12) -> Capacity:
    """Capacity against demand by skill and by person, month by month.

    A person with several skills counts in the capacity of each of them (they could take a role
    of any), so capacities of different skills do not add up to the pool's time.
    """
    months = cal.months_from(start, count)
    members = list(_members().filter(archived_at__isnull=True).order_by("person__last_name"))
    available: dict[int, list[Decimal]] = {}
    for m in members:
        calendar = member_calendar(m)
        available[m.pk] = [cal.month_availability(calendar, mo).net for mo in months]
    last = cal.months_from(start, count + 1)[-1]
    demands = list(
        _demands(viewer)
        .filter(starts_on__lt=last)
        .select_related("skill")
        .only("skill", "days_per_week", "starts_on", "months")
    )
    bookings = list(
        Assignment.objects.filter(starts_on__lt=last, ends_on__gte=months[0]).values_list(
            "member_id", "demand__skill_id", "starts_on", "ends_on", "days_per_week"
        )
    )
    skills = {s.pk: s for s in Skill.objects.all()}
    cap: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * count)
    counts: dict[int, int] = defaultdict(int)
    for m in members:
        for s in m.skills.all():
            counts[s.pk] += 1
            cap[s.pk] = [a + b for a, b in zip(cap[s.pk], available[m.pk], strict=True)]
    dem: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * count)
    for d in demands:
        row = [
            cal.load_in_month([(d.first_month, d.ends_on, d.days_per_week)], mo) for mo in months
        ]
        dem[d.skill_id] = [a + b for a, b in zip(dem[d.skill_id], row, strict=True)]
    booked_skill: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * count)
    booked_member: dict[int, list[tuple[dt.date, dt.date, Decimal]]] = defaultdict(list)
    for member_id, skill_id, b_start, b_end, days in bookings:
        row = [cal.load_in_month([(b_start, b_end, days)], mo) for mo in months]
        booked_skill[skill_id] = [a + b for a, b in zip(booked_skill[skill_id], row, strict=True)]
        booked_member[member_id].append((b_start, b_end, days))
    result = Capacity(start=months[0], months=months)
    for pk in sorted(set(cap) | set(dem), key=lambda k: (skills[k].order, skills[k].name)):
        result.skills.append(
            SkillRow(
                skill=skills[pk],
                members=counts.get(pk, 0),
                months=[
                    SkillMonth(mo, cap[pk][i], dem[pk][i], booked_skill[pk][i])
                    for i, mo in enumerate(months)
                ],
            )
        )
    for m in members:
        result.people.append(
            PersonRow(
                member=m,
                months=[
                    PersonMonth(mo, available[m.pk][i], cal.load_in_month(booked_member[m.pk], mo))
                    for i, mo in enumerate(months)
                ],
            )
        )
    return result


# --- Runs and scenarios ---------------------------------------------------------------------


def run_list(*, viewer: Viewer) -> QuerySet[PlanRun]:
    return PlanRun.objects.select_related("created_by").defer("inputs", "result")


def run_detail(*, viewer: Viewer, pk: int) -> PlanRun:
    try:
        return PlanRun.objects.prefetch_related("scenarios").get(pk=pk)
    except PlanRun.DoesNotExist:
        raise Http404("No planner run has that number") from None


def run_progress(*, viewer: Viewer, pk: int) -> PlanRun:
    try:
        return PlanRun.objects.only(
            "pk", "status", "progress", "started_at", "time_limit_s", "name"
        ).get(pk=pk)
    except PlanRun.DoesNotExist:
        raise Http404("No planner run has that number") from None


def scenario_list(*, viewer: Viewer) -> QuerySet[PlanScenario]:
    return PlanScenario.objects.select_related("add_skill").prefetch_related(
        "force_in", "force_out", "remove_members__person"
    )


def scenario_choices() -> QuerySet[PlanScenario]:
    return PlanScenario.objects.order_by("name")


# --- A run's result, ready for the page ------------------------------------------------------


def _month(iso: str) -> str:
    return month_label(dt.date.fromisoformat(iso))


def _money(text: str | None) -> str:
    if text is None:
        return ""
    return f"£{Decimal(text):,.0f}"


def run_view(run: PlanRun) -> dict[str, Any]:
    """The run's result JSON with names, month labels and money in words, and the frontier
    chart's geometry."""
    labels: dict[str, str] = run.inputs.get("labels", {})
    plans = []
    for plan in run.result.get("plans", []):
        scheduled = [
            {
                **s,
                "start_label": _month(s["start"]),
                "end_label": _month(s["end"]),
                "cost_label": _money(s["cost"]),
            }
            for s in plan["scheduled"]
        ]
        assignments = [
            {
                **a,
                "project": labels.get(a["project_id"], a["project_id"]),
                "start_label": _month(a["start"]),
                "end_label": _month(a["end"]),
            }
            for a in plan["assignments"]
        ]
        gap = float(plan.get("gap") or 0)
        plans.append(
            {
                **plan,
                "scheduled": scheduled,
                "assignments": assignments,
                "gap_percent": f"{gap * 100:.1f}",
                "cost_label": _money(plan.get("total_cost")),
            }
        )
    comparison = [
        {
            **row,
            "cost_label": _money(row["cost"]),
            "gap_percent": f"{float(row['gap']) * 100:.1f}",
            "added_titles": [labels.get(i, i) for i in row["added"]],
            "dropped_titles": [labels.get(i, i) for i in row["dropped"]],
            "titles": [labels.get(i, i) for i in row["project_ids"]],
        }
        for row in run.result.get("comparison", [])
    ]
    frontier = run.result.get("frontier") or []
    return {
        "plans": plans,
        "comparison": comparison,
        "frontier": [
            {
                **p,
                "budget_label": _money(p["budget"]),
                "cost_label": _money(p["cost"]),
                "titles": [labels.get(i, i) for i in p["project_ids"]],
            }
            for p in frontier
        ],
        "frontier_chart": frontier_chart(frontier) if frontier else None,
        "warnings": run.inputs.get("warnings", []),
    }


def frontier_chart(
    points: list[dict[str, Any]], width: int = 560, height: int = 260
) -> dict[str, Any]:
    """Geometry of the cost-value scatter: x is cost, y is value; efficient points joined."""
    left, bottom, pad = 70, 40, 12
    costs = [Decimal(p["cost"]) for p in points]
    values = [Decimal(p["value"]) for p in points]
    max_cost = max(costs + [Decimal(1)])
    max_value = max(values + [Decimal(1)])
    plot_w, plot_h = width - left - pad, height - bottom - pad
    dots = []
    for p, c, v in zip(points, costs, values, strict=True):
        dots.append(
            {
                "x": round(left + float(c / max_cost) * plot_w, 1),
                "y": round(pad + plot_h - float(v / max_value) * plot_h, 1),
                "efficient": p["efficient"],
                "label": f"£{c:,.0f} for value {v.normalize():f}",
            }
        )
    line = " ".join(
        f"{d['x']},{d['y']}" for d in sorted(dots, key=lambda d: d["x"]) if d["efficient"]
    )
    return {
        "width": width,
        "height": height,
        "left": left,
        "base": pad + plot_h,
        "right": left + plot_w,
        "top": pad,
        "max_cost": f"£{max_cost:,.0f}",
        "max_value": f"{max_value.normalize():f}",
        "dots": dots,
        "line": line,
    }


# --- Task networks -----------------------------------------------------------------------------


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
            .only("pk", "status", "progress", "project_id")
            .get(pk=pk)
        )
    except TaskSchedule.DoesNotExist:
        raise Http404("No task schedule you can see has that number") from None
