"""Every write to the pool, demand, assignments, scenarios and planner runs.

Each service validates in plain English (a ValidationError keyed by field), saves atomically
and records who made the change. Over-allocation is flagged, never refused: the programme
office may knowingly book someone beyond their time.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from partnerplan.core.services import save_with_actor
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import (
    Assignment,
    Availability,
    Leave,
    PlanRun,
    PlanScenario,
    PoolMember,
    ProjectPlanning,
    ProjectTask,
    RoleDemand,
    RunStatus,
    Skill,
    TaskNeed,
    TaskResource,
    TaskSchedule,
)
from partnerplan.resources.planning.months import add_months, month_label

log = logging.getLogger(__name__)

MAX_DAYS = Decimal(5)
MAX_TIME_LIMIT_S = 600
MAX_MONTHS = 60


def _errors() -> dict[str, list[str]]:
    return {}


def _add(errors: dict[str, list[str]], name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


def _check_days(errors: dict[str, list[str]], value: Decimal | None, what: str) -> None:
    if value is None:
        _add(errors, "days_per_week", f"Enter how many days a week {what}")
    elif value < 0:
        _add(errors, "days_per_week", "Days a week cannot be negative")
    elif value > MAX_DAYS:
        _add(
            errors,
            "days_per_week",
            f"Days a week must be 5 or fewer: a working week has 5 days ({value:g} was given)",
        )


def _check_order(
    errors: dict[str, list[str]],
    start: dt.date | None,
    end: dt.date | None,
    end_field: str,
    what: str,
) -> None:
    if start and end and end < start:
        _add(
            errors,
            end_field,
            f"The end of the {what} must be the same as or after its start "
            f"({end:%-d %B %Y} is before {start:%-d %B %Y})",
        )


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


# --- Pool members ----------------------------------------------------------------------------

MEMBER_FIELDS = {
    "days_per_week", "available_from", "available_until", "cost_rate_per_day", "notes",
}  # fmt: skip


def _validate_member(member: PoolMember, skills: list[Skill] | None) -> None:
    errors = _errors()
    _check_days(errors, member.days_per_week, "they are lent to the pool")
    if member.days_per_week is not None and member.days_per_week == 0:
        _add(errors, "days_per_week", "A pool member must be lent for more than 0 days a week")
    _check_order(errors, member.available_from, member.available_until, "available_until", "loan")
    if member.cost_rate_per_day is not None and member.cost_rate_per_day < 0:
        _add(errors, "cost_rate_per_day", "The cost per day cannot be negative")
    if skills is not None and not skills:
        _add(errors, "skills", "Choose at least one skill they bring to the pool")
    if member.home_partner_id and member.home_partner.is_archived:
        _add(errors, "home_partner", f"{member.home_partner.name} is archived: choose another")
    _raise(errors)


@transaction.atomic
def member_create(
    *,
    actor: Any,
    person: Person,
    home_partner: Partner,
    skills: Iterable[Skill],
    is_demo: bool = False,
    **data: Any,
) -> PoolMember:
    if PoolMember.objects.filter(person=person).exists():
        raise ValidationError({"person": f"{person.full_name} is already in the pool"})
    unknown = set(data) - MEMBER_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    member = PoolMember(person=person, home_partner=home_partner, is_demo=is_demo, **data)
    skill_list = list(skills)
    _validate_member(member, skill_list)
    save_with_actor(member, actor)
    member.skills.set(skill_list)
    return member


@transaction.atomic
def member_update(
    *, actor: Any, member: PoolMember, skills: Iterable[Skill] | None = None, **data: Any
) -> PoolMember:
    member = PoolMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    unknown = set(data) - MEMBER_FIELDS - {"home_partner"}
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(member, name, value)
    skill_list = None if skills is None else list(skills)
    _validate_member(member, skill_list)
    save_with_actor(member, actor)
    if skill_list is not None:
        member.skills.set(skill_list)
    return member


@transaction.atomic
def availability_add(
    *,
    actor: Any,
    member: PoolMember,
    starts_on: dt.date,
    days_per_week: Decimal,
    ends_on: dt.date | None = None,
) -> Availability:
    errors = _errors()
    _check_days(errors, days_per_week, "they are available in this spell")
    _check_order(errors, starts_on, ends_on, "ends_on", "spell")
    _raise(errors)
    row = Availability(
        member=member, starts_on=starts_on, ends_on=ends_on, days_per_week=days_per_week
    )
    save_with_actor(row, actor)
    return row


@transaction.atomic
def leave_add(
    *, actor: Any, member: PoolMember, starts_on: dt.date, ends_on: dt.date, note: str = ""
) -> Leave:
    errors = _errors()
    _check_order(errors, starts_on, ends_on, "ends_on", "leave")
    _raise(errors)
    row = Leave(member=member, starts_on=starts_on, ends_on=ends_on, note=note.strip())
    save_with_actor(row, actor)
    return row


@transaction.atomic
def member_archive(*, actor: Any, member: PoolMember, reason: str) -> PoolMember:
    """Take someone out of the pool. Refused while they have bookings that have not ended."""
    from partnerplan.core.services import archive

    member = PoolMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    if member.is_archived:
        raise ValidationError(f"{member} has already left the pool.")
    today = timezone.localdate()
    current = list(
        Assignment.objects.filter(member=member, ends_on__gte=today)
        .select_related("demand__project")
        .order_by("ends_on")
    )
    if current:
        names = "; ".join(
            f"{a.demand.project.title} until {a.ends_on:%-d %B %Y}" for a in current[:5]
        )
        raise ValidationError(
            {
                "reason": f"{member} is still booked ({names}): end or remove those bookings "
                "before taking them out of the pool"
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why they are leaving the pool"})
    archive(member, actor=actor, reason=reason)
    return member


@transaction.atomic
def member_restore(*, actor: Any, member: PoolMember) -> PoolMember:
    from partnerplan.core.services import restore

    member = PoolMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    restore(member, actor=actor)
    return member


@transaction.atomic
def availability_update(
    *,
    actor: Any,
    availability: Availability,
    starts_on: dt.date,
    days_per_week: Decimal,
    ends_on: dt.date | None = None,
) -> Availability:
    """Change a spell (setting its end date ends it)."""
    errors = _errors()
    _check_days(errors, days_per_week, "they are available in this spell")
    _check_order(errors, starts_on, ends_on, "ends_on", "spell")
    _raise(errors)
    row = Availability.objects.select_for_update().get(pk=availability.pk)
    row.starts_on, row.ends_on, row.days_per_week = starts_on, ends_on, days_per_week
    save_with_actor(row, actor)
    return row


@transaction.atomic
def availability_delete(*, actor: Any, availability: Availability) -> None:
    availability._history_user = actor  # type: ignore[attr-defined]
    availability.delete()


@transaction.atomic
def leave_update(
    *, actor: Any, leave: Leave, starts_on: dt.date, ends_on: dt.date, note: str = ""
) -> Leave:
    errors = _errors()
    _check_order(errors, starts_on, ends_on, "ends_on", "leave")
    _raise(errors)
    row = Leave.objects.select_for_update().get(pk=leave.pk)
    row.starts_on, row.ends_on, row.note = starts_on, ends_on, note.strip()
    save_with_actor(row, actor)
    return row


@transaction.atomic
def leave_delete(*, actor: Any, leave: Leave) -> None:
    leave._history_user = actor  # type: ignore[attr-defined]
    leave.delete()


def member_calendar(member: PoolMember) -> cal.MemberCalendar:
    """The member's calendar from their rows (uses prefetched `availability` and `leave`)."""
    return cal.MemberCalendar(
        days_per_week=member.days_per_week,
        available_from=member.available_from,
        available_until=member.available_until,
        spells=tuple(
            cal.Spell(a.starts_on, a.ends_on, a.days_per_week)
            for a in sorted(member.availability.all(), key=lambda a: a.starts_on)
        ),
        leave=tuple((lv.starts_on, lv.ends_on) for lv in member.leave.all()),
    )


