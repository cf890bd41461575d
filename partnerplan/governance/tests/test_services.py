"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.models import (
    AgendaItem,
    Decision,
    DelegationStatus,
    Meeting,
    MeetingStatus,
    MemberRole,
    MinutesStatus,
    OfficerDecision,
    Outcome,
    PowerKind,
    TrackOutcome,
)
from partnerplan.governance.selectors import authority_for, matter_state
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    CancelledMeetingFactory,
    DelegationFactory,
    HeldMeetingFactory,
    MeetingFactory,
    MinutesFactory,
    PowerFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
    at,
)
from partnerplan.partners.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


@pytest.fixture
def committee():
    body = BodyFactory.create(name="Joint Committee", quorum_minimum=2)
    members = [
        BodyMembershipFactory.create(body=body, role=MemberRole.CHAIR).person,
        BodyMembershipFactory.create(body=body).person,
        BodyMembershipFactory.create(body=body).person,
    ]
    co_opted = BodyMembershipFactory.create(body=body, role=MemberRole.CO_OPTED).person
    return body, members, co_opted


@pytest.fixture
def held(committee):
    body, members, co_opted = committee
    meeting = HeldMeetingFactory.create(body=body)
    item = AgendaItemFactory.create(meeting=meeting, number=5)
    return meeting, item


# --- Agendas and publication ---------------------------------------------------------------


def test_it_refuses_a_new_agenda_item_for_a_meeting_in_the_past(committee):
    body, _m, _c = committee
    meeting = MeetingFactory.create(body=body, starts_at=at(2010, 12, 17))
    with pytest.raises(ValidationError) as exc:
        services.agenda_item_add(actor=None, meeting=meeting, title="Late thoughts")
    assert "is in the past" in _message(exc)
    assert not AgendaItem.objects.exists()


def test_it_refuses_to_schedule_a_meeting_in_the_past(committee):
    body, _m, _c = committee
    with pytest.raises(ValidationError) as exc:
        services.meeting_schedule(
            actor=None, body=body, starts_at=at(2011, 3, 1), today=dt.date(2011, 3, 2)
        )
    assert "must be today or later" in _message(exc)
    assert not Meeting.objects.exists()


def _meeting_with_item(body, when):
    meeting = services.meeting_schedule(
        actor=None, body=body, starts_at=when, today=dt.date(2010, 11, 1)
    )
    services.agenda_item_add(
        actor=None,
        meeting=meeting,
        title="Review of Partnership Work Plan",
        today=dt.date(2010, 11, 1),
    )
    return meeting


def test_it_publishes_an_agenda_five_clear_days_ahead_and_tells_members(
    committee, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    for person in members:
        person.email = f"{person.first_name}@example.org"
        person.save()
    meeting = _meeting_with_item(body, at(2010, 12, 17))
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 9)
        )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert not meeting.published_late
    assert len(mail.outbox) == 4  # three voting members and the co-opted member
    assert "Agenda published" in mail.outbox[0].subject


def test_it_refuses_late_publication_without_urgency(committee):
    body, _m, _c = committee
    meeting = _meeting_with_item(body, at(2010, 12, 17))
    with pytest.raises(ValidationError) as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 13)
        )
    message = _message(exc)
    assert "must be published by Thursday 9 December 2010" in message
    assert "urgent" in message
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_it_publishes_late_as_urgent_with_the_reason_recorded(committee):
    body, _m, _c = committee
    meeting = _meeting_with_item(body, at(2010, 12, 17))
    services.meeting_publish_agenda(
        actor=None,
        meeting=meeting,
        published_on=dt.date(2010, 12, 13),
        urgency_reason="The SAB meeting was cancelled for adverse weather",
    )
    meeting.refresh_from_db()
    assert meeting.published_late and "adverse weather" in meeting.urgency_reason


