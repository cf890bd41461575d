"""Private helpers shared by the governance service modules."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import notices
from partnerplan.governance.models import Body, Decision, Matter, Track, TrackOutcome


def _today(today: dt.date | None) -> dt.date:
    return today or clock.today()


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _track_decided(
    actor: Actor,
    matter: Matter,
    body: Body,
    outcome: str,
    on: dt.date,
    reference: str,
    decision: Decision | None = None,
) -> Track:
    track = Track.objects.select_for_update().filter(matter=matter, body=body).first()
    if track is None:
        raise _fail("matter", f"{body} is not one of the bodies that must approve '{matter}'")
    if track.outcome != TrackOutcome.PENDING:
        raise _fail(
            "matter",
            f"{body} has already decided '{matter}' ({track.get_outcome_display().lower()})",
        )
    track.outcome = outcome
    track.decided_on = on
    track.reference = reference[:300]
    track.decision = decision
    save_with_actor(track, actor)
    for other in matter.tracks.filter(outcome=TrackOutcome.PENDING).select_related(
        "body", "matter"
    ):
        notices.twin_track_decision_needed(other)
    return track
