"""Governance services: twin track."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.models import Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import effects
from partnerplan.governance.models import (
    ApprovalRule,
    Body,
    Decision,
    EffectState,
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
    subject_params: Mapping[str, Any] | None = None,
) -> Matter:
    targets = list(bodies)
    if len(targets) < 2:
        raise _fail("bodies", "A twin-track matter needs at least two bodies to approve it")
    if not title.strip():
        raise _fail("title", "Enter what needs approving")
    matter = Matter(
        title=title.strip(),
        description=description,
        rule=rule,
        visibility=visibility,
        subject_params=dict(subject_params or {}),
    )
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
    track = _track_decided(actor, matter, body, outcome, decided_on, reference.strip())
    matter_settle(actor=actor, matter=matter)
    return track


def matter_settle(*, actor: Actor, matter: Matter) -> None:
    """Apply the effects held back on `matter` once its rule (all of / any of) is met, or drop
    them once it cannot be: called after every track is decided and when a conflict is
    resolved. A conflict holds them until the partnership director resolves it."""
    from partnerplan.governance.selectors import matter_state

    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    state = matter_state(matter)
    held = list(
        Decision.objects.select_for_update(of=("self",))
        .filter(recommendation__matter=matter, effect_state=EffectState.HELD)
        .select_related("recommendation", "body", "meeting")
        .order_by("decided_on", "pk")
    )
    if not held:
        return
    resolved = matter.resolved_at is not None
    go = state.approved or (resolved and matter.resolution_outcome == "proceed")
    stop = (state.label == "Rejected" and not state.conflict) or (
        resolved and matter.resolution_outcome == "drop"
    )
    for decision in held:
        if go:
            # Applied first: the effect's act asks the chain of authority, which refuses a
            # decision still held back.
            decision.effect_state = EffectState.APPLIED
            save_with_actor(decision, actor)
            try:
                effects.apply_effect(actor=actor, decision=decision)
            except ValidationError as exc:
                raise ValidationError(
                    {
                        "outcome": [
                            f"The held-back effect of {decision} is refused now: "
                            + " ".join(exc.messages)
                        ]
                    }
                ) from exc
            continue
        if stop:
            decision.effect_state = EffectState.DROPPED
        else:
            continue
        save_with_actor(decision, actor)


@transaction.atomic
def matter_resolve(
    *, actor: Actor, matter: Matter, resolution: str, outcome: str = "drop"
) -> Matter:
    """Resolve a conflict (approved on one track, rejected on another) explicitly: the held
    effects go ahead (`outcome="proceed"`) or are dropped (`"drop"`)."""
    from partnerplan.governance.selectors import matter_state

    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if not matter_state(matter).conflict:
        raise _fail(
            "resolution",
            "Only a matter approved on one track and rejected on another needs resolving",
        )
    if not resolution.strip():
        raise _fail("resolution", "Enter how the conflict was resolved")
    if outcome not in {"proceed", "drop"}:
        raise _fail("outcome", "Choose whether the matter goes ahead")
    matter.resolution = resolution.strip()
    matter.resolved_at = clock.now()
    matter.resolution_outcome = outcome
    save_with_actor(matter, actor)
    matter_settle(actor=actor, matter=matter)
    return matter
