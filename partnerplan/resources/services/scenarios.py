"""Scenarios: named what-ifs to compare with the plan as it stands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import PlanScenario, PoolMember, Skill
from partnerplan.resources.services._common import MAX_DAYS, _add, _errors, _signed_in


@transaction.atomic
def scenario_create(
    *,
    actor: Actor,
    name: str,
    description: str = "",
    force_in: Iterable[Project] = (),
    force_out: Iterable[Project] = (),
    remove_members: Iterable[PoolMember] = (),
    add_skill: Skill | None = None,
    add_days_per_week: Decimal | None = None,
    money_change: Decimal | None = None,
    money_month: dt.date | None = None,
) -> PlanScenario:
    errors = _errors()
    name = name.strip()
    if PlanScenario.objects.filter(name__iexact=name).exists():
        _add(errors, "name", f"There is already a scenario called '{name}': choose another name")
    ins, outs = list(force_in), list(force_out)
    both = sorted(p.title for p in set(ins) & set(outs))
    if both:
        _add(errors, "force_out", f"A project cannot be forced both in and out: {', '.join(both)}")
    if add_skill is not None or add_days_per_week is not None:
        if add_skill is None:
            _add(errors, "add_skill", "Choose the skill of the extra pool member")
        if add_days_per_week is None or add_days_per_week <= 0 or add_days_per_week > MAX_DAYS:
            _add(
                errors,
                "add_days_per_week",
                "Enter the extra pool member's days a week: more than 0 and 5 or fewer",
            )
    if money_month is not None and money_change is None:
        _add(errors, "money_change", "Enter the change to the money, or clear its month")
    removed = list(remove_members)
    changes = bool(ins or outs or removed or add_skill or money_change)
    if not errors and not changes:
        _add(errors, "", "A scenario must change something: force a project in or out, "
             "add or take out a pool member, or change the money")  # fmt: skip
    if errors:
        if "" in errors:
            errors["__all__"] = errors.pop("")
        raise ValidationError(errors)
    scenario = PlanScenario(
        name=name,
        description=description.strip(),
        add_skill=add_skill,
        add_days_per_week=add_days_per_week,
        money_change=money_change,
        money_month=money_month,
        created_by=_signed_in(actor),
    )
    save_with_actor(scenario, actor)
    scenario.force_in.set(ins)
    scenario.force_out.set(outs)
    scenario.remove_members.set(removed)
    return scenario
