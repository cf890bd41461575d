"""Agenda items and recommendations change or are withdrawn before the decision, with history;
after publication a change says what changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import Decision, Outcome, Recommendation
from partnerplan.governance.services.agenda import (
    agenda_item_update,
    agenda_item_withdraw,
    recommendation_update,
    recommendation_withdraw,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    HeldMeetingFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def _decide(rec: Recommendation) -> Decision:
    meeting = rec.item.meeting
    return Decision.objects.create(
        recommendation=rec, meeting=meeting, body=meeting.body, outcome=Outcome.APPROVED,
        decided_on=meeting.date,
    )  # fmt: skip


def test_it_changes_an_item_before_publication_without_a_note(committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=body), title="Draft")
    item = agenda_item_update(actor=None, item=item, title="Budget 2031", purpose="To agree it")
    item.refresh_from_db()
    assert (item.title, item.purpose, item.change_note) == ("Budget 2031", "To agree it", "")
    assert [h.title for h in item.history.order_by("history_date")][-1] == "Budget 2031"


def test_it_needs_a_note_to_change_an_item_after_the_agenda_is_published(committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=PublishedMeetingFactory.create(body=body))
    with pytest.raises(ValidationError, match="has been published: say what changed") as exc:
        agenda_item_update(actor=None, item=item, title="Budget 2031 (revised)")
    assert "say what changed and why" in message_of(exc)
    agenda_item_update(
        actor=None, item=item, title="Budget 2031 (revised)",
        change_note="Figures corrected in table 2",
    )  # fmt: skip
    item.refresh_from_db()
    assert item.change_note == "Figures corrected in table 2"
    assert item.history.count() == 2


def test_it_needs_a_note_to_change_a_recommendation_after_publication_and_keeps_history(
    committee,
):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=PublishedMeetingFactory.create(body=body))
    rec = services.recommendation_add(actor=None, item=item, text="To note the report")
    with pytest.raises(ValidationError, match="say what changed and why") as exc:
        recommendation_update(actor=None, recommendation=rec, text="To approve the report")
    assert "say what changed and why" in message_of(exc)
    recommendation_update(
        actor=None, recommendation=rec, text="To approve the report",
        change_note="The report now asks for approval",
    )  # fmt: skip
    rec.refresh_from_db()
    assert rec.text == "To approve the report"
    assert [h.text for h in rec.history.order_by("history_date")] == [
        "To note the report", "To approve the report"
    ]  # fmt: skip


def test_it_refuses_to_change_or_withdraw_a_decided_recommendation(committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=HeldMeetingFactory.create(body=body))
    rec = RecommendationFactory.create(item=item)
    _decide(rec)
    with pytest.raises(ValidationError, match="has been decided: it can no longer change") as exc:
        recommendation_update(actor=None, recommendation=rec, text="Something else")
    assert "Correct the minutes" in message_of(exc)
    with pytest.raises(ValidationError, match="has been decided") as exc:
        recommendation_withdraw(actor=None, recommendation=rec, reason="Too late")
    assert "has been decided" in message_of(exc)
    with pytest.raises(ValidationError, match="has been decided") as exc:
        agenda_item_withdraw(actor=None, item=item, reason="Too late")
    assert "has been decided" in message_of(exc)


def test_it_refuses_to_change_an_item_or_recommendation_once_the_meeting_is_held(committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=HeldMeetingFactory.create(body=body))
    rec = RecommendationFactory.create(item=item)
    with pytest.raises(ValidationError, match="the meeting has already been held") as exc:
        agenda_item_update(actor=None, item=item, title="New title", change_note="x")
    assert "can no longer change" in message_of(exc)
    with pytest.raises(ValidationError, match="recommendations go to a future meeting") as exc:
        recommendation_update(actor=None, recommendation=rec, text="New", change_note="x")
    assert "has been held" in message_of(exc)


def test_it_withdraws_a_recommendation_with_the_reason_and_it_cannot_be_decided(committee):
    body, members, _c = committee
    meeting = HeldMeetingFactory.create(body=body)
    item = AgendaItemFactory.create(meeting=meeting)
    rec = RecommendationFactory.create(item=item)
    with pytest.raises(ValidationError, match="Say why the recommendation is withdrawn") as exc:
        recommendation_withdraw(actor=None, recommendation=rec, reason="  ")
    assert "Say why" in message_of(exc)
    recommendation_withdraw(
        actor=None, recommendation=rec, reason="The report is not ready",
        today=dt.date(2010, 12, 17),
    )  # fmt: skip
    rec.refresh_from_db()
    assert rec.withdrawn_on == dt.date(2010, 12, 17)
    assert rec.withdrawal_reason == "The report is not ready"
    with pytest.raises(ValidationError, match="was withdrawn") as exc:
        recommendation_withdraw(actor=None, recommendation=rec, reason="Again")
    assert "was withdrawn on Friday 17 December 2010" in message_of(exc)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with pytest.raises(ValidationError, match="there is nothing to decide") as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x"
        )
    assert "withdrawn" in message_of(exc)


def test_it_withdraws_an_item_with_its_recommendations(committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=PublishedMeetingFactory.create(body=body))
    recs = [RecommendationFactory.create(item=item) for _ in range(2)]
    with pytest.raises(ValidationError, match="Say why the item is withdrawn") as exc:
        agenda_item_withdraw(actor=None, item=item, reason="")
    assert "Say why" in message_of(exc)
    agenda_item_withdraw(
        actor=None, item=item, reason="Deferred to March", today=dt.date(2030, 3, 2)
    )
    item.refresh_from_db()
    assert (item.withdrawn_on, item.withdrawal_reason) == (dt.date(2030, 3, 2), "Deferred to March")
    for rec in recs:
        rec.refresh_from_db()
        assert rec.withdrawal_reason == "Deferred to March"
    with pytest.raises(ValidationError, match="takes no recommendations") as exc:
        services.recommendation_add(actor=None, item=item, text="One more")
    assert "was withdrawn" in message_of(exc)
    with pytest.raises(ValidationError, match="was withdrawn") as exc:
        agenda_item_update(actor=None, item=item, title="Back again", change_note="x")
    assert "was withdrawn on Saturday 2 March 2030" in message_of(exc)


def test_it_links_a_recommendation_only_to_a_matter_its_body_has_a_track_on(committee):
    body, _m, _c = committee
    other, third = BodyFactory.create(), BodyFactory.create()
    theirs = services.matter_create(actor=None, title="Not ours", bodies=[other, third])
    ours = services.matter_create(actor=None, title="Ours", bodies=[body, other])
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=body))
    with pytest.raises(ValidationError, match="has no track on 'Not ours'") as exc:
        services.recommendation_add(actor=None, item=item, text="Approve", matter=theirs)
    assert "choose a matter it must approve" in message_of(exc)
    rec = services.recommendation_add(actor=None, item=item, text="Approve", matter=ours)
    assert rec.matter == ours


def test_it_refuses_a_wrong_choice_when_the_recommendation_is_written_or_changed(
    committee, picker_registry
):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=body))
    with pytest.raises(ValidationError, match="Beta cannot move into 'Pipeline'") as exc:
        services.recommendation_add(
            actor=None, item=item, text="Move Beta", power="approve_gate",
            effect_kind="test.move", effect_params={"project_id": 2, "to_stage": "pipeline"},
        )  # fmt: skip
    assert exc.value.message_dict == {
        "effect_params": ["Beta cannot move into 'Pipeline': it entered it yesterday"]
    }
    rec = services.recommendation_add(
        actor=None, item=item, text="Move Alpha", effect_kind="test.move",
        effect_params={"project_id": 1, "to_stage": "approved"},
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Beta cannot move") as exc:
        recommendation_update(
            actor=None, recommendation=rec, text="Move Beta", effect_kind="test.move",
            effect_params={"project_id": 2, "to_stage": "pipeline"},
        )  # fmt: skip
    assert "it entered it yesterday" in message_of(exc)
    rec = recommendation_update(actor=None, recommendation=rec, text="Note it")
    assert (rec.effect_kind, rec.effect_params) == ("", {})
