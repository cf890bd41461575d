"""The portfolio planner's solve flow: main solve, tie-break, explanations, frontier,
and turning a solved model into the plain result dataclasses."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from decimal import Decimal

from partnerplan.core.money import PENCE_PER_POUND, from_pence

from .common import (
    ProgressCallback,
    SolveStatus,
)
from .explain import (
    deferred_without_plan,
    diagnose_infeasible,
    explain_deferred,
    structural_conflicts,
)
from .months import (
    WEEKS_PER_MONTH,
    days_from_units,
)
from .plan_types import (
    Assignment,
    Conflict,
    Data,
    FrontierPoint,
    PlanningProblem,
    PlanResult,
    ScheduledProject,
    Solved,
    Spec,
)
from .portfolio_model import (
    VALUE_SCALE,
    build,
    horizon_cost,
    prepare,
    role_window,
    solve,
)

# --------------------------------------------------------------------------------------
# Extracting results
# --------------------------------------------------------------------------------------


def scheduled_and_assignments(sol: Solved) -> tuple[list[ScheduledProject], list[Assignment]]:
    """The chosen projects and role assignments of a solution."""
    data = sol.built.data
    problem = data.problem
    members = {mm.id: mm for mm in data.members}
    scheduled: list[ScheduledProject] = []
    assignments: list[Assignment] = []
    h = data.horizon
    for pd in data.projects:
        if not sol.present(pd.id):
            continue
        t = sol.start(pd.id)
        staff_cost = Decimal(0)
        for role in pd.roles:
            for mm in data.members:
                lit = sol.built.assign.get((pd.id, role.index, mm.id))
                if lit is None or not sol.solver.value(lit):
                    continue
                a, bb = role_window(pd, role, t, h)
                days = days_from_units(role.units)
                cost = (
                    days * WEEKS_PER_MONTH * (bb - a) * members[mm.id].cost_rate_per_day
                ).quantize(Decimal("0.01"))
                staff_cost += cost
                assignments.append(
                    Assignment(
                        project_id=pd.id,
                        role_index=role.index,
                        skill=role.skill,
                        member_id=mm.id,
                        member_name=mm.name,
                        days_per_week=days,
                        start=problem.month(t + role.offset),
                        end=problem.month(t + role.offset + role.length - 1),
                        cost=cost,
                    )
                )
        scheduled.append(
            ScheduledProject(
                project_id=pd.id,
                title=pd.project.title,
                start=problem.month(t),
                end=problem.month(t + pd.duration - 1),
                value=pd.project.value,
                cost=from_pence(horizon_cost(pd, t, h)),
                staff_cost=staff_cost,
                fixed=pd.fixed,
            )
        )
    scheduled.sort(key=lambda s: (s.start, s.project_id))
    assignments.sort(key=lambda a: (a.start, a.project_id, a.role_index))
    return scheduled, assignments


def spend_and_utilisation(
    sol: Solved,
) -> tuple[dict[str, tuple[Decimal, ...]], dict[str, tuple[Decimal, ...]]]:
    """Money spent per fund per month and days per week used per member per month."""
    data = sol.built.data
    h = data.horizon
    spend = {f.id: [0] * h for f in data.problem.funds}
    use = {mm.id: [0] * h for mm in data.members}
    for pd in data.projects:
        if not sol.present(pd.id):
            continue
        t = sol.start(pd.id)
        if pd.project.fund_id is not None:
            for k, c in enumerate(pd.cost):
                if 0 <= t + k < h:
                    spend[pd.project.fund_id][t + k] += c
        for role in pd.roles:
            for mm in data.members:
                lit = sol.built.assign.get((pd.id, role.index, mm.id))
                if lit is not None and sol.solver.value(lit):
                    a, bb = role_window(pd, role, t, h)
                    for month in range(a, bb):
                        use[mm.id][month] += role.units
    return (
        {k: tuple(from_pence(v) for v in vals) for k, vals in spend.items()},
        {k: tuple(days_from_units(v) for v in vals) for k, vals in use.items()},
    )


# --------------------------------------------------------------------------------------
# Top-level flows
# --------------------------------------------------------------------------------------


def solve_plan(
    problem: PlanningProblem,
    *,
    time_limit_s: float,
    workers: int,
    progress: ProgressCallback | None,
    explain: bool | Iterable[str],
    explain_time_limit_s: float,
) -> PlanResult:
    """Main solve, tie-break on early starts, then explanations (see :func:`plan_portfolio`)."""
    t0 = time.perf_counter()
    data = prepare(problem)
    warnings = [
        f"Nobody in the pool has the skill '{s}' (needed by {', '.join(sorted(ps))})."
        for s, ps in _missing_skills(data).items()
    ]
    conflicts = structural_conflicts(data)
    if conflicts:
        return _empty(data, SolveStatus.INFEASIBLE, conflicts, warnings, t0)
    main = solve(build(data, Spec()), time_limit_s=time_limit_s, workers=workers, progress=progress)
    if main.status is SolveStatus.INFEASIBLE:
        found = diagnose_infeasible(data, time_limit_s=explain_time_limit_s, workers=workers)
        return _empty(data, SolveStatus.INFEASIBLE, found, warnings, t0)
    if not main.ok:
        warnings.append("No plan was found within the time limit; try a longer limit.")
        return _empty(data, SolveStatus.UNKNOWN, [], warnings, t0)
    best = main
    remaining = max(0.2, min(2.0, 0.25 * time_limit_s))
    tie = solve(
        build(data, Spec(objective="starts", min_value=main.objective)),
        time_limit_s=remaining,
        workers=workers,
        hint=main,
    )
    if tie.ok:
        best = tie
    scheduled, assignments = scheduled_and_assignments(best)
    spend, use = spend_and_utilisation(best)
    chosen = frozenset(s.project_id for s in scheduled)
    if explain is True:
        targets = [pd.id for pd in data.projects if pd.id not in chosen]
    elif explain is False:
        targets = []
    else:
        targets = [i for i in explain if i not in chosen]
    deferred = explain_deferred(
        data,
        chosen,
        targets,
        main_value=main.objective,
        time_limit_s=explain_time_limit_s,
        workers=workers,
    )
    value = Decimal(main.objective) / VALUE_SCALE
    bound = (
        Decimal(int(main.bound + 1e-6)) / VALUE_SCALE
        if main.status is not SolveStatus.OPTIMAL
        else value
    )
    bound = max(bound, value)
    gap = float((bound - value) / bound) if bound > 0 else 0.0
    return PlanResult(
        status=main.status,
        objective=value,
        best_bound=bound,
        gap=gap,
        scheduled=tuple(scheduled),
        assignments=tuple(assignments),
        deferred=tuple(deferred),
        warnings=tuple(warnings),
        spend=spend,
        utilisation=use,
        wall_time_s=time.perf_counter() - t0,
    )


def _missing_skills(data: Data) -> dict[str, set[str]]:
    missing: dict[str, set[str]] = {}
    for pd in data.projects:
        for role in pd.roles:
            if role.skill not in data.skills:
                missing.setdefault(role.skill, set()).add(pd.id)
    return missing


def _empty(
    data: Data, status: SolveStatus, conflicts: Sequence[object], warnings: list[str], t0: float
) -> PlanResult:
    cs = tuple(c for c in conflicts if isinstance(c, Conflict))
    return PlanResult(
        status=status,
        objective=Decimal(0),
        best_bound=Decimal(0),
        gap=0.0,
        scheduled=(),
        assignments=(),
        deferred=tuple(deferred_without_plan(data, status)),
        conflicts=cs,
        warnings=tuple(warnings),
        wall_time_s=time.perf_counter() - t0,
    )


def solve_frontier(
    problem: PlanningProblem,
    budgets: Sequence[Decimal] | None,
    *,
    points: int,
    time_limit_s: float,
    workers: int,
) -> list[FrontierPoint]:
    """See :func:`.portfolio.efficient_frontier`."""
    data = prepare(problem)
    h = data.horizon
    if budgets is None:
        fixed = sum(horizon_cost(pd, pd.starts[0], h) for pd in data.projects if pd.fixed)
        total = sum(sum(pd.cost) for pd in data.projects if not pd.fixed) + fixed
        n = max(points, 2)
        levels = [fixed + (total - fixed) * i // (n - 1) for i in range(n)]
    else:
        levels = [
            int(bud * PENCE_PER_POUND) for bud in budgets
        ]  # a cap: part of a penny is dropped
    out: list[FrontierPoint] = []
    best_so_far = -1
    previous: Solved | None = None
    for level in sorted(levels):
        sol = solve(
            build(data, Spec(budget=level)),
            time_limit_s=time_limit_s,
            workers=workers,
            hint=previous,
        )
        if not sol.ok:
            out.append(
                FrontierPoint(from_pence(level), Decimal(0), Decimal(0), (), sol.status, 0.0, False)
            )
            continue
        previous = sol
        chosen = [pd for pd in data.projects if sol.present(pd.id)]
        cost = sum(horizon_cost(pd, sol.start(pd.id), h) for pd in chosen)
        bound = max(sol.bound, sol.objective)
        gap = (bound - sol.objective) / bound if bound > 0 else 0.0
        out.append(
            FrontierPoint(
                budget=from_pence(level),
                value=Decimal(sol.objective) / VALUE_SCALE,
                cost=from_pence(cost),
                project_ids=tuple(pd.id for pd in chosen),
                status=sol.status,
                gap=gap,
                efficient=sol.objective > best_so_far,
            )
        )
        best_so_far = max(best_so_far, sol.objective)
    return out
