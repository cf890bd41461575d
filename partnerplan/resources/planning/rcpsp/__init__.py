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
  Sub-modules: :mod:`.problem` (data, bounds, checks), :mod:`.heuristics` (SSGS and priority
  rules), :mod:`.cpsat` (CP-SAT models), :mod:`.strong` (the strong solve driver).
  See ``docs/planning.md``.
"""

from .cpsat import StrongOptions, solve_rcpsp_plain
from .heuristics import serial_sgs, solve_rcpsp_heuristic, solve_rcpsp_onepass
from .problem import (
    RcpspProblem,
    RcpspResult,
    check_schedule,
    critical_path,
    heads_and_tails,
    lower_bound,
)
from .strong import solve_rcpsp

__all__ = [
    "RcpspProblem",
    "RcpspResult",
    "StrongOptions",
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