def test_it_counts_clear_days_across_christmas_and_new_year(committee):
    body, _m, _c = committee
    meeting = _meeting_with_item(body, at(2011, 1, 4))
    # 23 December 2010 leaves only 4 working days: 24, 29, 30 and 31 December.
    with pytest.raises(ValidationError) as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 23)
        )
    assert "Wednesday 22 December 2010" in _message(exc)
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2010, 12, 22))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED


def test_it_counts_calendar_days_when_the_body_says_so(committee):
    body, _m, _c = committee
    body.notice_counts_weekends = True
    body.notice_counts_bank_holidays = True
    body.save()
    meeting = _meeting_with_item(body, at(2011, 1, 4))
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2010, 12, 29))
    meeting.refresh_from_db()
    assert not meeting.published_late


def test_it_refuses_an_agenda_with_no_items(committee):
    body, _m, _c = committee
    meeting = services.meeting_schedule(
        actor=None, body=body, starts_at=at(2030, 3, 15), today=dt.date(2030, 1, 1)
    )
    with pytest.raises(ValidationError) as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2030, 3, 1)
        )
    assert "no items" in _message(exc)


def test_it_requires_a_reason_for_an_item_added_late_to_a_published_agenda(committee):
    body, _m, _c = committee
    meeting = PublishedMeetingFactory.create(body=body, starts_at=at(2030, 3, 15))
    with pytest.raises(ValidationError) as exc:
        services.agenda_item_add(
            actor=None, meeting=meeting, title="Extra", today=dt.date(2030, 3, 13)
        )
    assert "published late" in _message(exc)
    item = services.agenda_item_add(
        actor=None,
        meeting=meeting,
        title="Extra",
        late_reason="Chair agreed",
        today=dt.date(2030, 3, 13),
    )
    assert item.added_late


def test_it_requires_a_schedule_12a_paragraph_for_an_exempt_item(committee):
    body, _m, _c = committee
    meeting = MeetingFactory.create(body=body)
    with pytest.raises(ValidationError) as exc:
        services.agenda_item_add(
            actor=None,
            meeting=meeting,
            title="Contract",
            visibility=Visibility.EXEMPT,
            today=dt.date(2030, 1, 1),
        )
    assert "Schedule 12A" in _message(exc)


# --- Meeting lifecycle ---------------------------------------------------------------------


def test_it_moves_the_business_of_a_cancelled_meeting_to_the_next(committee):
    body, _m, _c = committee
    first = MeetingFactory.create(body=body, starts_at=at(2030, 1, 10))
    item = AgendaItemFactory.create(meeting=first, number=1)
    later = MeetingFactory.create(body=body, starts_at=at(2030, 2, 10))
    AgendaItemFactory.create(meeting=later, number=1)
    services.meeting_cancel(actor=None, meeting=first, reason="Adverse weather")
    item.refresh_from_db()
    first.refresh_from_db()
    assert (item.meeting, item.carried_from, item.number) == (later, first, 2)
    assert first.status == MeetingStatus.CANCELLED and first.sequence == 1


def test_it_moves_stranded_business_when_the_next_meeting_is_scheduled(committee):
    body, _m, _c = committee
    cancelled = CancelledMeetingFactory.create(body=body, starts_at=at(2030, 1, 10))
    item = AgendaItemFactory.create(meeting=cancelled, number=1)
    nxt = services.meeting_schedule(
        actor=None, body=body, starts_at=at(2030, 2, 10), today=dt.date(2030, 1, 11)
    )
    item.refresh_from_db()
    assert item.meeting == nxt and item.carried_from == cancelled


def test_it_requires_a_reason_to_cancel(committee):
    body, _m, _c = committee
    meeting = MeetingFactory.create(body=body)
    with pytest.raises(ValidationError) as exc:
        services.meeting_cancel(actor=None, meeting=meeting, reason=" ")
    assert "adverse weather" in _message(exc)


