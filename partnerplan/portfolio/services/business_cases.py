"""Business cases and their versions (the five cases), and their approval."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body
from partnerplan.portfolio.models import (
    FIVE_CASES,
    BusinessCase,
    BusinessCaseStage,
    BusinessCaseVersion,
    Project,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _date, _raise

CASE_FIELDS = {*FIVE_CASES, "options", "preferred_option"}


@transaction.atomic
def business_case_create(
    *, actor: Actor, project: Project, stage: str, **cases: Any
) -> BusinessCaseVersion:
    """Start a business case of `stage` for `project`; returns its first version."""
    if BusinessCase.objects.filter(project=project, stage=stage).exists():
        raise ValidationError(
            {
                "stage": f"{project} already has a {BusinessCaseStage(stage).label.lower()}: "
                "add a new version to it instead"
            }
        )
    case = BusinessCase(project=project, stage=stage)
    save_with_actor(case, actor)
    version = BusinessCaseVersion(business_case=case, number=1)
    _apply(version, CASE_FIELDS, cases)
    save_with_actor(version, actor)
    return version


@transaction.atomic
def business_case_version_update(
    *, actor: Actor, version: BusinessCaseVersion, **cases: Any
) -> BusinessCaseVersion:
    version = BusinessCaseVersion.objects.select_for_update().get(pk=version.pk)
    if version.approved_on is not None:
        raise ValidationError(
            f"Version {version.number} was approved on {_date(version.approved_on)} and is kept "
            "as approved: start a new version to change it"
        )
    _apply(version, CASE_FIELDS, cases)
    save_with_actor(version, actor)
    return version


@transaction.atomic
def business_case_new_version(*, actor: Actor, business_case: BusinessCase) -> BusinessCaseVersion:
    """A new draft version, starting from the latest one."""
    latest = business_case.versions.order_by("-number").first()
    version = BusinessCaseVersion(
        business_case=business_case, number=(latest.number + 1) if latest else 1
    )
    if latest:
        for name in CASE_FIELDS:
            setattr(version, name, getattr(latest, name))
    save_with_actor(version, actor)
    return version


@transaction.atomic
def business_case_version_approve(
    *,
    actor: Actor,
    version: BusinessCaseVersion,
    approved_on: dt.date,
    approval_reference: str,
    approved_by: Body | None = None,
) -> BusinessCaseVersion:
    version = (
        BusinessCaseVersion.objects.select_for_update(of=("self",))
        .select_related("business_case")
        .get(pk=version.pk)
    )
    errors: Errors = {}
    if version.is_approved:
        _add(errors, "approved_on", f"Version {version.number} is already approved")
    missing = version.missing_cases
    if missing:
        listed = ", ".join(f"the {name} case" for name in missing)
        _add(
            errors,
            "approved_on",
            f"A {version.business_case.get_stage_display().lower()} cannot be approved until "
            f"it is complete: fill in {listed}",
        )
    if not approval_reference.strip():
        _add(errors, "approval_reference", "Enter the meeting or decision that approved it")
    if approved_on and approved_on > timezone.localdate():
        _add(errors, "approved_on", "The date approved cannot be in the future")
    _raise(errors)
    version.approved_on = approved_on
    version.approved_by = approved_by
    version.approval_reference = approval_reference.strip()
    save_with_actor(version, actor)
    return version
