"""Gates and reviews: which stage a project may enter next, on whose authority, and the
review outcomes that may follow one another (`REVIEW_LIFECYCLE`). Authority is decided only by
governance's `authority_use`, for the acts of `portfolio.acts`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.lifecycle import Lifecycle
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body, Decision, OfficerDecision
from partnerplan.partners.models import Partner
from partnerplan.portfolio.acts import (
    DECIDED_OUTCOMES,
    case_words,
    gate_act,
    review_act,
)
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
from partnerplan.portfolio.services._authority import Fields, Given, cite, grant_problems
from partnerplan.portfolio.services._common import Errors, _add, _raise
from partnerplan.portfolio.services.confidence import dca_refusal

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


def order_refusal(project: Project, to_stage: Stage) -> str | None:
    """Why `project` cannot enter `to_stage` next, whatever the authority (stopped, archived,
    another programme's stage, not the next stage), naming the stage it can enter."""
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
    return None


# The gates into a stage needing one of these business cases also need a current delivery
# confidence assessment (the method's period: the programme's `dca_valid_days`).
DCA_GATES = {BusinessCaseStage.OBC, BusinessCaseStage.FBC}


def gate_refusal(project: Project, to_stage: Stage, on: dt.date) -> str | None:
    """THE gate rule, on every path (the gate form and a decision's effect both reach it
    through `project_pass_gate`): the order of the stages (`order_refusal`), then, for a stage
    that needs a business case, an approved version of that stage or a later one (approved
    only through the chain of authority) with all its cases complete, and, for the OBC and FBC
    gates, a current delivery confidence assessment. The refusal lists everything missing."""
    refusal = order_refusal(project, to_stage)
    if refusal:
        return refusal
    needed = to_stage.requires_business_case
    if not needed:
        return None
    missing: list[str] = []
    version = _approved_case_for(project, needed)
    if version is None:
        missing.append(
            f"an approved {case_words(needed)} (or a later stage of business case): approve "
            "its business case first"
        )
    elif version.missing_cases:
        names = ", ".join(version.missing_cases)
        missing.append(f"all five cases complete (version {version.number} lacks: {names})")
    if needed in DCA_GATES:
        dca = dca_refusal(project, on)
        if dca:
            missing.append(dca)
    if not missing:
        return None
    return f"{project} cannot enter '{to_stage}' without " + "; and ".join(missing)


GATE_FIELDS = Fields()


@transaction.atomic
def project_pass_gate(
    *,
    actor: Actor,
    project: Project,
    to_stage: Stage,
    decision: Decision | None = None,
    officer_decision: OfficerDecision | None = None,
    deciding_body: Body | None = None,
    decision_reference: str = "",
    decided_on: dt.date | None = None,
    note: str = "",
) -> GatePassage:
    """Move `project` into `to_stage` on the authority given: a body's decision (`decision`),
    a decision under a delegation (`officer_decision`), or, for a decision taken before
    partnerplan was used, the body, the reference and the date from the papers (recorded as a
    PriorDecision). Whether it covers the gate is decided by governance's `authority_use`
    (`portfolio.acts.gate_act`): the power for the stage, this project and stage, not older
    than the business case the stage needs, not used for another gate.
    """
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("stage", "programme")
        .get(pk=project.pk)
    )
    act = gate_act(project, to_stage, on=clock.today())
    given = Given(decision, officer_decision, deciding_body, decision_reference, decided_on)
    errors = grant_problems(act, given, GATE_FIELDS, "this gate")
    refusal = gate_refusal(project, to_stage, clock.today())
    if refusal:
        _add(errors, "to_stage", refusal)
    _raise(errors)
    cited = cite(
        actor=actor,
        act=act,
        given=given,
        fields=GATE_FIELDS,
        subject_params={"project_id": project.pk, "to_stage": to_stage.code},
    )
    passage = GatePassage(
        project=project,
        from_stage=project.stage,
        to_stage=to_stage,
        decision=cited.grant.decision,
        officer_decision=cited.grant.officer_decision,
        prior_decision=cited.grant.prior_decision,
        authority_use=cited.use,
        recorded_from_papers=cited.grant.prior_decision is not None,
        authority_body=cited.body,
        authority_reference=cited.reference[:300],
        authority_date=cited.decided_on,
        note=note.strip(),
    )
    save_with_actor(passage, actor)
    project.stage = to_stage
    save_with_actor(project, actor, validate=False)
    return passage


def _project(project_id: object, field: str = "project") -> Project:
    if not isinstance(project_id, int) or isinstance(project_id, bool):
        raise ValidationError({field: f"'{project_id}' is not a project number"})
    try:
        return Project.objects.select_related("stage", "programme").get(pk=project_id)
    except Project.DoesNotExist:
        raise ValidationError({field: f"There is no project number {project_id}"}) from None


def _stage_of(project: Project, code: object, field: str = "to_stage") -> Stage:
    stage = Stage.objects.filter(programme_id=project.programme_id, code=code).first()
    if stage is None:
        raise ValidationError(
            {field: f"{project.programme} has no stage '{code}' for {project} to enter"}
        )
    return stage