def test_it_keeps_the_uid_and_raises_the_sequence_when_rescheduling(committee):
    body, _m, _c = committee
    meeting = PublishedMeetingFactory.create(body=body)
    uid = meeting.uid
    services.meeting_reschedule(
        actor=None,
        meeting=meeting,
        starts_at=at(2030, 3, 22),
        reason="Room unavailable",
        today=dt.date(2030, 1, 1),
    )
    meeting.refresh_from_db()
    assert meeting.uid == uid and meeting.sequence == 1
    assert meeting.status == MeetingStatus.RESCHEDULED
    assert meeting.rescheduled_from == at(2030, 3, 15)


def test_it_refuses_to_cancel_a_held_meeting(held):
    meeting, _item = held
    with pytest.raises(ValidationError) as exc:
        services.meeting_cancel(actor=None, meeting=meeting, reason="Snow")
    assert "already been held" in _message(exc)


# --- Decisions -----------------------------------------------------------------------------


def test_it_refuses_to_decide_without_quorum(committee, held):
    _body, members, co_opted = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    # One voting member and the co-opted member: quorum is two voting members.
    services.meeting_record_attendance(actor=None, meeting=meeting, present=[members[0], co_opted])
    with pytest.raises(ValidationError) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
        )
    assert "not quorate" in _message(exc) and "1 voting member was present" in _message(exc)
    assert not Decision.objects.exists()


def test_it_records_a_decision_with_a_useful_reference(committee, held):
    _body, members, _c = committee
    meeting, item = held
    RecommendationFactory.create(item=item, number=1)
    rec = RecommendationFactory.create(item=item, number=2)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members[:2])
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    assert str(decision) == "Joint Committee, 17 December 2010, item 5, recommendation 2"
    assert decision.body == meeting.body and decision.decided_on == dt.date(2010, 12, 17)


def test_it_refuses_a_vote_by_a_co_opted_member(committee, held):
    _body, members, co_opted = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=[*members, co_opted])
    with pytest.raises(ValidationError) as exc:
        services.decision_record(
            actor=None,
            recommendation=rec,
            outcome=Outcome.APPROVED,
            reasons="Agreed",
            votes={members[0]: "for", co_opted: "for"},
        )
    assert "co-opted (non-voting) and cannot vote" in _message(exc)
    assert not Decision.objects.exists()


def test_it_counts_the_votes_of_voting_members(committee, held):
    _body, members, _c = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    decision = services.decision_record(
        actor=None,
        recommendation=rec,
        outcome=Outcome.REJECTED,
        reasons="Not affordable",
        votes={members[0]: "for", members[1]: "against", members[2]: "against"},
    )
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (1, 2, 0)


def test_it_refuses_to_decide_before_the_meeting_is_held(committee):
    body, members, _c = committee
    meeting = PublishedMeetingFactory.create(body=body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=None, recommendation=rec, outcome=Outcome.NOTED)
    assert "once the meeting has been held" in _message(exc)


def test_it_requires_amended_text_and_reasons(committee, held):
    _body, members, _c = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.AMENDED, reasons="x"
        )
    assert "as amended" in _message(exc)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED)
    assert "reasons" in _message(exc)


def test_it_refuses_a_decision_outside_the_bodys_powers_and_names_who_has_them(committee, held):
    body, members, _c = committee
    meeting, item = held
    sab = BodyFactory.create(name="Strategic Advisory Board")
    PowerFactory.create(
        body=sab, kind=PowerKind.CALL_ON_RESERVES, financial_limit=Decimal("200000")
    )
    PowerFactory.create(
        body=body, kind=PowerKind.CALL_ON_RESERVES, financial_limit=Decimal("50000")
    )
    rec = RecommendationFactory.create(
        item=item, power=PowerKind.CALL_ON_RESERVES, amount=Decimal("85000")
    )
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x"
        )
    message = _message(exc)
    assert (
        "Joint Committee does not have the power to approve a call on reserves of £85,000"
        in message
    )
    assert "limited to £50,000" in message
    assert "It must go to Strategic Advisory Board" in message
    # Rejecting or deferring needs no power.
    decision = services.decision_record(actor=None, recommendation=rec, outcome=Outcome.DEFERRED)
    assert decision.outcome == Outcome.DEFERRED


