"""Every write to the portfolio. Each service validates, saves atomically, records who made the
change in the audit trail, and refuses bad input with plain-English messages keyed by field:
nothing is saved when anything is wrong.

Lifecycles are explicit: `allowed_gates` says which stage a project may enter next (the next
stage of its programme, and none once it is stopped or closed); `REVIEW_TRANSITIONS` says which
review outcome may follow which.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from partnerplan.core.models import Visibility
from partnerplan.core.services import archive, restore, save_with_actor
from partnerplan.governance.models import APPROVING, Body, Decision, OfficerDecision, PowerKind
from partnerplan.governance.selectors import authority_for
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import (
    BUSINESS_CASE_RANK,
    FIVE_CASES,
    NEEDS_ACTION,
    SCALE_VALUES,
    STOPPED_OUTCOMES,
    Benefit,
    BenefitActual,
    BoardMember,
    BusinessCase,
    BusinessCaseStage,
    BusinessCaseVersion,
    Criterion,
    Dependency,
    GatePassage,
    HighlightReport,
    Method,
    PairwiseJudgement,
    Programme,
    ProgrammeLink,
    Project,
    ProjectDocument,
    RaidEntry,
    RaidKind,
    RaidStatus,
    RankPosition,
    ReviewOutcome,
    ReviewOutcomeKind,
    Score,
    ServiceArea,
    Stage,
    Weighting,
    Workstream,
)
from partnerplan.portfolio.scoring.pairwise import (
    InconsistentJudgementsError,
    JudgementError,
    derive_weights,
)

Errors = dict[str, list[str]]

# The default lifecycle (the seed): (code, name, business case needed to enter, reports, final)
DEFAULT_STAGES: list[tuple[str, str, str, bool, bool]] = [
    ("proposed", "Proposed", "", False, False),
    ("approved", "Approved into the pipeline", "", False, False),
    ("business-case", "Business case in preparation", "", False, False),
    ("business-case-approved", "Business case approved", BusinessCaseStage.OBC, False, False),
    ("active", "Active", "", True, False),
    ("closed", "Closed", "", False, True),
]

# Which review outcome may follow which ("" is a project never reviewed). A stopped project
# (discontinued or withdrawn) takes no further outcome.
_OPEN = {k.value for k in ReviewOutcomeKind}
REVIEW_TRANSITIONS: dict[str, set[str]] = {
    "": _OPEN,
    ReviewOutcomeKind.RETAINED: _OPEN,
    ReviewOutcomeKind.WATCHING_BRIEF: _OPEN,
    ReviewOutcomeKind.PROPOSED_DISCONTINUATION: _OPEN,
    ReviewOutcomeKind.REDESIGN: _OPEN,
    ReviewOutcomeKind.DISCONTINUED: set(),
    ReviewOutcomeKind.WITHDRAWN: set(),
}

PROGRAMME_FIELDS = {
    "name", "short_name", "owner_body", "description", "confidence_scale", "report_every_days",
    "is_partnership_plan", "visibility", "exempt_paragraph",
}  # fmt: skip
WORKSTREAM_FIELDS = {"number", "name", "description", "lead_note"}
PROJECT_FIELDS = {
    "workstream", "title", "summary", "lead_note", "officer_lead", "project_executive",
    "project_manager", "sponsoring_body", "planned_start", "planned_end", "forecast_start",
    "forecast_end", "actual_start", "actual_end", "visibility", "exempt_paragraph",
}  # fmt: skip
CASE_FIELDS = {*FIVE_CASES, "options", "preferred_option"}
BENEFIT_FIELDS = {
    "description", "measure", "baseline", "baseline_on", "target", "target_on", "owner",
    "tolerance_percent",
}  # fmt: skip
HIGHLIGHT_FIELDS = {
    "period_start", "period_end", "author", "confidence", "progress", "next_period",
    "tolerances", "tolerance_forecast_exceeded", "risks_and_issues", "decisions_needed",
    "commentary", "action",
}  # fmt: skip
RAID_FIELDS = {
    "kind", "title", "description", "owner", "raised_on", "likelihood", "impact",
    "residual_likelihood", "residual_impact", "response",
}  # fmt: skip
CRITERION_FIELDS = {
    "name", "description", "order", "weight", "scale_min", "scale_max", "higher_is_better",
}  # fmt: skip


def _apply(obj: Any, allowed: set[str], data: Mapping[str, Any]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _add(errors: Errors, name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


def _date(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


# --- Programmes, stages and workstreams ----------------------------------------------------


def _validate_programme(programme: Programme) -> None:
    errors: Errors = {}
    clash = Programme.objects.filter(name__iexact=programme.name).exclude(pk=programme.pk)
    if programme.name and clash.exists():
        _add(errors, "name", f"There is already a programme called {programme.name}")
    for name, message in programme.clean_visibility().items():
        _add(errors, name, message)
    if programme.report_every_days is not None and programme.report_every_days < 1:
        _add(errors, "report_every_days", "Reports must be expected at least every day")
    _raise(errors)


@transaction.atomic
def programme_create(
    *,
    actor: Any,
    stages: Sequence[tuple[str, str, str, bool, bool]] | None = None,
    shared_with: Iterable[Partner] = (),
    **data: Any,
) -> Programme:
    """Create a programme with its lifecycle (the seed's default stages unless given)."""
    programme = Programme()
    _apply(programme, PROGRAMME_FIELDS, data)
    _validate_programme(programme)
    save_with_actor(programme, actor)
    programme.shared_with.set(list(shared_with))
    for order, (code, name, case, reports, final) in enumerate(stages or DEFAULT_STAGES):
        stage = Stage(
            programme=programme,
            code=code,
            name=name,
            order=order,
            requires_business_case=case,
            expects_reports=reports,
            is_final=final,
        )
        save_with_actor(stage, actor)
    return programme


@transaction.atomic
def programme_update(
    *, actor: Any, programme: Programme, shared_with: Iterable[Partner] | None = None, **data: Any
) -> Programme:
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _apply(programme, PROGRAMME_FIELDS, data)
    _validate_programme(programme)
    save_with_actor(programme, actor)
    if shared_with is not None:
        programme.shared_with.set(list(shared_with))
    return programme


@transaction.atomic
def stage_update(
    *,
    actor: Any,
    stage: Stage,
    name: str,
    requires_business_case: str = "",
    expects_reports: bool = False,
) -> Stage:
    """Rename a stage or change what its gate needs. The order of stages is fixed once projects
    use them, so that the recorded gate passages keep their meaning."""
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    if not name.strip():
        raise ValidationError({"name": "Enter the name of the stage"})
    stage.name = name.strip()
    stage.requires_business_case = requires_business_case
    stage.expects_reports = expects_reports
    save_with_actor(stage, actor)
    return stage


@transaction.atomic
def stage_add(
    *,
    actor: Any,
    programme: Programme,
    name: str,
    code: str,
    position: int,
    requires_business_case: str = "",
    expects_reports: bool = False,
) -> Stage:
    """Insert a stage into a programme's lifecycle at `position` (1 = first). Later stages move
    down one place; gate passages already recorded keep pointing at the same stages."""
    stages = list(Stage.objects.select_for_update().filter(programme=programme).order_by("order"))
    errors: Errors = {}
    if not name.strip():
        _add(errors, "name", "Enter the name of the stage")
    if not code.strip():
        _add(errors, "code", "Enter a short code for the stage, such as 'feasibility'")
    elif any(s.code == code.strip() for s in stages):
        _add(errors, "code", f"{programme} already has a stage with the code '{code.strip()}'")
    last = len(stages) if not (stages and stages[-1].is_final) else len(stages) - 1
    if not 1 <= position <= last + 1:
        _add(
            errors,
            "position",
            f"Choose a position from 1 to {last + 1}: a stage cannot come after the final stage",
        )
    _raise(errors)
    for stage in reversed(stages[position - 1 :]):
        Stage.objects.filter(pk=stage.pk).update(order=stage.order + 1000)
    for stage in stages[position - 1 :]:
        stage.order += 1
        Stage.objects.filter(pk=stage.pk).update(order=stage.order)
    new = Stage(
        programme=programme,
        name=name.strip(),
        code=code.strip(),
        order=stages[position - 1].order - 1 if position <= len(stages) else len(stages),
        requires_business_case=requires_business_case,
        expects_reports=expects_reports,
    )
    save_with_actor(new, actor)
    return new


@transaction.atomic
def stage_remove(*, actor: Any, stage: Stage) -> None:
    """Remove a stage nothing uses: no project is at it and no gate passage names it."""
    stage = (
        Stage.objects.select_for_update(of=("self",)).select_related("programme").get(pk=stage.pk)
    )
    problems = []
    at = Project.objects.filter(stage=stage).count()
    if at:
        problems.append(f"{at} project{'s are' if at > 1 else ' is'} at it")
    passed = GatePassage.objects.filter(Q(from_stage=stage) | Q(to_stage=stage)).count()
    if passed:
        problems.append(f"{passed} recorded gate decision{'s name' if passed > 1 else ' names'} it")
    if Stage.objects.filter(programme=stage.programme).count() <= 2:
        problems.append("a programme needs at least two stages")
    if problems:
        raise ValidationError(
            f"'{stage}' cannot be removed because {' and '.join(problems)}. Rename it instead."
        )
    programme, order = stage.programme, stage.order
    stage._history_user = actor  # type: ignore[attr-defined]
    stage.delete()
    for later in Stage.objects.filter(programme=programme, order__gt=order).order_by("order"):
        Stage.objects.filter(pk=later.pk).update(order=later.order - 1)


def _validate_workstream(workstream: Workstream) -> None:
    errors: Errors = {}
    if workstream.programme.is_archived:
        _add(errors, "programme", f"{workstream.programme} is archived: choose another programme")
    if workstream.number is not None:
        clash = Workstream.objects.filter(
            programme=workstream.programme, number=workstream.number
        ).exclude(pk=workstream.pk)
        if clash.exists():
            _add(
                errors,
                "number",
                f"{workstream.programme} already has a workstream {workstream.number}: "
                f"{clash.first()}",
            )
    _raise(errors)


@transaction.atomic
def workstream_create(
    *,
    actor: Any,
    programme: Programme,
    leads: Iterable[Person] = (),
    lead_partners: Iterable[Partner] = (),
    **data: Any,
) -> Workstream:
    workstream = Workstream(programme=programme)
    _apply(workstream, WORKSTREAM_FIELDS, data)
    _validate_workstream(workstream)
    save_with_actor(workstream, actor)
    workstream.leads.set(list(leads))
    workstream.lead_partners.set(list(lead_partners))
    return workstream


@transaction.atomic
def workstream_update(
    *,
    actor: Any,
    workstream: Workstream,
    leads: Iterable[Person] | None = None,
    lead_partners: Iterable[Partner] | None = None,
    **data: Any,
) -> Workstream:
    workstream = Workstream.objects.select_for_update().get(pk=workstream.pk)
    _apply(workstream, WORKSTREAM_FIELDS, data)
    _validate_workstream(workstream)
    save_with_actor(workstream, actor)
    if leads is not None:
        workstream.leads.set(list(leads))
    if lead_partners is not None:
        workstream.lead_partners.set(list(lead_partners))
    return workstream


# --- Projects --------------------------------------------------------------------------------

DATE_PAIRS = [
    ("planned_start", "planned_end", "planned"),
    ("forecast_start", "forecast_end", "forecast"),
    ("actual_start", "actual_end", "actual"),
]


def _validate_project(project: Project) -> None:
    errors: Errors = {}
    if not project.title:
        _add(errors, "title", "Enter the title of the project")
    for start_name, end_name, label in DATE_PAIRS:
        start, end = getattr(project, start_name), getattr(project, end_name)
        if start and end and end < start:
            _add(
                errors,
                end_name,
                f"The {label} end date must be the same as or after the {label} start date "
                f"({_date(start)})",
            )
    if project.actual_start and project.actual_start > timezone.localdate():
        _add(errors, "actual_start", "The actual start date cannot be in the future")
    if project.actual_end and project.actual_end > timezone.localdate():
        _add(errors, "actual_end", "The actual end date cannot be in the future")
    workstream = project.workstream if project.workstream_id else None
    if workstream is not None and workstream.programme_id != project.programme_id:
        _add(
            errors,
            "workstream",
            f"{workstream} belongs to {workstream.programme}, not "
            f"{project.programme}: to relate the project to it, add a link instead",
        )
    if project.stage_id and project.stage.programme_id != project.programme_id:
        _add(errors, "stage", f"{project.stage} is a stage of another programme")
    if project.programme.is_archived:
        _add(errors, "programme", f"{project.programme} is archived: choose another programme")
    for name, message in project.clean_visibility().items():
        _add(errors, name, message)
    _raise(errors)


@transaction.atomic
def project_create(
    *,
    actor: Any,
    programme: Programme,
    stage: Stage | None = None,
    lead_partners: Iterable[Partner] = (),
    service_areas: Iterable[ServiceArea] = (),
    shared_with: Iterable[Partner] = (),
    **data: Any,
) -> Project:
    """Create a project. It enters at its programme's first stage unless `stage` is given,
    which is for recording work that was already under way (such as the seed's work plan)."""
    first = stage or programme.stages.order_by("order").first()
    if first is None:
        raise ValidationError({"programme": f"{programme} has no stages: add its stages first"})
    project = Project(programme=programme, stage=first)
    _apply(project, PROJECT_FIELDS, data)
    _validate_project(project)
    save_with_actor(project, actor)
    project.lead_partners.set(list(lead_partners))
    project.service_areas.set(list(service_areas))
    project.shared_with.set(list(shared_with))
    return project


@transaction.atomic
def project_update(
    *,
    actor: Any,
    project: Project,
    lead_partners: Iterable[Partner] | None = None,
    service_areas: Iterable[ServiceArea] | None = None,
    shared_with: Iterable[Partner] | None = None,
    **data: Any,
) -> Project:
    """Change a project's details. Its stage changes only through a gate."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _apply(project, PROJECT_FIELDS, data)
    _validate_project(project)
    save_with_actor(project, actor)
    if lead_partners is not None:
        project.lead_partners.set(list(lead_partners))
    if service_areas is not None:
        project.service_areas.set(list(service_areas))
    if shared_with is not None:
        project.shared_with.set(list(shared_with))
    return project


@transaction.atomic
def project_archive(*, actor: Any, project: Project, reason: str) -> Project:
    """Archive a project: hidden from the work plan (unless asked for) with its history kept."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why it is being archived"})
    archive(project, actor=actor, reason=reason)
    return project


