"""The strong solve driver: warm start (genetic algorithm or heuristic), then the strengthened
CP-SAT model, never returning worse than the warm start."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from ..common import ProgressCallback, SolveStatus
from .cpsat import (
    StrongOptions,
    configured_solver,
    cp_result,
    run_cp_sat,
    strong_model,
)
from .heuristics import (
    heuristic_search,
    rule_keys,
)
from .problem import (
    RcpspProblem,
    RcpspResult,
    heads_and_tails,
    lower_bound,
)


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
    h_starts, h_count = heuristic_search(
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
    m, starts = strong_model(problem, opt, lb, ub, h_starts)
    solver = configured_solver(
        opt,
        time_left=time_limit_s - (time.perf_counter() - t0),
        workers=workers,
        seed=seed,
        log=log,
        deterministic_limit=deterministic_limit,
        focus_lns=opt.focus_lns,
    )
    status_name, count = run_cp_sat(m, solver, progress, t0, time_limit_s)
    result = cp_result(problem, solver, status_name, starts, t0, "strong", count, lb)
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
    from .. import ga

    search = ga.GeneticSearch(
        list(problem.durations),
        [list(q) for q in problem.demands],
        list(problem.capacities),
        [list(s) for s in problem.successors],
        initial_keys=rule_keys(problem),
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
    m, starts = strong_model(problem, opt, lb, ub, search.starts)
    solver = configured_solver(
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