# --- Demand and planning settings ------------------------------------------------------------

DEMAND_FIELDS = {"title", "days_per_week", "starts_on", "months", "source"}


def _validate_demand(demand: RoleDemand, skill: Skill | None) -> None:
    errors = _errors()
    if skill is None:
        _add(
            errors,
            "skill",
            "Choose the skill this role needs: the planner can only staff a role with "
            "someone who has its skill",
        )
    _check_days(errors, demand.days_per_week, "the role needs")
    if demand.days_per_week is not None and demand.days_per_week == 0:
        _add(errors, "days_per_week", "A role must need more than 0 days a week")
    if demand.starts_on is None:
        _add(errors, "starts_on", "Enter when the role starts")
    if not demand.months:
        _add(errors, "months", "Enter how many months the role lasts: 1 or more")
    elif demand.months > MAX_MONTHS:
        _add(errors, "months", f"A role can last at most {MAX_MONTHS} months")
    if not (demand.title or "").strip():
        _add(errors, "title", "Enter the role, for example Project manager")
    _raise(errors)


@transaction.atomic
def demand_create(*, actor: Any, project: Project, skill: Skill | None, **data: Any) -> RoleDemand:
    unknown = set(data) - DEMAND_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    demand = RoleDemand(project=project, **data)
    _validate_demand(demand, skill)
    assert skill is not None
    demand.skill = skill
    demand.title = demand.title.strip()
    save_with_actor(demand, actor)
    return demand


@transaction.atomic
def demand_update(
    *, actor: Any, demand: RoleDemand, skill: Skill | None, **data: Any
) -> RoleDemand:
    """Change a role. Refused if someone booked to it lacks a newly chosen skill."""
    unknown = set(data) - DEMAND_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    row = RoleDemand.objects.select_for_update().get(pk=demand.pk)
    for name, value in data.items():
        setattr(row, name, value)
    _validate_demand(row, skill)
    assert skill is not None
    if skill.pk != row.skill_id:
        lacking = sorted(
            str(a.member)
            for a in row.assignments.select_related("member__person")
            if not a.member.skills.filter(pk=skill.pk).exists()
        )
        if lacking:
            raise ValidationError(
                {
                    "skill": f"{', '.join(lacking)} {'is' if len(lacking) == 1 else 'are'} "
                    f"booked to this role and {'does' if len(lacking) == 1 else 'do'} not have "
                    f"{skill.name}: remove the booking first"
                }
            )
    row.skill = skill
    row.title = row.title.strip()
    save_with_actor(row, actor)
    return row


@transaction.atomic
def demand_delete(*, actor: Any, demand: RoleDemand) -> None:
    demand._history_user = actor  # type: ignore[attr-defined]
    demand.delete()


PLANNING_FIELDS = {"committed", "earliest_start", "deadline", "value", "cost_per_month", "fund"}


