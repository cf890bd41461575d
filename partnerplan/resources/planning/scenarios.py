"""What-if scenarios on a planning problem, and side-by-side comparison of results."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal

from .common import (
    PlanningInputError,
)
from .months import (
    first_of_month,
)
from .plan_types import (
    Decision,
    PlanningProblem,
    PlanResult,
    Scenario,
    ScenarioComparison,
)


def apply_scenario(problem: PlanningProblem, scenario: Scenario) -> PlanningProblem:
    """Return a copy of ``problem`` with the scenario's changes.

    Raises :class:`PlanningInputError` for unknown project, member or fund ids, a project
    forced both in and out, forcing out a fixed project, or adding a member id that exists.
    Removing a member also unpins them from roles (the planner restaffs those roles).
    """
    problems: list[str] = []
    pids = {p.id: p for p in problem.projects}
    mids = {m.id for m in problem.members}
    fids = {f.id for f in problem.funds}
    tag = f"Scenario '{scenario.name}'"
    problems += [
        f"{tag}: unknown project '{i}'"
        for i in (*scenario.force_in, *scenario.force_out)
        if i not in pids
    ]
    problems += [
        f"{tag}: project '{i}' is forced both in and out"
        for i in sorted(set(scenario.force_in) & set(scenario.force_out))
    ]
    problems += [
        f"{tag}: project '{i}' is committed (fixed) and cannot be forced out"
        for i in scenario.force_out
        if i in pids and pids[i].fixed_start is not None
    ]
    problems += [
        f"{tag}: unknown pool member '{i}'" for i in scenario.remove_members if i not in mids
    ]
    problems += [
        f"{tag}: pool member id '{m.id}' already exists"
        for m in scenario.add_members
        if m.id in mids
    ]
    problems += [
        f"{tag}: unknown fund '{c.fund_id}'"
        for c in scenario.money_changes
        if c.fund_id not in fids
    ]
    if problems:
        raise PlanningInputError(problems)

    removed = set(scenario.remove_members)
    projects = []
    for p in problem.projects:
        decision = p.decision
        if p.id in scenario.force_in:
            decision = Decision.IN
        elif p.id in scenario.force_out:
            decision = Decision.OUT
        roles = tuple(
            dataclasses.replace(r, member_id=None) if r.member_id in removed else r for r in p.roles
        )
        projects.append(dataclasses.replace(p, decision=decision, roles=roles))
    funds = []
    for f in problem.funds:
        inflows = {first_of_month(k): v for k, v in f.inflows.items()}
        for c in scenario.money_changes:
            if c.fund_id == f.id:
                key = first_of_month(c.month)
                if key <= first_of_month(problem.start):
                    f = dataclasses.replace(f, opening_balance=f.opening_balance + c.amount)
                else:
                    inflows[key] = inflows.get(key, Decimal(0)) + c.amount
        funds.append(dataclasses.replace(f, inflows=inflows))
    members = tuple(m for m in problem.members if m.id not in removed) + tuple(scenario.add_members)
    return dataclasses.replace(
        problem, members=members, projects=tuple(projects), funds=tuple(funds)
    )


def compare(results: Mapping[str, PlanResult]) -> list[ScenarioComparison]:
    """Compare named results side by side, the first being the baseline."""
    rows: list[ScenarioComparison] = []
    base: frozenset[str] | None = None
    for name, r in results.items():
        ids = r.scheduled_ids()
        if base is None:
            base = ids
        rows.append(
            ScenarioComparison(
                name=name,
                status=r.status,
                value=r.objective,
                cost=r.total_cost,
                gap=r.gap,
                project_ids=tuple(sorted(ids)),
                added=tuple(sorted(ids - base)),
                dropped=tuple(sorted(base - ids)),
            )
        )
    return rows