@transaction.atomic
def project_restore(*, actor: Any, project: Project) -> Project:
    restore(project, actor=actor)
    return project


def _dependency_path(start: Project, goal: Project) -> list[int] | None:
    """The chain of project ids from `start` to `goal` along existing dependencies, if any."""
    edges: dict[int, list[int]] = {}
    for source, target in Dependency.objects.values_list("project_id", "depends_on_id"):
        edges.setdefault(source, []).append(target)
    parents: dict[int, int | None] = {start.pk: None}
    queue = [start.pk]
    while queue:
        current = queue.pop(0)
        if current == goal.pk:
            path = [current]
            while parents[path[-1]] is not None:
                path.append(parents[path[-1]])  # type: ignore[arg-type]
            return list(reversed(path))
        for nxt in edges.get(current, []):
            if nxt not in parents:
                parents[nxt] = current
                queue.append(nxt)
    return None


@transaction.atomic
def dependency_add(
    *, actor: Any, project: Project, depends_on: Project, note: str = ""
) -> Dependency:
    """Record that `project` depends on `depends_on`, refusing anything that makes a loop."""
    if project.pk == depends_on.pk:
        raise ValidationError({"depends_on": "A project cannot depend on itself"})
    if Dependency.objects.filter(project=project, depends_on=depends_on).exists():
        raise ValidationError({"depends_on": f"{project} already depends on {depends_on}"})
    path = _dependency_path(depends_on, project)
    if path is not None:
        titles = dict(Project.objects.filter(pk__in=path).values_list("pk", "title"))
        chain = " → ".join(titles[pk] for pk in path)
        raise ValidationError(
            {
                "depends_on": f"{project} cannot depend on {depends_on}, because {depends_on} "
                f"already depends on {project} ({chain}); that would make a loop"
            }
        )
    dependency = Dependency(project=project, depends_on=depends_on, note=note.strip())
    save_with_actor(dependency, actor)
    return dependency


