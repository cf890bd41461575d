"""Gates and reviews: which stage a project may enter next, on whose authority, and the
review outcomes that may follow one another (`REVIEW_LIFECYCLE`)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerplan.core.lifecycle import Lifecycle
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import APPROVING, Body, Decision, OfficerDecision, PowerKind
from partnerplan.governance.selectors import authority_for
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import (
    BUSINESS_CASE_RANK,
    STOPPED_OUTCOMES,
    BusinessCaseStage,
    BusinessCaseVersion,
    GatePassage,
    Project,
    ReviewOutcome,
    ReviewOutcomeKind,
    Stage,
)
from partnerplan.portfolio.services._common import Errors, _add, _raise

# Which review outcome may follow which ("" is a project never reviewed). A stopped project
# (discontinued or withdrawn) takes no further outcome.
_OPEN = {k.value for k in ReviewOutcomeKind}
REVIEW_LIFECYCLE = Lifecycle(
    moves={
        "": _OPEN,
        ReviewOutcomeKind.RETAINED: _OPEN,
        ReviewOutcomeKind.WATCHING_BRIEF: _OPEN,
        ReviewOutcomeKind.PROPOSED_DISCONTINUATION: _OPEN,
        ReviewOutcomeKind.REDESIGN: _OPEN,
        ReviewOutcomeKind.DISCONTINUED: set(),
        ReviewOutcomeKind.WITHDRAWN: set(),
    },
    field="outcome",
)


def is_stopped(project: Project) -> bool:
    return project.disposition in STOPPED_OUTCOMES and not project.disposition_proposed


def allowed_gates(project: Project) -> list[Stage]:
    """The stages `project` may enter next: the next one of its programme, unless it is
    stopped or its stage is final."""
    if is_stopped(project) or project.stage.is_final or project.is_archived:
        return []
    nxt = (
        Stage.objects.filter(programme_id=project.programme_id, order__gt=project.stage.order)
        .order_by("order")
        .first()
    )
    return [nxt] if nxt else []


def _approved_case_for(project: Project, needed: str) -> BusinessCaseVersion | None:
    versions = BusinessCaseVersion.objects.filter(
        business_case__project=project, approved_on__isnull=False
    ).select_related("business_case")
    for version in versions:
        if (
            BUSINESS_CASE_RANK[BusinessCaseStage(version.business_case.stage)]
            >= (BUSINESS_CASE_RANK[BusinessCaseStage(needed)])
        ):
            return version
    return None


def _gate_refusal(project: Project, to_stage: Stage) -> str | None:
    if is_stopped(project):
        return (
            f"{project} was {project.get_disposition_display().lower()}: it cannot pass "
            "any more gates"
        )
    if project.is_archived:
        return f"{project} is archived: restore it before it passes a gate"
    if to_stage.programme_id != project.programme_id:
        return f"{to_stage} is a stage of another programme"
    if to_stage.pk == project.stage_id:
        return f"{project} is already at '{to_stage}'"
    allowed = allowed_gates(project)
    if to_stage not in allowed:
        if not allowed:
            return f"{project} is at '{project.stage}', the last stage: it cannot move on"
        direction = "back to" if to_stage.order < project.stage.order else "straight to"
        return (
            f"{project} is at '{project.stage}': it can only move to '{allowed[0]}' next, "
            f"not {direction} '{to_stage}'"
        )
    if to_stage.requires_business_case and not _approved_case_for(
        project, to_stage.requires_business_case
    ):
        needed = BusinessCaseStage(to_stage.requires_business_case).label.lower()
        return (
            f"{project} cannot enter '{to_stage}' without an approved {needed} (or a later "
            "stage of business case): approve its business case first"
        )
    return None


# The powers (any one will do) a body needs to let a project into a stage, by stage code; any
# other stage needs one of GATE_POWERS_OTHERWISE.
GATE_POWERS: dict[str, tuple[str, ...]] = {
    "approved": (PowerKind.APPROVE_PIPELINE_ENTRY, PowerKind.APPROVE_GATE),
    "business-case-approved": (PowerKind.APPROVE_BUSINESS_CASE, PowerKind.APPROVE_GATE),
}
GATE_POWERS_OTHERWISE = (
    PowerKind.APPROVE_GATE,
    PowerKind.APPROVE_PIPELINE_ENTRY,
    PowerKind.PROGRAMME_MANAGEMENT,
)


def _authority_refusal(body: Body, to_stage: Stage, on: dt.date) -> str | None:
    """Why `body` may not let a project into `to_stage` on `on`, or None if it may."""
    powers = GATE_POWERS.get(to_stage.code, GATE_POWERS_OTHERWISE)
    answers = [authority_for(body=body, power=power, on=on) for power in powers]
    if any(a.allowed for a in answers):
        return None
    return answers[0].reason


def _decision_refusal(project: Project, decision: Decision) -> str | None:
    if decision.outcome not in APPROVING:
        return f"{decision} was {decision.get_outcome_display().lower()}: it allows no gate"
    rec = decision.recommendation
    if rec.effect_kind == "portfolio.gate" and rec.effect_params.get("project_id") != project.pk:
        return f"{decision} moves another project through its gate, not {project}"
    return None


@transaction.atomic
def project_pass_gate(
    *,
    actor: Actor,
    project: Project,
    to_stage: Stage,
    decision: Decision | None = None,
    officer_decision: OfficerDecision | None = None,
    decision_reference: str = "",
    decided_on: dt.date | None = None,
    deciding_body: Body | None = None,
    note: str = "",
) -> GatePassage:
    """Move `project` into `to_stage`, recording the decision that allowed it.

    The decision is a body's approving decision (`decision`) or a decision under a delegation
    (`officer_decision`), either of which must carry the power for the gate; or, for a decision
    taken before partnerplan was in use, a reference to the papers with its date and body.
    """
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("stage", "programme")
        .get(pk=project.pk)
    )
    errors: Errors = {}
    refusal = _gate_refusal(project, to_stage)
    if refusal:
        _add(errors, "to_stage", refusal)
    authority: str | None = None
    if decision is not None and officer_decision is not None:
        _add(errors, "decision", "Choose either the body's decision or the delegated decision")
    elif decision is not None:
        decision = Decision.objects.select_related("recommendation", "body").get(pk=decision.pk)
        authority = _decision_refusal(project, decision) or _authority_refusal(
            decision.body, to_stage, decision.decided_on
        )
        deciding_body, decided_on = decision.body, decision.decided_on
        decision_reference = str(decision)
    elif officer_decision is not None:
        authority = _authority_refusal(
            officer_decision.taken_by, to_stage, officer_decision.decided_on
        )
        deciding_body, decided_on = officer_decision.taken_by, officer_decision.decided_on
        decision_reference = str(officer_decision)
    else:
        if not decision_reference.strip():
            _add(
                errors,
                "decision",
                "Choose the decision that allows this gate, or, for a decision taken before "
                "partnerplan was in use, enter the meeting or delegated decision from the papers",
            )
        if decided_on is None:
            _add(errors, "decided_on", "Enter the date the decision was taken")
    if authority:
        _add(errors, "decision", authority)
    if decided_on and decided_on > timezone.localdate():
        _add(errors, "decided_on", "The date decided cannot be in the future")
    _raise(errors)
    assert decided_on is not None  # checked above
    passage = GatePassage(
        project=project,
        from_stage=project.stage,
        to_stage=to_stage,
        decision=decision,
        officer_decision=officer_decision,
        recorded_from_papers=decision is None and officer_decision is None,
        authority_body=deciding_body,
        authority_reference=decision_reference.strip()[:300],
        authority_date=decided_on,
        note=note.strip(),
    )
    save_with_actor(passage, actor)
    project.stage = to_stage
    save_with_actor(project, actor, validate=False)
    return passage


@transaction.atomic
def project_gate_by_decision(
    *, actor: Actor, decision: Decision, project_id: int, to_stage: str
) -> GatePassage:
    """Called by governance when a recommendation with effect "portfolio.gate" is approved.

    `decision` is the body's approving decision: the gate is passed on its authority (the body
    must hold the power for the gate). `to_stage` is the code of a stage of the project's
    programme.
    """
    try:
        project = Project.objects.select_related("stage").get(pk=project_id)
    except Project.DoesNotExist:
        raise ValidationError({"project": f"There is no project number {project_id}"}) from None
    stage = Stage.objects.filter(programme_id=project.programme_id, code=to_stage).first()
    if stage is None:
        raise ValidationError(
            {"to_stage": f"{project.programme} has no stage '{to_stage}' for {project} to enter"}
        )
    return project_pass_gate(actor=actor, project=project, to_stage=stage, decision=decision)


@transaction.atomic
def project_record_review(
    *,
    actor: Actor,
    project: Project,
    outcome: str,
    reference: str,
    dated: dt.date | None,
    is_proposal: bool = False,
    deciding_body: Body | None = None,
    keeper: Partner | None = None,
    note: str = "",
) -> ReviewOutcome:
    """Record a review outcome (or a proposed one) and make it the project's disposition."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    errors: Errors = {}
    current = project.disposition if not project.disposition_proposed else ""
    if not REVIEW_LIFECYCLE.allows(current, outcome):
        _add(
            errors,
            "outcome",
            f"{project} was {project.get_disposition_display().lower()}: no further review "
            "outcome can be recorded",
        )
    if outcome == ReviewOutcomeKind.WATCHING_BRIEF and keeper is None:
        _add(errors, "keeper", "Choose the lead partner who keeps the watching brief")
    if not reference.strip():
        _add(errors, "reference", "Enter the report, meeting or decision")
    if dated is None:
        _add(errors, "dated", "This field cannot be null.")
    elif dated > timezone.localdate():
        _add(errors, "dated", "The date cannot be in the future")
    _raise(errors)
    review = ReviewOutcome(
        project=project,
        outcome=outcome,
        is_proposal=is_proposal,
        authority_body=deciding_body,
        keeper=keeper,
        authority_reference=reference.strip(),
        authority_date=dated,
        note=note.strip(),
    )
    save_with_actor(review, actor)
    project.disposition = outcome
    project.disposition_proposed = is_proposal
    save_with_actor(project, actor, validate=False)
    return review
