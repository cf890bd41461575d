"""The RCPSP problem and result, and what is computed from the network alone: critical path,
lower bounds, time windows and the schedule check (precedences and resource limits)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..common import PlanningInputError, SolveStatus

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
    if not problems and topological_order(p.successors) is None:
        problems.append("the precedence relations contain a cycle")
    return problems


def topological_order(successors: Sequence[Sequence[int]]) -> list[int] | None:
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
    order = topological_order(problem.successors)
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
    order = topological_order(problem.successors)
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