@transaction.atomic
def dependency_remove(*, actor: Any, dependency: Dependency) -> None:
    dependency._history_user = actor  # type: ignore[attr-defined]
    dependency.delete()


@transaction.atomic
def board_member_add(*, actor: Any, project: Project, person: Person, role: str) -> BoardMember:
    if BoardMember.objects.filter(project=project, person=person).exists():
        raise ValidationError({"person": f"{person} is already on the board of {project}"})
    member = BoardMember(project=project, person=person, role=role)
    save_with_actor(member, actor)
    return member


@transaction.atomic
def document_add(*, actor: Any, project: Project, title: str, url: str) -> ProjectDocument:
    document = ProjectDocument(project=project, title=title.strip(), url=url.strip())
    save_with_actor(document, actor)
    return document


@transaction.atomic
def link_create(
    *, actor: Any, project: Project, workstream: Workstream, kind: str, note: str = ""
) -> ProgrammeLink:
    """Link a project to a workstream of another programme (the overlap table's rows)."""
    errors: Errors = {}
    if workstream.programme_id == project.programme_id:
        _add(
            errors,
            "workstream",
            f"{workstream} is in the project's own programme: choose it as the project's "
            "workstream instead of linking",
        )
    if ProgrammeLink.objects.filter(project=project, workstream=workstream).exists():
        _add(errors, "workstream", f"{project} is already linked to {workstream}")
    _raise(errors)
    link = ProgrammeLink(project=project, workstream=workstream, kind=kind, note=note.strip())
    save_with_actor(link, actor)
    return link


