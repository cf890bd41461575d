"""Governance services: twin track."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from partnerplan.core.models import Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    ApprovalRule,
    Body,
    Matter,
    Track,
    TrackOutcome,
)
from partnerplan.governance.services._common import _fail, _track_decided


@transaction.atomic
def matter_create(
    *,
    actor: Actor,
    title: str,
    bodies: Iterable[Body],
    rule: str = ApprovalRule.ALL,
    description: str = "",
    visibility: str = Visibility.PARTNERSHIP,
) -> Matter:
    targets = list(bodies)
    if len(targets) < 2:
        raise _fail("bodies", "A twin-track matter needs at least two bodies to approve it")
    if not title.strip():
        raise _fail("title", "Enter what needs approving")
    matter = Matter(title=title.strip(), description=description, rule=rule, visibility=visibility)
    save_with_actor(matter, actor)
    for body in targets:
        save_with_actor(Track(matter=matter, body=body), actor)
    return matter


@transaction.atomic
def matter_record_track(
    *, actor: Actor, matter: Matter, body: Body, outcome: str, decided_on: dt.date, reference: str
) -> Track:
    """Record the decision of a body that decides outside partnerplan (for example the Leaders
    and Chief Executives Group), citing its own record."""
    if outcome not in {TrackOutcome.APPROVED, TrackOutcome.REJECTED}:
        raise _fail("outcome", "Choose approved or rejected")
    if not reference.strip():
        raise _fail(
            "reference",
            "Enter where the decision is recorded (for example the group's notes of its meeting)",
        )
    return _track_decided(actor, matter, body, outcome, decided_on, reference.strip())


@transaction.atomic
def matter_resolve(*, actor: Actor, matter: Matter, resolution: str) -> Matter:
    from partnerplan.governance.selectors import matter_state

    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if not matter_state(matter).conflict:
        raise _fail(
            "resolution",
            "Only a matter approved on one track and rejected on another needs resolving",
        )
    if not resolution.strip():
        raise _fail("resolution", "Enter how the conflict was resolved")
    matter.resolution = resolution.strip()
    matter.resolved_at = timezone.now()
    save_with_actor(matter, actor)
    return matter