@transaction.atomic
def planning_set(*, actor: Any, project: Project, **data: Any) -> ProjectPlanning:
    unknown = set(data) - PLANNING_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    planning = ProjectPlanning.objects.filter(project=project).first() or ProjectPlanning(
        project=project
    )
    for name, value in data.items():
        setattr(planning, name, value)
    errors = _errors()
    _check_order(errors, planning.earliest_start, planning.deadline, "deadline", "window")
    if planning.value is not None and planning.value < 0:
        _add(errors, "value", "The priority value cannot be negative")
    if planning.cost_per_month is not None and planning.cost_per_month < 0:
        _add(errors, "cost_per_month", "The cost per month cannot be negative")
    _raise(errors)
    save_with_actor(planning, actor)
    return planning


# --- Assignments -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentOutcome:
    """The booking, and the months it takes the member over their time (flagged, allowed)."""

    assignment: Assignment
    over_allocated: list[tuple[dt.date, Decimal, Decimal]]

    @property
    def warning(self) -> str:
        if not self.over_allocated:
            return ""
        when = describe_over(self.over_allocated)
        return f"{self.assignment.member} is now over-allocated in {when}."


def days_text(days: Decimal) -> str:
    """2.5, 3 (no trailing zeros)."""
    return f"{days.normalize():f}"


def describe_over(months: list[tuple[dt.date, Decimal, Decimal]]) -> str:
    """Consecutive months with the same figures grouped: 'January 2011 to June 2011 (5 of 3
    days a week)'."""
    groups: list[list[Any]] = []
    for month, booked, available in months:
        last = groups[-1] if groups else None
        if last and (last[2], last[3]) == (booked, available) and add_months(last[1], 1) == month:
            last[1] = month
        else:
            groups.append([month, month, booked, available])
    parts = []
    for first, last, booked, available in groups:
        when = month_label(first)
        if last != first:
            when += f" to {month_label(last)}"
        parts.append(f"{when} ({days_text(booked)} of {days_text(available)} days a week)")
    return ", ".join(parts)


