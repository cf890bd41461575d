"""The roles projects need from the pool, and their planning settings."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import ProjectPlanning, RoleDemand, Skill
from partnerplan.resources.services._common import (
    MAX_MONTHS,
    _add,
    _check_days,
    _check_order,
    _errors,
    _raise,
    _unexpected,
)

DEMAND_FIELDS = {"title", "days_per_week", "starts_on", "months", "source"}


def _validate_demand(demand: RoleDemand, skill: Skill | None) -> None:
    errors = _errors()
    if skill is None:
        _add(
            errors,
            "skill",
            "Choose the skill this role needs: the planner can only staff a role with "
            "someone who has its skill",
        )
    _check_days(errors, demand.days_per_week, "the role needs")
    if demand.days_per_week is not None and demand.days_per_week == 0:
        _add(errors, "days_per_week", "A role must need more than 0 days a week")
    if demand.starts_on is None:
        _add(errors, "starts_on", "Enter when the role starts")
    if not demand.months:
        _add(errors, "months", "Enter how many months the role lasts: 1 or more")
    elif demand.months > MAX_MONTHS:
        _add(errors, "months", f"A role can last at most {MAX_MONTHS} months")
    if not (demand.title or "").strip():
        _add(errors, "title", "Enter the role, for example Project manager")
    _raise(errors)


@transaction.atomic
def demand_create(
    *, actor: Actor, project: Project, skill: Skill | None, **data: Any
) -> RoleDemand:
    _unexpected(data, DEMAND_FIELDS)
    demand = RoleDemand(project=project, **data)
    _validate_demand(demand, skill)
    assert skill is not None
    demand.skill = skill
    demand.title = demand.title.strip()
    save_with_actor(demand, actor)
    return demand


@transaction.atomic
def demand_update(
    *, actor: Actor, demand: RoleDemand, skill: Skill | None, **data: Any
) -> RoleDemand:
    """Change a role. Refused if someone booked to it lacks a newly chosen skill."""
    _unexpected(data, DEMAND_FIELDS)
    row = RoleDemand.objects.select_for_update().get(pk=demand.pk)
    for name, value in data.items():
        setattr(row, name, value)
    _validate_demand(row, skill)
    assert skill is not None
    if skill.pk != row.skill_id:
        lacking = sorted(
            str(a.member)
            for a in row.assignments.select_related("member__person")
            if not a.member.skills.filter(pk=skill.pk).exists()
        )
        if lacking:
            raise ValidationError(
                {
                    "skill": f"{', '.join(lacking)} {'is' if len(lacking) == 1 else 'are'} "
                    f"booked to this role and {'does' if len(lacking) == 1 else 'do'} not have "
                    f"{skill.name}: remove the booking first"
                }
            )
    row.skill = skill
    row.title = row.title.strip()
    save_with_actor(row, actor)
    return row


@transaction.atomic
def demand_delete(*, actor: Actor, demand: RoleDemand) -> None:
    delete_with_actor(demand, actor)


PLANNING_FIELDS = {"committed", "earliest_start", "deadline", "value", "cost_per_month", "fund"}


@transaction.atomic
def planning_set(*, actor: Actor, project: Project, **data: Any) -> ProjectPlanning:
    _unexpected(data, PLANNING_FIELDS)
    planning = ProjectPlanning.objects.filter(project=project).first() or ProjectPlanning(
        project=project
    )
    for name, value in data.items():
        setattr(planning, name, value)
    errors = _errors()
    _check_order(errors, planning.earliest_start, planning.deadline, "deadline", "window")
    if planning.value is not None and planning.value < 0:
        _add(errors, "value", "The priority value cannot be negative")
    if planning.cost_per_month is not None and planning.cost_per_month < 0:
        _add(errors, "cost_per_month", "The cost per month cannot be negative")
    _raise(errors)
    save_with_actor(planning, actor)
    return planning
