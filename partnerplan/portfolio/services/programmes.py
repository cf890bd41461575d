"""Programmes, their stages and workstreams."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import (
    BusinessCaseStage,
    GatePassage,
    Programme,
    Project,
    Stage,
    Workstream,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _raise

# The default lifecycle (the seed): (code, name, business case needed to enter, reports, final)
DEFAULT_STAGES: list[tuple[str, str, str, bool, bool]] = [
    ("proposed", "Proposed", "", False, False),
    ("approved", "Approved into the pipeline", "", False, False),
    ("business-case", "Business case in preparation", "", False, False),
    ("business-case-approved", "Business case approved", BusinessCaseStage.OBC, False, False),
    ("active", "Active", "", True, False),
    ("closed", "Closed", "", False, True),
]

PROGRAMME_FIELDS = {
    "name", "short_name", "owner_body", "description", "confidence_scale", "report_every_days",
    "is_partnership_plan", "visibility", "exempt_paragraph",
}  # fmt: skip

WORKSTREAM_FIELDS = {"number", "name", "description", "lead_note"}


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
    actor: Actor,
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
    *, actor: Actor, programme: Programme, shared_with: Iterable[Partner] | None = None, **data: Any
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
    actor: Actor,
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
    actor: Actor,
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
def stage_remove(*, actor: Actor, stage: Stage) -> None:
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
    delete_with_actor(stage, actor)
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
    actor: Actor,
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
    actor: Actor,
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