def test_authority_for_follows_delegations_in_force_and_their_total_limit():
    jc = BodyFactory.create(name="Joint Committee")
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=jc, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(
        from_body=jc,
        to_bodies=[director],
        financial_limit=Decimal("85000"),
        limit_is_total=True,
        starts_on=dt.date(2011, 1, 1),
        ends_on=dt.date(2012, 3, 31),
    )
    on = dt.date(2011, 6, 1)
    ok = authority_for(
        body=director, power=PowerKind.DRAW_CONTINGENCY, amount=Decimal("50000"), on=on
    )
    assert ok.allowed and ok.source == delegation
    before = authority_for(
        body=director,
        power=PowerKind.DRAW_CONTINGENCY,
        amount=Decimal("1"),
        on=dt.date(2010, 12, 31),
    )
    assert not before.allowed and before.holders == [jc]
    holder = PersonFactory.create()
    BodyMembershipFactory.create(body=director, person=holder, role=MemberRole.MEMBER)
    services.officer_decision_record(
        actor=None,
        delegation=delegation,
        taken_by=director,
        decided_by=holder,
        title="Project manager for Customer Access",
        decision="Fund a project manager",
        reasons="No RIEP funding",
        amount=Decimal("60000"),
        decided_on=on,
    )
    over = authority_for(
        body=director, power=PowerKind.DRAW_CONTINGENCY, amount=Decimal("30000"), on=on
    )
    assert not over.allowed and "£60,000 has been used" in over.reason


def test_it_refuses_an_officer_decision_outside_the_delegation(committee):
    jc, _m, _c = committee
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=jc, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(
        from_body=jc,
        to_bodies=[director],
        financial_limit=Decimal("85000"),
        status=DelegationStatus.PROPOSED,
    )
    holder = BodyMembershipFactory.create(body=director).person
    kwargs = dict(
        actor=None, delegation=delegation, taken_by=director, decided_by=holder, title="T",
        decision="D", reasons="R", amount=Decimal("1000"), decided_on=dt.date(2011, 2, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.officer_decision_record(**kwargs)
    assert "was not in force" in _message(exc)
    services.delegation_bring_into_force(
        actor=None, delegation=delegation, starts_on=dt.date(2011, 1, 1)
    )
    with pytest.raises(ValidationError) as exc:
        services.officer_decision_record(**{**kwargs, "amount": Decimal("90000")})
    assert "allows up to £85,000" in _message(exc)
    services.officer_decision_record(**kwargs)
    assert OfficerDecision.objects.count() == 1


def test_it_refuses_to_delegate_a_power_the_body_does_not_have(committee):
    jc, _m, _c = committee
    sab = BodyFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.delegation_create(
            actor=None, from_body=jc, to_bodies=[sab], power=PowerKind.DRAW_CONTINGENCY, purpose="x"
        )
    assert "does not have that power itself" in _message(exc)


# --- Effects -------------------------------------------------------------------------------

GATE_CALLS: list[dict[str, object]] = []


def fake_gate(*, actor, decision, project_id, to_stage):
    GATE_CALLS.append({"decision": str(decision), "project_id": project_id, "to_stage": to_stage})
    if to_stage == "closed":
        raise ValidationError("The project has open risks, so it cannot be closed")


@pytest.fixture
def fake_effects(monkeypatch):
    from partnerplan.governance import effects

    GATE_CALLS.clear()
    monkeypatch.setitem(effects.EFFECT_HANDLERS, "portfolio.gate", f"{__name__}.fake_gate")


def test_it_refuses_an_effect_whose_handler_does_not_exist(held, monkeypatch):
    from partnerplan.governance import effects

    monkeypatch.setitem(
        effects.EFFECT_HANDLERS, "portfolio.gate", "partnerplan.portfolio.nowhere.gate"
    )
    _meeting, item = held
    item.meeting.status = MeetingStatus.SCHEDULED
    item.meeting.save()
    with pytest.raises(ValidationError) as exc:
        services.recommendation_add(
            actor=None, item=item, text="Move it", effect_kind="portfolio.gate",
            effect_params={"project_id": 1, "to_stage": "pipeline"},
        )  # fmt: skip
    assert "cannot yet act on a decision to 'move a project through a gate'" in _message(exc)


def test_it_checks_effect_parameters(fake_effects, committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=body))
    with pytest.raises(ValidationError) as exc:
        services.recommendation_add(
            actor=None,
            item=item,
            text="Move it",
            effect_kind="portfolio.gate",
            effect_params={"project_id": "x"},
        )
    assert "project_id must be a whole number" in _message(exc) and "needs to_stage" in _message(
        exc
    )


def _decide_with_effect(committee, to_stage):
    body, members, _c = committee
    meeting = MeetingFactory.create(body=body, starts_at=at(2030, 3, 15))
    item = AgendaItemFactory.create(meeting=meeting, number=3)
    rec = services.recommendation_add(
        actor=None, item=item, text="Move it", effect_kind="portfolio.gate",
        effect_params={"project_id": 7, "to_stage": to_stage},
    )  # fmt: skip
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    meeting.refresh_from_db()
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    return rec


def test_it_applies_the_effect_of_an_approved_recommendation(fake_effects, committee):
    rec = _decide_with_effect(committee, "pipeline")
    services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    assert GATE_CALLS == [
        {
            "decision": "Joint Committee, 15 March 2030, item 3, recommendation 1",
            "project_id": 7,
            "to_stage": "pipeline",
        }
    ]


def test_it_does_not_save_the_decision_when_the_effect_is_refused(fake_effects, committee):
    rec = _decide_with_effect(committee, "closed")
    with pytest.raises(ValidationError) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
        )
    assert "open risks" in _message(exc)
    assert not Decision.objects.exists()