@transaction.atomic
def link_delete(*, actor: Any, link: ProgrammeLink) -> None:
    link._history_user = actor  # type: ignore[attr-defined]
    link.delete()


# --- Gates and reviews ---------------------------------------------------------------------


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
    actor: Any,
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
        deciding_body=deciding_body,
        decision_reference=decision_reference.strip()[:300],
        decided_on=decided_on,
        note=note.strip(),
    )
    save_with_actor(passage, actor)
    project.stage = to_stage
    save_with_actor(project, actor, validate=False)
    return passage


@transaction.atomic
def project_gate_by_decision(
    *, actor: Any, decision: Any, project_id: int, to_stage: str
) -> GatePassage:
    """Called by governance when a recommendation with effect "portfolio.gate" is approved.

    `decision` has `body` (a governance Body), `decided_on` (a date) and `str(decision)` as its
    reference. `to_stage` is the code of a stage of the project's programme.
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
    if isinstance(decision, Decision):
        return project_pass_gate(actor=actor, project=project, to_stage=stage, decision=decision)
    return project_pass_gate(
        actor=actor,
        project=project,
        to_stage=stage,
        deciding_body=getattr(decision, "body", None),
        decision_reference=str(decision),
        decided_on=decision.decided_on,
    )


@transaction.atomic
def project_record_review(
    *,
    actor: Any,
    project: Project,
    outcome: str,
    reference: str,
    dated: dt.date,
    is_proposal: bool = False,
    deciding_body: Body | None = None,
    keeper: Partner | None = None,
    note: str = "",
) -> ReviewOutcome:
    """Record a review outcome (or a proposed one) and make it the project's disposition."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    errors: Errors = {}
    current = project.disposition if not project.disposition_proposed else ""
    if outcome not in REVIEW_TRANSITIONS.get(current, set()):
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
    if dated and dated > timezone.localdate():
        _add(errors, "dated", "The date cannot be in the future")
    _raise(errors)
    review = ReviewOutcome(
        project=project,
        outcome=outcome,
        is_proposal=is_proposal,
        deciding_body=deciding_body,
        keeper=keeper,
        reference=reference.strip(),
        dated=dated,
        note=note.strip(),
    )
    save_with_actor(review, actor)
    project.disposition = outcome
    project.disposition_proposed = is_proposal
    save_with_actor(project, actor, validate=False)
    return review