@transaction.atomic
def project_gate_by_decision(
    *, actor: Actor, decision: Decision, project_id: int, to_stage: str
) -> GatePassage:
    """Called by governance when a recommendation with effect "portfolio.gate" is approved.

    `decision` is the body's approving decision: the gate is passed on its authority (the body
    must hold the power for the gate). `to_stage` is the code of a stage of the project's
    programme.
    """
    project = _project(project_id)
    stage = _stage_of(project, to_stage)
    return project_pass_gate(actor=actor, project=project, to_stage=stage, decision=decision)


def gate_check(params: dict[str, Any]) -> None:
    """Refuse at once, when the recommendation is written, a gate the project cannot take next
    (naming the stage it can enter). Wrong types are left to the registry's own check; the
    business case may still be approved before the meeting."""
    project_id, code = params.get("project_id"), params.get("to_stage")
    if not isinstance(project_id, int) or isinstance(project_id, bool):
        return
    project = _project(project_id, "effect_params")
    if not isinstance(code, str):
        return
    stage = _stage_of(project, code, "effect_params")
    refusal = order_refusal(project, stage)
    if refusal:
        raise ValidationError({"effect_params": refusal})


REVIEW_FIELDS = Fields(body="deciding_body", reference="reference", decided_on="dated")


def needs_authority(outcome: str, is_proposal: bool) -> bool:
    """A decided withdrawal, discontinuation or redesign needs the power to withdraw or
    redesign a project; a proposal, or an outcome that keeps the project, cites its report."""
    return outcome in DECIDED_OUTCOMES and not is_proposal


@transaction.atomic
def project_record_review(
    *,
    actor: Actor,
    project: Project,
    outcome: str,
    reference: str = "",
    dated: dt.date | None = None,
    is_proposal: bool = False,
    deciding_body: Body | None = None,
    decision: Decision | None = None,
    officer_decision: OfficerDecision | None = None,
    keeper: Partner | None = None,
    note: str = "",
) -> ReviewOutcome:
    """Record a review outcome (or a proposed one) and make it the project's disposition.

    A decided withdrawal, discontinuation or redesign is recorded on the authority given (a
    body's decision, a delegated decision, or a decision taken before partnerplan from the
    papers: `deciding_body`, `reference`, `dated`), which governance's `authority_use` checks
    (`portfolio.acts.review_act`). Other outcomes and proposals cite the report or meeting."""
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
    authorised = needs_authority(outcome, is_proposal)
    act = review_act(project, outcome, on=clock.today()) if authorised else None
    given = Given(decision, officer_decision, deciding_body, reference, dated)
    if act is not None:
        for name, messages in grant_problems(act, given, REVIEW_FIELDS, "this outcome").items():
            for message in messages:
                _add(errors, name, message)
    else:
        if decision is not None or officer_decision is not None:
            _add(
                errors,
                "decision",
                "Only a decided withdrawal, discontinuation or redesign cites a decision: for "
                "this outcome enter the report, meeting or decision and its date",
            )
        if not reference.strip():
            _add(errors, "reference", "Enter the report, meeting or decision")
        if dated is None:
            _add(errors, "dated", "This field cannot be null.")
        elif dated > clock.today():
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
    if act is not None:
        cited = cite(
            actor=actor,
            act=act,
            given=given,
            fields=REVIEW_FIELDS,
            subject_params={"project_id": project.pk, "outcome": outcome},
        )
        review.decision = cited.grant.decision
        review.officer_decision = cited.grant.officer_decision
        review.prior_decision = cited.grant.prior_decision
        review.authority_use = cited.use
        review.authority_body = cited.body
        review.authority_reference = cited.reference
        review.authority_date = cited.decided_on
    save_with_actor(review, actor)
    project.disposition = outcome
    project.disposition_proposed = is_proposal
    save_with_actor(project, actor, validate=False)
    return review


@transaction.atomic
def project_review_by_decision(
    *, actor: Actor, decision: Decision, project_id: int, outcome: str
) -> ReviewOutcome:
    """Called by governance when a recommendation with effect "portfolio.review" is approved:
    the project is withdrawn, discontinued or sent back for redesign on the decision."""
    project = _project(project_id)
    return project_record_review(actor=actor, project=project, outcome=outcome, decision=decision)


def review_check(params: dict[str, Any]) -> None:
    """Refuse at once an outcome that is not a withdrawal, discontinuation or redesign, or a
    project that can take no further outcome."""
    project_id, outcome = params.get("project_id"), params.get("outcome")
    if not isinstance(project_id, int) or isinstance(project_id, bool):
        return
    project = _project(project_id, "effect_params")
    if not isinstance(outcome, str):
        return
    if outcome not in DECIDED_OUTCOMES:
        raise ValidationError(
            {
                "effect_params": "A decision can withdraw, discontinue or redesign a project; "
                "record other review outcomes on the project's page"
            }
        )
    current = project.disposition if not project.disposition_proposed else ""
    if not REVIEW_LIFECYCLE.allows(current, outcome):
        raise ValidationError(
            {
                "effect_params": f"{project} was {project.get_disposition_display().lower()}: "
                "no further review outcome can be recorded"
            }
        )
