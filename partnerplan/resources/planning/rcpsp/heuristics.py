"""Serial schedule generation scheme (SSGS), priority rules, sampling and forward-backward
improvement: the heuristic and one-pass solvers."""

from __future__ import annotations

import heapq
import math
import random
import time
from collections.abc import Sequence

from ..common import SolveStatus
from .problem import (
    RcpspProblem,
    RcpspResult,
    critical_path,
    lower_bound,
    topological_order,
)

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


def heuristic_search(
    problem: RcpspProblem, *, iterations: int, seed: int, time_limit_s: float
) -> tuple[list[int], int]:
    """Best schedule from priority rules, biased random sampling and forward-backward
    improvement; returns (starts, number of schedules generated)."""
    t0 = time.perf_counter()
    fwd, bwd = _Net(problem), _Net(problem, reverse=True)
    rules = rule_keys(problem)
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
    order = topological_order(problem.successors)
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
    starts, count = heuristic_search(
        problem, iterations=iterations, seed=seed, time_limit_s=time_limit_s
    )
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


def _latest_finish_times(problem: RcpspProblem) -> list[int]:
    """Latest finish of each task in the critical-path schedule (no resources)."""
    es, tail = critical_path(problem)
    cp_len = max((es[j] + tail[j] for j in range(problem.n_jobs)), default=0)
    return [cp_len - tail[j] + problem.durations[j] for j in range(problem.n_jobs)]


def rule_keys(problem: RcpspProblem) -> list[list[float]]:
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
