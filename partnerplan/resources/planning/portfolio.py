"""Portfolio planning for a shared pool of project managers.

Plain dataclasses in (:class:`PlanningProblem`), plain dataclasses out (:class:`PlanResult`).
:func:`plan_portfolio` chooses which candidate projects run, when they start and who staffs
each role, maximising the total priority value, subject to:

* **capacity**: in every month, a pool member's roles use at most their availability
  (days per week, averaged over the month, after leave);
* **skills**: each role is staffed by one pool member who has the role's skill, for the whole
  role (no splitting: one named person per role, for continuity);
* **money**: for each fund, the cumulative spend of its projects never exceeds the cumulative
  money available (opening balance plus inflows so far); a fund with ``carry_over=False``
  instead limits each month's spend to that month's amount;
* **deadlines**: a project runs for its whole duration between its earliest start and its
  deadline month, inside the planning horizon;
* **dependencies**: a project runs only if every project it depends on runs, and starts after
  they end;
* **commitments**: fixed projects run at their committed start; forced-in projects run;
  forced-out projects do not.

Deferred projects come back with the constraint that keeps each out and what would let it
in; an infeasible set of commitments comes back as named conflicts.  Invalid input raises
:class:`PlanningInputError` listing every problem.  See ``docs/planning.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .common import PlanningInputError, ProgressCallback, SolveStatus
from .plan_types import (
    Assignment,
    Conflict,
    Decision,
    DeferredProject,
    FrontierPoint,
    Fund,
    MoneyChange,
    PlanningProblem,
    PlanResult,
    PoolMember,
    Project,
    Reason,
    ReasonKind,
    RoleDemand,
    Scenario,
    ScenarioComparison,
    ScheduledProject,
)
from .portfolio_solve import solve_frontier, solve_plan
from .scenarios import apply_scenario, compare
from .validation import check, validate

__all__ = [
    "Assignment",
    "Conflict",
    "Decision",
    "DeferredProject",
    "FrontierPoint",
    "Fund",
    "MoneyChange",
    "PlanResult",
    "PlanningInputError",
    "PlanningProblem",
    "PoolMember",
    "Project",
    "Reason",
    "ReasonKind",
    "RoleDemand",
    "Scenario",
    "ScenarioComparison",
    "ScheduledProject",
    "SolveStatus",
    "apply_scenario",
    "compare",
    "efficient_frontier",
    "plan_portfolio",
    "validate",
]


# --------------------------------------------------------------------------------------
# Solving (implemented in portfolio_model / explain)
# --------------------------------------------------------------------------------------


def plan_portfolio(
    problem: PlanningProblem,
    *,
    time_limit_s: float = 10.0,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    explain: bool | Iterable[str] = True,
    explain_time_limit_s: float = 2.0,
) -> PlanResult:
    """Choose, schedule and staff projects to maximise total value.

    ``time_limit_s`` bounds the main solve; explanations of deferred projects (``explain``:
    True for all, False for none, or a list of project ids) take up to
    ``explain_time_limit_s`` per solve on top.  Raises :class:`PlanningInputError` for
    invalid input; an infeasible set of commitments returns status INFEASIBLE with
    ``conflicts``, never an exception.
    """
    check(problem)
    return solve_plan(
        problem,
        time_limit_s=time_limit_s,
        workers=workers,
        progress=progress,
        explain=explain,
        explain_time_limit_s=explain_time_limit_s,
    )


def efficient_frontier(
    problem: PlanningProblem,
    budgets: Sequence[Decimal] | None = None,
    *,
    points: int = 8,
    time_limit_s: float = 5.0,
    workers: int = 2,
) -> list[FrontierPoint]:
    """Best value for each cap on total project spend (all funds, inside the horizon).

    ``budgets`` defaults to ``points`` evenly spaced levels from the spend of the committed
    projects to the spend of all candidates.  Each point respects every other constraint too.
    A point is ``efficient`` when it gives more value than every cheaper point.  Raises
    :class:`PlanningInputError` for invalid input.
    """
    check(problem)
    return solve_frontier(
        problem, budgets, points=points, time_limit_s=time_limit_s, workers=workers
    )
