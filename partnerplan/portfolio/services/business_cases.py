"""Business cases and their versions (the five cases), and their approval."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body, Decision
from partnerplan.portfolio.acts import business_case_act, case_words
from partnerplan.portfolio.models import (
    FIVE_CASES,
    BusinessCase,
    BusinessCaseStage,
    BusinessCaseVersion,
    Project,
)
from partnerplan.portfolio.services._authority import Fields, Given, cite, grant_problems
from partnerplan.portfolio.services._common import _add, _apply, _date, _raise

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


APPROVAL_FIELDS = Fields(
    choice="decision", body="approved_by", reference="approval_reference", decided_on="approved_on"
)


@transaction.atomic
def business_case_version_approve(
    *,
    actor: Actor,
    version: BusinessCaseVersion,
    decision: Decision | None = None,
    approved_by: Body | None = None,
    approval_reference: str = "",
    approved_on: dt.date | None = None,
) -> BusinessCaseVersion:
    """Approve a complete version on the authority given: a body's decision (`decision`), or a
    decision taken before partnerplan was used, from the papers (`approved_by`,
    `approval_reference`, `approved_on`: recorded as a PriorDecision). Governance's
    `authority_use` decides whether it covers the approval (`portfolio.acts.business_case_act`):
    the power to approve a business case, about this project and stage of business case, not
    older than the version. The body, reference and date are kept on the version for display."""
    version = (
        BusinessCaseVersion.objects.select_for_update(of=("self",))
        .select_related("business_case__project")
        .get(pk=version.pk)
    )
    given = Given(decision, None, approved_by, approval_reference, approved_on)
    act = business_case_act(version, on=clock.today(), recorded_from_papers=given.from_papers)
    errors = grant_problems(act, given, APPROVAL_FIELDS, "this business case")
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
    _raise(errors)
    case = version.business_case
    cited = cite(
        actor=actor,
        act=act,
        given=given,
        fields=APPROVAL_FIELDS,
        subject_params={"project_id": case.project_id, "business_case_stage": case.stage},
    )
    version.approved_on = cited.decided_on
    version.approved_by = cited.body
    version.approval_reference = cited.reference[:300]
    version.decision = cited.grant.decision
    version.prior_decision = cited.grant.prior_decision
    version.authority_use = cited.use
    save_with_actor(version, actor)
    return version


def _waiting_version(project_id: object, stage: object, field: str) -> BusinessCaseVersion:
    """The latest version, not yet approved, of the project's business case of `stage`."""
    if not isinstance(project_id, int) or isinstance(project_id, bool):
        raise ValidationError({field: f"'{project_id}' is not a project number"})
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        raise ValidationError({field: f"There is no project number {project_id}"})
    if stage not in BusinessCaseStage.values:
        raise ValidationError({field: f"'{stage}' is not a stage of business case"})
    assert isinstance(stage, str)
    version = (
        BusinessCaseVersion.objects.filter(
            business_case__project=project, business_case__stage=stage
        )
        .select_related("business_case__project")
        .order_by("-number")
        .first()
    )
    if version is None or version.is_approved:
        raise ValidationError(
            {
                field: f"{project} has no {case_words(stage)} waiting for approval: start one "
                "(or a new version of it) first"
            }
        )
    return version


@transaction.atomic
def business_case_approve_by_decision(
    *, actor: Actor, decision: Decision, project_id: int, business_case_stage: str
) -> BusinessCaseVersion:
    """Called by governance when a recommendation with effect "portfolio.business_case" is
    approved: the latest version of that business case is approved on the decision."""
    version = _waiting_version(project_id, business_case_stage, "project")
    return business_case_version_approve(actor=actor, version=version, decision=decision)


def business_case_check(params: dict[str, Any]) -> None:
    """Refuse at once a business case that has no version waiting for approval. Wrong types are
    left to the registry's own check; the version may still be completed before the meeting."""
    project_id = params.get("project_id")
    if not isinstance(project_id, int) or isinstance(project_id, bool):
        return
    if "business_case_stage" not in params:
        return
    _waiting_version(project_id, params["business_case_stage"], "effect_params")
