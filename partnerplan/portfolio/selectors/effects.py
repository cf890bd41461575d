"""What the portfolio's decision effects offer the recommendation form (`portfolio.effects`):
the open projects, the stage each can enter next, the business cases waiting for approval.

The effect registry has no viewer: a recommendation is written by the clerk for the body, and
the pickers show what a decision could act on (titles and stage names only)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from partnerplan.portfolio.acts import case_words
from partnerplan.portfolio.models import BusinessCaseVersion, Project, Stage
from partnerplan.portfolio.services.gates import is_stopped


def _open_projects() -> QuerySet[Project]:
    return (
        Project.objects.filter(archived_at__isnull=True)
        .select_related("stage", "programme")
        .order_by("programme__name", "title", "pk")
    )


def open_project_choices() -> list[tuple[Any, str]]:
    """Every project a decision could act on: not archived, not stopped."""
    return [(p.pk, str(p)) for p in _open_projects() if not is_stopped(p)]


def gate_choices() -> list[tuple[str, dict[str, Any]]]:
    """Every open project with the stage it may enter next, as one picker: ("Digital customer
    services: into 'Business case approved'", {"project_id": 5, "to_stage": "..."})."""
    stages: dict[int, list[Stage]] = defaultdict(list)
    for stage in Stage.objects.order_by("programme_id", "order"):
        stages[stage.programme_id].append(stage)
    out: list[tuple[str, dict[str, Any]]] = []
    for project in _open_projects():
        if is_stopped(project) or project.stage.is_final:
            continue
        nxt = next((s for s in stages[project.programme_id] if s.order > project.stage.order), None)
        if nxt is not None:
            out.append(
                (f"{project}: into '{nxt}'", {"project_id": project.pk, "to_stage": nxt.code})
            )
    return out


def business_case_choices() -> list[tuple[str, dict[str, Any]]]:
    """Every business case whose latest version waits for approval: ("Approve Life Events's
    outline business case", {"project_id": 5, "business_case_stage": "obc"})."""
    latest: dict[int, BusinessCaseVersion] = {}
    versions = (
        BusinessCaseVersion.objects.filter(business_case__project__archived_at__isnull=True)
        .select_related("business_case__project")
        .order_by("business_case__project__title", "business_case_id", "-number")
    )
    for version in versions:
        latest.setdefault(version.business_case_id, version)
    out: list[tuple[str, dict[str, Any]]] = []
    for version in latest.values():
        case = version.business_case
        if version.is_approved or is_stopped(case.project):
            continue
        out.append(
            (
                f"Approve {case.project}'s {case_words(case.stage)}",
                {"project_id": case.project_id, "business_case_stage": case.stage},
            )
        )
    return out
