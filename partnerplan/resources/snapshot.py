"""Planning dataclasses to JSON and back, for a run's inputs snapshot and its result.

The inputs round-trip exactly (Decimals as strings, dates as ISO strings); the result is only
written (pages read the JSON).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from partnerplan.resources.planning.portfolio import (
    Decision,
    Fund,
    MoneyChange,
    PlanningProblem,
    PlanResult,
    PoolMember,
    Project,
    RoleDemand,
    Scenario,
)


def to_json(value: Any) -> Any:
    """Any planning value as plain JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(to_json(v) for v in value)
    if isinstance(value, Mapping):
        return {str(to_json(k)): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _dates(mapping: Mapping[str, str]) -> dict[dt.date, Decimal]:
    return {dt.date.fromisoformat(k): Decimal(v) for k, v in mapping.items()}


def problem_to_json(problem: PlanningProblem) -> dict[str, Any]:
    return to_json(problem)  # type: ignore[no-any-return]


def _member(d: Mapping[str, Any]) -> PoolMember:
    return PoolMember(
        id=d["id"],
        name=d["name"],
        skills=frozenset(d["skills"]),
        days_per_week=Decimal(d["days_per_week"]),
        availability=_dates(d["availability"]),
        leave_days=_dates(d["leave_days"]),
        cost_rate_per_day=Decimal(d["cost_rate_per_day"]),
        home_partner=d["home_partner"],
    )


def _project(d: Mapping[str, Any]) -> Project:
    return Project(
        id=d["id"],
        title=d["title"],
        value=Decimal(d["value"]),
        duration_months=d["duration_months"],
        earliest_start=_date(d["earliest_start"]),
        deadline=_date(d["deadline"]),
        roles=tuple(
            RoleDemand(
                skill=r["skill"],
                days_per_week=Decimal(r["days_per_week"]),
                start_offset=r["start_offset"],
                months=r["months"],
                member_id=r["member_id"],
            )
            for r in d["roles"]
        ),
        cost_per_month=tuple(Decimal(c) for c in d["cost_per_month"]),
        fund_id=d["fund_id"],
        depends_on=tuple(d["depends_on"]),
        fixed_start=_date(d["fixed_start"]),
        decision=Decision(d["decision"]),
    )


def _fund(d: Mapping[str, Any]) -> Fund:
    return Fund(
        id=d["id"],
        name=d["name"],
        opening_balance=Decimal(d["opening_balance"]),
        inflows=_dates(d["inflows"]),
        carry_over=d["carry_over"],
    )


def problem_from_json(d: Mapping[str, Any]) -> PlanningProblem:
    return PlanningProblem(
        start=dt.date.fromisoformat(d["start"]),
        months=d["months"],
        members=tuple(_member(m) for m in d["members"]),
        projects=tuple(_project(p) for p in d["projects"]),
        funds=tuple(_fund(f) for f in d["funds"]),
    )


def scenario_to_json(scenario: Scenario) -> dict[str, Any]:
    return to_json(scenario)  # type: ignore[no-any-return]


def scenario_from_json(d: Mapping[str, Any]) -> Scenario:
    return Scenario(
        name=d["name"],
        force_in=tuple(d["force_in"]),
        force_out=tuple(d["force_out"]),
        add_members=tuple(_member(m) for m in d["add_members"]),
        remove_members=tuple(d["remove_members"]),
        money_changes=tuple(
            MoneyChange(
                fund_id=m["fund_id"],
                month=dt.date.fromisoformat(m["month"]),
                amount=Decimal(m["amount"]),
            )
            for m in d["money_changes"]
        ),
    )


def result_to_json(result: PlanResult) -> dict[str, Any]:
    data: dict[str, Any] = to_json(result)
    data["total_cost"] = str(result.total_cost)
    data["deferred"] = [{**to_json(d), "suggestions": list(d.suggestions)} for d in result.deferred]
    return data
