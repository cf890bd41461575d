"""Benefits, their measurements, and whether they are behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import (
    Benefit,
    BenefitActual,
    BenefitKind,
    Project,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _date, _raise

BENEFIT_FIELDS = {
    "kind", "description", "measure", "baseline", "baseline_on", "target", "target_on", "owner",
    "tolerance_percent", "realisation_plan",
}  # fmt: skip


def expected_value(benefit: Benefit, on: dt.date) -> Decimal:
    """The benefit's profile: a straight line from baseline to target, flat afterwards."""
    if on <= benefit.baseline_on:
        return benefit.baseline
    if on >= benefit.target_on:
        return benefit.target
    span = (benefit.target_on - benefit.baseline_on).days
    done = Decimal((on - benefit.baseline_on).days) / Decimal(span)
    return benefit.baseline + (benefit.target - benefit.baseline) * done


def benefit_is_behind(benefit: Benefit, actuals: Sequence[BenefitActual]) -> bool:
    """Whether the latest measurement falls short of the profile by more than the tolerance."""
    if not actuals:
        return False
    latest = max(actuals, key=lambda a: a.measured_on)
    expected = expected_value(benefit, latest.measured_on)
    slack = abs(benefit.target - benefit.baseline) * benefit.tolerance_percent / 100
    if benefit.target >= benefit.baseline:
        return latest.value < expected - slack
    return latest.value > expected + slack


def _refresh_benefit_flags(actor: Actor, project: Project) -> None:
    at_risk = False
    for benefit in Benefit.objects.filter(project=project).prefetch_related("actuals"):
        behind = benefit_is_behind(benefit, list(benefit.actuals.all()))
        if behind != benefit.is_behind:
            benefit.is_behind = behind
            save_with_actor(benefit, actor, validate=False)
        at_risk = at_risk or behind
    if project.business_case_at_risk != at_risk:
        project.business_case_at_risk = at_risk
        save_with_actor(project, actor, validate=False)


def _validate_benefit(benefit: Benefit) -> None:
    """A benefit (or dis-benefit) to practice: owner, measure, baseline, target, their dates
    and a realisation plan are all required."""
    errors: Errors = {}
    what = "A dis-benefit" if benefit.kind == BenefitKind.DIS_BENEFIT else "A benefit"
    if benefit.owner_id is None:
        _add(errors, "owner", f"{what} needs an owner: choose the person accountable for it")
    if not (benefit.measure or "").strip():
        _add(errors, "measure", f"{what} needs a measure: what is measured, in what unit")
    if benefit.baseline is None:
        _add(errors, "baseline", f"{what} needs a baseline value")
    if benefit.target is None:
        _add(errors, "target", f"{what} needs a target value")
    if benefit.baseline_on is None:
        _add(errors, "baseline_on", f"{what} needs the date of its baseline")
    if benefit.target_on is None:
        _add(errors, "target_on", f"{what} needs the date of its target")
    if not (benefit.realisation_plan or "").strip():
        _add(
            errors,
            "realisation_plan",
            f"{what} needs a realisation plan: how and when it will be realised and measured",
        )
    if benefit.baseline_on and benefit.target_on and benefit.target_on <= benefit.baseline_on:
        _add(
            errors,
            "target_on",
            f"The target date must be after the baseline date ({_date(benefit.baseline_on)})",
        )
    if benefit.target is not None and benefit.target == benefit.baseline:
        _add(errors, "target", "The target must differ from the baseline")
    if benefit.tolerance_percent is not None and not 0 <= benefit.tolerance_percent <= 100:
        _add(errors, "tolerance_percent", "The tolerance must be between 0 and 100 per cent")
    _raise(errors)


@transaction.atomic
def benefit_create(*, actor: Actor, project: Project, **data: Any) -> Benefit:
    benefit = Benefit(project=project)
    _apply(benefit, BENEFIT_FIELDS, data)
    _validate_benefit(benefit)
    save_with_actor(benefit, actor)
    return benefit


@transaction.atomic
def benefit_update(*, actor: Actor, benefit: Benefit, **data: Any) -> Benefit:
    benefit = (
        Benefit.objects.select_for_update(of=("self",)).select_related("project").get(pk=benefit.pk)
    )
    _apply(benefit, BENEFIT_FIELDS, data)
    _validate_benefit(benefit)
    save_with_actor(benefit, actor)
    _refresh_benefit_flags(actor, benefit.project)
    return benefit


@transaction.atomic
def benefit_record_actual(
    *, actor: Actor, benefit: Benefit, measured_on: dt.date, value: Decimal, note: str = ""
) -> BenefitActual:
    """Record a measurement; the project is flagged "business case at risk" when any of its
    benefits falls behind its profile."""
    benefit = Benefit.objects.select_related("project").get(pk=benefit.pk)
    errors: Errors = {}
    if measured_on < benefit.baseline_on:
        _add(
            errors,
            "measured_on",
            f"The date measured must be on or after the baseline date "
            f"({_date(benefit.baseline_on)})",
        )
    if measured_on > clock.today():
        _add(errors, "measured_on", "The date measured cannot be in the future")
    _raise(errors)
    actual = BenefitActual(benefit=benefit, measured_on=measured_on, value=value, note=note)
    save_with_actor(actual, actor)
    _refresh_benefit_flags(actor, benefit.project)
    return actual
