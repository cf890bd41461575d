"""Validation of a planning problem: every input problem, in plain English, at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from .common import (
    PlanningInputError,
    find_cycle,
)
from .months import (
    WEEKS_PER_MONTH,
    add_months,
    first_of_month,
    month_label,
)
from .plan_types import (
    Decision,
    PlanningProblem,
    PoolMember,
    Project,
)

MAX_DAYS_PER_WEEK = Decimal(5)


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