# --- Business cases ------------------------------------------------------------------------


@transaction.atomic
def business_case_create(
    *, actor: Any, project: Project, stage: str, **cases: Any
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
    *, actor: Any, version: BusinessCaseVersion, **cases: Any
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
def business_case_new_version(*, actor: Any, business_case: BusinessCase) -> BusinessCaseVersion:
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
    actor: Any,
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


# --- Benefits ------------------------------------------------------------------------------


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


def _refresh_benefit_flags(actor: Any, project: Project) -> None:
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
    errors: Errors = {}
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
def benefit_create(*, actor: Any, project: Project, **data: Any) -> Benefit:
    benefit = Benefit(project=project)
    _apply(benefit, BENEFIT_FIELDS, data)
    _validate_benefit(benefit)
    save_with_actor(benefit, actor)
    return benefit


@transaction.atomic
def benefit_update(*, actor: Any, benefit: Benefit, **data: Any) -> Benefit:
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
    *, actor: Any, benefit: Benefit, measured_on: dt.date, value: Decimal, note: str = ""
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
    if measured_on > timezone.localdate():
        _add(errors, "measured_on", "The date measured cannot be in the future")
    _raise(errors)
    actual = BenefitActual(benefit=benefit, measured_on=measured_on, value=value, note=note)
    save_with_actor(actual, actor)
    _refresh_benefit_flags(actor, benefit.project)
    return actual


# --- Prioritisation ------------------------------------------------------------------------


@transaction.atomic
def method_create(
    *, actor: Any, name: str, owner_body: Body, description: str = "", **extra: Any
) -> Method:
    if Method.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": f"There is already a method called {name.strip()}"})
    method = Method(name=name.strip(), owner_body=owner_body, description=description.strip())
    _apply(method, {"weighting", "max_consistency_ratio"}, extra)
    save_with_actor(method, actor)
    return method


def _validate_criterion(criterion: Criterion) -> None:
    errors: Errors = {}
    if criterion.scale_max <= criterion.scale_min:
        _add(
            errors,
            "scale_max",
            f"The highest score must be more than the lowest ({criterion.scale_min})",
        )
    weight = criterion.weight
    if weight is not None and (not math.isfinite(weight) or weight < 0):
        _add(errors, "weight", "The weight must be zero or more")
    clash = Criterion.objects.filter(
        method_id=criterion.method_id, name__iexact=criterion.name
    ).exclude(pk=criterion.pk)
    if clash.exists():
        _add(errors, "name", f"The method already has a criterion called {criterion.name}")
    if criterion.pk is None and Score.objects.filter(method_id=criterion.method_id).exists():
        _add(
            errors,
            "name",
            "Projects have already been scored with this method: a new criterion would leave "
            "their scores incomplete. Make a new method instead",
        )
    _raise(errors)


@transaction.atomic
def criterion_add(*, actor: Any, method: Method, **data: Any) -> Criterion:
    criterion = Criterion(method=method)
    if "order" not in data:
        data["order"] = (method.criteria.aggregate(m=Max("order"))["m"] or 0) + 1
    _apply(criterion, CRITERION_FIELDS, data)
    _validate_criterion(criterion)
    save_with_actor(criterion, actor)
    return criterion


@transaction.atomic
def method_set_weights(*, actor: Any, method: Method, weights: Mapping[int, float]) -> Method:
    """Set the criteria weights directly (by criterion id)."""
    method = Method.objects.select_for_update().get(pk=method.pk)
    errors: Errors = {}
    criteria = {c.pk: c for c in method.criteria.all()}
    for pk, weight in weights.items():
        if pk not in criteria:
            raise ValidationError(f"Criterion {pk} is not part of {method}")
        if weight is None or not math.isfinite(weight) or weight < 0:
            _add(errors, f"weight_{pk}", f"The weight of {criteria[pk]} must be zero or more")
    if not errors and sum(weights.values()) <= 0:
        _add(errors, "__all__", "At least one criterion needs a weight above zero")
    _raise(errors)
    for pk, weight in weights.items():
        criteria[pk].weight = weight
        save_with_actor(criteria[pk], actor)
    method.weighting = Weighting.DIRECT
    method.consistency_ratio = None
    save_with_actor(method, actor)
    PairwiseJudgement.objects.filter(method=method).delete()
    return method


@transaction.atomic
def method_set_pairwise(
    *, actor: Any, method: Method, judgements: Sequence[tuple[int, int, float]]
) -> Method:
    """Derive the weights from pairwise comparisons `(first id, second id, value)`, refusing
    judgements whose consistency ratio is above the method's threshold."""
    method = Method.objects.select_for_update().get(pk=method.pk)
    criteria = {c.pk: c for c in method.criteria.all()}
    names = {pk: c.name for pk, c in criteria.items()}
    try:
        result = derive_weights(
            list(names.values()),
            [(names[a], names[b], value) for a, b, value in judgements],
            max_cr=method.max_consistency_ratio,
        )
    except InconsistentJudgementsError as exc:
        raise ValidationError({"__all__": [str(exc)]}) from exc
    except (JudgementError, KeyError) as exc:
        raise ValidationError({"__all__": [str(exc)]}) from exc
    PairwiseJudgement.objects.filter(method=method).delete()
    for a, b, value in judgements:
        save_with_actor(
            PairwiseJudgement(method=method, first=criteria[a], second=criteria[b], value=value),
            actor,
        )
    for pk, criterion in criteria.items():
        criterion.weight = result.weights[names[pk]]
        save_with_actor(criterion, actor)
    method.weighting = Weighting.PAIRWISE
    method.consistency_ratio = result.consistency_ratio
    save_with_actor(method, actor)
    return method


@transaction.atomic
def score_record(
    *,
    actor: Any,
    method: Method,
    project: Project,
    partner: Partner,
    values: Mapping[int, float],
) -> list[Score]:
    """Record `partner`'s scores of `project` on every criterion of `method` (by criterion
    id). Every score must be on its criterion's scale; otherwise nothing is saved."""
    criteria = {c.pk: c for c in method.criteria.all()}
    if not criteria:
        raise ValidationError(f"{method} has no criteria yet: add its criteria before scoring")
    errors: Errors = {}
    for pk, criterion in criteria.items():
        value = values.get(pk)
        if value is None:
            _add(errors, f"criterion_{pk}", f"Enter a score for {criterion.name}")
        elif not criterion.scale_min <= value <= criterion.scale_max:
            _add(
                errors,
                f"criterion_{pk}",
                f"The {criterion.name} score must be between {criterion.scale_min} and "
                f"{criterion.scale_max}; {value:g} is outside the scale",
            )
    if set(values) - set(criteria):
        raise ValidationError("Scores were given for criteria that are not part of the method")
    _raise(errors)
    saved = []
    for pk, criterion in criteria.items():
        score = Score.objects.filter(project=project, partner=partner, criterion=criterion).first()
        score = score or Score(method=method, project=project, partner=partner, criterion=criterion)
        score.value = float(values[pk])
        save_with_actor(score, actor)
        saved.append(score)
    return saved


@transaction.atomic
def ranking_move(
    *, actor: Any, method: Method, project: Project, direction: str, order: Sequence[int]
) -> list[int]:
    """Move `project` one place up or down in `method`'s ranking. `order` is the ranking as
    shown (project ids, first to last); the whole order is kept so later score changes do not
    undo a move made by hand."""
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": "Choose whether to move it up or down"})
    ids = list(order)
    if project.pk not in ids:
        raise ValidationError({"project": f"{project} is not in this ranking"})
    i = ids.index(project.pk)
    j = i - 1 if direction == "up" else i + 1
    if not 0 <= j < len(ids):
        where = "first" if direction == "up" else "last"
        raise ValidationError({"direction": f"{project} is already {where}"})
    ids[i], ids[j] = ids[j], ids[i]
    RankPosition.objects.filter(method=method).delete()
    for position, pk in enumerate(ids, start=1):
        save_with_actor(RankPosition(method=method, project_id=pk, position=position), actor)
    return ids


@transaction.atomic
def ranking_reset(*, actor: Any, method: Method) -> None:
    """Drop the hand adjustments: the ranking follows the scores again."""
    RankPosition.objects.filter(method=method).delete()


# --- Highlight reports ---------------------------------------------------------------------


def _validate_highlight(report: HighlightReport, scale: str) -> None:
    errors: Errors = {}
    if report.period_start and report.period_end and report.period_end < report.period_start:
        _add(
            errors,
            "period_end",
            f"The end of the period must be the same as or after its start "
            f"({_date(report.period_start)})",
        )
    if report.confidence and report.confidence not in SCALE_VALUES[scale]:
        _add(
            errors,
            "confidence",
            f"{report.get_confidence_display()} is not on this programme's "
            f"{'three' if scale == 'three' else 'five'}-point scale",
        )
    if report.confidence in NEEDS_ACTION:
        label = report.get_confidence_display()
        if not report.commentary:
            _add(errors, "commentary", f"A {label.lower()} report needs commentary: say why")
        if not report.action:
            _add(errors, "action", f"A {label.lower()} report needs the action being taken")
    if not report.progress:
        _add(errors, "progress", "Enter the progress this period")
    _raise(errors)


@transaction.atomic
def highlight_report_create(*, actor: Any, project: Project, **data: Any) -> HighlightReport:
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("programme")
        .get(pk=project.pk)
    )
    report = HighlightReport(project=project)
    _apply(report, HIGHLIGHT_FIELDS, data)
    _validate_highlight(report, project.programme.confidence_scale)
    save_with_actor(report, actor)
    latest = project.highlight_reports.order_by("-period_end", "-id").first()
    if latest is not None:
        project.confidence = latest.confidence
        project.last_report_end = latest.period_end
        save_with_actor(project, actor, validate=False)
    return report


