"""Resource-constrained project scheduling (RCPSP): one project's task network.

Rule: every task ``j`` runs without interruption for ``durations[j]`` time units, starts no
earlier than the end of each of its predecessors, and at every time unit the tasks running
together use at most ``capacities[r]`` of each renewable resource ``r``.  Minimise the
makespan (the end of the last task).  Time is integer (days, weeks or months, as the caller
chooses).

Three solvers, all returning an :class:`RcpspResult`:

* :func:`solve_rcpsp_heuristic` - priority rules in a serial schedule generation scheme
  (SSGS), biased random sampling and forward-backward improvement.  Fast, no proof.
* :func:`solve_rcpsp_plain` - the textbook CP-SAT model (interval variables, one cumulative
  per resource, precedences, minimise makespan).  Kept as the benchmark baseline.
* :func:`solve_rcpsp` - the strengthened CP-SAT model used by partnerplan: heuristic warm
  start and horizon, tight time windows from the critical path and precedence energy, lower
  bounds on the makespan, redundant disjunctive (no-overlap) constraints and a search
  portfolio focused on scheduling LNS.
  See ``docs/planning.md``.
"""

from __future__ import annotations

import heapq
import math
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .common import PlanningInputError, ProgressCallback, SolveStatus, status_from_cp_sat

__all__ = [
    "RcpspProblem",
    "RcpspResult",
    "check_schedule",
    "critical_path",
    "heads_and_tails",
    "lower_bound",
    "serial_sgs",
    "solve_rcpsp",
    "solve_rcpsp_heuristic",
    "solve_rcpsp_onepass",
    "solve_rcpsp_plain",
]


# --------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RcpspProblem:
    """A task network with renewable resources.

    ``durations[j]``, ``demands[j][r]`` and ``successors[j]`` describe task ``j`` (0-based);
    ``capacities[r]`` is the amount of resource ``r`` available in every time unit.
    Construction raises :class:`PlanningInputError` listing every problem found: negative
    numbers, a demand above capacity (the task could never run), unknown successors, or a
    precedence cycle.
    """

    durations: tuple[int, ...]
    demands: tuple[tuple[int, ...], ...]
    capacities: tuple[int, ...]
    successors: tuple[tuple[int, ...], ...]
    name: str = ""

    def __post_init__(self) -> None:
        problems = _validate(self)
        if problems:
            raise PlanningInputError(problems)

    @property
    def n_jobs(self) -> int:
        """Number of tasks, including any dummy start and end tasks."""
        return len(self.durations)

    @property
    def n_resources(self) -> int:
        """Number of renewable resources."""
        return len(self.capacities)

    def predecessors(self) -> tuple[tuple[int, ...], ...]:
        """Direct predecessors of each task."""
        pred: list[list[int]] = [[] for _ in range(self.n_jobs)]
        for j, succ in enumerate(self.successors):
            for k in succ:
                pred[k].append(j)
        return tuple(tuple(p) for p in pred)


def _validate(p: RcpspProblem) -> list[str]:
    problems: list[str] = []
    n = len(p.durations)
    if len(p.demands) != n or len(p.successors) != n:
        return [f"durations, demands and successors must all have {n} entries"]
    if any(c < 0 for c in p.capacities):
        problems.append("resource capacities must not be negative")
    for j in range(n):
        if p.durations[j] < 0:
            problems.append(f"task {j} has a negative duration")
        if len(p.demands[j]) != len(p.capacities):
            problems.append(
                f"task {j} has {len(p.demands[j])} demands for {len(p.capacities)} resources"
            )
            continue
        for r, q in enumerate(p.demands[j]):
            if q < 0:
                problems.append(f"task {j} has a negative demand for resource {r}")
            elif q > p.capacities[r]:
                problems.append(
                    f"task {j} needs {q} of resource {r} but only {p.capacities[r]} exist"
                )
        problems.extend(
            f"task {j} has unknown successor {k}" for k in p.successors[j] if not 0 <= k < n
        )
    if not problems and _topological_order(p.successors) is None:
        problems.append("the precedence relations contain a cycle")
    return problems


def _topological_order(successors: Sequence[Sequence[int]]) -> list[int] | None:
    n = len(successors)
    indeg = [0] * n
    for succ in successors:
        for k in succ:
            indeg[k] += 1
    stack = [j for j in range(n) if indeg[j] == 0]
    order: list[int] = []
    while stack:
        j = stack.pop()
        order.append(j)
        for k in successors[j]:
            indeg[k] -= 1
            if indeg[k] == 0:
                stack.append(k)
    return order if len(order) == n else None


