"""Small planning problems and helpers shared by the planner tests (no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from partnerplan.resources.planning.portfolio import (
    PlanningProblem,
    PlanResult,
    PoolMember,
    Project,
    ReasonKind,
    RoleDemand,
    plan_portfolio,
)

PM = "project management"
PROC = "procurement"
FIN = "finance"
JAN = dt.date(2011, 1, 1)


def month(m: int, year: int = 2011) -> dt.date:
    return dt.date(year, m, 1)


def member(mid: str, skills: set[str], days: str = "5", **kw: object) -> PoolMember:
    return PoolMember(mid, mid.title(), frozenset(skills), Decimal(days), **kw)


def role(skill: str, days: str, **kw: object) -> RoleDemand:
    return RoleDemand(skill, Decimal(days), **kw)


def project(pid: str, value: int, months: int, *roles: RoleDemand, **kw: object) -> Project:
    return Project(pid, pid.title(), Decimal(value), months, roles=roles, **kw)


def problem(members, projects, funds=(), months: int = 12) -> PlanningProblem:
    return PlanningProblem(JAN, months, tuple(members), tuple(projects), tuple(funds))


def plan(p: PlanningProblem, **kw: object) -> PlanResult:
    kw.setdefault("time_limit_s", 2)
    kw.setdefault("explain_time_limit_s", 1)
    return plan_portfolio(p, **kw)


def deferred(result: PlanResult, pid: str):
    return next(d for d in result.deferred if d.project_id == pid)


def reason(result: PlanResult, pid: str, kind: ReasonKind):
    return next(r for r in deferred(result, pid).reasons if r.kind is kind)


def procurement_problem() -> PlanningProblem:
    pool = [member("ann", {PM}, "5"), member("bob", {PROC}, "1")]
    projects = [
        project("a", 10, 6, role(PM, "1"), role(PROC, "1"), deadline=month(6)),
        project(
            "b",
            8,
            4,
            role(PM, "1"),
            role(PROC, "1"),
            earliest_start=month(3),
            deadline=month(6),
        ),
    ]
    return problem(pool, projects)
