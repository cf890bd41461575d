"""The portfolio planner's dataclasses: its inputs, its outputs, and the solved state.

Inputs (:class:`PlanningProblem` and what it holds, :class:`Scenario`), outputs
(:class:`PlanResult` and what it holds), and the internal model data (:class:`Data`,
:class:`Spec`, :class:`Built`, :class:`Solved`) shared by the model, the explanations and the
solve flow.  Only types here: every planning module imports this one, and it imports none of
them, so the imports go one way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ortools.sat.python import cp_model

from .common import (
    SolveStatus,
)
from .months import (
    add_months,
    first_of_month,
    months_between,
)

# --------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolMember:
    """A project manager in the shared pool.

    ``days_per_week`` is the normal availability; ``availability`` overrides it for given
    months (keyed by any date in the month) and ``leave_days`` subtracts days of leave taken
    in a month (converted to days per week over the month's 52/12 weeks).  Every month's
    availability must lie between 0 and 5 days a week.  ``cost_rate_per_day`` (pounds) prices
    the member's time for reporting; pool salaries are not charged to project funds.
    """

    id: str
    name: str
    skills: frozenset[str]
    days_per_week: Decimal = Decimal(5)
    availability: Mapping[dt.date, Decimal] = field(default_factory=dict)
    leave_days: Mapping[dt.date, Decimal] = field(default_factory=dict)
    cost_rate_per_day: Decimal = Decimal(0)
    home_partner: str = ""


@dataclass(frozen=True)
class RoleDemand:
    """A role a project needs: ``days_per_week`` of someone with ``skill``.

    The role starts ``start_offset`` months after the project starts and lasts ``months``
    months (``None``: to the end of the project).  ``member_id`` pins a named pool member
    (for committed staffing); otherwise the planner chooses.
    """

    skill: str
    days_per_week: Decimal
    start_offset: int = 0
    months: int | None = None
    member_id: str | None = None


class Decision(StrEnum):
    """Whether the planner may choose: ``OPTIONAL``, or forced ``IN`` / ``OUT`` (scenarios)."""

    OPTIONAL = "OPTIONAL"
    IN = "IN"
    OUT = "OUT"


@dataclass(frozen=True)
class Project:
    """A candidate project.

    Months are given as dates (any day in the month).  The project runs for
    ``duration_months`` whole months, starting no earlier than ``earliest_start`` and ending
    by the end of the ``deadline`` month (``None``: the end of the horizon).
    ``cost_per_month[k]`` is spent in the project's k-th month (missing months cost nothing)
    and is charged to ``fund_id`` (``None``: funded outside the plan).  ``depends_on`` lists
    projects that must run and end before this one starts.  ``fixed_start`` commits the
    project to run from that month (it may lie before the horizon for work under way).
    """

    id: str
    title: str
    value: Decimal
    duration_months: int
    earliest_start: dt.date | None = None
    deadline: dt.date | None = None
    roles: tuple[RoleDemand, ...] = ()
    cost_per_month: tuple[Decimal, ...] = ()
    fund_id: str | None = None
    depends_on: tuple[str, ...] = ()
    fixed_start: dt.date | None = None
    decision: Decision = Decision.OPTIONAL

    @property
    def total_cost(self) -> Decimal:
        """Sum of the monthly cost profile."""
        return sum(self.cost_per_month, Decimal(0))


@dataclass(frozen=True)
class Fund:
    """Money available to projects charged to this fund.

    ``opening_balance`` is available from the first month; ``inflows`` adds money in given
    months (keyed by any date in the month).  With ``carry_over`` (the default) unspent money
    stays available later, so the rule is on cumulative spend; without it each month's spend
    is limited to that month's inflow (plus the opening balance in the first month).
    """

    id: str
    name: str
    opening_balance: Decimal = Decimal(0)
    inflows: Mapping[dt.date, Decimal] = field(default_factory=dict)
    carry_over: bool = True


@dataclass(frozen=True)
class PlanningProblem:
    """Everything the planner needs: the horizon, the pool, the funds, the candidates."""

    start: dt.date
    months: int
    members: tuple[PoolMember, ...]
    projects: tuple[Project, ...]
    funds: tuple[Fund, ...] = ()

    def month(self, index: int) -> dt.date:
        """First day of the horizon's month ``index`` (0 = the first month)."""
        return add_months(first_of_month(self.start), index)

    def index(self, day: dt.date) -> int:
        """Horizon month index of ``day`` (negative before the horizon)."""
        return months_between(first_of_month(self.start), day)


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledProject:
    """A project in the plan: it runs from ``start`` to the end of the ``end`` month.

    ``cost`` is the spend inside the horizon; ``staff_cost`` prices the assigned roles.
    """

    project_id: str
    title: str
    start: dt.date
    end: dt.date
    value: Decimal
    cost: Decimal
    staff_cost: Decimal
    fixed: bool


@dataclass(frozen=True)
class Assignment:
    """Pool member ``member_id`` staffs role ``role_index`` of a project from ``start`` to
    the end of the ``end`` month, ``days_per_week`` days a week."""

    project_id: str
    role_index: int
    skill: str
    member_id: str
    member_name: str
    days_per_week: Decimal
    start: dt.date
    end: dt.date
    cost: Decimal


class ReasonKind(StrEnum):
    """Which constraint keeps a project out (or makes commitments conflict)."""

    CAPACITY = "CAPACITY"
    SKILL_MISSING = "SKILL_MISSING"
    MONEY = "MONEY"
    DEADLINE = "DEADLINE"
    DEPENDENCY = "DEPENDENCY"
    HORIZON = "HORIZON"
    FORCED_OUT = "FORCED_OUT"
    OUTRANKED = "OUTRANKED"
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class Reason:
    """One binding constraint, in words and in data.

    ``skill``/``fund_id``/``months``/``amount`` say which skill in which months, which fund,
    by how much (days per week for capacity, pounds for money, months for deadlines).
    ``suggestion`` is the smallest change of this kind that would let the project in, e.g.
    "One more day a week of procurement from March 2011" or "£20,000 more in the reserve by
    June 2011" (empty when no change of this kind is enough on its own).
    """

    kind: ReasonKind
    message: str
    suggestion: str = ""
    skill: str | None = None
    fund_id: str | None = None
    months: tuple[dt.date, ...] = ()
    amount: Decimal | None = None
    project_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeferredProject:
    """A candidate left out of the plan, with why and what would let it in."""

    project_id: str
    title: str
    value: Decimal
    reasons: tuple[Reason, ...]

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The non-empty suggestion texts, in order."""
        return tuple(r.suggestion for r in self.reasons if r.suggestion)


@dataclass(frozen=True)
class Conflict:
    """Commitments (fixed or forced-in projects) that cannot all hold, and why."""

    message: str
    project_ids: tuple[str, ...]
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class PlanResult:
    """The plan.

    ``objective`` is the total value of the chosen projects; ``best_bound`` is a proven upper
    bound on the best total value; ``gap = (best_bound - objective) / best_bound`` (0 when the
    plan is proven optimal).  For an INFEASIBLE result ``conflicts`` names the commitments that
    cannot all hold.  ``spend[fund_id][m]`` and ``utilisation[member_id][m]`` give money spent
    and days per week used in each horizon month.
    """

    status: SolveStatus
    objective: Decimal
    best_bound: Decimal
    gap: float
    scheduled: tuple[ScheduledProject, ...]
    assignments: tuple[Assignment, ...]
    deferred: tuple[DeferredProject, ...]
    conflicts: tuple[Conflict, ...] = ()
    warnings: tuple[str, ...] = ()
    spend: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)
    utilisation: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)
    wall_time_s: float = 0.0

    @property
    def total_cost(self) -> Decimal:
        """Project spend inside the horizon for the chosen projects."""
        return sum((s.cost for s in self.scheduled), Decimal(0))

    def scheduled_ids(self) -> frozenset[str]:
        """Ids of the chosen projects."""
        return frozenset(s.project_id for s in self.scheduled)


@dataclass(frozen=True)
class FrontierPoint:
    """Best value found when total project spend is capped at ``budget``."""

    budget: Decimal
    value: Decimal
    cost: Decimal
    project_ids: tuple[str, ...]
    status: SolveStatus
    gap: float
    efficient: bool


# --------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyChange:
    """Add ``amount`` (negative to remove) to ``fund_id`` in ``month``."""

    fund_id: str
    month: dt.date
    amount: Decimal


@dataclass(frozen=True)
class Scenario:
    """A what-if change to a problem: force projects in or out, add or remove pool members,
    change the money.  Apply with :func:`apply_scenario`."""

    name: str
    force_in: tuple[str, ...] = ()
    force_out: tuple[str, ...] = ()
    add_members: tuple[PoolMember, ...] = ()
    remove_members: tuple[str, ...] = ()
    money_changes: tuple[MoneyChange, ...] = ()


@dataclass(frozen=True)
class ScenarioComparison:
    """One row of a side-by-side comparison; ``added``/``dropped`` are relative to the first."""

    name: str
    status: SolveStatus
    value: Decimal
    cost: Decimal
    gap: float
    project_ids: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]


# --------------------------------------------------------------------------------------
# Model data and solved state (internal)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleData:
    index: int
    skill: str
    units: int
    offset: int
    length: int
    pinned: str | None


@dataclass(frozen=True)
class ProjectData:
    project: Project
    index: int
    duration: int
    starts: tuple[int, ...]  # allowed start months (may be negative for fixed work under way)
    late_starts: tuple[int, ...]  # extra start months past the deadline (deadline slack only)
    deadline_end: int  # exclusive end month allowed by the deadline (and horizon)
    cost: tuple[int, ...]  # pence per project month
    roles: tuple[RoleData, ...]
    fixed: bool

    @property
    def id(self) -> str:
        return self.project.id


@dataclass(frozen=True)
class Data:
    problem: PlanningProblem
    horizon: int
    projects: tuple[ProjectData, ...]
    members: tuple[PoolMember, ...]
    availability: dict[str, tuple[int, ...]]  # units per month
    skills: frozenset[str]

    def by_id(self, pid: str) -> ProjectData:
        for p in self.projects:
            if p.id == pid:
                return p
        raise KeyError(pid)


@dataclass(frozen=True)
class Spec:
    """What to build: which projects are forced, which families are relaxed, what objective."""

    force_in: frozenset[str] = frozenset()
    force_out: frozenset[str] = frozenset()
    capacity_slack: bool = False
    money_slack: bool = False
    deadline_slack: frozenset[str] = frozenset()
    objective: str = "value"  # value | slack | starts | feasibility
    budget: int | None = None  # pence
    min_value: int | None = None  # scaled value, for the "starts" objective
    assumptions: bool = False  # forced projects as assumption literals (conflict cores)


@dataclass
class Built:
    model: cp_model.CpModel
    data: Data
    spec: Spec
    present: dict[str, cp_model.IntVar] = field(default_factory=dict)
    x: dict[str, dict[int, cp_model.IntVar]] = field(default_factory=dict)
    start: dict[str, cp_model.LinearExprT] = field(default_factory=dict)
    assign: dict[tuple[str, int, str], cp_model.IntVar] = field(default_factory=dict)
    virtual: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    extra_usage: dict[tuple[str, int], cp_model.LinearExprT] = field(default_factory=dict)
    member_extra: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    extra_money: dict[str, cp_model.IntVar] = field(default_factory=dict)
    lateness: dict[str, cp_model.LinearExprT] = field(default_factory=dict)
    value_expr: cp_model.LinearExprT = 0
    assumption_of: dict[int, str] = field(default_factory=dict)


@dataclass
class Solved:
    status: SolveStatus
    built: Built
    solver: cp_model.CpSolver
    objective: int
    bound: float
    solutions: int

    @property
    def ok(self) -> bool:
        return self.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)

    def present(self, pid: str) -> bool:
        return bool(self.solver.value(self.built.present[pid]))

    def start(self, pid: str) -> int:
        return int(self.solver.value(self.built.start[pid]))
