"""Planner runs: a snapshot of the inputs, checked, queued for the background worker.

The worker's half (queued -> running -> done | failed, progress, the solve) is in
`services.worker`; the queue entry point (`resources.tasks.run_plan`) calls it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.access import Viewer
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.resources.models import PlanRun, PlanScenario
from partnerplan.resources.services._common import (
    MAX_MONTHS,
    MAX_TIME_LIMIT_S,
    _add,
    _errors,
    _raise,
    _signed_in,
)
from partnerplan.resources.services.booking import _role_pks, _staffing
from partnerplan.resources.tasks import run_plan


@transaction.atomic
def run_create(
    *,
    actor: Actor,
    viewer: Viewer,
    name: str,
    starts_on: dt.date,
    months: int,
    time_limit_s: int,
    money: Decimal | None = None,
    frontier: bool = False,
    scenarios: Iterable[PlanScenario] = (),
) -> PlanRun:
    """Take a snapshot of the inputs, check them, and queue the run for the worker."""
    # The planning core (OR-Tools) is loaded when a run is asked for, not with every page.
    from partnerplan.resources import snapshot, translate
    from partnerplan.resources.planning.portfolio import validate

    errors = _errors()
    if not name.strip():
        _add(errors, "name", "Enter a name for the run")
    if not time_limit_s or time_limit_s < 1 or time_limit_s > MAX_TIME_LIMIT_S:
        _add(errors, "time_limit_s", f"Choose a time limit from 1 to {MAX_TIME_LIMIT_S} seconds")
    if not months or months < 1 or months > MAX_MONTHS:
        _add(errors, "months", f"Plan from 1 to {MAX_MONTHS} months")
    if money is not None and money < 0:
        _add(errors, "money", "The money available cannot be negative")
    _raise(errors)
    scenario_list = list(scenarios)
    built = translate.build_problem(viewer=viewer, starts_on=starts_on, months=months, money=money)
    problems = validate(built.problem)
    if not built.problem.projects:
        problems.insert(0, "No project has any role demand to plan: add the demand first")
    scenario_json = []
    for s in scenario_list:
        try:
            planned = translate.build_scenario(s, built)
        except translate.ScenarioError as exc:
            problems.append(str(exc))
            continue
        scenario_json.append(snapshot.scenario_to_json(planned))
    if problems:
        raise ValidationError({"__all__": problems})
    run = PlanRun(
        name=name.strip(),
        starts_on=starts_on,
        months=months,
        time_limit_s=time_limit_s,
        money=money,
        frontier=frontier,
        created_by=_signed_in(actor),
        inputs={
            "problem": snapshot.problem_to_json(built.problem),
            "scenarios": scenario_json,
            "labels": built.labels,
            "warnings": built.warnings,
            "roles": built.roles,
            "bookings": _staffing(_role_pks(built.roles)),
        },
    )
    save_with_actor(run, actor)
    run.scenarios.set(scenario_list)
    transaction.on_commit(lambda: run_plan.enqueue(run.pk))
    return run
