"""Types shared by the planning models: solve status, input errors, progress callbacks."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TypeVar

__all__ = [
    "PlanningInputError",
    "ProgressCallback",
    "SolveStatus",
    "find_cycle",
    "status_from_cp_sat",
]


class SolveStatus(StrEnum):
    """Outcome of a solve.

    * ``OPTIMAL``: the answer is proven best (gap 0).
    * ``FEASIBLE``: a valid answer, not proven best within the time limit (see the gap).
    * ``INFEASIBLE``: proven that no answer satisfies the hard constraints.
    * ``UNKNOWN``: the time limit ran out before any answer was found.
    """

    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    UNKNOWN = "UNKNOWN"


def status_from_cp_sat(name: str) -> SolveStatus:
    """Map a CP-SAT status name (``solver.status_name()``) onto :class:`SolveStatus`.

    ``MODEL_INVALID`` is a programming error in this package, so it raises RuntimeError.
    """
    if name == "MODEL_INVALID":
        raise RuntimeError("internal error: CP-SAT rejected the planning model as invalid")
    return SolveStatus(name) if name in SolveStatus.__members__ else SolveStatus.UNKNOWN


ProgressCallback = Callable[[float, int], None]
"""Called as ``progress(fraction_of_time_limit_used, solutions_found_so_far)``.

It is called from the solver's thread each time a better solution is found, and once at
the end with fraction 1.0.  It must be quick and must not raise.
"""


class PlanningInputError(ValueError):
    """The planning input is invalid.  ``problems`` lists every problem found, in plain English.

    The message joins them, one per line, so the whole list reaches the person fixing the data.
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: list[str] = list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems in the planning input:\n" + "\n".join(
                f"- {p}" for p in self.problems
            )
        super().__init__(message)


K = TypeVar("K", bound=Hashable)


def find_cycle(waits_for: Mapping[K, Sequence[K]]) -> list[K] | None:
    """One cycle of "waits for" links, in the order things wait (first repeated at the end),
    or None.  Links to keys not in the mapping are ignored, as are self-links."""
    deps = {k: [d for d in v if d != k and d in waits_for] for k, v in waits_for.items()}
    state: dict[K, int] = {}  # 1 = on the current path, 2 = done
    stack: list[K] = []

    def visit(node: K) -> list[K] | None:
        state[node] = 1
        stack.append(node)
        for nxt in deps[node]:
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for key in deps:
        if key not in state:
            found = visit(key)
            if found:
                return list(reversed(found))
    return None
