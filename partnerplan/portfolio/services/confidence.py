"""Delivery confidence assessments (DCAs) on the partnership's scale, and whether a project
has a current one (the OBC and FBC gates need it: `current_assessment`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import (
    NEEDS_ACTION,
    SCALE_VALUES,
    Confidence,
    ConfidenceAssessment,
    ConfidenceScale,
    Project,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _date, _raise

DCA_FIELDS = {"assessed_on", "rating", "assessor", "summary", "commentary", "action"}


def scale_words(scale: str) -> str:
    return "three-point" if scale == ConfidenceScale.THREE else "five-point"


def dca_problems(assessment: ConfidenceAssessment, scale: str) -> Errors:
    """What is wrong with an assessment on `scale` (the one rule for every path): a point
    that is not on the scale, Amber/Red or Red without commentary and an action, a date in
    the future."""
    errors: Errors = {}
    points = SCALE_VALUES[scale]
    if assessment.rating not in points:
        names = ", ".join(str(Confidence(p).label) for p in points)
        shown = assessment.rating or "No rating"
        if assessment.rating in Confidence.values:
            shown = str(Confidence(assessment.rating).label)
        _add(
            errors,
            "rating",
            f"'{shown}' is not a point on this programme's {scale_words(scale)} scale: "
            f"choose one of {names}",
        )
    elif assessment.rating in NEEDS_ACTION:
        label = str(Confidence(assessment.rating).label)
        if not (assessment.commentary or "").strip():
            _add(errors, "commentary", f"An {label} assessment needs commentary: say why")
        if not (assessment.action or "").strip():
            _add(errors, "action", f"An {label} assessment needs the action being taken")
    if assessment.assessed_on is None:
        _add(errors, "assessed_on", "Enter the date of the assessment")
    elif assessment.assessed_on > clock.today():
        _add(errors, "assessed_on", "The date assessed cannot be in the future")
    return errors


@transaction.atomic
def dca_record(*, actor: Actor, project: Project, **data: Any) -> ConfidenceAssessment:
    """Record a delivery confidence assessment. The project's confidence follows its latest
    assessment."""
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("programme")
        .get(pk=project.pk)
    )
    assessment = ConfidenceAssessment(project=project)
    _apply(assessment, DCA_FIELDS, data)
    if assessment.rating not in NEEDS_ACTION:
        assessment.commentary = assessment.commentary or ""
        assessment.action = assessment.action or ""
    _raise(dca_problems(assessment, project.programme.confidence_scale))
    save_with_actor(assessment, actor)
    latest = (
        ConfidenceAssessment.objects.filter(project=project).order_by("-assessed_on", "-id").first()
    )
    if latest is not None and latest.pk == assessment.pk and project.confidence != latest.rating:
        project.confidence = latest.rating
        save_with_actor(project, actor, validate=False)
    return assessment


def current_assessment(project: Project, on: dt.date) -> ConfidenceAssessment | None:
    """The latest assessment no older than the programme's `dca_valid_days` on `on`."""
    since = on - dt.timedelta(days=project.programme.dca_valid_days)
    return (
        ConfidenceAssessment.objects.filter(
            project=project, assessed_on__gte=since, assessed_on__lte=on
        )
        .order_by("-assessed_on", "-id")
        .first()
    )


def dca_refusal(project: Project, on: dt.date) -> str | None:
    if current_assessment(project, on) is not None:
        return None
    days = project.programme.dca_valid_days
    latest = ConfidenceAssessment.objects.filter(project=project).order_by("-assessed_on").first()
    if latest is None:
        return f"a delivery confidence assessment within the last {days} days (there is none)"
    return (
        f"a delivery confidence assessment within the last {days} days (the latest is of "
        f"{_date(latest.assessed_on)})"
    )