@transaction.atomic
def assignment_create(
    *,
    actor: Any,
    demand: RoleDemand,
    member: PoolMember,
    days_per_week: Decimal | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> AssignmentOutcome:
    days = demand.days_per_week if days_per_week is None else days_per_week
    start = starts_on or demand.first_month
    end = ends_on or demand.ends_on
    errors = _errors()
    _check_days(errors, days, "they give to the role")
    _check_order(errors, start, end, "ends_on", "booking")
    if member.is_archived:
        _add(errors, "member", f"{member} has left the pool (archived): choose someone else")
    if not member.skills.filter(pk=demand.skill_id).exists():
        _add(
            errors,
            "member",
            f"{member} does not have the skill this role needs ({demand.skill.name})",
        )
    _raise(errors)
    PoolMember.objects.select_for_update().filter(pk=member.pk).first()
    row = Assignment(demand=demand, member=member, days_per_week=days, starts_on=start, ends_on=end)
    save_with_actor(row, actor)
    member = PoolMember.objects.prefetch_related("availability", "leave").get(pk=member.pk)
    bookings = list(
        Assignment.objects.filter(member=member).values_list(
            "starts_on", "ends_on", "days_per_week"
        )
    )
    return AssignmentOutcome(row, cal.over_allocated_months(member_calendar(member), bookings))


@transaction.atomic
def assignment_update(
    *,
    actor: Any,
    assignment: Assignment,
    days_per_week: Decimal | None,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
) -> AssignmentOutcome:
    """Change a booking's days a week or dates (over-allocation is flagged, not refused)."""
    errors = _errors()
    if starts_on is None:
        _add(errors, "starts_on", "Enter when the booking starts")
    if ends_on is None:
        _add(errors, "ends_on", "Enter when the booking ends")
    _check_days(errors, days_per_week, "they give to the role")
    _check_order(errors, starts_on, ends_on, "ends_on", "booking")
    _raise(errors)
    assert days_per_week is not None and starts_on is not None and ends_on is not None
    PoolMember.objects.select_for_update().filter(pk=assignment.member_id).first()
    row = Assignment.objects.select_for_update().get(pk=assignment.pk)
    row.days_per_week, row.starts_on, row.ends_on = days_per_week, starts_on, ends_on
    save_with_actor(row, actor)
    return AssignmentOutcome(row, _over_allocation(row.member_id))


def _over_allocation(member_id: int) -> list[tuple[dt.date, Decimal, Decimal]]:
    member = PoolMember.objects.prefetch_related("availability", "leave").get(pk=member_id)
    bookings = list(
        Assignment.objects.filter(member=member).values_list(
            "starts_on", "ends_on", "days_per_week"
        )
    )
    return cal.over_allocated_months(member_calendar(member), bookings)


@transaction.atomic
def assignment_delete(*, actor: Any, assignment: Assignment) -> None:
    assignment._history_user = actor  # type: ignore[attr-defined]
    assignment.delete()


# --- Scenarios -------------------------------------------------------------------------------


@transaction.atomic
def scenario_create(
    *,
    actor: Any,
    name: str,
    description: str = "",
    force_in: Iterable[Project] = (),
    force_out: Iterable[Project] = (),
    remove_members: Iterable[PoolMember] = (),
    add_skill: Skill | None = None,
    add_days_per_week: Decimal | None = None,
    money_change: Decimal | None = None,
    money_month: dt.date | None = None,
) -> PlanScenario:
    errors = _errors()
    name = name.strip()
    if PlanScenario.objects.filter(name__iexact=name).exists():
        _add(errors, "name", f"There is already a scenario called '{name}': choose another name")
    ins, outs = list(force_in), list(force_out)
    both = sorted(p.title for p in set(ins) & set(outs))
    if both:
        _add(errors, "force_out", f"A project cannot be forced both in and out: {', '.join(both)}")
    if add_skill is not None or add_days_per_week is not None:
        if add_skill is None:
            _add(errors, "add_skill", "Choose the skill of the extra pool member")
        if add_days_per_week is None or add_days_per_week <= 0 or add_days_per_week > MAX_DAYS:
            _add(
                errors,
                "add_days_per_week",
                "Enter the extra pool member's days a week: more than 0 and 5 or fewer",
            )
    if money_month is not None and money_change is None:
        _add(errors, "money_change", "Enter the change to the money, or clear its month")
    removed = list(remove_members)
    changes = bool(ins or outs or removed or add_skill or money_change)
    if not errors and not changes:
        _add(errors, "", "A scenario must change something: force a project in or out, "
             "add or take out a pool member, or change the money")  # fmt: skip
    if errors:
        if "" in errors:
            errors["__all__"] = errors.pop("")
        raise ValidationError(errors)
    scenario = PlanScenario(
        name=name,
        description=description.strip(),
        add_skill=add_skill,
        add_days_per_week=add_days_per_week,
        money_change=money_change,
        money_month=money_month,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    save_with_actor(scenario, actor)
    scenario.force_in.set(ins)
    scenario.force_out.set(outs)
    scenario.remove_members.set(removed)
    return scenario


# --- Planner runs: queued -> running -> done | failed ---------------------------------------

TRANSITIONS: dict[str, set[str]] = {
    RunStatus.QUEUED: {RunStatus.RUNNING, RunStatus.FAILED},
    RunStatus.RUNNING: {RunStatus.DONE, RunStatus.FAILED},
    RunStatus.DONE: set(),
    RunStatus.FAILED: set(),
}


def _move(run: PlanRun, to: str) -> None:
    if to not in TRANSITIONS[run.status]:
        raise ValidationError(
            f"Run '{run.name}' is {run.get_status_display().lower()}: it cannot become "
            f"{RunStatus(to).label.lower()}"
        )
    run.status = to


@transaction.atomic
def run_create(
    *,
    actor: Any,
    viewer: Any,
    name: str,
    starts_on: dt.date,
    months: int,
    time_limit_s: int,
    money: Decimal | None = None,
    frontier: bool = False,
    scenarios: Iterable[PlanScenario] = (),
) -> PlanRun:
    """Take a snapshot of the inputs, check them, and queue the run for the worker."""
    from partnerplan.resources import snapshot, translate
    from partnerplan.resources.planning.portfolio import validate
    from partnerplan.resources.tasks import run_plan

    errors = _errors()
    if not name.strip():
        _add(errors, "name", "Enter a name for the run")
    if not time_limit_s or time_limit_s < 1 or time_limit_s > MAX_TIME_LIMIT_S:
        _add(errors, "time_limit_s", f"Choose a time limit from 1 to {MAX_TIME_LIMIT_S} seconds")
    if not months or months < 1 or months > MAX_MONTHS:
        _add(errors, "months", f"Plan from 1 to {MAX_MONTHS} months")
    if money is not None and money < 0:
        _add(errors, "money", "The money available cannot be negative")
    _raise(errors)
    scenario_list = list(scenarios)
    built = translate.build_problem(viewer=viewer, starts_on=starts_on, months=months, money=money)
    problems = validate(built.problem)
    if not built.problem.projects:
        problems.insert(0, "No project has any role demand to plan: add the demand first")
    scenario_json = []
    for s in scenario_list:
        try:
            planned = translate.build_scenario(s, built)
        except translate.ScenarioError as exc:
            problems.append(str(exc))
            continue
        scenario_json.append(snapshot.scenario_to_json(planned))
    if problems:
        raise ValidationError({"__all__": problems})
    run = PlanRun(
        name=name.strip(),
        starts_on=starts_on,
        months=months,
        time_limit_s=time_limit_s,
        money=money,
        frontier=frontier,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        inputs={
            "problem": snapshot.problem_to_json(built.problem),
            "scenarios": scenario_json,
            "labels": built.labels,
            "warnings": built.warnings,
            "roles": built.roles,
            "bookings": _staffing(_role_pks(built.roles)),
        },
    )
    save_with_actor(run, actor)
    run.scenarios.set(scenario_list)
    transaction.on_commit(lambda: run_plan.enqueue(run.pk))
    return run


def run_start(*, run: PlanRun) -> PlanRun:
    with transaction.atomic():
        run = PlanRun.objects.select_for_update().get(pk=run.pk)
        _move(run, RunStatus.RUNNING)
        run.started_at = timezone.now()
        run.progress = 1
        run.save(update_fields=["status", "started_at", "progress", "updated_at"])
    return run


def run_progress(*, run: PlanRun | TaskSchedule, progress: int) -> None:
    """Write the progress of a running planner run or task schedule (0 to 99 until done)."""
    type(run).objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
        progress=max(0, min(99, progress))
    )


def run_finish(*, run: PlanRun, result: dict[str, Any]) -> PlanRun:
    with transaction.atomic():
        run = PlanRun.objects.select_for_update().get(pk=run.pk)
        _move(run, RunStatus.DONE)
        run.result = result
        run.progress = 100
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "result", "progress", "finished_at", "updated_at"])
    return run