def test_it_does_not_apply_the_effect_of_a_rejected_recommendation(fake_effects, committee):
    rec = _decide_with_effect(committee, "pipeline")
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.REJECTED, reasons="No")
    assert GATE_CALLS == []


# --- Minutes -------------------------------------------------------------------------------


def test_it_locks_approved_minutes_and_versions_corrections(committee):
    body, members, _c = committee
    minutes = MinutesFactory.create(meeting=HeldMeetingFactory.create(body=body))
    nxt = HeldMeetingFactory.create(body=body, starts_at=at(2011, 3, 10))
    services.meeting_record_attendance(actor=None, meeting=nxt, present=members)
    services.minutes_approve(actor=None, minutes=minutes, at_meeting=nxt)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_at == nxt
    with pytest.raises(ValidationError) as exc:
        services.minutes_save_draft(actor=None, meeting=minutes.meeting, text="Rewritten")
    assert "approved as a correct record" in _message(exc) and "locked" in _message(exc)
    correction = services.minutes_correct(
        actor=None, minutes=minutes, text="The Committee met at 10.", reason="Time"
    )
    assert correction.version == 2
    minutes.refresh_from_db()
    assert minutes.text == "The Committee met."


def test_it_refuses_to_approve_minutes_at_the_same_or_an_earlier_meeting(committee):
    body, _m, _c = committee
    minutes = MinutesFactory.create(meeting=HeldMeetingFactory.create(body=body))
    with pytest.raises(ValidationError) as exc:
        services.minutes_approve(actor=None, minutes=minutes, at_meeting=minutes.meeting)
    assert "later meeting" in _message(exc)


# --- Twin track, forward plan, actions ------------------------------------------------------


