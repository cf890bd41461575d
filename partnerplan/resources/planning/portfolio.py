"""Portfolio planning for a shared pool of project managers.

Plain dataclasses in (:class:`PlanningProblem`), plain dataclasses out (:class:`PlanResult`).
:func:`plan_portfolio` chooses which candidate projects run, when they start and who staffs
each role, maximising the total priority value, subject to:

* **capacity**: in every month, a pool member's roles use at most their availability
  (days per week, averaged over the month, after leave);
* **skills**: each role is staffed by one pool member who has the role's skill, for the whole
  role (no splitting: one named person per role, for continuity);
* **money**: for each fund, the cumulative spend of its projects never exceeds the cumulative
  money available (opening balance plus inflows so far); a fund with ``carry_over=False``
  instead limits each month's spend to that month's amount;
* **deadlines**: a project runs for its whole duration between its earliest start and its
  deadline month, inside the planning horizon;
* **dependencies**: a project runs only if every project it depends on runs, and starts after
  they end;
* **commitments**: fixed projects run at their committed start; forced-in projects run;
  forced-out projects do not.

Deferred projects come back with the constraint that keeps each out and what would let it
in; an infeasible set of commitments comes back as named conflicts.  Invalid input raises
:class:`PlanningInputError` listing every problem.  See ``docs/planning.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .common import PlanningInputError, ProgressCallback, SolveStatus, find_cycle
from .months import (
    DAYS_SCALE,
    PENCE,
    WEEKS_PER_MONTH,
    add_months,
    first_of_month,
    format_money,
    month_label,
    months_between,
)

__all__ = [
    "Assignment",
    "Conflict",
    "Decision",
    "DeferredProject",
    "FrontierPoint",
    "Fund",
    "MoneyChange",
    "PlanResult",
    "PlanningInputError",
    "PlanningProblem",
    "PoolMember",
    "Project",
    "Reason",
    "ReasonKind",
    "RoleDemand",
    "Scenario",
    "ScenarioComparison",
    "ScheduledProject",
    "SolveStatus",
    "apply_scenario",
    "compare",
    "efficient_frontier",
    "plan_portfolio",
    "validate",
]

MAX_DAYS_PER_WEEK = Decimal(5)


# --------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolMember:
    """A project manager in the shared pool.

    ``days_per_week`` is the normal availability; ``availability`` overrides it for given
    months (keyed by any date in the month) and ``leave_days`` subtracts days of leave taken
    in a month (converted to days per week over the month's 52/12 weeks).  Every month's
    availability must lie between 0 and 5 days a week.  ``cost_rate_per_day`` (pounds) prices
    the member's time for reporting; pool salaries are not charged to project funds.
    """

    id: str
    name: str
    skills: frozenset[str]
    days_per_week: Decimal = Decimal(5)
    availability: Mapping[dt.date, Decimal] = field(default_factory=dict)
    leave_days: Mapping[dt.date, Decimal] = field(default_factory=dict)
    cost_rate_per_day: Decimal = Decimal(0)
    home_partner: str = ""


@dataclass(frozen=True)
class RoleDemand:
    """A role a project needs: ``days_per_week`` of someone with ``skill``.

    The role starts ``start_offset`` months after the project starts and lasts ``months``
    months (``None``: to the end of the project).  ``member_id`` pins a named pool member
    (for committed staffing); otherwise the planner chooses.
    """

    skill: str
    days_per_week: Decimal
    start_offset: int = 0
    months: int | None = None
    member_id: str | None = None


class Decision(StrEnum):
    """Whether the planner may choose: ``OPTIONAL``, or forced ``IN`` / ``OUT`` (scenarios)."""

    OPTIONAL = "OPTIONAL"
    IN = "IN"
    OUT = "OUT"


@dataclass(frozen=True)
class Project:
    """A candidate project.

    Months are given as dates (any day in the month).  The project runs for
    ``duration_months`` whole months, starting no earlier than ``earliest_start`` and ending
    by the end of the ``deadline`` month (``None``: the end of the horizon).
    ``cost_per_month[k]`` is spent in the project's k-th month (missing months cost nothing)
    and is charged to ``fund_id`` (``None``: funded outside the plan).  ``depends_on`` lists
    projects that must run and end before this one starts.  ``fixed_start`` commits the
    project to run from that month (it may lie before the horizon for work under way).
    """

    id: str
    title: str
    value: Decimal
    duration_months: int
    earliest_start: dt.date | None = None
    deadline: dt.date | None = None
    roles: tuple[RoleDemand, ...] = ()
    cost_per_month: tuple[Decimal, ...] = ()
    fund_id: str | None = None
    depends_on: tuple[str, ...] = ()
    fixed_start: dt.date | None = None
    decision: Decision = Decision.OPTIONAL

    @property
    def total_cost(self) -> Decimal:
        """Sum of the monthly cost profile."""
        return sum(self.cost_per_month, Decimal(0))


@dataclass(frozen=True)
class Fund:
    """Money available to projects charged to this fund.

    ``opening_balance`` is available from the first month; ``inflows`` adds money in given
    months (keyed by any date in the month).  With ``carry_over`` (the default) unspent money
    stays available later, so the rule is on cumulative spend; without it each month's spend
    is limited to that month's inflow (plus the opening balance in the first month).
    """

    id: str
    name: str
    opening_balance: Decimal = Decimal(0)
    inflows: Mapping[dt.date, Decimal] = field(default_factory=dict)
    carry_over: bool = True


@dataclass(frozen=True)
class PlanningProblem:
    """Everything the planner needs: the horizon, the pool, the funds, the candidates."""

    start: dt.date
    months: int
    members: tuple[PoolMember, ...]
    projects: tuple[Project, ...]
    funds: tuple[Fund, ...] = ()

    def month(self, index: int) -> dt.date:
        """First day of the horizon's month ``index`` (0 = the first month)."""
        return add_months(first_of_month(self.start), index)

    def index(self, day: dt.date) -> int:
        """Horizon month index of ``day`` (negative before the horizon)."""
        return months_between(first_of_month(self.start), day)


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledProject:
    """A project in the plan: it runs from ``start`` to the end of the ``end`` month.

    ``cost`` is the spend inside the horizon; ``staff_cost`` prices the assigned roles.
    """

    project_id: str
    title: str
    start: dt.date
    end: dt.date
    value: Decimal
    cost: Decimal
    staff_cost: Decimal
    fixed: bool


@dataclass(frozen=True)
class Assignment:
    """Pool member ``member_id`` staffs role ``role_index`` of a project from ``start`` to
    the end of the ``end`` month, ``days_per_week`` days a week."""

    project_id: str
    role_index: int
    skill: str
    member_id: str
    member_name: str
    days_per_week: Decimal
    start: dt.date
    end: dt.date
    cost: Decimal


class ReasonKind(StrEnum):
    """Which constraint keeps a project out (or makes commitments conflict)."""

    CAPACITY = "CAPACITY"
    SKILL_MISSING = "SKILL_MISSING"
    MONEY = "MONEY"
    DEADLINE = "DEADLINE"
    DEPENDENCY = "DEPENDENCY"
    HORIZON = "HORIZON"
    FORCED_OUT = "FORCED_OUT"
    OUTRANKED = "OUTRANKED"
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class Reason:
    """One binding constraint, in words and in data.

    ``skill``/``fund_id``/``months``/``amount`` say which skill in which months, which fund,
    by how much (days per week for capacity, pounds for money, months for deadlines).
    ``suggestion`` is the smallest change of this kind that would let the project in, e.g.
    "One more day a week of procurement from March 2011" or "£20,000 more in the reserve by
    June 2011" (empty when no change of this kind is enough on its own).
    """

    kind: ReasonKind
    message: str
    suggestion: str = ""
    skill: str | None = None
    fund_id: str | None = None
    months: tuple[dt.date, ...] = ()
    amount: Decimal | None = None
    project_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeferredProject:
    """A candidate left out of the plan, with why and what would let it in."""

    project_id: str
    title: str
    value: Decimal
    reasons: tuple[Reason, ...]

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The non-empty suggestion texts, in order."""
        return tuple(r.suggestion for r in self.reasons if r.suggestion)


@dataclass(frozen=True)
class Conflict:
    """Commitments (fixed or forced-in projects) that cannot all hold, and why."""

    message: str
    project_ids: tuple[str, ...]
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class PlanResult:
    """The plan.

    ``objective`` is the total value of the chosen projects; ``best_bound`` is a proven upper
    bound on the best total value; ``gap = (best_bound - objective) / best_bound`` (0 when the
    plan is proven optimal).  For an INFEASIBLE result ``conflicts`` names the commitments that
    cannot all hold.  ``spend[fund_id][m]`` and ``utilisation[member_id][m]`` give money spent
    and days per week used in each horizon month.
    """

    status: SolveStatus
    objective: Decimal
    best_bound: Decimal
    gap: float
    scheduled: tuple[ScheduledProject, ...]
    assignments: tuple[Assignment, ...]
    deferred: tuple[DeferredProject, ...]
    conflicts: tuple[Conflict, ...] = ()
    warnings: tuple[str, ...] = ()
    spend: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)
    utilisation: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)
    wall_time_s: float = 0.0

    @property
    def total_cost(self) -> Decimal:
        """Project spend inside the horizon for the chosen projects."""
        return sum((s.cost for s in self.scheduled), Decimal(0))

    def scheduled_ids(self) -> frozenset[str]:
        """Ids of the chosen projects."""
        return frozenset(s.project_id for s in self.scheduled)


@dataclass(frozen=True)
class FrontierPoint:
    """Best value found when total project spend is capped at ``budget``."""

    budget: Decimal
    value: Decimal
    cost: Decimal
    project_ids: tuple[str, ...]
    status: SolveStatus
    gap: float
    efficient: bool


# --------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyChange:
    """Add ``amount`` (negative to remove) to ``fund_id`` in ``month``."""

    fund_id: str
    month: dt.date
    amount: Decimal


@dataclass(frozen=True)
class Scenario:
    """A what-if change to a problem: force projects in or out, add or remove pool members,
    change the money.  Apply with :func:`apply_scenario`."""

    name: str
    force_in: tuple[str, ...] = ()
    force_out: tuple[str, ...] = ()
    add_members: tuple[PoolMember, ...] = ()
    remove_members: tuple[str, ...] = ()
    money_changes: tuple[MoneyChange, ...] = ()


def apply_scenario(problem: PlanningProblem, scenario: Scenario) -> PlanningProblem:
    """Return a copy of ``problem`` with the scenario's changes.

    Raises :class:`PlanningInputError` for unknown project, member or fund ids, a project
    forced both in and out, forcing out a fixed project, or adding a member id that exists.
    Removing a member also unpins them from roles (the planner restaffs those roles).
    """
    problems: list[str] = []
    pids = {p.id: p for p in problem.projects}
    mids = {m.id for m in problem.members}
    fids = {f.id for f in problem.funds}
    tag = f"Scenario '{scenario.name}'"
    problems += [
        f"{tag}: unknown project '{i}'"
        for i in (*scenario.force_in, *scenario.force_out)
        if i not in pids
    ]
    problems += [
        f"{tag}: project '{i}' is forced both in and out"
        for i in sorted(set(scenario.force_in) & set(scenario.force_out))
    ]
    problems += [
        f"{tag}: project '{i}' is committed (fixed) and cannot be forced out"
        for i in scenario.force_out
        if i in pids and pids[i].fixed_start is not None
    ]
    problems += [
        f"{tag}: unknown pool member '{i}'" for i in scenario.remove_members if i not in mids
    ]
    problems += [
        f"{tag}: pool member id '{m.id}' already exists"
        for m in scenario.add_members
        if m.id in mids
    ]
    problems += [
        f"{tag}: unknown fund '{c.fund_id}'"
        for c in scenario.money_changes
        if c.fund_id not in fids
    ]
    if problems:
        raise PlanningInputError(problems)

    removed = set(scenario.remove_members)
    projects = []
    for p in problem.projects:
        decision = p.decision
        if p.id in scenario.force_in:
            decision = Decision.IN
        elif p.id in scenario.force_out:
            decision = Decision.OUT
        roles = tuple(
            dataclasses.replace(r, member_id=None) if r.member_id in removed else r for r in p.roles
        )
        projects.append(dataclasses.replace(p, decision=decision, roles=roles))
    funds = []
    for f in problem.funds:
        inflows = {first_of_month(k): v for k, v in f.inflows.items()}
        for c in scenario.money_changes:
            if c.fund_id == f.id:
                key = first_of_month(c.month)
                if key <= first_of_month(problem.start):
                    f = dataclasses.replace(f, opening_balance=f.opening_balance + c.amount)
                else:
                    inflows[key] = inflows.get(key, Decimal(0)) + c.amount
        funds.append(dataclasses.replace(f, inflows=inflows))
    members = tuple(m for m in problem.members if m.id not in removed) + tuple(scenario.add_members)
    return dataclasses.replace(
        problem, members=members, projects=tuple(projects), funds=tuple(funds)
    )


@dataclass(frozen=True)
class ScenarioComparison:
    """One row of a side-by-side comparison; ``added``/``dropped`` are relative to the first."""

    name: str
    status: SolveStatus
    value: Decimal
    cost: Decimal
    gap: float
    project_ids: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]


def compare(results: Mapping[str, PlanResult]) -> list[ScenarioComparison]:
    """Compare named results side by side, the first being the baseline."""
    rows: list[ScenarioComparison] = []
    base: frozenset[str] | None = None
    for name, r in results.items():
        ids = r.scheduled_ids()
        if base is None:
            base = ids
        rows.append(
            ScenarioComparison(
                name=name,
                status=r.status,
                value=r.objective,
                cost=r.total_cost,
                gap=r.gap,
                project_ids=tuple(sorted(ids)),
                added=tuple(sorted(ids - base)),
                dropped=tuple(sorted(base - ids)),
            )
        )
    return rows


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def _decimal_places_ok(x: Decimal, places: int = 2) -> bool:
    return x == x.quantize(Decimal(1).scaleb(-places)) if x.is_finite() else False


def effective_availability(problem: PlanningProblem, member: PoolMember) -> list[Decimal]:
    """Days per week available in each horizon month, after overrides and leave."""
    overrides = {first_of_month(k): v for k, v in member.availability.items()}
    leave = {first_of_month(k): v for k, v in member.leave_days.items()}
    out = []
    for i in range(problem.months):
        m = problem.month(i)
        base = overrides.get(m, member.days_per_week)
        out.append(base - leave.get(m, Decimal(0)) / WEEKS_PER_MONTH)
    return out


def validate(problem: PlanningProblem) -> list[str]:
    """Every problem found in the input, in plain English (empty list if the input is valid).

    Checks: a positive horizon; unique ids; availability within 0-5 days a week in every
    month (after leave); roles with a skill, 0-5 days a week, inside the project; known pool
    members pinned to roles, holding the skill; known funds and dependencies; no dependency
    cycles; durations of at least a month; deadlines that leave room for the duration after
    the earliest start; fixed starts inside the project's window; fixed projects in dependency
    order; money with at most two decimal places and non-negative costs.
    """
    errors: list[str] = []
    if problem.months < 1:
        errors.append("The planning horizon must be at least one month long.")
    for kind, ids in (
        ("pool member", [m.id for m in problem.members]),
        ("project", [p.id for p in problem.projects]),
        ("fund", [f.id for f in problem.funds]),
    ):
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                errors.append(f"The {kind} id '{i}' is used more than once.")
            seen.add(i)
    errors += _validate_members(problem)
    errors += _validate_funds(problem)
    members = {m.id: m for m in problem.members}
    fund_ids = {f.id for f in problem.funds}
    pids = {p.id for p in problem.projects}
    for p in problem.projects:
        errors += _validate_project(problem, p, members, fund_ids, pids)
    cycle = _find_cycle(problem.projects)
    if cycle:
        errors.append(
            "The dependencies form a cycle: " + " -> ".join(f"'{c}'" for c in cycle) + "."
        )
    errors += _validate_fixed_order(problem)
    return errors


def _validate_members(problem: PlanningProblem) -> list[str]:
    errors: list[str] = []
    for m in problem.members:
        errors += _validate_member(problem, m)
    return errors


def _validate_member(problem: PlanningProblem, m: PoolMember) -> list[str]:
    errors: list[str] = []
    who = f"Pool member '{m.name}' ({m.id})"
    if not m.skills:
        errors.append(f"{who} has no skills.")
    if any(not s.strip() for s in m.skills):
        errors.append(f"{who} has a blank skill.")
    if not _decimal_places_ok(m.cost_rate_per_day) or m.cost_rate_per_day < 0:
        errors.append(f"{who}: the cost rate must be zero or more, to the penny.")
    levels = [("normal availability", m.days_per_week)]
    levels += [(f"availability in {month_label(k)}", v) for k, v in sorted(m.availability.items())]
    for label, value in levels:
        if value > MAX_DAYS_PER_WEEK:
            errors.append(f"{who}: {label} of {value} days a week is more than 5.")
        elif value < 0:
            errors.append(f"{who}: {label} of {value} days a week is negative.")
    errors += [
        f"{who}: leave of {v} days in {month_label(k)} is negative."
        for k, v in sorted(m.leave_days.items())
        if v < 0
    ]
    if errors:
        return errors
    return [
        f"{who}: leave in {month_label(problem.month(i))} is more than the days they are available."
        for i, avail in enumerate(effective_availability(problem, m))
        if avail < 0
    ]


def _validate_funds(problem: PlanningProblem) -> list[str]:
    errors: list[str] = []
    for f in problem.funds:
        who = f"Fund '{f.name}' ({f.id})"
        for amount in (f.opening_balance, *f.inflows.values()):
            if not _decimal_places_ok(amount):
                errors.append(f"{who}: amounts must be in pounds and pence (at most 2 decimals).")
                break
        if f.opening_balance < 0:
            errors.append(f"{who}: the opening balance is negative.")
        cumulative = f.opening_balance
        for k, v in sorted((first_of_month(k), v) for k, v in f.inflows.items()):
            cumulative += v
            if cumulative < 0:
                errors.append(f"{who}: the money available is negative by {month_label(k)}.")
                break
    return errors


def _validate_project(
    problem: PlanningProblem,
    p: Project,
    members: Mapping[str, PoolMember],
    fund_ids: set[str],
    pids: set[str],
) -> list[str]:
    errors: list[str] = []
    who = f"Project '{p.title}' ({p.id})"
    if p.duration_months < 1:
        errors.append(f"{who}: the duration must be at least one month.")
    if p.value < 0:
        errors.append(f"{who}: the value must not be negative.")
    if p.fund_id is not None and p.fund_id not in fund_ids:
        errors.append(f"{who}: unknown fund '{p.fund_id}'.")
    if any(c < 0 or not _decimal_places_ok(c) for c in p.cost_per_month):
        errors.append(f"{who}: monthly costs must be zero or more, in pounds and pence.")
    if len(p.cost_per_month) > max(p.duration_months, 0):
        errors.append(f"{who}: the cost profile has more months than the project's duration.")
    errors += [f"{who}: depends on unknown project '{d}'." for d in p.depends_on if d not in pids]
    if p.id in p.depends_on:
        errors.append(f"{who}: depends on itself.")
    if p.fixed_start is not None and p.decision is Decision.OUT:
        errors.append(f"{who}: is committed (fixed) but also forced out.")
    errors += _validate_roles(p, members, who)
    errors += _validate_dates(problem, p, who)
    return errors


def _validate_roles(p: Project, members: Mapping[str, PoolMember], who: str) -> list[str]:
    errors: list[str] = []
    for k, r in enumerate(p.roles, 1):
        role = f"{who}, role {k}"
        if not r.skill.strip():
            errors.append(f"{role}: no skill given; say which skill the role needs.")
        if r.days_per_week <= 0 or r.days_per_week > MAX_DAYS_PER_WEEK:
            errors.append(
                f"{role}: needs {r.days_per_week} days a week; "
                "it must be more than 0 and at most 5."
            )
        elif not _decimal_places_ok(r.days_per_week):
            errors.append(f"{role}: days a week must have at most 2 decimals.")
        length = p.duration_months - r.start_offset if r.months is None else r.months
        if r.start_offset < 0 or length < 1 or r.start_offset + length > p.duration_months:
            errors.append(
                f"{role}: its months fall outside the project's {p.duration_months} months."
            )
        if r.member_id is not None:
            member = members.get(r.member_id)
            if member is None:
                errors.append(f"{role}: unknown pool member '{r.member_id}'.")
            elif r.skill not in member.skills:
                errors.append(f"{role}: '{member.name}' does not have the skill '{r.skill}'.")
    return errors


def _validate_dates(problem: PlanningProblem, p: Project, who: str) -> list[str]:
    errors: list[str] = []
    if p.duration_months < 1:
        return errors
    if p.deadline is not None and p.earliest_start is not None:
        finish = add_months(first_of_month(p.earliest_start), p.duration_months - 1)
        if first_of_month(p.deadline) < finish:
            errors.append(
                f"{who}: the deadline {month_label(p.deadline)} is impossible: starting in "
                f"{month_label(p.earliest_start)}, {p.duration_months} months end in "
                f"{month_label(finish)}."
            )
    if p.fixed_start is None:
        return errors
    start = first_of_month(p.fixed_start)
    if p.earliest_start is not None and start < first_of_month(p.earliest_start):
        errors.append(
            f"{who}: the committed start {month_label(p.fixed_start)} is before its earliest start."
        )
    end = add_months(start, p.duration_months - 1)
    if p.deadline is not None and end > first_of_month(p.deadline):
        errors.append(
            f"{who}: committed to start in {month_label(p.fixed_start)}, it ends in "
            f"{month_label(end)}, after its deadline {month_label(p.deadline)}."
        )
    if problem.index(end) < 0:
        errors.append(f"{who}: committed work ends before the planning horizon starts.")
    return errors


def _find_cycle(projects: Sequence[Project]) -> list[str] | None:
    """A dependency cycle as a list of ids (first repeated at the end), or None."""
    return find_cycle({p.id: list(p.depends_on) for p in projects})


def _validate_fixed_order(problem: PlanningProblem) -> list[str]:
    errors = []
    by_id = {p.id: p for p in problem.projects}
    for p in problem.projects:
        if p.fixed_start is None:
            continue
        for d in p.depends_on:
            q = by_id.get(d)
            if q is None or q.fixed_start is None:
                continue
            q_end = add_months(first_of_month(q.fixed_start), q.duration_months)
            if first_of_month(p.fixed_start) < q_end:
                errors.append(
                    f"Project '{p.title}' ({p.id}) is committed to start in "
                    f"{month_label(p.fixed_start)}, "
                    f"before '{q.title}' ({q.id}), which it depends on, ends."
                )
    return errors


def check(problem: PlanningProblem) -> None:
    """Raise :class:`PlanningInputError` listing every problem :func:`validate` finds."""
    errors = validate(problem)
    if errors:
        raise PlanningInputError(errors)


# --------------------------------------------------------------------------------------
# Solving (implemented in portfolio_model / explain)
# --------------------------------------------------------------------------------------


def plan_portfolio(
    problem: PlanningProblem,
    *,
    time_limit_s: float = 10.0,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    explain: bool | Iterable[str] = True,
    explain_time_limit_s: float = 2.0,
) -> PlanResult:
    """Choose, schedule and staff projects to maximise total value.

    ``time_limit_s`` bounds the main solve; explanations of deferred projects (``explain``:
    True for all, False for none, or a list of project ids) take up to
    ``explain_time_limit_s`` per solve on top.  Raises :class:`PlanningInputError` for
    invalid input; an infeasible set of commitments returns status INFEASIBLE with
    ``conflicts``, never an exception.
    """
    from .portfolio_model import solve_plan

    check(problem)
    return solve_plan(
        problem,
        time_limit_s=time_limit_s,
        workers=workers,
        progress=progress,
        explain=explain,
        explain_time_limit_s=explain_time_limit_s,
    )


def efficient_frontier(
    problem: PlanningProblem,
    budgets: Sequence[Decimal] | None = None,
    *,
    points: int = 8,
    time_limit_s: float = 5.0,
    workers: int = 2,
) -> list[FrontierPoint]:
    """Best value for each cap on total project spend (all funds, inside the horizon).

    ``budgets`` defaults to ``points`` evenly spaced levels from the spend of the committed
    projects to the spend of all candidates.  Each point respects every other constraint too.
    A point is ``efficient`` when it gives more value than every cheaper point.  Raises
    :class:`PlanningInputError` for invalid input.
    """
    from .portfolio_model import solve_frontier

    check(problem)
    return solve_frontier(
        problem, budgets, points=points, time_limit_s=time_limit_s, workers=workers
    )


def money_to_pence(amount: Decimal) -> int:
    """Pounds to whole pence (inputs are validated to have at most two decimals)."""
    return int(amount * PENCE)


def days_to_units(days: Decimal) -> int:
    """Days per week to whole hundredths of a day (rounded down for availability)."""
    return int((days * DAYS_SCALE).to_integral_value(rounding="ROUND_FLOOR"))


def describe_money(amount: Decimal) -> str:
    """Pounds as text, e.g. ``£20,000``."""
    return format_money(amount)