def run_fail(*, run: PlanRun, error: str) -> PlanRun:
    with transaction.atomic():
        run = PlanRun.objects.select_for_update().get(pk=run.pk)
        _move(run, RunStatus.FAILED)
        run.error = error
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return run


PROGRESS_INTERVAL_S = 1.0
"""Progress within a solve is written at most this often (the page polls every 2 seconds)."""

SOLVE_SHARE = 0.9
"""Share of a plan's slice of the bar for its main solve; explanations take the rest."""


class ProgressRelay:
    """Carries progress from the solver's threads to the thread that owns the database
    connection. The planning core calls it (its ProgressCallback) from the CP-SAT solution
    callback; the run's thread reads it while it waits for the solve."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.fraction = 0.0
        self.solutions = 0

    def __call__(self, fraction: float, solutions: int) -> None:
        with self._lock:
            self.fraction = max(self.fraction, min(1.0, max(0.0, fraction)))
            self.solutions = max(self.solutions, solutions)

    def read(self) -> float:
        with self._lock:
            return self.fraction


def _solve_with_progress(
    run: PlanRun | TaskSchedule,
    solve: Callable[[ProgressRelay], Any],
    *,
    first: float,
    span: float,
    limit_s: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Any:
    """Run `solve` in a worker thread and write its progress, throttled, to the run.

    Progress in the bar: `first` + `span` × SOLVE_SHARE × the fraction of the time limit used
    when the solver last reported (it reports each better solution and once at the end), or,
    given `limit_s`, the fraction of the time limit used so far if that is more (so the bar
    moves between solutions too).
    """
    relay = ProgressRelay()
    written = int(first)
    started = last = clock()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="planner") as pool:
        future = pool.submit(solve, relay)
        while True:
            finished = bool(wait([future], timeout=0.2).done)
            now = clock()
            fraction = relay.read()
            if limit_s:
                fraction = max(fraction, min(1.0, (now - started) / limit_s))
            percent = int(first + span * SOLVE_SHARE * fraction)
            if percent > written and now - last >= PROGRESS_INTERVAL_S:
                run_progress(run=run, progress=percent)
                written, last = percent, now
            if finished:
                return future.result()


def run_execute(run_id: int) -> None:
    """Run the planner for a queued run (called by the background task)."""
    from partnerplan.resources import snapshot
    from partnerplan.resources.planning.common import PlanningInputError
    from partnerplan.resources.planning.portfolio import (
        apply_scenario,
        compare,
        efficient_frontier,
        plan_portfolio,
    )

    run = run_start(run=PlanRun.objects.get(pk=run_id))
    try:
        problem = snapshot.problem_from_json(run.inputs["problem"])
        scenarios = [snapshot.scenario_from_json(s) for s in run.inputs.get("scenarios", [])]
        steps = 1 + len(scenarios) + (1 if run.frontier else 0)
        span = 100 / steps
        limit = float(run.time_limit_s)
        explain_limit = max(0.5, min(2.0, limit / 5))
        plans = [("Plan as it stands", problem)] + [
            (scenario.name, apply_scenario(problem, scenario)) for scenario in scenarios
        ]
        results = {}
        for done, (name, planned) in enumerate(plans):
            results[name] = _solve_with_progress(
                run,
                lambda relay, planned=planned: plan_portfolio(  # type: ignore[misc]
                    planned,
                    time_limit_s=limit,
                    explain_time_limit_s=explain_limit,
                    progress=relay,
                ),
                first=done * span,
                span=span,
                limit_s=limit,
            )
            run_progress(run=run, progress=int((done + 1) * span))
        result: dict[str, Any] = {
            "plans": [{"name": name, **snapshot.result_to_json(r)} for name, r in results.items()],
            "comparison": [snapshot.to_json(c) for c in compare(results)],
        }
        if run.frontier:
            points = efficient_frontier(problem, time_limit_s=max(1.0, limit / 4))
            result["frontier"] = [snapshot.to_json(p) for p in points]
    except PlanningInputError as exc:
        run_fail(run=run, error="\n".join(exc.problems))
        return
    except Exception as exc:  # the run records any failure rather than vanishing
        log.exception("Planner run %s failed", run_id)
        run_fail(run=run, error=f"The planner stopped with an error: {exc}")
        return
    run_finish(run=run, result=result)


# --- Booking a plan: a finished run's assignments become bookings ---------------------------


def _role_pks(roles: dict[str, list[int]]) -> list[int]:
    return sorted({pk for pks in roles.values() for pk in pks})


def _staffing(role_pks: list[int]) -> dict[str, Any]:
    """The roles a run planned and their bookings, as JSON (to tell if they changed since)."""
    demands = {
        str(d.pk): [d.skill_id, str(d.days_per_week.normalize()), d.first_month.isoformat(),
                    d.months]
        for d in RoleDemand.objects.filter(pk__in=role_pks)
    }  # fmt: skip
    bookings = {
        str(a.pk): [a.demand_id, a.member_id, str(a.days_per_week.normalize()),
                    a.starts_on.isoformat(), a.ends_on.isoformat()]
        for a in Assignment.objects.filter(demand_id__in=role_pks)
    }  # fmt: skip
    return {"roles": demands, "bookings": bookings}


def _changes_since(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What changed in the roles and bookings, in plain English."""
    demand_names = {
        str(d.pk): f"{d.title} on {d.project.title}"
        for d in RoleDemand.objects.filter(
            pk__in=[int(k) for k in {*before["roles"], *now["roles"]}]
        ).select_related("project")
    }
    booking_rows = {
        str(a.pk): a
        for a in Assignment.objects.filter(pk__in=[int(k) for k in now["bookings"]])
        .select_related("member__person", "demand__project")
    }  # fmt: skip
    changes = []
    for pk in sorted(set(before["roles"]) - set(now["roles"]), key=int):
        changes.append(f"a role was removed ({demand_names.get(pk, 'role ' + pk)})")
    for pk in sorted(set(before["roles"]) & set(now["roles"]), key=int):
        if before["roles"][pk] != now["roles"][pk]:
            changes.append(f"the role {demand_names.get(pk, pk)} was changed")
    for pk in sorted(set(now["bookings"]) - set(before["bookings"]), key=int):
        a = booking_rows[pk]
        changes.append(f"{a.member} was booked to {a.demand.project.title}")
    for pk in sorted(set(before["bookings"]) - set(now["bookings"]), key=int):
        demand_pk = str(before["bookings"][pk][0])
        changes.append(f"a booking on {demand_names.get(demand_pk, 'a role')} was removed")
    for pk in sorted(set(before["bookings"]) & set(now["bookings"]), key=int):
        if before["bookings"][pk] != now["bookings"][pk]:
            a = booking_rows[pk]
            changes.append(f"the booking of {a.member} on {a.demand.project.title} was changed")
    return changes