def test_it_shows_approved_subject_to_and_conflicts_on_the_twin_track(
    committee, held, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    meeting, item = held
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    matter = services.matter_create(
        actor=None, title="Staffordshire One Place supplier role", bodies=[body, lceg]
    )
    rec = RecommendationFactory.create(item=item, matter=matter)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    state = matter_state(matter)
    assert state.label == "Approved subject to Leaders and Chief Executives Group"
    services.matter_record_track(
        actor=None,
        matter=matter,
        body=lceg,
        outcome=TrackOutcome.REJECTED,
        decided_on=dt.date(2011, 1, 10),
        reference="Notes",
    )
    state = matter_state(matter)
    assert state.conflict and state.label.startswith("Conflict")
    matter = services.matter_resolve(
        actor=None, matter=matter, resolution="Redesigned and resubmitted"
    )
    assert not matter_state(matter).conflict


def test_it_approves_an_any_of_matter_on_the_first_approval(committee):
    body, _m, _c = committee
    other = BodyFactory.create()
    matter = services.matter_create(actor=None, title="M", bodies=[body, other], rule="any")
    services.matter_record_track(
        actor=None,
        matter=matter,
        body=other,
        outcome="approved",
        decided_on=dt.date(2011, 1, 1),
        reference="r",
    )
    assert matter_state(matter).approved


def test_it_requires_an_exception_for_a_key_decision_without_28_clear_days(committee):
    body, _m, _c = committee
    with pytest.raises(ValidationError) as exc:
        services.forward_plan_add(
            actor=None,
            body=body,
            title="Call on reserves",
            decision_due=dt.date(2010, 12, 17),
            notice_given_on=dt.date(2010, 11, 25),
        )
    assert "28" in _message(exc) or "twenty-eight" in _message(exc)
    assert "exception" in _message(exc)
    entry = services.forward_plan_add(
        actor=None, body=body, title="Call on reserves", decision_due=dt.date(2010, 12, 17),
        notice_given_on=dt.date(2010, 11, 25), exception="general",
        exception_reason="Projects must start quickly",
    )  # fmt: skip
    assert entry.exception == "general"
    ok = services.forward_plan_add(
        actor=None,
        body=body,
        title="Next",
        decision_due=dt.date(2011, 3, 18),
        notice_given_on=dt.date(2010, 12, 17),
    )
    assert ok.exception == ""


def test_it_emails_action_owners_and_reminds_them_when_overdue(
    committee, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    owner = members[1]
    owner.email = "owner@example.org"
    owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            actor=None,
            body=body,
            title="Prioritisation method",
            owner=owner,
            due_on=dt.date(2011, 3, 1),
        )
    assert mail.outbox[-1].subject == "Action for you: Prioritisation method"
    with django_capture_on_commit_callbacks(execute=True):
        assert services.actions_notify_overdue(today=dt.date(2011, 3, 2)) == 1
        assert services.actions_notify_overdue(today=dt.date(2011, 3, 2)) == 0
    assert mail.outbox[-1].subject.startswith("Overdue action")
    assert action.is_overdue(dt.date(2011, 3, 2))
    with pytest.raises(ValidationError) as exc:
        services.action_update(actor=None, action=action, status="dropped")
    assert "no longer needed" in _message(exc)


def test_approving_the_recommendation_brings_its_proposed_delegation_into_force(committee, held):
    body, members, _c = committee
    meeting, item = held
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=body, kind=PowerKind.DRAW_CONTINGENCY)
    rec = RecommendationFactory.create(item=item, text="Delegate the contingency")
    delegation = services.delegation_create(
        actor=None, from_body=body, to_bodies=[director], power=PowerKind.DRAW_CONTINGENCY,
        purpose="Contingency", financial_limit=Decimal("85000"), proposed_in=rec,
    )  # fmt: skip
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x")
    delegation.refresh_from_db()
    assert delegation.status == DelegationStatus.IN_FORCE
    assert delegation.starts_on == dt.date(2010, 12, 17)


def test_it_sets_an_effect_only_on_an_undecided_recommendation(fake_effects, committee, held):
    body, members, _c = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    params = {"project_id": 3, "to_stage": "pipeline"}
    services.recommendation_set_effect(
        actor=None, recommendation=rec, effect_kind="portfolio.gate", effect_params=params
    )
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x")
    assert GATE_CALLS[0]["project_id"] == 3
    with pytest.raises(ValidationError) as exc:
        services.recommendation_set_effect(
            actor=None, recommendation=rec, effect_kind="", effect_params={}
        )
    assert "has been decided" in _message(exc)


