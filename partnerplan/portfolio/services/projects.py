"""Projects: their details, dependencies, board, documents and links to other programmes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import archive, delete_with_actor, restore, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import (
    BoardMember,
    Dependency,
    Programme,
    ProgrammeLink,
    Project,
    ProjectDocument,
    ServiceArea,
    Stage,
    Workstream,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _date, _raise

PROJECT_FIELDS = {
    "workstream", "title", "summary", "lead_note", "officer_lead", "project_executive",
    "project_manager", "sponsoring_body", "planned_start", "planned_end", "forecast_start",
    "forecast_end", "actual_start", "actual_end", "visibility", "exempt_paragraph",
}  # fmt: skip


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
    if project.actual_start and project.actual_start > clock.today():
        _add(errors, "actual_start", "The actual start date cannot be in the future")
    if project.actual_end and project.actual_end > clock.today():
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
    actor: Actor,
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
    actor: Actor,
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
def project_archive(*, actor: Actor, project: Project, reason: str) -> Project:
    """Archive a project: hidden from the work plan (unless asked for) with its history kept."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why it is being archived"})
    archive(project, actor=actor, reason=reason)
    return project


@transaction.atomic
def project_restore(*, actor: Actor, project: Project) -> Project:
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
    *, actor: Actor, project: Project, depends_on: Project, note: str = ""
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
def dependency_remove(*, actor: Actor, dependency: Dependency) -> None:
    delete_with_actor(dependency, actor)


@transaction.atomic
def board_member_add(*, actor: Actor, project: Project, person: Person, role: str) -> BoardMember:
    if BoardMember.objects.filter(project=project, person=person).exists():
        raise ValidationError({"person": f"{person} is already on the board of {project}"})
    member = BoardMember(project=project, person=person, role=role)
    save_with_actor(member, actor)
    return member


@transaction.atomic
def document_add(*, actor: Actor, project: Project, title: str, url: str) -> ProjectDocument:
    document = ProjectDocument(project=project, title=title.strip(), url=url.strip())
    save_with_actor(document, actor)
    return document


@transaction.atomic
def link_create(
    *, actor: Actor, project: Project, workstream: Workstream, kind: str, note: str = ""
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
def link_delete(*, actor: Actor, link: ProgrammeLink) -> None:
    delete_with_actor(link, actor)