@dataclass(frozen=True)
class BookedPlan:
    """What booking a plan did: new bookings, roles moved to the planned months, warnings."""

    created: list[Assignment]
    moved: list[RoleDemand]
    warnings: list[str]


def _end_of_month(first: dt.date) -> dt.date:
    return add_months(first, 1) - dt.timedelta(days=1)


@transaction.atomic
def run_book(*, actor: Any, run: PlanRun) -> BookedPlan:
    """Turn a finished run's plan (the plan as it stands, not a scenario) into bookings.

    Refused unless the run is done and not yet booked, and unless the roles and bookings it
    planned are as they were when it was asked for (otherwise the plan may no longer hold).
    Roles of projects the plan starts later are moved to the planned months; roles already
    booked are left as they are.
    """
    run = PlanRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.DONE:
        raise ValidationError(
            f"Run '{run.name}' is {run.get_status_display().lower()}: only a finished plan "
            "can be booked"
        )
    if run.booked_at is not None:
        raise ValidationError(
            f"This plan was already booked on {timezone.localtime(run.booked_at):%-d %B %Y}"
        )
    roles: dict[str, list[int]] | None = run.inputs.get("roles")
    before = run.inputs.get("bookings")
    plans = run.result.get("plans") or []
    if roles is None or before is None or not plans:
        raise ValidationError(
            "This run was made before plans could be booked: run the planner again"
        )
    plan = plans[0]
    if plan.get("status") not in {"OPTIMAL", "FEASIBLE"}:
        raise ValidationError("This run found no plan to book")
    now = _staffing(_role_pks(roles))
    changes = _changes_since(before, now)
    if changes:
        raise ValidationError(
            "The roles or bookings have changed since this run, so its plan may no longer "
            f"hold: {'; '.join(changes)}. Run the planner again and book the new plan"
        )
    members = {
        f"m{m.pk}": m
        for m in PoolMember.objects.filter(
            pk__in=[int(a["member_id"][1:]) for a in plan["assignments"]
                    if a["member_id"].startswith("m")]
        ).select_related("person")
    }  # fmt: skip
    demands = {d.pk: d for d in RoleDemand.objects.filter(pk__in=_role_pks(roles))}
    booked_roles = set(Assignment.objects.filter(demand__in=demands).values_list(
        "demand_id", flat=True))  # fmt: skip
    created: list[Assignment] = []
    moved: dict[int, RoleDemand] = {}
    warnings: list[str] = []
    for item in plan["assignments"]:
        pks = roles.get(item["project_id"], [])
        if item["role_index"] >= len(pks):
            continue
        demand = demands[pks[item["role_index"]]]
        if demand.pk in booked_roles:
            continue
        member = members.get(item["member_id"])
        if member is None:
            raise ValidationError(
                f"{item['member_name']} is no longer in the pool: run the planner again"
            )
        start = dt.date.fromisoformat(item["start"])
        if demand.first_month != start and demand.pk not in moved:
            demand.starts_on = start
            save_with_actor(demand, actor)
            moved[demand.pk] = demand
        outcome = assignment_create(
            actor=actor,
            demand=demand,
            member=member,
            days_per_week=Decimal(item["days_per_week"]),
            starts_on=start,
            ends_on=_end_of_month(dt.date.fromisoformat(item["end"])),
        )
        created.append(outcome.assignment)
        if outcome.warning:
            warnings.append(outcome.warning)
    run.booked_at = timezone.now()
    run.booked_by = actor if getattr(actor, "is_authenticated", False) else None
    save_with_actor(run, actor, validate=False)
    return BookedPlan(created, list(moved.values()), sorted(set(warnings)))


# --- Task networks: one project's tasks under its own resource limits ----------------------

MAX_TASK_WEEKS = 520
MAX_TASKS = 500
MAX_TASK_CAPACITY = 1000