@dataclass(frozen=True)
class RcpspResult:
    """A schedule and what is known about its quality.

    ``starts`` is None when no schedule was found.  ``best_bound`` is a proven lower bound on
    the optimal makespan; ``gap`` is ``(makespan - best_bound) / makespan`` (0 when proven
    optimal).  ``wall_time_s`` covers everything the call did, heuristics included.
    """

    status: SolveStatus
    starts: tuple[int, ...] | None
    makespan: int | None
    best_bound: int
    wall_time_s: float
    model: str
    solutions: int = 0
    details: dict[str, float] = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        """Relative gap between the makespan and the proven lower bound (None if no schedule)."""
        if self.makespan is None:
            return None
        if self.makespan == 0:
            return 0.0
        return max(0.0, (self.makespan - self.best_bound) / self.makespan)


# --------------------------------------------------------------------------------------
# Critical path, bounds and checks
# --------------------------------------------------------------------------------------


def critical_path(problem: RcpspProblem) -> tuple[list[int], list[int]]:
    """Earliest starts, and tails (longest path from each task's start to the project end).

    The critical-path lower bound on the makespan is ``max(es[j] + tail[j])``.
    """
    order = _topological_order(problem.successors)
    assert order is not None  # validated at construction
    d = problem.durations
    es = [0] * problem.n_jobs
    for j in order:
        for k in problem.successors[j]:
            es[k] = max(es[k], es[j] + d[j])
    tail = list(d)
    for j in reversed(order):
        for k in problem.successors[j]:
            tail[j] = max(tail[j], d[j] + tail[k])
    return es, tail


def lower_bound(problem: RcpspProblem) -> int:
    """Best of the critical-path bound and the resource bound ``ceil(work_r / capacity_r)``."""
    es, tail = critical_path(problem)
    lb = max((es[j] + tail[j] for j in range(problem.n_jobs)), default=0)
    for r, cap in enumerate(problem.capacities):
        work = sum(problem.durations[j] * problem.demands[j][r] for j in range(problem.n_jobs))
        if cap > 0:
            lb = max(lb, math.ceil(work / cap))
    return lb


