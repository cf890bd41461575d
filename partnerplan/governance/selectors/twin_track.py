"""Governance reads: twin track."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible
from partnerplan.governance.models import (
    ApprovalRule,
    Body,
    Decision,
    EffectState,
    Matter,
    Recommendation,
    Track,
    TrackOutcome,
)


@dataclass(frozen=True)
class MatterState:
    label: str
    conflict: bool
    approved: bool
    outstanding: list[str]
    colour: str  # a govuk-tag modifier; the label always says the same in words


def matter_state(matter: Matter) -> MatterState:
    tracks: list[Track] = list(matter.tracks.all())
    approved = [t for t in tracks if t.outcome == TrackOutcome.APPROVED]
    rejected = [t for t in tracks if t.outcome == TrackOutcome.REJECTED]
    pending = [t for t in tracks if t.outcome == TrackOutcome.PENDING]
    outstanding = [str(t.body) for t in pending]
    if matter.resolved_at:
        return MatterState("Conflict resolved", False, False, outstanding, "blue")
    if matter.rule == ApprovalRule.ANY:
        if approved:
            return MatterState("Approved", False, True, [], "green")
        if rejected and not pending:
            return MatterState("Rejected", False, False, [], "red")
        return MatterState("Awaiting approval", False, False, outstanding, "grey")
    if rejected and approved:
        return MatterState(
            "Conflict: approved on one track, rejected on another", True, False, outstanding, "red"
        )
    if rejected:
        return MatterState("Rejected", bool(approved), False, outstanding, "red")
    if tracks and not pending:
        return MatterState("Approved", False, True, [], "green")
    if approved:
        return MatterState(
            "Approved subject to " + " and ".join(outstanding), False, False, outstanding, "yellow"
        )
    return MatterState("Awaiting approval", False, False, outstanding, "grey")


def matter_list(*, viewer: Viewer) -> list[tuple[Matter, MatterState]]:
    matters = visible(Matter.objects.all(), viewer).prefetch_related(
        Prefetch("tracks", queryset=Track.objects.select_related("body"))
    )
    return [(m, matter_state(m)) for m in matters.distinct()]


def matter_detail(*, viewer: Viewer, pk: int) -> tuple[Matter, MatterState]:
    try:
        matter = (
            visible(Matter.objects.all(), viewer)
            .prefetch_related(
                Prefetch(
                    "tracks",
                    queryset=Track.objects.select_related(
                        "body",
                        "decision__body",
                        "decision__meeting",
                        "decision__recommendation__item",
                    ),
                ),
                Prefetch(
                    "recommendations",
                    queryset=Recommendation.objects.select_related(
                        "item__meeting__body", "decision__body"
                    ),
                ),
            )
            .distinct()
            .get(pk=pk)
        )
    except Matter.DoesNotExist:
        raise Http404("No matter you can see has that number") from None
    return matter, matter_state(matter)


def held_decisions(matter: Matter) -> list[Decision]:
    """The decisions whose effect the matter holds back (found through the matter the viewer
    may see; `matter_detail` has prefetched its recommendations)."""
    return [
        r.decision
        for r in matter.recommendations.all()
        if hasattr(r, "decision") and r.decision.effect_state == EffectState.HELD
    ]


def matter_choices(*, viewer: Viewer, body: Body) -> QuerySet[Matter]:
    """The twin-track matters `body` has a track on and that are not resolved: what a
    recommendation of `body` can decide."""
    return (
        visible(Matter.objects.filter(tracks__body=body, resolved_at__isnull=True), viewer)
        .distinct()
        .order_by("title")
    )