def _check_name(
    errors: dict[str, list[str]],
    model: type[TaskResource] | type[ProjectTask],
    project: Project,
    name: str,
    pk: int | None,
    what: str,
    example: str = "",
) -> None:
    """A name is required and unique (ignoring case) among the project's tasks or resources."""
    if not name.strip():
        _add(errors, "name", f"Enter a name for the {what}" + (f", {example}" if example else ""))
    elif (
        model.objects.filter(project=project, name__iexact=name.strip())
        .exclude(pk=pk or 0)
        .exists()
    ):
        _add(errors, "name", f"The project already has a {what} called {name.strip()}")


def _check_resource(
    project: Project, name: str, capacity: int | None, *, pk: int | None = None
) -> None:
    errors = _errors()
    _check_name(errors, TaskResource, project, name, pk, "resource", "for example ICT team")
    if capacity is None:
        _add(errors, "capacity", "Enter how many there are at any one time")
    elif capacity < 1 or capacity > MAX_TASK_CAPACITY:
        _add(errors, "capacity", f"Enter a number from 1 to {MAX_TASK_CAPACITY}")
    _raise(errors)


@transaction.atomic
def task_resource_create(
    *, actor: Any, project: Project, name: str, capacity: int | None
) -> TaskResource:
    """Add a resource the project's tasks share, with how many exist at any one time."""
    _check_resource(project, name, capacity)
    assert capacity is not None
    resource = TaskResource(project=project, name=name.strip(), capacity=capacity)
    save_with_actor(resource, actor)
    return resource


@transaction.atomic
def task_resource_update(
    *, actor: Any, resource: TaskResource, name: str, capacity: int | None
) -> TaskResource:
    """Rename a resource or change how many there are; refused below what a task needs."""
    row = TaskResource.objects.select_for_update(of=("self",)).get(pk=resource.pk)
    _check_resource(row.project, name, capacity, pk=row.pk)
    assert capacity is not None
    over = [
        f"{n.task.name} needs {n.amount}"
        for n in row.needs.select_related("task").order_by("task__name")
        if n.amount > capacity
    ]
    if over:
        raise ValidationError(
            {
                "capacity": f"Some tasks need more than {capacity} of {row.name} "
                f"({'; '.join(over)}): change those tasks first"
            }
        )
    row.name = name.strip()
    row.capacity = capacity
    save_with_actor(row, actor)
    return row


@transaction.atomic
def task_resource_delete(*, actor: Any, resource: TaskResource) -> None:
    """Remove a resource; the tasks that needed it no longer do."""
    resource._history_user = actor  # type: ignore[attr-defined]
    resource.delete()


def _reaches(start: Iterable[int], goal: int, project: Project) -> bool:
    """Whether ``goal`` is one of the ``start`` tasks or must finish (directly or through
    other tasks) before one of them, following the project's "starts after" links."""
    links: dict[int, list[int]] = {}
    for task_id, before_id in ProjectTask.after.through.objects.filter(
        from_projecttask__project=project
    ).values_list("from_projecttask_id", "to_projecttask_id"):
        links.setdefault(task_id, []).append(before_id)
    seen: set[int] = set()
    stack = list(start)
    while stack:
        t = stack.pop()
        if t == goal:
            return True
        if t in seen:
            continue
        seen.add(t)
        stack.extend(links.get(t, []))
    return False


def _check_task(
    project: Project,
    *,
    name: str,
    weeks: int | None,
    after: list[ProjectTask],
    needs: dict[TaskResource, int],
    pk: int | None = None,
) -> None:
    errors = _errors()
    _check_name(errors, ProjectTask, project, name, pk, "task")
    if weeks is None:
        _add(errors, "weeks", "Enter how many weeks the task takes (0 for a milestone)")
    elif weeks < 0 or weeks > MAX_TASK_WEEKS:
        _add(errors, "weeks", f"Enter a number of weeks from 0 to {MAX_TASK_WEEKS}")
    for other in after:
        if other.project_id != project.pk:
            _add(errors, "after", f"{other.name} is a task of another project")
        elif pk is not None and other.pk == pk:
            _add(errors, "after", "A task cannot start after itself")
        elif pk is not None and _reaches([other.pk], pk, project):
            _add(
                errors,
                "after",
                f"It cannot start after {other.name}, because {other.name} already waits "
                f"for it: that would be a loop",
            )
    _check_needs(errors, project, needs)
    _raise(errors)


def _check_needs(
    errors: dict[str, list[str]], project: Project, needs: dict[TaskResource, int]
) -> None:
    for resource, amount in needs.items():
        if resource.project_id != project.pk:
            _add(errors, "__all__", f"{resource.name} is a resource of another project")
        elif amount < 0:
            _add(errors, f"need_{resource.pk}", "Enter 0 or more")
        elif amount > resource.capacity:
            _add(
                errors,
                f"need_{resource.pk}",
                f"It needs {amount} of {resource.name}, but the project has only "
                f"{resource.capacity}: it could never start",
            )


def _save_task(
    actor: Any,
    task: ProjectTask,
    after: list[ProjectTask],
    needs: dict[TaskResource, int],
) -> ProjectTask:
    save_with_actor(task, actor)
    task.after.set(after)
    task.needs.all().delete()
    TaskNeed.objects.bulk_create(
        TaskNeed(task=task, resource=r, amount=a) for r, a in needs.items() if a > 0
    )
    return task