def test_it_requires_declared_interests_where_the_body_requires_them(committee, held):
    body, members, _c = committee
    meeting, item = held
    services.body_update(actor=None, body=body, requires_interests=True)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    rec = RecommendationFactory.create(item=item)
    with pytest.raises(ValidationError) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.NOTED, reasons="Noted"
        )
    assert exc.value.message_dict == {
        "declared_interests": [
            "Joint Committee records the interests declared on each decision: enter them, or 'None'"
        ]
    }
    assert not Decision.objects.exists()
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.NOTED, declared_interests="None"
    )
    assert decision.declared_interests == "None"


def test_it_emails_the_bodies_still_to_decide_on_the_twin_track(
    committee, held, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    meeting, item = held
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    chief = BodyMembershipFactory.create(body=lceg).person
    matter = services.matter_create(actor=None, title="Supplier role", bodies=[body, lceg])
    rec = RecommendationFactory.create(item=item, matter=matter)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
        )
    sent = [m for m in mail.outbox if m.subject.startswith("Decision needed on the twin track")]
    assert [m.to for m in sent] == [[chief.email]]
    assert "needs a decision from Leaders and Chief Executives Group" in sent[0].body


def test_it_carries_open_actions_to_later_meetings_and_flags_overdue_ones(committee, client):
    body, members, _c = committee
    earlier = HeldMeetingFactory.create(body=body, starts_at=at(2010, 12, 17))
    later = MeetingFactory.create(body=body, starts_at=at(2011, 3, 18))
    services.action_create(
        actor=None, body=body, meeting=earlier, title="Report back on the supplier role",
        owner=members[0], due_on=dt.date(2011, 1, 31),
    )  # fmt: skip
    services.action_create(
        actor=None, body=body, meeting=earlier, title="Circulate the work plan",
        owner=members[1], due_on=dt.date(2099, 1, 31),
    )  # fmt: skip
    from partnerplan.partners.tests.factories import UserFactory

    client.force_login(UserFactory.create(username="reader", person=members[2]))
    html = client.get(f"/governance/meetings/{later.pk}/").content.decode()
    assert "Actions agreed at earlier meetings" in html
    first = html.index("Report back on the supplier role")
    second = html.index("Circulate the work plan")
    assert "Overdue" in html[first:second]
    assert "Overdue" not in html[second : html.index("</table>", second)]


def test_an_approved_gate_recommendation_moves_the_real_project(committee, held):
    """End to end with the portfolio app's handler (no fake): the decision moves the project
    and the gate passage names the decision; a rejected one leaves the project alone."""
    from partnerplan.portfolio.tests.factories import ProjectFactory

    body, members, _c = committee
    meeting, item = held
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    params = {"project_id": project.pk, "to_stage": "approved"}
    rejected = RecommendationFactory.create(
        item=item, text="Approve entry", power=PowerKind.APPROVE_GATE,
        effect_kind="portfolio.gate", effect_params=params,
    )  # fmt: skip
    services.decision_record(
        actor=None, recommendation=rejected, outcome=Outcome.REJECTED, reasons="Not ready"
    )
    project.refresh_from_db()
    assert project.stage.code == "proposed"
    approved = RecommendationFactory.create(
        item=item, text="Approve entry (again)", power=PowerKind.APPROVE_GATE,
        effect_kind="portfolio.gate", effect_params=params,
    )  # fmt: skip
    decision = services.decision_record(
        actor=None, recommendation=approved, outcome=Outcome.APPROVED, reasons="Ready"
    )
    project.refresh_from_db()
    assert project.stage.code == "approved"
    passage = project.gate_passages.get()
    assert passage.decision_reference == str(decision) and passage.deciding_body == body