def is_overdue(project: Project, today: dt.date | None = None) -> bool:
    """Whether a project that should report has no highlight report for too long."""
    return report_overdue(
        expects_reports=project.stage.expects_reports,
        stopped=is_stopped(project),
        last_report_end=project.last_report_end,
        started=project.actual_start or project.forecast_start or project.planned_start,
        every_days=project.programme.report_every_days,
        today=today or timezone.localdate(),
    )


def report_overdue(
    *,
    expects_reports: bool,
    stopped: bool,
    last_report_end: dt.date | None,
    started: dt.date | None,
    every_days: int,
    today: dt.date,
) -> bool:
    """The overdue rule on plain values (the exports use it without loading whole projects):
    a project in a stage that reports, not stopped, whose last report (or, before its first,
    its start) is more than `every_days` ago; one with neither is overdue at once."""
    if not expects_reports or stopped:
        return False
    since = last_report_end or started
    if since is None:
        return True
    return (today - since).days > every_days


# --- RAID log --------------------------------------------------------------------------------


def _validate_raid(entry: RaidEntry) -> None:
    errors: Errors = {}
    for name in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
        value = getattr(entry, name)
        if value is not None and not 1 <= value <= 5:
            label = name.replace("_", " ")
            _add(errors, name, f"The {label} must be from 1 to 5; {value} is outside the scale")
    if entry.kind == RaidKind.RISK:
        if entry.likelihood is None:
            _add(errors, "likelihood", "A risk needs a likelihood, from 1 to 5")
        if entry.impact is None:
            _add(errors, "impact", "A risk needs an impact, from 1 to 5")
        if (entry.residual_likelihood is None) != (entry.residual_impact is None):
            _add(
                errors,
                "residual_impact",
                "Give both the residual likelihood and the residual impact, or neither",
            )
    if entry.raised_on and entry.raised_on > timezone.localdate():
        _add(errors, "raised_on", "The date raised cannot be in the future")
    _raise(errors)