def heads_and_tails(problem: RcpspProblem) -> tuple[list[int], list[int]]:
    """Critical-path heads and tails strengthened by precedence energy.

    A task cannot start before all its (transitive) predecessors have done their work on any
    resource: ``head[j] >= ceil(sum(d_k * q_kr for k before j) / capacity_r)``; likewise
    ``tail[j] >= d_j + ceil(sum(d_k * q_kr for k after j) / capacity_r)``.  Both also obey
    the critical-path recursion, so ``max(head[j] + tail[j])`` is a valid lower bound on the
    makespan at least as strong as the critical path.
    """
    order = _topological_order(problem.successors)
    assert order is not None
    n, d, q, caps = problem.n_jobs, problem.durations, problem.demands, problem.capacities
    preds = problem.predecessors()
    before: list[int] = [0] * n  # bitsets of transitive predecessors
    for j in order:
        bits = 0
        for i in preds[j]:
            bits |= before[i] | (1 << i)
        before[j] = bits
    after: list[int] = [0] * n
    for j in reversed(order):
        bits = 0
        for k in problem.successors[j]:
            bits |= after[k] | (1 << k)
        after[j] = bits

    def energy(bits: int) -> int:
        best = 0
        for r, cap in enumerate(caps):
            if cap <= 0:
                continue
            work = sum(d[k] * q[k][r] for k in range(n) if bits >> k & 1)
            best = max(best, -(-work // cap))
        return best

    head = [0] * n
    for j in order:
        head[j] = max([energy(before[j])] + [head[i] + d[i] for i in preds[j]])
    tail = [0] * n
    for j in reversed(order):
        tail[j] = d[j] + max([energy(after[j])] + [tail[k] for k in problem.successors[j]])
    return head, tail


def check_schedule(problem: RcpspProblem, starts: Sequence[int]) -> list[str]:
    """Return every precedence or resource violation in ``starts`` (empty list if feasible)."""
    errors: list[str] = []
    d = problem.durations
    if len(starts) != problem.n_jobs:
        return [f"expected {problem.n_jobs} start times, got {len(starts)}"]
    for j, succ in enumerate(problem.successors):
        if starts[j] < 0:
            errors.append(f"task {j} starts before time 0")
        errors.extend(
            f"task {k} starts at {starts[k]} before its predecessor {j} ends at {starts[j] + d[j]}"
            for k in succ
            if starts[k] < starts[j] + d[j]
        )
    horizon = max((s + dd for s, dd in zip(starts, d, strict=True)), default=0)
    for r, cap in enumerate(problem.capacities):
        use = [0] * (horizon + 1)
        for j in range(problem.n_jobs):
            for t in range(starts[j], starts[j] + d[j]):
                use[t] += problem.demands[j][r]
        errors.extend(
            f"resource {r} overloaded at time {t}: {u} > {cap}"
            for t, u in enumerate(use)
            if u > cap
        )
    return errors


# --------------------------------------------------------------------------------------
# Serial schedule generation scheme and heuristics
# --------------------------------------------------------------------------------------


class _Net:
    """Arrays used by the SSGS, optionally for the reversed network (for backward passes)."""

    __slots__ = ("caps", "dem", "dur", "horizon", "n", "pred", "res_of", "succ")

    def __init__(self, problem: RcpspProblem, reverse: bool = False) -> None:
        self.n = problem.n_jobs
        self.dur = list(problem.durations)
        self.dem = [list(q) for q in problem.demands]
        self.caps = list(problem.capacities)
        succ = [list(s) for s in problem.successors]
        pred: list[list[int]] = [[] for _ in range(self.n)]
        for j, ss in enumerate(succ):
            for k in ss:
                pred[k].append(j)
        self.succ, self.pred = (pred, succ) if reverse else (succ, pred)
        self.res_of = [[r for r, q in enumerate(qs) if q > 0] for qs in self.dem]
        self.horizon = sum(self.dur) + 1


def _ssgs(net: _Net, key: Sequence[float]) -> list[int]:
    """Serial SGS: repeatedly take the eligible task with the smallest key, start it as early
    as precedences and remaining capacity allow."""
    n, dur, dem, pred, succ, res_of = net.n, net.dur, net.dem, net.pred, net.succ, net.res_of
    avail = [[c] * net.horizon for c in net.caps]
    starts = [0] * n
    finish = [0] * n
    missing = [len(p) for p in pred]
    heap = [(key[j], j) for j in range(n) if missing[j] == 0]
    heapq.heapify(heap)
    while heap:
        _, j = heapq.heappop(heap)
        t = 0
        for i in pred[j]:
            if finish[i] > t:
                t = finish[i]
        dj = dur[j]
        rs = res_of[j]
        if dj > 0 and rs:
            qj = dem[j]
            t = _earliest_fit(avail, rs, qj, t, dj)
            for r in rs:
                row = avail[r]
                q = qj[r]
                for tau in range(t, t + dj):
                    row[tau] -= q
        starts[j] = t
        finish[j] = t + dj
        for k in succ[j]:
            missing[k] -= 1
            if missing[k] == 0:
                heapq.heappush(heap, (key[k], k))
    return starts


def _earliest_fit(
    avail: list[list[int]], rs: Sequence[int], qj: Sequence[int], t: int, dj: int
) -> int:
    """Earliest start from ``t`` with ``qj`` free on resources ``rs`` for ``dj`` periods."""
    tau = t
    while tau < t + dj:
        tau += 1
        if any(avail[r][tau - 1] < qj[r] for r in rs):
            t = tau
    return t


def serial_sgs(problem: RcpspProblem, priority: Sequence[float]) -> list[int]:
    """Schedule with the serial SGS, taking eligible tasks in increasing ``priority`` order."""
    return _ssgs(_Net(problem), priority)


def _makespan(net: _Net, starts: Sequence[int]) -> int:
    return max((s + d for s, d in zip(starts, net.dur, strict=True)), default=0)


def _forward_backward(fwd: _Net, bwd: _Net, starts: list[int], max_passes: int = 8) -> list[int]:
    """Forward-backward improvement (double justification, Tormos & Lova / Valls et al.).

    Right-justify the schedule (backward SSGS ordered by decreasing finish time), then
    left-justify it again (forward SSGS ordered by increasing start time); repeat while the
    makespan improves.  The makespan never increases.
    """
    best = starts
    best_ms = _makespan(fwd, starts)
    for _ in range(max_passes):
        finish = [s + d for s, d in zip(best, fwd.dur, strict=True)]
        rev = _ssgs(bwd, [-f for f in finish])  # reversed-time starts
        rev_ms = _makespan(bwd, rev)
        # in real time task j runs [rev_ms - rev[j] - d_j, rev_ms - rev[j]); order by its start
        new = _ssgs(fwd, [rev_ms - rev[j] - fwd.dur[j] for j in range(fwd.n)])
        ms = _makespan(fwd, new)
        if ms < best_ms:
            best, best_ms = new, ms
        else:
            break
    return best


def _heuristic(
    problem: RcpspProblem, *, iterations: int, seed: int, time_limit_s: float
) -> tuple[list[int], int]:
    """Best schedule from priority rules, biased random sampling and forward-backward
    improvement; returns (starts, number of schedules generated)."""
    t0 = time.perf_counter()
    fwd, bwd = _Net(problem), _Net(problem, reverse=True)
    rules = _rule_keys(problem)
    lft = _latest_finish_times(problem)
    lb = lower_bound(problem)
    best: list[int] | None = None
    best_ms = math.inf
    count = 0
    for key in rules:
        s = _forward_backward(fwd, bwd, _ssgs(fwd, key))
        count += 1
        ms = _makespan(fwd, s)
        if ms < best_ms:
            best, best_ms = s, ms
    rng = random.Random(seed)
    span = max(lft, default=0) + 1
    while count < iterations and best_ms > lb and time.perf_counter() - t0 < time_limit_s:
        # regret-based biased random sampling on LFT, expressed as random keys: a smaller
        # LFT gives a larger weight, so an earlier expected position
        key = [
            -math.log(1.0 - rng.random()) / float(span - lft[j] + 1) ** 2
            for j in range(problem.n_jobs)
        ]
        s = _forward_backward(fwd, bwd, _ssgs(fwd, key))
        count += 1
        ms = _makespan(fwd, s)
        if ms < best_ms:
            best, best_ms = s, ms
    assert best is not None
    return best, count


def _transitive_successor_counts(problem: RcpspProblem) -> list[int]:
    order = _topological_order(problem.successors)
    assert order is not None
    reach: list[int] = [0] * problem.n_jobs  # bitsets
    for j in reversed(order):
        bits = 0
        for k in problem.successors[j]:
            bits |= reach[k] | (1 << k)
        reach[j] = bits
    return [bin(b).count("1") for b in reach]


def solve_rcpsp_onepass(problem: RcpspProblem) -> RcpspResult:
    """One pass of the serial SGS with the latest-finish-time rule (what project tools do)."""
    t0 = time.perf_counter()
    key = [f + 1e-3 * j for j, f in enumerate(_latest_finish_times(problem))]
    starts = serial_sgs(problem, key)
    return _heuristic_result(problem, starts, t0, "onepass", 1)


def solve_rcpsp_heuristic(
    problem: RcpspProblem, *, iterations: int = 300, seed: int = 0, time_limit_s: float = 1.0
) -> RcpspResult:
    """Priority rules (LFT, LST, most total successors, LFT with work tie-break) and up to
    ``iterations`` biased random samples, each improved by forward-backward passes.

    Deterministic for a given seed unless ``time_limit_s`` cuts the sampling short.
    Status is OPTIMAL only when the makespan meets :func:`lower_bound`.
    """
    t0 = time.perf_counter()
    starts, count = _heuristic(problem, iterations=iterations, seed=seed, time_limit_s=time_limit_s)
    return _heuristic_result(problem, starts, t0, "heuristic", count)


def _heuristic_result(
    problem: RcpspProblem, starts: list[int], t0: float, model: str, count: int
) -> RcpspResult:
    ms = max((s + d for s, d in zip(starts, problem.durations, strict=True)), default=0)
    lb = lower_bound(problem)
    return RcpspResult(
        status=SolveStatus.OPTIMAL if ms <= lb else SolveStatus.FEASIBLE,
        starts=tuple(starts),
        makespan=ms,
        best_bound=lb,
        wall_time_s=time.perf_counter() - t0,
        model=model,
        solutions=count,
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


def _run(
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
    status_name, count = _run(m, solver, None, t0, time_limit_s)
    return _cp_result(problem, solver, status_name, starts, t0, "plain", count, 0)


def _cp_result(
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
    order = _topological_order(problem.successors)
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


def _strong_model(
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


def solve_rcpsp(
    problem: RcpspProblem,
    *,
    time_limit_s: float = 10.0,
    workers: int = 2,
    seed: int = 0,
    progress: ProgressCallback | None = None,
    log: bool = False,
    options: StrongOptions | None = None,
    deterministic_limit: float | None = None,
) -> RcpspResult:
    """Minimise the makespan with the strengthened CP-SAT model.

    Steps: (1) heuristic schedule (priority rules + sampling + forward-backward improvement)
    within ``heuristic_time_share`` of the time limit; if it meets the lower bound it is
    returned as optimal without calling CP-SAT.  (2) CP-SAT model: the plain model's
    constraints plus the heuristic makespan as horizon, start windows ``[head, horizon - tail]``
    (critical path strengthened by precedence energy, :func:`heads_and_tails`), makespan
    bounded below by the critical-path/resource/energy bound and by ``start + tail`` of every
    task, no-overlap constraints over sets of mutually exclusive tasks, and the heuristic
    schedule as hint.  (3) Solve with ``workers`` threads for the remaining time, the LNS
    worker focused on the scheduling neighbourhoods (``StrongOptions.focus_lns``).  The
    heuristic schedule is kept if CP-SAT returns nothing, so the answer is never worse than
    it.  ``deterministic_limit`` additionally bounds CP-SAT's deterministic time (for
    load-independent comparisons).  Never raises on a valid problem.
    """
    t0 = time.perf_counter()
    opt = options or StrongOptions()
    d = problem.durations
    head, tail = heads_and_tails(problem)
    lb = max([lower_bound(problem)] + [h + t for h, t in zip(head, tail, strict=True)])
    if opt.warm_start == "ga":
        return _solve_with_ga(
            problem,
            opt,
            lb=lb,
            t0=t0,
            time_limit_s=time_limit_s,
            workers=workers,
            seed=seed,
            progress=progress,
            log=log,
            deterministic_limit=deterministic_limit,
        )
    h_starts, h_count = _heuristic(
        problem,
        iterations=opt.heuristic_iterations,
        seed=seed,
        time_limit_s=time_limit_s * opt.heuristic_time_share,
    )
    ub = max((s + dd for s, dd in zip(h_starts, d, strict=True)), default=0)
    details = {"heuristic_makespan": float(ub), "heuristic_schedules": float(h_count)}
    if ub <= lb:
        return RcpspResult(
            SolveStatus.OPTIMAL,
            tuple(h_starts),
            ub,
            ub,
            time.perf_counter() - t0,
            "strong",
            1,
            details,
        )
    m, starts = _strong_model(problem, opt, lb, ub, h_starts)
    solver = _configured_solver(
        opt,
        time_left=time_limit_s - (time.perf_counter() - t0),
        workers=workers,
        seed=seed,
        log=log,
        deterministic_limit=deterministic_limit,
        focus_lns=opt.focus_lns,
    )
    status_name, count = _run(m, solver, progress, t0, time_limit_s)
    result = _cp_result(problem, solver, status_name, starts, t0, "strong", count, lb)
    if result.starts is None:  # time ran out before CP-SAT reported: keep the heuristic
        return RcpspResult(
            SolveStatus.FEASIBLE,
            tuple(h_starts),
            ub,
            lb,
            time.perf_counter() - t0,
            "strong",
            1,
            details,
        )
    return RcpspResult(
        result.status,
        result.starts,
        result.makespan,
        result.best_bound,
        result.wall_time_s,
        "strong",
        result.solutions,
        details,
    )


def _latest_finish_times(problem: RcpspProblem) -> list[int]:
    """Latest finish of each task in the critical-path schedule (no resources)."""
    es, tail = critical_path(problem)
    cp_len = max((es[j] + tail[j] for j in range(problem.n_jobs)), default=0)
    return [cp_len - tail[j] + problem.durations[j] for j in range(problem.n_jobs)]


def _rule_keys(problem: RcpspProblem) -> list[list[float]]:
    """Priority keys (smaller first) of the classic rules: latest finish time, latest start
    time, most total successors, latest finish time with work as tie-break."""
    n = problem.n_jobs
    lft = _latest_finish_times(problem)
    lst = [lft[j] - problem.durations[j] for j in range(n)]
    n_succ = _transitive_successor_counts(problem)
    work = [
        problem.durations[j]
        * sum(q / max(c, 1) for q, c in zip(problem.demands[j], problem.capacities, strict=True))
        for j in range(n)
    ]
    return [
        [lft[j] + 1e-3 * j for j in range(n)],
        [lst[j] - 1e-3 * n_succ[j] for j in range(n)],
        [-n_succ[j] + 1e-3 * lft[j] for j in range(n)],
        [lft[j] - 1e-2 * work[j] for j in range(n)],
    ]


class _Shared(cp_model.CpSolverSolutionCallback):
    """What the CP-SAT thread reports to the genetic algorithm running beside it: its proven
    bound and each schedule it finds."""

    def __init__(self, starts: Sequence[cp_model.IntVar], bound: int) -> None:
        super().__init__()
        self._starts = starts
        self.bound = bound
        self.found: list[list[int]] = []
        self.lock = threading.Lock()

    def on_solution_callback(self) -> None:
        values = [int(self.value(s)) for s in self._starts]
        with self.lock:
            self.found.append(values)

    def on_bound(self, bound: float) -> None:
        self.bound = max(self.bound, int(math.ceil(bound - 1e-6)))

    def take(self) -> list[list[int]]:
        with self.lock:
            found, self.found = self.found, []
        return found


def _solve_with_ga(
    problem: RcpspProblem,
    opt: StrongOptions,
    *,
    lb: int,
    t0: float,
    time_limit_s: float,
    workers: int,
    seed: int,
    progress: ProgressCallback | None,
    log: bool,
    deterministic_limit: float | None,
) -> RcpspResult:
    """The genetic algorithm and CP-SAT side by side, sharing ``workers`` threads.

    The genetic algorithm (:mod:`.ga`) runs alone for a first schedule, for at most
    ``ga_time_share`` of the limit and until ``ga_head_start_stall`` generations in a row
    bring nothing better; then CP-SAT (``workers - 1`` threads, at least one) starts from that
    schedule as hint and horizon while the genetic algorithm goes on in this thread.  Each
    schedule CP-SAT finds joins the population; the search stops when either side's best
    meets CP-SAT's proven bound (optimal) or time runs out.
    """
    from . import ga

    search = ga.GeneticSearch(
        list(problem.durations),
        [list(q) for q in problem.demands],
        list(problem.capacities),
        [list(s) for s in problem.successors],
        initial_keys=_rule_keys(problem),
        population=opt.ga_population,
        seed=seed,
    )
    search.run(
        time_limit_s=time_limit_s * opt.ga_time_share,
        target=lb,
        stall_generations=opt.ga_head_start_stall,
    )
    ub = search.makespan

    def result(status: SolveStatus, bound: int, solutions: int) -> RcpspResult:
        details = {
            "heuristic_makespan": float(ub),
            "heuristic_schedules": float(search.schedules),
            "ga_generations": float(search.generations),
        }
        return RcpspResult(
            status,
            search.starts,
            search.makespan,
            min(bound, search.makespan),
            time.perf_counter() - t0,
            "strong",
            solutions,
            details,
        )

    if ub <= lb:
        return result(SolveStatus.OPTIMAL, ub, 1)
    m, starts = _strong_model(problem, opt, lb, ub, search.starts)
    solver = _configured_solver(
        opt,
        time_left=time_limit_s - (time.perf_counter() - t0),
        workers=max(1, workers - 1),
        seed=seed,
        log=log,
        deterministic_limit=deterministic_limit,
        focus_lns=False,
    )
    shared = _Shared(starts, lb)
    solver.best_bound_callback = shared.on_bound
    outcome: list[str] = []
    thread = threading.Thread(
        target=lambda: outcome.append(str(solver.status_name(solver.solve(m, shared)))),
        name="rcpsp-cp-sat",
        daemon=True,
    )
    thread.start()

    def cp_done() -> bool:
        return not thread.is_alive() or search.makespan <= shared.bound

    solutions = 1
    while not cp_done():
        left = time_limit_s - (time.perf_counter() - t0)
        if left <= 0:
            break
        for found in shared.take():
            search.inject(found)
            solutions += 1
        search.run(time_limit_s=min(0.25, left), target=shared.bound, should_stop=cp_done)
        if progress is not None:
            progress(min(1.0, (time.perf_counter() - t0) / max(time_limit_s, 1e-9)), solutions)
    solver.stop_search()
    thread.join()
    for found in shared.take():
        search.inject(found)
        solutions += 1
    status_name = outcome[0] if outcome else "UNKNOWN"
    bound = shared.bound
    if status_name == "OPTIMAL":
        bound = max(bound, int(round(solver.objective_value)))
    if progress is not None:
        progress(1.0, solutions)
    optimal = search.makespan <= bound
    return result(SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE, bound, solutions)


def _configured_solver(
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