@transaction.atomic
def task_create(
    *,
    actor: Any,
    project: Project,
    name: str,
    weeks: int | None,
    after: Iterable[ProjectTask] = (),
    needs: dict[TaskResource, int] | None = None,
) -> ProjectTask:
    """Add a task: its length in weeks, the tasks that must finish first, what it needs."""
    after_list, need_map = list(after), dict(needs or {})
    if ProjectTask.objects.filter(project=project).count() >= MAX_TASKS:
        raise ValidationError(f"A project can have at most {MAX_TASKS} tasks")
    _check_task(project, name=name, weeks=weeks, after=after_list, needs=need_map)
    assert weeks is not None
    task = ProjectTask(project=project, name=name.strip(), weeks=weeks)
    return _save_task(actor, task, after_list, need_map)


@transaction.atomic
def task_update(
    *,
    actor: Any,
    task: ProjectTask,
    name: str,
    weeks: int | None,
    after: Iterable[ProjectTask] = (),
    needs: dict[TaskResource, int] | None = None,
) -> ProjectTask:
    """Change a task; refused if its new links would make a loop."""
    row = ProjectTask.objects.select_for_update(of=("self",)).get(pk=task.pk)
    after_list, need_map = list(after), dict(needs or {})
    _check_task(row.project, name=name, weeks=weeks, after=after_list, needs=need_map, pk=row.pk)
    assert weeks is not None
    row.name = name.strip()
    row.weeks = weeks
    return _save_task(actor, row, after_list, need_map)


@transaction.atomic
def task_delete(*, actor: Any, task: ProjectTask) -> None:
    """Remove a task; the tasks that started after it no longer wait for it."""
    task._history_user = actor  # type: ignore[attr-defined]
    task.delete()


def task_network_snapshot(project: Project) -> dict[str, Any]:
    """The project's tasks and resources as JSON: what a schedule is made from.  Uses the
    tasks and resources already prefetched on ``project`` (as the tasks page has them)."""
    prefetch_related_objects([project], "task_resources", "tasks__needs", "tasks__after")
    resources = sorted(project.task_resources.all(), key=lambda r: (r.name, r.pk))
    tasks = sorted(project.tasks.all(), key=lambda t: t.pk)
    return {
        "resources": [{"id": r.pk, "name": r.name, "capacity": r.capacity} for r in resources],
        "tasks": [
            {
                "id": t.pk,
                "name": t.name,
                "weeks": t.weeks,
                "after": sorted(a.pk for a in t.after.all()),
                "needs": {str(n.resource_id): n.amount for n in t.needs.all()},
            }
            for t in tasks
        ],
    }


@transaction.atomic
def task_schedule_create(
    *, actor: Any, project: Project, starts_on: dt.date | None, time_limit_s: int | None
) -> TaskSchedule:
    """Take a snapshot of the project's tasks and queue them for scheduling in the worker."""
    from partnerplan.resources.tasks import schedule_tasks

    errors = _errors()
    if starts_on is None:
        _add(errors, "starts_on", "Enter the date the work starts")
    if not time_limit_s or time_limit_s < 1 or time_limit_s > MAX_TIME_LIMIT_S:
        _add(errors, "time_limit_s", f"Choose a time limit from 1 to {MAX_TIME_LIMIT_S} seconds")
    inputs = task_network_snapshot(project)
    if not inputs["tasks"]:
        _add(errors, "__all__", "The project has no tasks to schedule: add its tasks first")
    _raise(errors)
    assert starts_on is not None and time_limit_s is not None
    schedule = TaskSchedule(
        project=project,
        starts_on=starts_on,
        time_limit_s=time_limit_s,
        inputs=inputs,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    save_with_actor(schedule, actor)
    transaction.on_commit(lambda: schedule_tasks.enqueue(schedule.pk))
    return schedule


def _schedule_move(schedule_id: int, to: str, **fields: Any) -> TaskSchedule:
    with transaction.atomic():
        row = TaskSchedule.objects.select_for_update().get(pk=schedule_id)
        if to not in TRANSITIONS[row.status]:
            raise ValidationError(
                f"The schedule is {row.get_status_display().lower()}: it cannot become "
                f"{RunStatus(to).label.lower()}"
            )
        row.status = to
        for name, value in fields.items():
            setattr(row, name, value)
        row.save(update_fields=["status", *fields, "updated_at"])
    return row


def task_schedule_execute(schedule_id: int) -> None:
    """Schedule a queued snapshot of tasks (called by the background task).  A schedule that
    has already started or finished is left as it is (a job delivered twice does nothing)."""
    from partnerplan.resources.planning.common import PlanningInputError
    from partnerplan.resources.planning.tasknet import schedule_network

    if not TaskSchedule.objects.filter(pk=schedule_id, status=RunStatus.QUEUED).exists():
        log.info("Task schedule %s is not queued: nothing to do", schedule_id)
        return
    schedule = _schedule_move(schedule_id, RunStatus.RUNNING, started_at=timezone.now(), progress=1)
    try:
        limit = float(schedule.time_limit_s)
        result = _solve_with_progress(
            schedule,
            lambda relay: schedule_network(schedule.inputs, time_limit_s=limit, progress=relay),
            first=0,
            span=100,
            limit_s=limit,
        )
    except PlanningInputError as exc:
        _schedule_move(
            schedule_id, RunStatus.FAILED, error="\n".join(exc.problems), finished_at=timezone.now()
        )
        return
    except Exception as exc:  # the schedule records any failure rather than vanishing
        log.exception("Task schedule %s failed", schedule_id)
        _schedule_move(
            schedule_id,
            RunStatus.FAILED,
            error=f"The scheduler stopped with an error: {exc}",
            finished_at=timezone.now(),
        )
        return
    _schedule_move(
        schedule_id, RunStatus.DONE, result=result, progress=100, finished_at=timezone.now()
    )
