"""Governance services: implementing a decision that waited for its call-in period (the one
path that releases a waiting decision: after the period, after no further action, or after a
reconsideration in which it stands). Enqueues nothing, so the background task
(`governance.tasks`) can call it without an import cycle."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Decision, EffectState
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.decisions import _take_effect

__all__ = [
    "decision_implement",
    "decision_implement_if_due",
    "decisions_implement_due",
    "implementation_sentence",
]


def implementation_sentence(decision: Decision) -> str:
    """ "Cannot be implemented before ...", or why it waits, for the decision's pages."""
    state = decision.effect_state
    if state == EffectState.CALLED_IN:
        return (
            "Called in by the overview and scrutiny committee: it cannot be implemented until "
            "the committee's outcome (and any reconsideration) is recorded."
        )
    if state != EffectState.WAITING:
        return ""
    if decision.implement_from is None:
        return (
            "It can be called in, so it cannot be implemented until its decision record is "
            "published and the call-in period has ended."
        )
    return f"Cannot be implemented before {format_date(decision.implement_from)} (call-in period)."


def _locked(decision: Decision) -> Decision:
    return (
        Decision.objects.select_for_update(of=("self",))
        .select_related("body__scrutinised_by", "recommendation__matter", "meeting")
        .get(pk=decision.pk)
    )


def _release(actor: Actor, decision: Decision) -> Decision:
    """Implement a decision that waited: its track, delegations and effect, as at the meeting."""
    decision.effect_state = EffectState.NONE
    save_with_actor(decision, actor)
    _take_effect(actor, decision.recommendation, decision)
    decision.refresh_from_db()
    return decision


@transaction.atomic
def decision_implement(
    *, actor: Actor, decision: Decision, today: dt.date | None = None
) -> Decision:
    """Implement a decision whose call-in period has ended without a call-in."""
    decision = _locked(decision)
    on = _today(today)
    if decision.effect_state == EffectState.CALLED_IN:
        raise _fail("decision", implementation_sentence(decision))
    if decision.effect_state != EffectState.WAITING:
        raise _fail("decision", "This decision is not waiting to be implemented")
    if decision.implement_from is None or on < decision.implement_from:
        raise _fail("decision", implementation_sentence(decision))
    return _release(actor, decision)


def decisions_implement_due(*, actor: Actor = None, today: dt.date | None = None) -> list[Decision]:
    """Implement every decision whose call-in period ended by `today` without a call-in."""
    on = _today(today)
    due = Decision.objects.filter(
        effect_state=EffectState.WAITING, implement_from__isnull=False, implement_from__lte=on
    ).order_by("implement_from", "pk")
    return [decision_implement(actor=actor, decision=d, today=on) for d in due]


def decision_implement_if_due(*, decision: Decision, today: dt.date | None = None) -> Decision:
    """Implement `decision` if it waits and its call-in period has ended without a call-in
    (run when its page is read; the background task does the same for every such decision)."""
    on = _today(today)
    if (
        decision.effect_state != EffectState.WAITING
        or decision.implement_from is None
        or on < decision.implement_from
    ):
        return decision
    return decision_implement(actor=None, decision=decision, today=on)
