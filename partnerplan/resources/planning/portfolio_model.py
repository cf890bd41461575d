"""CP-SAT model for the portfolio planner (internal; use :mod:`.portfolio`).

Formulation (months are integers 0..H-1 of the horizon):

* ``x[p, t]``: project p starts in month t, for t in its window; ``present[p] = sum_t x[p, t]``.
* ``start[p] = sum_t t * x[p, t]``.
* Role k of p, eligible member i: ``a[p, k, i]``, ``sum_i a[p, k, i] = present[p]``, and an
  optional interval ``[start[p] + offset_k, + months_k)`` present iff ``a[p, k, i]``.
* Member capacity: one cumulative per member over their role intervals, demand = days per
  week in hundredths, capacity = their highest monthly availability, with fixed blocker
  intervals taking away the difference in months with less availability (leave, part time).
* Money: cumulative spend of a fund's projects up to month M, a linear function of ``x``,
  at most the cumulative money available by M (checked at the last month before each inflow
  and at the horizon end, which is enough because spend only grows).  Money is in pence.
* Dependencies: ``present[q] <= present[p]`` and ``start[q] >= start[p] + duration[p]``.

Relaxed ("slack") variants used for explanations add, per constraint family:

* capacity: a virtual extra member per skill who can take any role of that skill; the days
  per week they work in each month (time-indexed) is the extra capacity needed;
* money: an extra amount per fund, available from the first month;
* deadlines: start months past the deadline, penalised by months late.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from partnerplan.core.money import to_pence

from .common import (
    ProgressCallback,
    SolveStatus,
    status_from_cp_sat,
)
from .months import (
    DAYS_SCALE,
)
from .plan_types import (
    Built,
    Data,
    Decision,
    Fund,
    PlanningProblem,
    PoolMember,
    ProjectData,
    RoleData,
    Solved,
    Spec,
)
from .validation import effective_availability

VALUE_SCALE = 100
MAX_UNITS = 5 * DAYS_SCALE  # nobody works more than five days a week

# Weights for the combined relaxation: one hundredth of a day a week for a month is priced
# like £17 (about £400 a day), one month of deadline extension like £8,500.
W_CAPACITY = 1700
W_MONEY = 1
W_DEADLINE = 850_000


def prepare(problem: PlanningProblem) -> Data:
    """Turn a validated problem into integer data: month indices, pence, hundredths of days."""
    h = problem.months
    projects = []
    for idx, p in enumerate(problem.projects):
        d = p.duration_months
        dl_end = h if p.deadline is None else min(h, problem.index(p.deadline) + 1)
        if p.fixed_start is not None:
            starts: tuple[int, ...] = (problem.index(p.fixed_start),)
            late: tuple[int, ...] = ()
        else:
            lo = 0 if p.earliest_start is None else max(0, problem.index(p.earliest_start))
            hi = dl_end - d
            starts = tuple(range(lo, hi + 1))
            late = tuple(range(max(lo, hi + 1), h - d + 1))
        roles = tuple(
            RoleData(
                index=k,
                skill=r.skill,
                units=int(r.days_per_week * DAYS_SCALE),
                offset=r.start_offset,
                length=(d - r.start_offset) if r.months is None else r.months,
                pinned=r.member_id,
            )
            for k, r in enumerate(p.roles)
        )
        projects.append(
            ProjectData(
                project=p,
                index=idx,
                duration=d,
                starts=starts,
                late_starts=late,
                deadline_end=dl_end,
                cost=tuple(to_pence(c) for c in p.cost_per_month),
                roles=roles,
                fixed=p.fixed_start is not None,
            )
        )
    availability = {
        m.id: tuple(
            int((a * DAYS_SCALE).to_integral_value(rounding="ROUND_FLOOR"))
            for a in effective_availability(problem, m)
        )
        for m in problem.members
    }
    skills = frozenset(s for m in problem.members for s in m.skills)
    return Data(problem, h, tuple(projects), problem.members, availability, skills)


def role_window(pd: ProjectData, role: RoleData, t: int, horizon: int) -> tuple[int, int]:
    """Months [a, b) the role runs if the project starts at t, clipped to the horizon."""
    a = max(0, t + role.offset)
    b = min(horizon, t + role.offset + role.length)
    return a, b


_MemberTerms = dict[tuple[str, int], list[tuple[int, cp_model.IntVar, list[cp_model.IntVar]]]]


@dataclass
class _Parts:
    """Pieces collected while adding projects, turned into constraints afterwards."""

    members_with: dict[str, list[PoolMember]]
    intervals: dict[str, list[tuple[cp_model.IntervalVar, int]]]
    virtual_terms: dict[tuple[str, int], list[tuple[int, cp_model.IntVar]]] = field(
        default_factory=dict
    )
    member_terms: _MemberTerms = field(default_factory=dict)
    value_terms: list[cp_model.LinearExprT] = field(default_factory=list)


def build(data: Data, spec: Spec) -> Built:
    """Build the CP-SAT model for ``spec`` (see the module docstring)."""
    m = cp_model.CpModel()
    b = Built(m, data, spec)
    parts = _Parts(
        members_with={s: [mm for mm in data.members if s in mm.skills] for s in data.skills},
        intervals={mm.id: [] for mm in data.members},
    )
    for pd in data.projects:
        starts, xs = _add_project(b, pd, parts)
        for role in pd.roles:
            _add_role(b, pd, role, starts, xs, parts)
    b.value_expr = cp_model.LinearExpr.sum(parts.value_terms)
    _add_dependencies(b)
    if spec.capacity_slack:
        _add_member_capacity_with_slack(b, parts.member_terms)
    else:
        for mm in data.members:
            _add_member_capacity(b, mm, parts.intervals[mm.id])
    for key, terms in parts.virtual_terms.items():
        b.extra_usage[key] = cp_model.LinearExpr.weighted_sum(
            [w for _, w in terms], [u for u, _ in terms]
        )
    _add_money(b)
    if spec.budget is not None:
        m.add(
            cp_model.LinearExpr.sum(
                [
                    horizon_cost(pd, t, data.horizon) * v
                    for pd in data.projects
                    for t, v in b.x[pd.id].items()
                ]
            )
            <= spec.budget
        )
    _set_objective(b)
    return b


def _add_project(
    b: Built, pd: ProjectData, parts: _Parts
) -> tuple[list[int], dict[int, cp_model.IntVar]]:
    """Presence, start-month literals and start of one project; returns its start months."""
    m, spec, pid, p = b.model, b.spec, pd.id, pd.project
    out = (p.decision is Decision.OUT or pid in spec.force_out) and not pd.fixed
    forced = pd.fixed or p.decision is Decision.IN or pid in spec.force_in
    present = m.new_bool_var(f"present[{pid}]")
    b.present[pid] = present
    starts = list(pd.starts)
    if pid in spec.deadline_slack:
        starts += list(pd.late_starts)
    if out:
        starts = []
    xs = {t: m.new_bool_var(f"x[{pid},{t}]") for t in starts}
    b.x[pid] = xs
    m.add(cp_model.LinearExpr.sum(list(xs.values())) == present)
    if forced and not out:
        if spec.assumptions:
            b.assumption_of[present.index] = pid
            m.add_assumption(present)
        else:
            m.add(present == 1)
    if xs:
        start = m.new_int_var(min(0, *xs), max(0, *xs), f"start[{pid}]")
        m.add(start == cp_model.LinearExpr.weighted_sum(list(xs.values()), list(xs)))
        b.start[pid] = start
    else:
        b.start[pid] = 0
    if pid in spec.deadline_slack:
        hi = pd.deadline_end - pd.duration
        late = [(t - hi, v) for t, v in xs.items() if t > hi]
        b.lateness[pid] = cp_model.LinearExpr.weighted_sum(
            [v for _, v in late], [c for c, _ in late]
        )
    parts.value_terms.append(int((p.value * VALUE_SCALE).to_integral_value()) * present)
    return starts, xs


def _add_role(
    b: Built,
    pd: ProjectData,
    role: RoleData,
    starts: list[int],
    xs: dict[int, cp_model.IntVar],
    parts: _Parts,
) -> None:
    """One role: exactly one eligible member (or the virtual member) when the project runs."""
    m, pid, h = b.model, pd.id, b.data.horizon
    windows = {t: role_window(pd, role, t, h) for t in starts}
    if starts and all(a >= bb for a, bb in windows.values()):
        return  # the role lies wholly before the horizon (work already done)

    def active(month: int) -> list[cp_model.IntVar]:
        return [xs[t] for t in starts if windows[t][0] <= month < windows[t][1]]

    options: list[cp_model.IntVar] = []
    eligible = parts.members_with.get(role.skill, [])
    if role.pinned is not None:
        eligible = [mm for mm in eligible if mm.id == role.pinned]
    for mm in eligible:
        name = f"[{pid},{role.index},{mm.id}]"
        lit = m.new_bool_var(f"a{name}")
        b.assign[(pid, role.index, mm.id)] = lit
        options.append(lit)
        if pd.fixed:
            a, bb = windows[starts[0]]
            iv = m.new_optional_fixed_size_interval_var(a, bb - a, lit, f"iv{name}")
        else:
            iv = m.new_optional_fixed_size_interval_var(
                b.start[pid] + role.offset, role.length, lit, f"iv{name}"
            )
        parts.intervals[mm.id].append((iv, role.units))
        if b.spec.capacity_slack:
            for month in range(h):
                if act := active(month):
                    parts.member_terms.setdefault((mm.id, month), []).append((role.units, lit, act))
    if b.spec.capacity_slack:
        v = m.new_bool_var(f"virtual[{pid},{role.index}]")
        b.virtual[(pid, role.index)] = v
        options.append(v)
        for month in range(h):
            if act := active(month):
                w = m.new_bool_var(f"w[{pid},{role.index},{month}]")
                m.add(w >= v + cp_model.LinearExpr.sum(act) - 1)
                parts.virtual_terms.setdefault((role.skill, month), []).append((role.units, w))
    m.add(cp_model.LinearExpr.sum(options) == b.present[pid])


def _add_dependencies(b: Built) -> None:
    """A project runs only if what it depends on runs, and starts after it ends."""
    for pd in b.data.projects:
        for dep in pd.project.depends_on:
            q = b.data.by_id(dep)
            b.model.add(b.present[pd.id] <= b.present[dep])
            b.model.add(b.start[pd.id] >= b.start[dep] + q.duration).only_enforce_if(
                b.present[pd.id]
            )


def _add_member_capacity(
    b: Built, member: PoolMember, intervals: list[tuple[cp_model.IntervalVar, int]]
) -> None:
    """One cumulative per member: capacity = their best month, blockers for the others."""
    m, h = b.model, b.data.horizon
    avail = b.data.availability[member.id]
    cap = max(avail, default=0)
    items = list(intervals)
    month = 0
    while month < h:
        deficit = cap - avail[month]
        end = month + 1
        while end < h and cap - avail[end] == deficit:
            end += 1
        if deficit > 0:
            block = m.new_fixed_size_interval_var(month, end - month, f"block[{member.id},{month}]")
            items.append((block, deficit))
        month = end
    if intervals:
        m.add_cumulative([iv for iv, _ in items], [u for _, u in items], cap)


def _set_objective(b: Built) -> None:
    m, spec = b.model, b.spec
    all_x = [(t, v) for pd in b.data.projects for t, v in b.x[pd.id].items()]
    if spec.objective == "value":
        m.maximize(b.value_expr)
    elif spec.objective == "slack":
        terms: list[cp_model.LinearExprT] = []
        terms += [W_CAPACITY * e for e in b.extra_usage.values()]
        terms += [W_CAPACITY * e for e in b.member_extra.values()]
        terms += [W_MONEY * e for e in b.extra_money.values()]
        terms += [W_DEADLINE * e for e in b.lateness.values()]
        m.minimize(cp_model.LinearExpr.sum(terms))
    elif spec.objective == "starts":
        assert spec.min_value is not None
        m.add(b.value_expr >= spec.min_value)
        m.minimize(cp_model.LinearExpr.weighted_sum([v for _, v in all_x], [t for t, _ in all_x]))


def _add_member_capacity_with_slack(
    b: Built, terms: dict[tuple[str, int], list[tuple[int, cp_model.IntVar, list[cp_model.IntVar]]]]
) -> None:
    """Time-indexed member capacity where each member may work extra days (up to 5 a week)."""
    m = b.model
    for (member_id, month), items in terms.items():
        avail = b.data.availability[member_id][month]
        used = []
        for units, lit, act in items:
            w = m.new_bool_var("")
            m.add(w >= lit + sum(act) - 1)
            used.append(units * w)
        extra = m.new_int_var(0, max(0, MAX_UNITS - avail), f"extra[{member_id},{month}]")
        b.member_extra[(member_id, month)] = extra
        m.add(sum(used) <= avail + extra)


def horizon_cost(pd: ProjectData, t: int, h: int) -> int:
    return sum(c for k, c in enumerate(pd.cost) if 0 <= t + k < h)


def fund_flows(problem: PlanningProblem, fund: Fund, horizon: int) -> tuple[int, list[int]]:
    """Opening balance (pence, including inflows at or before the first month) and the
    inflow in each later horizon month."""
    inflow = [0] * horizon
    opening = to_pence(fund.opening_balance)
    for day, amount in fund.inflows.items():
        i = problem.index(day)
        if i <= 0:
            opening += to_pence(amount)
        elif i < horizon:
            inflow[i] += to_pence(amount)
    return opening, inflow


def _spend(
    b: Built, pds: Sequence[ProjectData], month: int, *, cumulative: bool
) -> cp_model.LinearExprT:
    """Spend of ``pds`` in ``month`` (or up to and including it), linear in the start literals."""
    lits: list[cp_model.IntVar] = []
    coefs: list[int] = []
    for pd in pds:
        for t, v in b.x[pd.id].items():
            if cumulative:
                c = sum(pd.cost[k] for k in range(len(pd.cost)) if 0 <= t + k <= month)
            else:
                k = month - t
                c = pd.cost[k] if 0 <= k < len(pd.cost) else 0
            if c:
                lits.append(v)
                coefs.append(c)
    return cp_model.LinearExpr.weighted_sum(lits, coefs)


def _add_money(b: Built) -> None:
    """Cumulative spend within cumulative money (or each month's spend within that month's
    money for funds without carry-over), per fund."""
    data, m, h = b.data, b.model, b.data.horizon
    for fund in data.problem.funds:
        pds = [pd for pd in data.projects if pd.project.fund_id == fund.id and any(pd.cost)]
        if not pds:
            continue
        extra: cp_model.LinearExprT = 0
        if b.spec.money_slack:
            total = sum(sum(pd.cost) for pd in pds)
            extra = m.new_int_var(0, total, f"extra_money[{fund.id}]")
            b.extra_money[fund.id] = extra
        opening, inflow = fund_flows(data.problem, fund, h)
        if fund.carry_over:
            # spend only grows, so the rule binds just before money arrives, in months
            # where money is taken away, and at the end of the horizon
            checkpoints = {h - 1}
            checkpoints |= {i - 1 for i in range(1, h) if inflow[i] > 0}
            checkpoints |= {i for i in range(h) if inflow[i] < 0}
            running = opening
            for month in range(h):
                running += inflow[month]
                if month in checkpoints:
                    m.add(_spend(b, pds, month, cumulative=True) <= running + extra)
        else:
            for month in range(h):
                limit = inflow[month] + (opening if month == 0 else 0)
                m.add(_spend(b, pds, month, cumulative=False) <= limit + extra)


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, progress: ProgressCallback | None, t0: float, limit: float) -> None:
        super().__init__()
        self.progress = progress
        self.t0 = t0
        self.limit = limit
        self.count = 0

    def on_solution_callback(self) -> None:
        self.count += 1
        if self.progress is not None:
            self.progress(
                min(1.0, (time.perf_counter() - self.t0) / max(self.limit, 1e-9)), self.count
            )


def solve(
    built: Built,
    *,
    time_limit_s: float,
    workers: int,
    progress: ProgressCallback | None = None,
    hint: Solved | None = None,
) -> Solved:
    """Solve a built model; never raises for infeasible or timed-out models."""
    if hint is not None and hint.ok:
        for pid, var in built.present.items():
            built.model.add_hint(var, hint.present(pid))
        for pid, xs in built.x.items():
            hx = hint.built.x.get(pid, {})
            for t, v in xs.items():
                if t in hx:
                    built.model.add_hint(v, hint.solver.value(hx[t]))
        for key, var in built.assign.items():
            if key in hint.built.assign:
                built.model.add_hint(var, hint.solver.value(hint.built.assign[key]))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, time_limit_s)
    solver.parameters.num_workers = 1 if built.spec.assumptions else workers
    cb = _Callback(progress, time.perf_counter(), time_limit_s)
    status = status_from_cp_sat(str(solver.status_name(solver.solve(built.model, cb))))
    if progress is not None:
        progress(1.0, cb.count)
    has_obj = built.spec.objective != "feasibility"
    objective = (
        int(round(solver.objective_value))
        if status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE) and has_obj
        else 0
    )
    bound = float(solver.best_objective_bound) if has_obj else 0.0
    return Solved(status, built, solver, objective, bound, cb.count)
