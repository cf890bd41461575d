"""A compiled genetic algorithm for one project's task network (RCPSP), used as warm start.

The strengthened CP-SAT model (:func:`.rcpsp.solve_rcpsp`) searches far better from a good
first schedule.  Priority rules in Python give about 300 schedules a second; this module
compiles the same serial schedule generation scheme (SSGS) with Numba, so a genetic
algorithm of the kind that leads the published RCPSP heuristic comparisons can generate tens
of thousands of schedules in a second or two:

* representation: activity lists (a precedence-feasible order of the tasks), decoded by the
  serial SGS (Kolisch & Hartmann, 2006, "Experimental investigation of heuristics for
  resource-constrained project scheduling: an update", EJOR 174, 23-37);
* every decoded schedule is improved by forward-backward improvement (double justification:
  Valls, Ballestin & Quintanilla, 2005, EJOR 165, 375-386), and its justified order replaces
  the individual's list (Lamarckian);
* two-point crossover and adjacent-swap mutation on activity lists (Hartmann, 1998, Naval
  Research Logistics 45, 733-750); the population starts from priority rules and biased
  random sampling on latest finish times; the best distinct individuals survive.

Plain arrays in, plain arrays out; no Django.  The first call in a process compiles the
kernels (about 10 s), cached on disk afterwards (``cache=True``) so later processes load them
in well under a second; :func:`warm_up` does that ahead of time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from numba import njit

__all__ = ["GeneticSearch", "warm_up"]

# A network is the tuple ``(dur, dem, cap, pred_ptr, pred_idx, succ_ptr, succ_idx)`` of int64
# arrays, predecessors and successors in CSR form; the reversed network swaps the two.
Network = tuple[np.ndarray, ...]


@njit(cache=True, nogil=True)
def _pick(key: np.ndarray, done: np.ndarray, missing: np.ndarray) -> int:
    """The unscheduled task with all predecessors scheduled and the smallest key."""
    best = -1
    for j in range(key.shape[0]):
        if not done[j] and missing[j] == 0 and (best < 0 or key[j] < key[best]):
            best = j
    return best


@njit(cache=True, nogil=True)
def _fit(avail: np.ndarray, q: np.ndarray, t: int, d: int) -> int:
    """Earliest start from ``t`` with demand ``q`` free in ``avail`` for ``d`` periods."""
    tau = t
    while tau < t + d:
        ok = True
        for r in range(q.shape[0]):
            if q[r] > 0 and avail[r, tau] < q[r]:
                ok = False
                break
        tau += 1
        if not ok:
            t = tau
    return t


@njit(cache=True, nogil=True)
def _ssgs(
    net: Network, key: np.ndarray, avail: np.ndarray, starts: np.ndarray, order: np.ndarray
) -> int:
    """Serial SGS: take the eligible task with the smallest key, start it as early as its
    predecessors and the remaining capacity allow.  Writes ``starts`` and the order tasks
    were scheduled in; returns the makespan."""
    dur, dem, cap, pred_ptr, pred_idx, succ_ptr, succ_idx = net
    n = dur.shape[0]
    for r in range(cap.shape[0]):
        avail[r, :] = cap[r]
    missing = pred_ptr[1:] - pred_ptr[:-1]
    done = np.zeros(n, np.bool_)
    makespan = 0
    for step in range(n):
        j = _pick(key, done, missing)
        t = 0
        for p in range(pred_ptr[j], pred_ptr[j + 1]):
            t = max(t, starts[pred_idx[p]] + dur[pred_idx[p]])
        d = dur[j]
        if d > 0:
            t = _fit(avail, dem[j], t, d)
            for r in range(cap.shape[0]):
                avail[r, t : t + d] -= dem[j, r]
        starts[j] = t
        makespan = max(makespan, t + d)
        done[j] = True
        order[step] = j
        for p in range(succ_ptr[j], succ_ptr[j + 1]):
            missing[succ_idx[p]] -= 1
    return makespan


@njit(cache=True, nogil=True)
def _decode(fwd: Network, bwd: Network, key: np.ndarray, work: tuple[np.ndarray, ...]) -> int:
    """SSGS on ``key``, then forward-backward improvement while the makespan falls.

    ``work`` is ``(avail, starts, order, work_starts, work_order, work_key)``; the best
    schedule is left in ``starts`` and its forward order in ``order``.  Returns its makespan.
    """
    avail, starts, order, ws, wo, wk = work
    dur = fwd[0]
    n = dur.shape[0]
    best = _ssgs(fwd, key, avail, starts, order)
    for _ in range(8):
        # right-justify: schedule the reversed network, latest finish first
        for j in range(n):
            wk[j] = -(starts[j] + dur[j]) + 1e-6 * j
        rms = _ssgs(bwd, wk, avail, ws, wo)
        # left-justify again, in order of the right-justified start times
        for j in range(n):
            wk[j] = (rms - ws[j] - dur[j]) + 1e-6 * j
        ms = _ssgs(fwd, wk, avail, ws, wo)
        if ms <= best:  # equal: keep the more compact order for the next pass
            starts[:] = ws
            order[:] = wo
        if ms >= best:
            break
        best = ms
    return best


@njit(cache=True, nogil=True)
def _workspace(fwd: Network) -> tuple[np.ndarray, ...]:
    dur = fwd[0]
    n = dur.shape[0]
    avail = np.empty((fwd[2].shape[0], dur.sum() + 1), np.int64)
    return (
        avail,
        np.empty(n, np.int64),
        np.empty(n, np.int64),
        np.empty(n, np.int64),
        np.empty(n, np.int64),
        np.empty(n, np.float64),
    )


@njit(cache=True, nogil=True)
def _crossover(
    a: np.ndarray, b: np.ndarray, q1: int, q2: int, child: np.ndarray, present: np.ndarray
) -> None:
    """Two-point crossover of activity lists: ``a[:q1]``, then ``b``'s tasks in ``b``'s order
    up to position ``q2``, then the rest in ``a``'s order."""
    n = a.shape[0]
    present[:] = False
    k = 0
    for i in range(q1):
        child[k] = a[i]
        present[a[i]] = True
        k += 1
    for i in range(n):
        if k >= q2:
            break
        if not present[b[i]]:
            child[k] = b[i]
            present[b[i]] = True
            k += 1
    for i in range(n):
        if not present[a[i]]:
            child[k] = a[i]
            present[a[i]] = True
            k += 1


