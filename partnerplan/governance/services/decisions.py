"""Governance services: decisions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import effects
from partnerplan.governance.models import (
    APPROVING,
    VOTING_ROLES,
    Attendance,
    AttendanceStatus,
    CallInScope,
    Decision,
    DelegationStatus,
    EffectState,
    KeyDecision,
    Meeting,
    MeetingStatus,
    MemberRole,
    Outcome,
    Recommendation,
    TrackOutcome,
    Vote,
    VoteChoice,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.selectors.authority import authority_for
from partnerplan.governance.selectors.twin_track import matter_state
from partnerplan.governance.services._common import _fail, _track_decided
from partnerplan.governance.services.bodies import delegation_bring_into_force
from partnerplan.governance.services.key_decisions import key_decision_refusal, key_decision_taken
from partnerplan.governance.services.meetings import quorum_at
from partnerplan.governance.services.private_meetings import private_item_refusal
from partnerplan.governance.services.twin_track import matter_settle


def _check_votes(meeting: Meeting, votes: dict[Any, str]) -> tuple[int, int, int]:
    attendance = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    counts = {VoteChoice.FOR: 0, VoteChoice.AGAINST: 0, VoteChoice.ABSTAIN: 0}
    for person, choice in votes.items():
        row = attendance.get(person.pk)
        if row is None or row.status != AttendanceStatus.PRESENT:
            raise _fail("votes", f"{person} was not recorded as present, so cannot vote")
        if row.role not in VOTING_ROLES:
            raise _fail(
                "votes",
                f"{person} is {MemberRole(row.role).label.lower() if row.role else 'not a member'} "
                "and cannot vote: co-opted members and officer advisers are recorded as present "
                "but do not vote",
            )
        if choice not in counts:
            raise _fail("votes", f"A vote is for, against or an abstention, not '{choice}'")
        counts[VoteChoice(choice)] += 1
    return counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.ABSTAIN]


def _validate_decision(
    rec: Recommendation,
    meeting: Meeting,
    outcome: str,
    amended_text: str,
    reasons: str,
    declared_interests: str = "",
) -> None:
    body = meeting.body
    if rec.withdrawn_on is not None:
        raise _fail(
            "outcome",
            f"This recommendation was withdrawn on {format_date(rec.withdrawn_on)}: "
            "there is nothing to decide",
        )
    if Decision.objects.filter(recommendation=rec).exists():
        raise _fail(
            "outcome",
            "This recommendation has already been decided. "
            "Correct the minutes if the record is wrong",
        )
    if meeting.status != MeetingStatus.HELD:
        raise _fail(
            "outcome",
            "Decisions are recorded once the meeting has been held; "
            f"{meeting} is {meeting.get_status_display().lower()}",
        )
    present, quorum = quorum_at(meeting)
    if present < quorum:
        raise _fail(
            "outcome",
            f"The meeting was not quorate, so it could not make decisions: {present} voting "
            f"member{'s were' if present != 1 else ' was'} present and {body}'s quorum is "
            f"{quorum} ({body.quorum_rule_text})",
        )
    if outcome not in Outcome.values:
        raise _fail(
            "outcome",
            "Choose the decision: approved, approved as amended, rejected, deferred or noted",
        )
    if outcome == Outcome.AMENDED and not amended_text.strip():
        raise _fail("amended_text", "Enter the recommendation as amended")
    if outcome != Outcome.AMENDED and amended_text.strip():
        raise _fail("amended_text", "Only a recommendation approved as amended has amended text")
    if (
        body.requires_reasons
        and outcome in {Outcome.APPROVED, Outcome.AMENDED, Outcome.REJECTED}
        and not reasons.strip()
    ):
        raise _fail("reasons", f"{body} records the reasons for its decisions: enter them")
    if body.requires_interests and not declared_interests.strip():
        raise _fail(
            "declared_interests",
            f"{body} records the interests declared on each decision: enter them, or 'None'",
        )


@transaction.atomic
def decision_record(
    *,
    actor: Actor,
    recommendation: Recommendation,
    outcome: str,
    amended_text: str = "",
    reasons: str = "",
    options_considered: str = "",
    declared_interests: str = "",
    votes: dict[Any, str] | None = None,
) -> Decision:
    """Record the body's decision on one recommendation, at a meeting that was held and quorate,
    within the body's powers. An approving decision applies the recommendation's effect (and
    is not saved if the effect is refused)."""
    rec = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("item__meeting__body", "matter")
        .get(pk=recommendation.pk)
    )
    meeting = rec.item.meeting
    body = meeting.body
    _validate_decision(rec, meeting, outcome, amended_text, reasons, declared_interests)
    key = _check_statutory_notices(rec, meeting, outcome)
    authority_text = ""
    if outcome in APPROVING and rec.power:
        authority = authority_for(body=body, power=rec.power, amount=rec.amount, on=meeting.date)
        if not authority.allowed:
            raise _fail("outcome", authority.reason)
        authority_text = authority.reason
    votes_for = votes_against = abstentions = None
    if votes:
        votes_for, votes_against, abstentions = _check_votes(meeting, votes)
    decision = Decision(
        recommendation=rec,
        meeting=meeting,
        body=body,
        outcome=outcome,
        amended_text=amended_text.strip(),
        reasons=reasons.strip(),
        options_considered=options_considered.strip(),
        declared_interests=declared_interests.strip(),
        decided_on=meeting.date,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        authority=authority_text[:300],
    )
    save_with_actor(decision, actor)
    for person, choice in (votes or {}).items():
        save_with_actor(Vote(decision=decision, person=person, choice=choice), actor)
    if key is not None:
        key_decision_taken(actor=actor, entry=key.entry)
    if call_in_eligible(decision):
        # It can be called in: nothing is implemented (its track, delegations and effect, and
        # no act may cite it) until its record is published and the call-in period ends
        # (services.call_in).
        decision.effect_state = EffectState.WAITING
        save_with_actor(decision, actor)
        return decision
    _take_effect(actor, rec, decision)
    return decision


def call_in_eligible(decision: Decision) -> bool:
    """Whether the body's rules let scrutiny call this decision in (only decisions that approve
    something have anything to implement)."""
    scope = decision.body.call_in_scope
    if not scope or decision.outcome not in APPROVING or decision.body.scrutinised_by_id is None:
        return False
    if scope == CallInScope.ALL:
        return True
    return KeyDecision.objects.filter(recommendation_id=decision.recommendation_id).exists()


#: The outcomes that decide the matter (deferring or noting takes no decision).
_DECIDING = frozenset({*APPROVING, Outcome.REJECTED})


def _check_statutory_notices(
    rec: Recommendation, meeting: Meeting, outcome: str
) -> KeyDecision | None:
    """A key decision needs its notice (or an exception) on file; an exempt item of an
    executive body is taken in private only with its private meeting notices."""
    if outcome not in _DECIDING:
        return None
    refusal = private_item_refusal(rec.item)
    if refusal:
        raise _fail("outcome", refusal)
    key = KeyDecision.objects.filter(recommendation=rec).select_related("entry").first()
    if key is None:
        return None
    refusal = key_decision_refusal(entry=key.entry, on=meeting.date, body=meeting.body)
    if refusal:
        raise _fail("outcome", refusal)
    return key


def _take_effect(actor: Actor, rec: Recommendation, decision: Decision) -> None:
    """The decision's track on a twin-track matter, the delegations it brings into force, and
    its effect: applied, held back on the matter, or (for a rejection) its rejection handler."""
    outcome, meeting, body = decision.outcome, decision.meeting, decision.body
    if rec.matter is not None and outcome in {*APPROVING, Outcome.REJECTED}:
        _track_decided(
            actor,
            rec.matter,
            body,
            TrackOutcome.APPROVED if outcome in APPROVING else TrackOutcome.REJECTED,
            meeting.date,
            str(decision),
            decision,
        )
    if outcome in APPROVING:
        for delegation in rec.proposed_delegations.filter(status=DelegationStatus.PROPOSED):
            delegation_bring_into_force(actor=actor, delegation=delegation, starts_on=meeting.date)
        if rec.effect_kind:
            # A twin-track matter holds the effect back until its rule is met (matter_settle
            # applies it then); otherwise it takes effect with the decision.
            held = rec.matter is not None and not matter_state(rec.matter).approved
            decision.effect_state = EffectState.HELD if held else EffectState.APPLIED
            save_with_actor(decision, actor)
            if not held:
                try:
                    effects.apply_effect(actor=actor, decision=decision)
                except ValidationError as exc:
                    raise ValidationError({"outcome": exc.messages}) from exc
    elif outcome == Outcome.REJECTED and rec.effect_kind:
        try:
            effects.apply_rejection(actor=actor, decision=decision)
        except ValidationError as exc:
            raise ValidationError({"outcome": exc.messages}) from exc
    if rec.matter is not None:
        matter_settle(actor=actor, matter=rec.matter)
