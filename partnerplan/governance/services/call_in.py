"""Governance services: decision records and call-in (2012 Regulations, regulations 12 to 13;
Local Government Act 2000 s9F; the body's own call-in rules).

- A decision record is published only with the reasons, the alternative options considered and
  rejected, and the interests declared (or "None"): `decision_record_missing`, applied by
  `decision_record_publish` and `officer_decision_record`.
- A decision that can be called in (its body's `call_in_scope`: its key decisions, or all its
  decisions) cannot be implemented before `call_in_days` clear working days after its record
  is published (`implement_from`). Until then its effects wait (`EffectState.WAITING`, refused
  by the chain of authority); `decisions_implement_due` implements the ones whose period has
  ended: the background worker runs it on the day (`governance.tasks`), a decision's page
  implements it when read after its period (`decision_implement_if_due`), and the
  `implement_decisions` command remains for cron.
- A valid call-in (enough members of the scrutiny body, within the period) freezes it
  (`EffectState.CALLED_IN`) until the outcome: no further action releases it; referred back to
  the decision-maker or to council, it waits for the reconsideration (stands: released;
  changed: dropped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    CallIn,
    CallInOutcome,
    Decision,
    EffectState,
    Reconsideration,
)
from partnerplan.governance.rules.clear_days import earliest_meeting_date, format_date
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.decisions import call_in_eligible
from partnerplan.governance.services.implementing import (
    _locked,
    _release,
    decision_implement,
    decision_implement_if_due,
    decisions_implement_due,
    implementation_sentence,
)

__all__ = [
    "call_in_eligible",
    "call_in_outcome_record",
    "call_in_reconsider",
    "call_in_request",
    "decision_implement",
    "decision_implement_if_due",
    "decision_record_missing",
    "decision_record_publish",
    "decisions_implement_due",
    "implementation_sentence",
]

_NONE_WORDS = {"none", "no", "nil", "none declared", "no interests", "n/a"}


def decision_record_missing(
    *, reasons: str, options_considered: str, declared_interests: str
) -> dict[str, str]:
    """What a decision record still needs before it is published, by field (empty: nothing).
    Interests declared may be 'None', but not left blank."""
    missing: dict[str, str] = {}
    if not reasons.strip():
        missing["reasons"] = "Enter the reasons for the decision"
    if not options_considered.strip():
        missing["options_considered"] = (
            "Enter the alternative options considered and rejected (or say that there were none)"
        )
    if not declared_interests.strip():
        missing["declared_interests"] = (
            "Enter the interests declared, and any dispensation, or 'None'"
        )
    return missing


@transaction.atomic
def decision_record_publish(
    *,
    actor: Actor,
    decision: Decision,
    reasons: str,
    options_considered: str,
    declared_interests: str,
    published_on: dt.date | None = None,
) -> Decision:
    """Publish the decision record: the decision, its reasons, the options rejected and the
    interests declared. For a decision that can be called in, the call-in period starts."""
    decision = _locked(decision)
    if decision.record_published_on is not None:
        raise _fail(
            "reasons",
            f"The decision record was published on {format_date(decision.record_published_on)}: "
            "correct the minutes if it is wrong",
        )
    missing = decision_record_missing(
        reasons=reasons,
        options_considered=options_considered,
        declared_interests=declared_interests,
    )
    if missing:
        from django.core.exceptions import ValidationError

        raise ValidationError(missing)
    on = _today(published_on)
    if on < decision.decided_on:
        raise _fail("published_on", "The record cannot be published before the decision")
    decision.reasons = reasons.strip()
    decision.options_considered = options_considered.strip()
    decision.declared_interests = declared_interests.strip()
    decision.record_published_on = on
    if decision.effect_state == EffectState.WAITING:
        body = decision.body
        # The first working day after the period: not a weekend or bank holiday.
        decision.implement_from = earliest_meeting_date(
            on, body.call_in_days, body.working_calendar, on_counting_day=True
        )
    save_with_actor(decision, actor)
    if decision.implement_from is not None:
        _schedule(decision.implement_from)
    return decision


#: The time of day the worker implements decisions whose call-in period ended.
IMPLEMENT_AT = dt.time(0, 5)


def _schedule(day: dt.date) -> None:
    """Queue the background worker to implement the decisions due on `day` (after commit).
    With a demonstration clock the real day means nothing: the task runs at once, and the
    decision's page implements it when read after its period."""
    from django.utils import timezone

    from partnerplan.core import clock
    from partnerplan.governance.tasks import implement_due_decisions

    run_after = None
    if not clock.enabled():
        run_after = timezone.make_aware(dt.datetime.combine(day, IMPLEMENT_AT))
    transaction.on_commit(lambda: implement_due_decisions.using(run_after=run_after).enqueue())


