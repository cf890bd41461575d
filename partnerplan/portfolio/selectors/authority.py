"""The authorities a portfolio form offers (only the decisions that could cover the act), and
the twin-track matters about a project.

A decision could cover an act when governance's `authority_refusal` finds nothing wrong with it
today: the body's power, this project (and stage, business case or outcome), the dates, and
not already used for such an act. The service asks again, under a lock, when it acts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Prefetch, Q, QuerySet

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible
from partnerplan.governance.models import (
    APPROVING,
    Decision,
    EffectState,
    Matter,
    OfficerDecision,
    Track,
)
from partnerplan.governance.selectors import MatterState, matter_state
from partnerplan.governance.services.authority import Act, Grant, authority_refusal
from partnerplan.portfolio.acts import DECIDED_OUTCOMES, business_case_act, gate_act, review_act
from partnerplan.portfolio.models import BusinessCaseVersion, Project
from partnerplan.portfolio.services.gates import allowed_gates

T = TypeVar("T", Decision, OfficerDecision)


@dataclass(frozen=True)
class AuthorityChoices:
    """The decisions and delegated decisions a form offers for an act."""

    decisions: QuerySet[Decision]
    officer_decisions: QuerySet[OfficerDecision]


def _decisions_about(project: Project) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(
            outcome__in=APPROVING, recommendation__effect_params__project_id=project.pk
        )
        .exclude(effect_state__in=[EffectState.HELD, EffectState.DROPPED])
        .select_related("body", "meeting", "recommendation__item")
        .order_by("-decided_on", "-pk")
    )


def _officer_decisions_about(viewer: Viewer, project: Project) -> QuerySet[OfficerDecision]:
    return (
        visible(OfficerDecision.objects.filter(subject_params__project_id=project.pk), viewer)
        .select_related("taken_by", "delegation__from_body")
        .order_by("-decided_on", "-pk")
    )


def _covering(
    candidates: QuerySet[T], acts: Sequence[Act], grant_of: Callable[[T], Grant]
) -> QuerySet[T]:
    keep = [
        c.pk
        for c in candidates
        if any(authority_refusal(act=act, grant=grant_of(c)) is None for act in acts)
    ]
    return candidates.filter(pk__in=keep)


def _choices(viewer: Viewer, project: Project, acts: Iterable[Act]) -> AuthorityChoices:
    acts = list(acts)
    return AuthorityChoices(
        decisions=_covering(_decisions_about(project), acts, lambda d: Grant(decision=d)),
        officer_decisions=_covering(
            _officer_decisions_about(viewer, project),
            acts,
            lambda od: Grant(officer_decision=od),
        ),
    )


def gate_authority_choices(*, viewer: Viewer, project: Project) -> AuthorityChoices:
    """The decisions that could move `project` into the stage it can enter next."""
    today = clock.today()
    acts = [gate_act(project, stage, on=today) for stage in allowed_gates(project)]
    return _choices(viewer, project, acts)


def review_authority_choices(*, viewer: Viewer, project: Project) -> AuthorityChoices:
    """The decisions that could withdraw, discontinue or redesign `project`."""
    today = clock.today()
    return _choices(viewer, project, (review_act(project, o, on=today) for o in DECIDED_OUTCOMES))


def business_case_authority_choices(*, version: BusinessCaseVersion) -> QuerySet[Decision]:
    """The decisions that could approve `version`."""
    act = business_case_act(version, on=clock.today())
    project = version.business_case.project
    return _covering(_decisions_about(project), [act], lambda d: Grant(decision=d))


def project_matters(*, viewer: Viewer, project: Project) -> list[tuple[Matter, MatterState]]:
    """The twin-track matters about `project` that the viewer may see, with their state
    ("Approved subject to the Leaders and Chief Executives Group"): a matter whose subject is
    the project, or one holding back a decision whose effect names it."""
    about = Q(subject_params__project_id=project.pk) | Q(
        recommendations__effect_params__project_id=project.pk,
        recommendations__decision__effect_state=EffectState.HELD,
    )
    matters = (
        visible(Matter.objects.filter(about), viewer)
        .distinct()
        .order_by("-created_at", "-pk")
        .prefetch_related(Prefetch("tracks", queryset=Track.objects.select_related("body")))
    )
    return [(m, matter_state(m)) for m in matters]