@transaction.atomic
def raid_create(*, actor: Any, project: Project, **data: Any) -> RaidEntry:
    entry = RaidEntry(project=project)
    _apply(entry, RAID_FIELDS, data)
    _validate_raid(entry)
    save_with_actor(entry, actor)
    return entry


@transaction.atomic
def raid_update(*, actor: Any, entry: RaidEntry, **data: Any) -> RaidEntry:
    entry = RaidEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status == RaidStatus.CLOSED:
        raise ValidationError("This entry is closed; its history is kept as it was")
    _apply(entry, RAID_FIELDS, data)
    _validate_raid(entry)
    save_with_actor(entry, actor)
    return entry


@transaction.atomic
def raid_close(*, actor: Any, entry: RaidEntry, closed_on: dt.date, note: str) -> RaidEntry:
    """Close an entry. It stays in the log, with its history."""
    entry = RaidEntry.objects.select_for_update().get(pk=entry.pk)
    errors: Errors = {}
    if entry.status == RaidStatus.CLOSED:
        _add(errors, "closed_on", f"This entry was already closed on {_date(entry.closed_on)}")  # type: ignore[arg-type]
    if closed_on < entry.raised_on:
        _add(
            errors,
            "closed_on",
            f"The date closed must be on or after the date raised ({_date(entry.raised_on)})",
        )
    if closed_on > timezone.localdate():
        _add(errors, "closed_on", "The date closed cannot be in the future")
    if not note.strip():
        _add(errors, "note", "Say why it is being closed")
    _raise(errors)
    entry.status = RaidStatus.CLOSED
    entry.closed_on = closed_on
    entry.closure_note = note.strip()
    save_with_actor(entry, actor)
    return entry


__all__ = ["DEFAULT_STAGES", "Visibility"]