@transaction.atomic
def call_in_request(
    *,
    actor: Actor,
    decision: Decision,
    members: Iterable[Any],
    reasons: str,
    requested_on: dt.date | None = None,
) -> CallIn:
    """Call a decision in: enough members of the scrutiny body ask, with reasons, before the
    decision can be implemented. Its effects are frozen until the outcome."""
    decision = _locked(decision)
    on = _today(requested_on)
    scrutiny = decision.body.scrutinised_by
    if decision.effect_state != EffectState.WAITING or scrutiny is None:
        raise _fail(
            "members",
            f"{decision} cannot be called in"
            + (
                ": it has been called in already"
                if decision.effect_state == EffectState.CALLED_IN
                else ": only a decision waiting for its call-in period can be"
            ),
        )
    if decision.implement_from is None:
        raise _fail(
            "members",
            "The decision record has not been published yet: the call-in period starts when it is",
        )
    if on >= decision.implement_from:
        raise _fail(
            "requested_on",
            f"The call-in period ended: the decision could be implemented from "
            f"{format_date(decision.implement_from)}",
        )
    if on < decision.record_published_on:  # type: ignore[operator]
        raise _fail("requested_on", "A decision is called in after its record is published")
    people = list(members)
    current = {m.person_id for m in scrutiny.memberships.all() if m.is_current(on) and m.is_voting}
    strangers = [p for p in people if p.pk not in current]
    if strangers:
        names = ", ".join(str(p) for p in strangers)
        raise _fail("members", f"Only members of {scrutiny} can call a decision in, not {names}")
    needed = scrutiny.call_in_members_required
    if len({p.pk for p in people}) < needed:
        raise _fail(
            "members",
            f"A call-in needs {needed} member{'s' if needed != 1 else ''} of {scrutiny}; "
            f"{len(people)} asked",
        )
    if not reasons.strip():
        raise _fail("reasons", "Enter why the decision is called in")
    call_in = CallIn(decision=decision, scrutiny_body=scrutiny, requested_on=on, reasons=reasons)
    save_with_actor(call_in, actor)
    call_in.members.set(people)
    decision.effect_state = EffectState.CALLED_IN
    save_with_actor(decision, actor)
    return call_in


@transaction.atomic
def call_in_outcome_record(
    *, actor: Actor, call_in: CallIn, outcome: str, notes: str = "", on: dt.date | None = None
) -> CallIn:
    """Scrutiny's outcome: no further action (the decision is implemented now), or referred back
    to the decision-maker or to council (it stays frozen until reconsidered)."""
    call_in = CallIn.objects.select_for_update().select_related("decision").get(pk=call_in.pk)
    if call_in.outcome:
        raise _fail("outcome", f"The outcome was recorded: {call_in.get_outcome_display()}")
    if outcome not in CallInOutcome.values or not outcome:
        raise _fail("outcome", "Choose the outcome of the call-in")
    if outcome != CallInOutcome.NO_ACTION and not notes.strip():
        raise _fail("notes", "Enter the committee's concerns for the decision-maker")
    call_in.outcome = outcome
    call_in.outcome_on = _today(on)
    call_in.outcome_notes = notes.strip()
    save_with_actor(call_in, actor)
    if outcome == CallInOutcome.NO_ACTION:
        _release(actor, _locked(call_in.decision))
    return call_in


@transaction.atomic
def call_in_reconsider(
    *,
    actor: Actor,
    call_in: CallIn,
    reconsideration: str,
    notes: str,
    on: dt.date | None = None,
) -> CallIn:
    """The decision-maker (or council) reconsidered a decision referred to it: it stands (and
    is implemented) or was changed (its effects are dropped; record the new decision)."""
    call_in = CallIn.objects.select_for_update().select_related("decision").get(pk=call_in.pk)
    if call_in.outcome not in {CallInOutcome.REFERRED_BACK, CallInOutcome.REFERRED_TO_COUNCIL}:
        raise _fail(
            "reconsideration", "Only a decision referred back or to council is reconsidered"
        )
    if call_in.reconsideration:
        raise _fail("reconsideration", "The reconsideration was recorded")
    if reconsideration not in {Reconsideration.STANDS, Reconsideration.CHANGED}:
        raise _fail("reconsideration", "Choose whether the decision stands")
    if not notes.strip():
        raise _fail("notes", "Enter where the reconsideration is recorded and what was decided")
    call_in.reconsideration = reconsideration
    call_in.reconsidered_on = _today(on)
    call_in.reconsideration_notes = notes.strip()
    save_with_actor(call_in, actor)
    decision = _locked(call_in.decision)
    if reconsideration == Reconsideration.STANDS:
        _release(actor, decision)
    else:
        decision.effect_state = EffectState.DROPPED
        save_with_actor(decision, actor)
    return call_in
