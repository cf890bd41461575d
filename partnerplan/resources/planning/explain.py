"""Why a project is deferred, what would let it in, and which commitments conflict.

Method (see ``docs/planning.md``):

1. Structural reasons need no solver: forced out, cannot fit in the horizon, depends on a
   project that cannot run.
2. *Outranked*: re-solve with the project forced in and everything else optional.  If that
   works, the project only lost on value; the result says which chosen projects it displaces.
3. *What would let it in*: keep the current plan's projects in (their dates and staff may
   move), force the project in, and relax one constraint family at a time with slack
   (extra capacity per skill per month, extra money per fund, later deadline), minimising
   the slack.  Each family that can make room on its own gives a reason with its smallest
   change ("One more day a week of procurement from March 2011 to June 2011", "£20,000 more
   in the reserve by June 2011").  If no single family is enough, all are relaxed together.
4. Infeasible commitments: a core of forced projects from CP-SAT assumptions, plus the
   combined slack solve over the commitments, which names the skills, months and funds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from partnerplan.core.money import format_money, from_pence

from .common import SolveStatus
from .months import (
    add_months,
    days_from_units,
    format_days,
    format_more_days,
    month_label,
)
from .plan_types import (
    Conflict,
    Data,
    Decision,
    DeferredProject,
    ProjectData,
    Reason,
    ReasonKind,
    Solved,
    Spec,
)
from .portfolio_model import VALUE_SCALE, build, fund_flows, solve

__all__ = [
    "deferred_without_plan",
    "diagnose_infeasible",
    "explain_deferred",
    "structural_conflicts",
]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower(text: str) -> str:
    """First letter in lower case, unless the text starts with a quoted title."""
    return text if text[:1] in "'\"" else text[:1].lower() + text[1:]


def _ancestors(data: Data, pid: str) -> set[str]:
    """Projects ``pid`` depends on, directly or indirectly."""
    seen: set[str] = set()
    stack = list(data.by_id(pid).project.depends_on)
    while stack:
        q = stack.pop()
        if q not in seen:
            seen.add(q)
            stack.extend(data.by_id(q).project.depends_on)
    return seen


def _is_out(pd: ProjectData) -> bool:
    return pd.project.decision is Decision.OUT and not pd.fixed


def _is_forced(pd: ProjectData) -> bool:
    return pd.fixed or pd.project.decision is Decision.IN


def _who(pd: ProjectData) -> str:
    return f"'{pd.project.title}'"


def _structural(data: Data, pd: ProjectData) -> list[Reason]:
    """Reasons that need no solver: forced out, no room in the horizon, impossible dependency."""
    problem = data.problem
    if _is_out(pd):
        return [Reason(ReasonKind.FORCED_OUT, "Forced out in this scenario.", project_ids=(pd.id,))]
    if not pd.starts:
        p = pd.project
        earliest = max(0, problem.index(p.earliest_start)) if p.earliest_start is not None else 0
        finish = problem.month(earliest + pd.duration - 1)
        if p.deadline is not None and pd.deadline_end < data.horizon:
            return [
                Reason(
                    ReasonKind.DEADLINE,
                    f"It cannot finish by its deadline, {month_label(p.deadline)}: starting in "
                    f"{month_label(problem.month(earliest))} at the earliest, it ends in "
                    f"{month_label(finish)}.",
                    suggestion=f"Move the deadline to {month_label(finish)}",
                    months=(finish,),
                    project_ids=(pd.id,),
                )
            ]
        return [
            Reason(
                ReasonKind.HORIZON,
                f"It cannot finish inside the planning horizon, which ends in "
                f"{month_label(problem.month(data.horizon - 1))}: it would end in "
                f"{month_label(finish)}.",
                suggestion=f"Plan up to {month_label(finish)} (a longer horizon)",
                months=(finish,),
                project_ids=(pd.id,),
            )
        ]
    for dep in pd.project.depends_on:
        q = data.by_id(dep)
        if _structural(data, q):
            return [
                Reason(
                    ReasonKind.DEPENDENCY,
                    f"It depends on {_who(q)}, which cannot run "
                    f"({_lower(_structural(data, q)[0].message.rstrip('.'))}).",
                    project_ids=(pd.id, q.id),
                )
            ]
    return []


def structural_conflicts(data: Data) -> list[Conflict]:
    """Commitments that cannot hold whatever the solver does (no solve needed)."""
    out: list[Conflict] = []
    for pd in data.projects:
        if not _is_forced(pd):
            continue
        reasons = _structural(data, pd)
        if reasons:
            kind = "committed" if pd.fixed else "forced in"
            out.append(
                Conflict(
                    f"{_who(pd)} is {kind} but cannot run: {_lower(reasons[0].message)}",
                    reasons[0].project_ids,
                    tuple(reasons),
                )
            )
            continue
        for dep in sorted(_ancestors(data, pd.id)):
            q = data.by_id(dep)
            if _is_out(q):
                out.append(
                    Conflict(
                        f"{_who(pd)} must run but depends on {_who(q)}, which is forced out.",
                        (pd.id, q.id),
                    )
                )
    return out


# --------------------------------------------------------------------------------------
# Reasons from a relaxed solve
# --------------------------------------------------------------------------------------


def _ranges(months: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive runs [a, b] of sorted month indices."""
    runs: list[tuple[int, int]] = []
    for m in months:
        if runs and runs[-1][1] == m - 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs


def _span(data: Data, a: int, b: int) -> str:
    if a == b:
        return f"in {month_label(data.problem.month(a))}"
    return f"from {month_label(data.problem.month(a))} to {month_label(data.problem.month(b))}"


def _capacity_reasons(sol: Solved, together: bool) -> list[Reason]:
    data = sol.built.data
    need: dict[str, dict[int, int]] = {}
    helpers: dict[str, set[str]] = {}
    for (skill, month), expr in sol.built.extra_usage.items():
        units = int(sol.solver.value(expr))
        if units > 0:
            need.setdefault(skill, {})
            need[skill][month] = need[skill].get(month, 0) + units
    active = _active_roles(sol)
    names = {mm.id: mm.name for mm in data.members}
    for (member_id, month), var in sol.built.member_extra.items():
        units = int(sol.solver.value(var))
        if units <= 0:
            continue
        skills = sorted({skill for skill in active.get((member_id, month), [])})
        skill = " or ".join(skills) if skills else "staff time"
        need.setdefault(skill, {})
        need[skill][month] = need[skill].get(month, 0) + units
        helpers.setdefault(skill, set()).add(names[member_id])
    users: dict[str, list[str]] = {}
    for (pid, k), lit in sol.built.virtual.items():
        if sol.solver.value(lit):
            users.setdefault(data.by_id(pid).roles[k].skill, []).append(pid)
    reasons = []
    for skill, by_month in sorted(need.items()):
        months = sorted(by_month)
        peak = days_from_units(max(by_month.values()))
        runs = _ranges(months)
        spans = [_span(data, a, b) for a, b in runs]
        uniform = len(set(by_month.values())) == 1
        first = data.problem.month(months[0])
        if len(runs) == 1 and runs[0][1] == data.horizon - 1:
            when = f"from {month_label(first)}"
        else:
            when = ", ".join(spans)
        if skill not in data.skills and skill not in helpers:
            kind = ReasonKind.SKILL_MISSING
            message = f"Nobody in the pool has the skill '{skill}'."
            suggestion = f"Add someone with {skill}, {format_days(peak)} a week {when}"
        else:
            kind = ReasonKind.CAPACITY
            amount = format_days(peak) if uniform else f"up to {format_days(peak)}"
            message = (
                f"Not enough {skill}: the pool is short by {amount} a week {', '.join(spans)}."
            )
            if helpers.get(skill):
                message = (
                    message[:-1]
                    + f" (for example more time from {', '.join(sorted(helpers[skill]))})."
                )
            more = format_more_days(peak) if uniform else f"up to {format_more_days(peak)}"
            suggestion = _cap(f"{more} a week of {skill} {when}")
        if together:
            suggestion += " (together with the other changes listed)"
        reasons.append(
            Reason(
                kind,
                message,
                suggestion=suggestion,
                skill=skill,
                months=tuple(data.problem.month(m) for m in months),
                amount=peak,
                project_ids=tuple(sorted(users.get(skill, []))),
            )
        )
    return reasons


