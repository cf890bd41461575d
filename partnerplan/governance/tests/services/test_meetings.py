"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    Meeting,
    MeetingStatus,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    CancelledMeetingFactory,
    HeldMeetingFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    at,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_refuses_to_schedule_a_meeting_in_the_past(committee):
    body, _m, _c = committee
    with pytest.raises(ValidationError, match="must be today or later") as exc:
        services.meeting_schedule(
            actor=None, body=body, starts_at=at(2011, 3, 1), today=dt.date(2011, 3, 2)
        )
    assert "must be today or later" in message_of(exc)
    assert not Meeting.objects.exists()


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
    with pytest.raises(ValidationError, match="adverse weather") as exc:
        services.meeting_cancel(actor=None, meeting=meeting, reason=" ")
    assert "adverse weather" in message_of(exc)


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
    with pytest.raises(ValidationError, match="already been held") as exc:
        services.meeting_cancel(actor=None, meeting=meeting, reason="Snow")
    assert "already been held" in message_of(exc)


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
