"""Types shared by the planning models: solve status, input errors, progress callbacks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

__all__ = ["PlanningInputError", "ProgressCallback", "SolveStatus", "status_from_cp_sat"]


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