def _active_roles(sol: Solved) -> dict[tuple[str, int], list[str]]:
    """Skills of the roles each member works on in each month of a solution."""
    data = sol.built.data
    out: dict[tuple[str, int], list[str]] = {}
    for (pid, k, member_id), lit in sol.built.assign.items():
        if not sol.solver.value(lit):
            continue
        pd = data.by_id(pid)
        role = pd.roles[k]
        t = sol.start(pid)
        for month in range(
            max(0, t + role.offset), min(data.horizon, t + role.offset + role.length)
        ):
            out.setdefault((member_id, month), []).append(role.skill)
    return out


def _money_reasons(sol: Solved, together: bool) -> list[Reason]:
    data = sol.built.data
    problem = data.problem
    reasons = []
    for fund in problem.funds:
        var = sol.built.extra_money.get(fund.id)
        if var is None:
            continue
        extra = int(sol.solver.value(var))
        if extra <= 0:
            continue
        by = _first_short_month(sol, fund.id)
        when = f" by {month_label(problem.month(by))}" if by is not None else ""
        money = format_money(from_pence(extra))
        if not fund.carry_over:
            message = (
                f"{_cap(fund.name)} cannot pay for it: a month's spend is {money} "
                "over that month's money."
            )
            suggestion = f"{money} more a month in {fund.name}"
        else:
            message = f"{_cap(fund.name)} cannot pay for it: the money runs {money} short{when}."
            suggestion = f"{money} more in {fund.name}{when}"
        if together:
            suggestion += " (together with the other changes listed)"
        pids = tuple(
            pd.id for pd in data.projects if pd.project.fund_id == fund.id and sol.present(pd.id)
        )
        reasons.append(
            Reason(
                ReasonKind.MONEY,
                message,
                suggestion=suggestion,
                fund_id=fund.id,
                months=(problem.month(by),) if by is not None else (),
                amount=from_pence(extra),
                project_ids=pids,
            )
        )
    return reasons


def _first_short_month(sol: Solved, fund_id: str) -> int | None:
    """First month in which the relaxed plan spends more than the fund really has."""
    data = sol.built.data
    problem = data.problem
    fund = next(f for f in problem.funds if f.id == fund_id)
    h = data.horizon
    opening, inflow = fund_flows(problem, fund, h)
    spend = [0] * h
    for pd in data.projects:
        if pd.project.fund_id != fund_id or not sol.present(pd.id):
            continue
        t = sol.start(pd.id)
        for k, c in enumerate(pd.cost):
            if 0 <= t + k < h:
                spend[t + k] += c
    have = opening
    used = 0
    for month in range(h):
        have += inflow[month]
        used += spend[month]
        limit = have if fund.carry_over else inflow[month] + (opening if month == 0 else 0)
        if (used if fund.carry_over else spend[month]) > limit:
            return month
    return None