@njit(cache=True, nogil=True)
def _survivors(
    pop: np.ndarray, fit: np.ndarray, merged: np.ndarray, merged_fit: np.ndarray
) -> None:
    """Fill ``pop``/``fit`` with the best distinct individuals of ``merged`` (ties keep the
    earlier); refill with the best if there are too few distinct ones."""
    size, n = pop.shape
    idx = np.argsort(merged_fit, kind="mergesort")
    kept = 0
    for i in idx:
        duplicate = False
        for kk in range(kept):
            if fit[kk] == merged_fit[i] and np.array_equal(pop[kk], merged[i]):
                duplicate = True
                break
        if not duplicate:
            pop[kept] = merged[i]
            fit[kept] = merged_fit[i]
            kept += 1
            if kept == size:
                return
    ii = 0
    while kept < size:
        pop[kept] = merged[idx[ii]]
        fit[kept] = merged_fit[idx[ii]]
        kept += 1
        ii += 1


@njit(cache=True, nogil=True)
def _evolve(
    fwd: Network,
    bwd: Network,
    pop: np.ndarray,
    fit: np.ndarray,
    best_starts: np.ndarray,
    seed: int,
    mutation: float,
) -> int:
    """One generation on the population ``pop`` (activity lists, one per row) with makespans
    ``fit``, in place: random pairs, two-point crossover, adjacent-swap mutation, decoding
    with forward-backward improvement, best distinct survivors.  ``best_starts`` is updated
    when a child beats every individual.  Returns the schedules generated."""
    np.random.seed(seed)
    size, n = pop.shape
    work = _workspace(fwd)
    starts, order = work[1], work[2]
    key = np.empty(n, np.float64)
    present = np.zeros(n, np.bool_)
    merged = np.empty((2 * size - size % 2, n), np.int64)
    merged_fit = np.empty(2 * size - size % 2, np.int64)
    merged[:size] = pop
    merged_fit[:size] = fit
    best = fit.min()
    perm = np.random.permutation(size)
    c = 0  # children so far; child c is row size + c of merged
    for pair in range(size // 2):
        q1 = np.random.randint(0, n)
        q2 = np.random.randint(q1, n + 1)
        for side in range(2):
            a = pop[perm[2 * pair + side]]
            b = pop[perm[2 * pair + 1 - side]]
            child = merged[size + c]
            _crossover(a, b, q1, q2, child, present)
            for i in range(n - 1):  # the SSGS keeps precedence feasibility
                if np.random.random() < mutation:
                    child[i], child[i + 1] = child[i + 1], child[i]
            for i in range(n):
                key[child[i]] = i
            ms = _decode(fwd, bwd, key, work)
            child[:] = order
            merged_fit[size + c] = ms
            if ms < best:
                best = ms
                best_starts[:] = starts
            c += 1
    _survivors(pop, fit, merged, merged_fit)
    return 3 * c


@njit(cache=True, nogil=True)
def _initial(
    fwd: Network,
    bwd: Network,
    keys: np.ndarray,
    pop: np.ndarray,
    fit: np.ndarray,
    best_starts: np.ndarray,
) -> int:
    """Decode each row of ``keys`` (with forward-backward improvement) into ``pop``/``fit``;
    the best schedule goes to ``best_starts``.  Returns its makespan."""
    work = _workspace(fwd)
    starts, order = work[1], work[2]
    best = np.iinfo(np.int64).max
    for i in range(keys.shape[0]):
        ms = _decode(fwd, bwd, keys[i], work)
        pop[i] = order
        fit[i] = ms
        if ms < best:
            best = ms
            best_starts[:] = starts
    return best


def _csr(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(lists) + 1, np.int64)
    for j, items in enumerate(lists):
        ptr[j + 1] = ptr[j] + len(items)
    idx = np.array([k for items in lists for k in items], dtype=np.int64)
    return ptr, idx


def _arrays(
    durations: list[int],
    demands: list[list[int]],
    capacities: list[int],
    successors: list[list[int]],
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    n = len(durations)
    preds: list[list[int]] = [[] for _ in range(n)]
    for j, succ in enumerate(successors):
        for k in succ:
            preds[k].append(j)
    dur = np.array(durations, dtype=np.int64)
    dem = np.array(demands, dtype=np.int64).reshape(n, len(capacities))
    cap = np.array(capacities, dtype=np.int64)
    pp, pi = _csr(preds)
    sp, si = _csr([list(s) for s in successors])
    return (dur, dem, cap, pp, pi, sp, si), (dur, dem, cap, sp, si, pp, pi)


class GeneticSearch:
    """A population of activity lists that can be evolved in slices of time.

    ``initial_keys`` are priority keys (smaller first) for the first individuals, e.g.
    priority rules; the rest of the population starts from random keys.  Every call to
    :meth:`run` continues from where the last one stopped, so another solver can run beside
    it and hand over its schedules with :meth:`inject`.  The kernels release the GIL.
    """

    def __init__(
        self,
        durations: list[int],
        demands: list[list[int]],
        capacities: list[int],
        successors: list[list[int]],
        *,
        initial_keys: list[list[float]],
        population: int = 1000,
        mutation: float = 0.05,
        seed: int = 0,
    ) -> None:
        self._fwd, self._bwd = _arrays(durations, demands, capacities, successors)
        self._n = len(durations)
        self._mutation = mutation
        self._rng = np.random.default_rng(seed)
        size = max(2, population)
        keys = np.empty((size, self._n), dtype=np.float64)
        for i in range(size):
            keys[i] = initial_keys[i] if i < len(initial_keys) else self._rng.random(self._n)
        self._pop = np.empty((size, self._n), dtype=np.int64)
        self._fit = np.empty(size, dtype=np.int64)
        self._best_starts = np.empty(self._n, dtype=np.int64)
        self.makespan = int(
            _initial(self._fwd, self._bwd, keys, self._pop, self._fit, self._best_starts)
        )
        self.schedules = 3 * size
        self.generations = 0

    @property
    def starts(self) -> tuple[int, ...]:
        """Start times of the best schedule found so far."""
        return tuple(int(s) for s in self._best_starts)

    def run(
        self,
        *,
        time_limit_s: float,
        target: int = 0,
        max_schedules: int | None = None,
        should_stop: Callable[[], bool] | None = None,
        stall_generations: int | None = None,
    ) -> int:
        """Evolve for up to ``time_limit_s`` seconds, until the makespan reaches ``target``,
        ``max_schedules`` schedules have been generated in all, ``stall_generations``
        generations in a row bring no better makespan, or ``should_stop()`` is true (checked
        after every generation).  Returns the best makespan."""
        t0 = time.perf_counter()
        stalled = 0
        while self.makespan > target:
            if stall_generations is not None and stalled >= stall_generations:
                break
            if max_schedules is not None and self.schedules >= max_schedules:
                break
            if time.perf_counter() - t0 >= time_limit_s:
                break
            if should_stop is not None and should_stop():
                break
            step_seed = int(self._rng.integers(1 << 30))
            self.schedules += int(
                _evolve(
                    self._fwd,
                    self._bwd,
                    self._pop,
                    self._fit,
                    self._best_starts,
                    step_seed,
                    self._mutation,
                )
            )
            self.generations += 1
            best = int(self._fit.min())
            stalled = 0 if best < self.makespan else stalled + 1
            self.makespan = best
        return self.makespan

    def inject(self, starts: list[int] | tuple[int, ...]) -> None:
        """Put a schedule found elsewhere into the population in place of the worst
        individual (its order by start time becomes an activity list)."""
        keys = np.array([[s + 1e-6 * j for j, s in enumerate(starts)]], dtype=np.float64)
        pop = np.empty((1, self._n), dtype=np.int64)
        fit = np.empty(1, dtype=np.int64)
        found = np.empty(self._n, dtype=np.int64)
        ms = int(_initial(self._fwd, self._bwd, keys, pop, fit, found))
        worst = int(np.argmax(self._fit))
        self._pop[worst] = pop[0]
        self._fit[worst] = ms
        if ms < self.makespan:
            self.makespan = ms
            self._best_starts[:] = found


def warm_up() -> None:
    """Compile (or load from the on-disk cache) the kernels, so the first real call is fast."""
    search = GeneticSearch(
        [0, 2, 3, 0],
        [[0], [1], [1], [0]],
        [1],
        [[1, 2], [3], [3], []],
        initial_keys=[],
        population=4,
    )
    search.run(time_limit_s=1.0, max_schedules=30)
    search.inject([0, 0, 2, 5])
