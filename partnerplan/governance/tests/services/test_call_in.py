"""Decision records and call-in: a decision that can be called in waits (its effect and any act
citing it) until the call-in period after its record is published ends; a valid call-in freezes
it until scrutiny's outcome. Across Christmas 2010."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    ActKind,
    CallInOutcome,
    EffectState,
    MemberRole,
    Outcome,
    PowerKind,
    Reconsideration,
)
from partnerplan.governance.services.authority import Act, Grant, authority_refusal
from partnerplan.governance.services.call_in import (
    call_in_outcome_record,
    call_in_reconsider,
    call_in_request,
    decision_record_publish,
    decisions_implement_due,
    implementation_sentence,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
    RecommendationFactory,
    at,
)
from partnerplan.governance.tests.helpers import MOVED, message_of

pytestmark = pytest.mark.django_db

RECORD = {"reasons": "Good value", "options_considered": "Doing nothing: rejected as too slow",
          "declared_interests": "None"}  # fmt: skip


@pytest.fixture
def cabinet(picker_registry):
    scrutiny = BodyFactory.create(
        name="Scrutiny Committee", kind="scrutiny", call_in_members_required=3
    )
    councillors = [BodyMembershipFactory.create(body=scrutiny).person for _ in range(4)]
    body = BodyFactory.create(
        name="Cabinet", kind="executive", scrutinised_by=scrutiny, call_in_scope="all"
    )
    BodyMembershipFactory.create(body=body, role=MemberRole.CHAIR)
    services.power_add(actor=None, body=body, kind=PowerKind.APPROVE_GATE)
    meeting = HeldMeetingFactory.create(body=body, starts_at=at(2010, 12, 17))
    services.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in body.memberships.all()]
    )
    item = AgendaItemFactory.create(meeting=meeting)
    rec = RecommendationFactory.create(
        item=item, power=PowerKind.APPROVE_GATE, effect_kind="test.move",
        effect_params={"project_id": 1, "to_stage": "approved"},
    )  # fmt: skip
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Good value"
    )
    return decision, councillors


def _gate(on):
    from partnerplan.governance.services.authority import Subject

    return Act(
        kind=ActKind.GATE, powers=(PowerKind.APPROVE_GATE,), on=on, label="move Alpha",
        subject=Subject("project_id", 1, "Alpha"), terms={"to_stage": "approved"},
    )  # fmt: skip


def test_it_holds_a_decision_until_the_call_in_period_after_its_record_ends(cabinet):
    decision, _councillors = cabinet
    assert decision.effect_state == EffectState.WAITING and MOVED == []
    refusal = authority_refusal(act=_gate(dt.date(2011, 1, 10)), grant=Grant(decision=decision))
    assert "decision record has not been published" in (refusal or "")
    with pytest.raises(ValidationError, match="alternative options considered") as exc:
        decision_record_publish(
            actor=None, decision=decision, reasons="Good value", options_considered="",
            declared_interests="", published_on=dt.date(2010, 12, 22),
        )  # fmt: skip
    assert "or 'None'" in message_of(exc)
    # Published on 22 December 2010: 23, 24, 29, 30 and 31 December are the five clear working
    # days; 1-3 January are a weekend and the New Year bank holiday.
    decision = decision_record_publish(
        actor=None, decision=decision, published_on=dt.date(2010, 12, 22), **RECORD
    )
    assert decision.implement_from == dt.date(2011, 1, 4)
    assert implementation_sentence(decision) == (
        "Cannot be implemented before Tuesday 4 January 2011 (call-in period)."
    )
    refusal = authority_refusal(act=_gate(dt.date(2011, 1, 3)), grant=Grant(decision=decision))
    assert "cannot be implemented before Tuesday 4 January 2011" in (refusal or "")
    assert decisions_implement_due(today=dt.date(2011, 1, 3)) == []
    assert [d.pk for d in decisions_implement_due(today=dt.date(2011, 1, 4))] == [decision.pk]
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.APPLIED
    assert MOVED == [{"project_id": 1, "to_stage": "approved"}]


def test_it_refuses_a_call_in_by_too_few_members_or_after_the_period(cabinet):
    decision, councillors = cabinet
    decision = decision_record_publish(
        actor=None, decision=decision, published_on=dt.date(2010, 12, 20), **RECORD
    )
    with pytest.raises(ValidationError, match="needs 3 members of Scrutiny Committee; 2 asked"):
        call_in_request(actor=None, decision=decision, members=councillors[:2], reasons="Cost",
                        requested_on=dt.date(2010, 12, 21))  # fmt: skip
    outsider = BodyMembershipFactory.create(body=decision.body).person
    with pytest.raises(ValidationError, match="Only members of Scrutiny Committee"):
        call_in_request(actor=None, decision=decision, members=[*councillors[:2], outsider],
                        reasons="Cost", requested_on=dt.date(2010, 12, 21))  # fmt: skip
    with pytest.raises(ValidationError, match="The call-in period ended"):
        call_in_request(actor=None, decision=decision, members=councillors[:3], reasons="Cost",
                        requested_on=decision.implement_from)  # fmt: skip


def test_a_call_in_freezes_the_decision_until_no_further_action(cabinet):
    decision, councillors = cabinet
    decision = decision_record_publish(
        actor=None, decision=decision, published_on=dt.date(2010, 12, 20), **RECORD
    )
    call_in = call_in_request(actor=None, decision=decision, members=councillors[:3],
                              reasons="Cost", requested_on=dt.date(2010, 12, 21))  # fmt: skip
    assert decisions_implement_due(today=dt.date(2011, 2, 1)) == []
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.CALLED_IN
    refusal = authority_refusal(act=_gate(dt.date(2011, 2, 1)), grant=Grant(decision=decision))
    assert "called in" in (refusal or "")
    call_in_outcome_record(actor=None, call_in=call_in, outcome=CallInOutcome.NO_ACTION,
                           on=dt.date(2011, 1, 10))  # fmt: skip
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.APPLIED and len(MOVED) == 1


@pytest.mark.parametrize(
    ("reconsideration", "state", "moved"),
    [
        (Reconsideration.STANDS, EffectState.APPLIED, 1),
        (Reconsideration.CHANGED, EffectState.DROPPED, 0),
    ],
)
def test_a_decision_referred_back_waits_for_its_reconsideration(
    cabinet, reconsideration, state, moved
):
    decision, councillors = cabinet
    decision = decision_record_publish(
        actor=None, decision=decision, published_on=dt.date(2010, 12, 20), **RECORD
    )
    call_in = call_in_request(actor=None, decision=decision, members=councillors,
                              reasons="Cost", requested_on=dt.date(2010, 12, 21))  # fmt: skip
    with pytest.raises(ValidationError, match="concerns for the decision-maker"):
        call_in_outcome_record(actor=None, call_in=call_in, outcome=CallInOutcome.REFERRED_BACK)
    call_in_outcome_record(actor=None, call_in=call_in, outcome=CallInOutcome.REFERRED_BACK,
                           notes="Consider the cost again")  # fmt: skip
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.CALLED_IN
    call_in_reconsider(actor=None, call_in=call_in, reconsideration=reconsideration,
                       notes="Cabinet, 14 January 2011")  # fmt: skip
    decision.refresh_from_db()
    assert decision.effect_state == state and len(MOVED) == moved


def test_a_body_without_call_in_implements_at_once(picker_registry):
    body = BodyFactory.create(name="Joint Committee")
    services.power_add(actor=None, body=body, kind=PowerKind.APPROVE_GATE)
    BodyMembershipFactory.create(body=body)
    meeting = HeldMeetingFactory.create(body=body)
    services.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in body.memberships.all()]
    )
    rec = RecommendationFactory.create(
        item=AgendaItemFactory.create(meeting=meeting), power=PowerKind.APPROVE_GATE,
        effect_kind="test.move", effect_params={"project_id": 1, "to_stage": "approved"},
    )  # fmt: skip
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Good"
    )
    assert decision.effect_state == EffectState.APPLIED and len(MOVED) == 1


def test_it_queues_the_worker_for_the_morning_the_decision_can_be_implemented(
    cabinet, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    decision, _councillors = cabinet
    with django_capture_on_commit_callbacks(execute=True):
        decision_record_publish(
            actor=None, decision=decision, published_on=dt.date(2010, 12, 22), **RECORD
        )
    queued = DBTaskResult.objects.get(
        task_path="partnerplan.governance.tasks.implement_due_decisions"
    )
    # Over Christmas 2010: the first working day after the period is Tuesday 4 January 2011.
    assert queued.run_after is not None and queued.run_after.date() == dt.date(2011, 1, 4)


def test_the_worker_task_implements_what_is_due(cabinet, monkeypatch):
    from partnerplan.core import clock
    from partnerplan.governance.tasks import implement_due_decisions

    decision, _councillors = cabinet
    decision_record_publish(
        actor=None, decision=decision, published_on=dt.date(2010, 12, 22), **RECORD
    )
    monkeypatch.setattr(clock, "today", lambda: dt.date(2011, 1, 3))
    assert implement_due_decisions.call() == 0
    monkeypatch.setattr(clock, "today", lambda: dt.date(2011, 1, 4))
    assert implement_due_decisions.call() == 1
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.APPLIED


def test_reading_the_decision_after_its_period_implements_it(cabinet, world, monkeypatch):
    from partnerplan.core import clock

    decision, _councillors = cabinet
    decision_record_publish(
        actor=None, decision=decision, published_on=dt.date(2010, 12, 22), **RECORD
    )
    client = world.client("public")
    monkeypatch.setattr(clock, "today", lambda: dt.date(2011, 1, 3))
    html = client.get(f"/governance/decisions/{decision.pk}/").content.decode()
    assert "Cannot be implemented before Tuesday 4 January 2011" in html
    monkeypatch.setattr(clock, "today", lambda: dt.date(2011, 1, 4))
    html = client.get(f"/governance/decisions/{decision.pk}/").content.decode()
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.APPLIED
    assert "Cannot be implemented before" not in html