def _deadline_reasons(sol: Solved, together: bool) -> list[Reason]:
    data = sol.built.data
    problem = data.problem
    reasons = []
    for pid, expr in sol.built.lateness.items():
        late = int(sol.solver.value(expr))
        if late <= 0 or not sol.present(pid):
            continue
        pd = data.by_id(pid)
        deadline = problem.month(pd.deadline_end - 1)
        new_end = problem.month(sol.start(pid) + pd.duration - 1)
        months = "one month" if late == 1 else f"{late} months"
        suggestion = f"Move the deadline of {_who(pd)} to {month_label(new_end)} ({months} later)"
        if together:
            suggestion += " (together with the other changes listed)"
        reasons.append(
            Reason(
                ReasonKind.DEADLINE,
                f"{_cap(_who(pd))} cannot fit in before its deadline, {month_label(deadline)}; "
                f"the earliest it can end is {month_label(new_end)}.",
                suggestion=suggestion,
                months=(new_end,),
                amount=Decimal(late),
                project_ids=(pid,),
            )
        )
    return reasons


def _slack_reasons(sol: Solved, together: bool = False) -> list[Reason]:
    return (
        _capacity_reasons(sol, together)
        + _money_reasons(sol, together)
        + _deadline_reasons(sol, together)
    )


# --------------------------------------------------------------------------------------
# Deferred projects
# --------------------------------------------------------------------------------------


def explain_deferred(
    data: Data,
    chosen: frozenset[str],
    targets: Iterable[str],
    *,
    main_value: int,
    time_limit_s: float,
    workers: int,
) -> list[DeferredProject]:
    """A :class:`DeferredProject` for every project not in ``chosen``; those in ``targets``
    get the solver-based reasons, the others only the structural ones."""
    wanted = set(targets)
    out = []
    for pd in data.projects:
        if pd.id in chosen:
            continue
        reasons = _structural(data, pd)
        if not reasons and pd.id in wanted:
            reasons = _explain_one(data, pd, chosen, main_value, time_limit_s, workers)
        out.append(DeferredProject(pd.id, pd.project.title, pd.project.value, tuple(reasons)))
    return out


def _explain_one(
    data: Data,
    pd: ProjectData,
    chosen: frozenset[str],
    main_value: int,
    time_limit_s: float,
    workers: int,
) -> list[Reason]:
    reasons: list[Reason] = []
    dependencies = _ancestors(data, pd.id) - chosen
    if dependencies:
        names = ", ".join(_who(data.by_id(q)) for q in sorted(dependencies))
        reasons.append(
            Reason(
                ReasonKind.DEPENDENCY,
                f"It depends on {names}, not in the plan either; they would have to come in too.",
                project_ids=tuple(sorted(dependencies)),
            )
        )
    if pd.project.value <= 0:
        reasons.append(
            Reason(ReasonKind.OUTRANKED, "It has no value, so the plan gains nothing from it.")
        )
    # 2. outranked?
    alone = solve(
        build(data, Spec(force_in=frozenset({pd.id}))), time_limit_s=time_limit_s, workers=workers
    )
    if alone.ok and pd.project.value > 0:
        with_it = {q.id for q in data.projects if alone.present(q.id)}
        displaced = sorted(chosen - with_it)
        titles = ", ".join(_who(data.by_id(q)) for q in displaced) or "nothing"
        loss = Decimal(main_value - alone.objective) / VALUE_SCALE
        if displaced:
            message = (
                f"Outranked: fitting it in means deferring {titles}; the plan would be worth "
                f"{Decimal(alone.objective) / VALUE_SCALE:f} instead of "
                f"{Decimal(main_value) / VALUE_SCALE:f}."
            )
        else:
            message = (
                "It fits alongside the plan; the solver stopped before it could add it "
                "(allow more time)."
            )
        reasons.append(
            Reason(
                ReasonKind.OUTRANKED,
                message,
                amount=max(loss, Decimal(0)),
                project_ids=tuple(displaced),
            )
        )
    # 3. what would let it in beside the current plan
    keep_out = frozenset(
        q.id
        for q in data.projects
        if q.id not in chosen and q.id != pd.id and q.id not in dependencies
    )
    base = Spec(force_in=chosen | {pd.id}, force_out=keep_out, objective="slack")
    relaxed = frozenset({pd.id} | dependencies)
    found: list[Reason] = []
    for family in (
        dataclasses.replace(base, capacity_slack=True),
        dataclasses.replace(base, money_slack=True),
        dataclasses.replace(base, deadline_slack=relaxed),
    ):
        sol = solve(build(data, family), time_limit_s=time_limit_s, workers=workers)
        if sol.ok:
            found += _slack_reasons(sol)
    if not found:
        everything = dataclasses.replace(
            base, capacity_slack=True, money_slack=True, deadline_slack=relaxed
        )
        sol = solve(build(data, everything), time_limit_s=time_limit_s, workers=workers)
        if sol.ok:
            found = _slack_reasons(sol, together=True)
    reasons += found
    if not reasons:
        reasons.append(
            Reason(
                ReasonKind.UNKNOWN,
                "No single change found within the time limit; "
                "try a longer explanation time limit.",
            )
        )
    return reasons


