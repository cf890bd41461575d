"""The CP-SAT models: the textbook (plain) model and the strengthened model's constraints,
and the solver configuration."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from ..common import ProgressCallback, SolveStatus, status_from_cp_sat
from .problem import (
    RcpspProblem,
    RcpspResult,
    heads_and_tails,
    topological_order,
)

# --------------------------------------------------------------------------------------
# CP-SAT models
# --------------------------------------------------------------------------------------


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, progress: ProgressCallback | None, t0: float, limit: float) -> None:
        super().__init__()
        self._progress = progress
        self._t0 = t0
        self._limit = limit
        self.count = 0

    def on_solution_callback(self) -> None:
        self.count += 1
        if self._progress is not None:
            frac = min(1.0, (time.perf_counter() - self._t0) / max(self._limit, 1e-9))
            self._progress(frac, self.count)


def run_cp_sat(
    model: cp_model.CpModel,
    solver: cp_model.CpSolver,
    progress: ProgressCallback | None,
    t0: float,
    limit: float,
) -> tuple[str, int]:
    cb = _Progress(progress, t0, limit)
    status = solver.solve(model, cb)
    if progress is not None:
        progress(1.0, cb.count)
    return str(solver.status_name(status)), cb.count


def solve_rcpsp_plain(
    problem: RcpspProblem,
    *,
    time_limit_s: float = 10.0,
    workers: int = 2,
    seed: int = 0,
    log: bool = False,
    deterministic_limit: float | None = None,
) -> RcpspResult:
    """The textbook CP-SAT model: an interval per task, one cumulative per resource,
    end-before-start precedences, minimise the makespan; horizon = sum of durations;
    default search parameters apart from the time limit and worker count.

    ``deterministic_limit`` (CP-SAT deterministic time units) bounds the search in a way that
    does not depend on the machine's load; use it with a fixed ``seed`` for fair comparisons.
    """
    t0 = time.perf_counter()
    n = problem.n_jobs
    horizon = sum(problem.durations)
    m = cp_model.CpModel()
    starts = [m.new_int_var(0, horizon, f"s{j}") for j in range(n)]
    intervals = [
        m.new_fixed_size_interval_var(starts[j], problem.durations[j], f"i{j}") for j in range(n)
    ]
    for j, succ in enumerate(problem.successors):
        for k in succ:
            m.add(starts[k] >= starts[j] + problem.durations[j])
    for r, cap in enumerate(problem.capacities):
        m.add_cumulative(intervals, [problem.demands[j][r] for j in range(n)], cap)
    makespan = m.new_int_var(0, horizon, "makespan")
    for j in range(n):
        m.add(makespan >= starts[j] + problem.durations[j])
    m.minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, time_limit_s - (time.perf_counter() - t0))
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.log_search_progress = log
    if deterministic_limit is not None:
        solver.parameters.max_deterministic_time = deterministic_limit
    status_name, count = run_cp_sat(m, solver, None, t0, time_limit_s)
    return cp_result(problem, solver, status_name, starts, t0, "plain", count, 0)


def cp_result(
    problem: RcpspProblem,
    solver: cp_model.CpSolver,
    status_name: str,
    starts: list[cp_model.IntVar],
    t0: float,
    model: str,
    count: int,
    known_lb: int,
) -> RcpspResult:
    status = status_from_cp_sat(status_name)
    if status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        st = tuple(int(solver.value(s)) for s in starts)
        ms = max((s + d for s, d in zip(st, problem.durations, strict=True)), default=0)
        bound = (
            ms
            if status is SolveStatus.OPTIMAL
            else int(math.ceil(solver.best_objective_bound - 1e-6))
        )
        return RcpspResult(
            status, st, ms, max(bound, known_lb), time.perf_counter() - t0, model, count
        )
    return RcpspResult(status, None, None, known_lb, time.perf_counter() - t0, model, count)


# CP-SAT subsolvers that do not help on this model with 2 workers: generic graph and random
# LNS, local search (fj/ls) and the feasibility pump.  With ``focus_lns`` they are switched
# off, so the second worker spends its time on the four scheduling neighbourhoods (intervals,
# precedences, resource windows, time windows) starting from the warm-start schedule, while the
# first worker runs the default search that also proves the bound.
_UNFOCUSED_SUBSOLVERS = (
    "fj",
    "ls",
    "feasibility_pump",
    "graph_arc_lns",
    "graph_cst_lns",
    "graph_dec_lns",
    "graph_var_lns",
    "rins/rens",
    "rnd_cst_lns",
    "rnd_var_lns",
)


@dataclass(frozen=True)
class StrongOptions:
    """Switches for the strengthened model; the defaults are the measured best choice.

    ``sat_parameters`` are extra CP-SAT parameters (name -> value) applied last.
    """

    heuristic_iterations: int = 300
    heuristic_time_share: float = 0.05
    warm_start: str = "ga"
    ga_time_share: float = 0.05
    ga_population: int = 1000
    ga_head_start_stall: int = 5
    hint: bool = True
    windows: bool = True
    tails: bool = True
    cliques: bool = False
    transitive: bool = False
    set_times: bool = False
    focus_lns: bool = True
    sat_parameters: tuple[tuple[str, object], ...] = ()


def _longest_paths(problem: RcpspProblem) -> list[dict[int, int]]:
    """For each task j, the longest start-to-start distance to every task reachable from j."""
    order = topological_order(problem.successors)
    assert order is not None
    d = problem.durations
    dist: list[dict[int, int]] = [{} for _ in range(problem.n_jobs)]
    for j in reversed(order):
        dj = dist[j]
        for k in problem.successors[j]:
            if dj.get(k, -1) < d[j]:
                dj[k] = d[j]
            for m, dm in dist[k].items():
                v = d[j] + dm
                if dj.get(m, -1) < v:
                    dj[m] = v
    return dist


def _disjunctive_cliques(problem: RcpspProblem, dist: list[dict[int, int]]) -> list[list[int]]:
    """Greedy maximal sets of tasks no two of which can run at the same time, because
    together they exceed a capacity or one precedes the other.  Sets of size >= 3 with at
    least one resource conflict are returned (pure precedence chains add nothing)."""
    n = problem.n_jobs
    d, q, caps = problem.durations, problem.demands, problem.capacities
    tasks = [j for j in range(n) if d[j] > 0]
    conflict: dict[int, set[int]] = {j: set() for j in tasks}
    res_conflict = 0
    for a_i, a in enumerate(tasks):
        for b in tasks[a_i + 1 :]:
            clash = any(q[a][r] + q[b][r] > caps[r] for r in range(len(caps)))
            if clash or b in dist[a] or a in dist[b]:
                conflict[a].add(b)
                conflict[b].add(a)
                res_conflict += clash
    if res_conflict == 0:
        return []
    weight = {
        j: d[j] * max((q[j][r] / max(caps[r], 1) for r in range(len(caps))), default=0)
        for j in tasks
    }
    cliques: list[list[int]] = []
    seen: set[frozenset[int]] = set()
    for seed in sorted(tasks, key=lambda j: (-len(conflict[j]), -weight[j], j)):
        clique = [seed]
        cands = sorted(conflict[seed], key=lambda j: (-weight[j], j))
        for c in cands:
            if all(c in conflict[m] for m in clique):
                clique.append(c)
        key = frozenset(clique)
        if len(clique) >= 3 and key not in seen:
            has_res = any(
                any(q[a][r] + q[b][r] > caps[r] for r in range(len(caps)))
                for i, a in enumerate(clique)
                for b in clique[i + 1 :]
            )
            if has_res:
                seen.add(key)
                cliques.append(sorted(clique))
    return cliques


def _add_precedences(
    m: cp_model.CpModel,
    problem: RcpspProblem,
    starts: Sequence[cp_model.IntVar],
    dist: Sequence[dict[int, int]] | None,
) -> None:
    """End-before-start for each arc; with ``dist``, also the implied longest-path delays."""
    d = problem.durations
    for j, succ in enumerate(problem.successors):
        for k in succ:
            m.add(starts[k] >= starts[j] + d[j])
        if dist is not None:
            for k, dk in dist[j].items():
                if k not in succ and dk > 0:
                    m.add(starts[k] >= starts[j] + dk)


def _add_resources(
    m: cp_model.CpModel,
    problem: RcpspProblem,
    intervals: Sequence[cp_model.IntervalVar],
    dist: list[dict[int, int]] | None,
) -> None:
    """One cumulative per resource that can be overloaded; with ``dist``, redundant
    no-overlap constraints over sets of mutually exclusive tasks."""
    d = problem.durations
    active = [j for j in range(problem.n_jobs) if d[j] > 0]
    for r, cap in enumerate(problem.capacities):
        users = [j for j in active if problem.demands[j][r] > 0]
        if sum(problem.demands[j][r] for j in users) > cap:
            m.add_cumulative(
                [intervals[j] for j in users], [problem.demands[j][r] for j in users], cap
            )
    if dist is not None:
        for clique in _disjunctive_cliques(problem, dist):
            m.add_no_overlap([intervals[j] for j in clique])


def strong_model(
    problem: RcpspProblem, opt: StrongOptions, lb: int, ub: int, h_starts: Sequence[int]
) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
    """The strengthened CP-SAT model (see :func:`solve_rcpsp`) and its start variables."""
    n = problem.n_jobs
    d = problem.durations
    es, tail = heads_and_tails(problem)
    horizon = ub if opt.windows else sum(d)
    m = cp_model.CpModel()
    starts = [
        m.new_int_var(
            es[j] if opt.windows else 0, horizon - tail[j] if opt.windows else horizon, f"s{j}"
        )
        for j in range(n)
    ]
    intervals = [m.new_fixed_size_interval_var(starts[j], d[j], f"i{j}") for j in range(n)]
    dist = _longest_paths(problem) if (opt.transitive or opt.cliques) else []
    _add_precedences(m, problem, starts, dist if opt.transitive else None)
    _add_resources(m, problem, intervals, dist if opt.cliques else None)
    makespan = m.new_int_var(lb, horizon, "makespan")
    sinks = [j for j in range(n) if not problem.successors[j]]
    for j in range(n) if opt.tails else sinks:
        m.add(makespan >= starts[j] + (tail[j] if opt.tails else d[j]))
    m.minimize(makespan)
    if opt.set_times:
        m.add_decision_strategy(starts, cp_model.CHOOSE_LOWEST_MIN, cp_model.SELECT_MIN_VALUE)
    if opt.hint:
        for j in range(n):
            m.add_hint(starts[j], h_starts[j])
        m.add_hint(makespan, ub)
    return m, starts


def configured_solver(
    opt: StrongOptions,
    *,
    time_left: float,
    workers: int,
    seed: int,
    log: bool,
    deterministic_limit: float | None,
    focus_lns: bool,
) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, time_left)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.log_search_progress = log
    if deterministic_limit is not None:
        solver.parameters.max_deterministic_time = deterministic_limit
    if focus_lns:
        solver.parameters.ignore_subsolvers.extend(_UNFOCUSED_SUBSOLVERS)
    for name, value in opt.sat_parameters:
        _set_param(solver, name, value)
    return solver


def _set_param(solver: cp_model.CpSolver, name: str, value: object) -> None:
    field_ = getattr(solver.parameters, name)
    if isinstance(value, (list, tuple)):
        field_.clear()
        field_.extend(value)
    else:
        setattr(solver.parameters, name, value)