def deferred_without_plan(data: Data, status: SolveStatus) -> list[DeferredProject]:
    """Every project, deferred, when there is no plan at all."""
    if status is SolveStatus.INFEASIBLE:
        message = "No plan can be made: the commitments conflict (see the conflicts)."
    else:
        message = "No plan was found within the time limit."
    return [
        DeferredProject(
            pd.id, pd.project.title, pd.project.value, (Reason(ReasonKind.UNKNOWN, message),)
        )
        for pd in data.projects
    ]


# --------------------------------------------------------------------------------------
# Infeasible commitments
# --------------------------------------------------------------------------------------


def diagnose_infeasible(data: Data, *, time_limit_s: float, workers: int) -> list[Conflict]:
    """Name the commitments that cannot all hold and the constraints they break."""
    forced = {pd.id for pd in data.projects if _is_forced(pd)}
    for pid in list(forced):
        forced |= _ancestors(data, pid)
    optional = frozenset(pd.id for pd in data.projects if pd.id not in forced)
    core_sol = solve(
        build(
            data,
            Spec(
                force_in=frozenset(forced),
                force_out=optional,
                objective="feasibility",
                assumptions=True,
            ),
        ),
        time_limit_s=time_limit_s,
        workers=1,
    )
    core: list[str] = []
    if core_sol.status is SolveStatus.INFEASIBLE:
        idx = core_sol.solver.sufficient_assumptions_for_infeasibility()
        core = sorted(
            core_sol.built.assumption_of[i] for i in idx if i in core_sol.built.assumption_of
        )
    if not core:
        core = sorted(forced)
    movable = frozenset(pid for pid in forced if not data.by_id(pid).fixed)
    relaxed = solve(
        build(
            data,
            Spec(
                force_in=frozenset(forced),
                force_out=optional,
                capacity_slack=True,
                money_slack=True,
                deadline_slack=movable,
                objective="slack",
            ),
        ),
        time_limit_s=time_limit_s,
        workers=workers,
    )
    reasons = _slack_reasons(relaxed, together=True) if relaxed.ok else []
    if not reasons:
        reasons = [
            Reason(
                ReasonKind.UNKNOWN,
                "The dependencies and dates of these commitments cannot all hold.",
            )
        ]
    described = ", ".join(_describe_commitment(data, pid) for pid in core)
    why = " ".join(r.message for r in reasons)
    return [
        Conflict(
            f"These commitments cannot all be met: {described}. {why}", tuple(core), tuple(reasons)
        )
    ]


def _describe_commitment(data: Data, pid: str) -> str:
    pd = data.by_id(pid)
    if pd.fixed:
        start: dt.date = add_months(data.problem.month(0), pd.starts[0])
        return f"{_who(pd)} (committed from {month_label(start)})"
    if pd.project.decision is Decision.IN:
        return f"{_who(pd)} (forced in)"
    return f"{_who(pd)} (needed by a commitment)"
