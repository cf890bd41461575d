"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.models import (
    AgendaItem,
    MeetingStatus,
)
from partnerplan.governance.tests.factories import (
    MeetingFactory,
    PublishedMeetingFactory,
    at,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_refuses_a_new_agenda_item_for_a_meeting_in_the_past(committee):
    body, _m, _c = committee
    meeting = MeetingFactory.create(body=body, starts_at=at(2010, 12, 17))
    with pytest.raises(ValidationError, match="is in the past") as exc:
        services.agenda_item_add(actor=None, meeting=meeting, title="Late thoughts")
    assert "is in the past" in message_of(exc)
    assert not AgendaItem.objects.exists()


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
    with pytest.raises(
        ValidationError, match="must be published by Thursday 9 December 2010"
    ) as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 13)
        )
    message = message_of(exc)
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
    with pytest.raises(ValidationError, match="Wednesday 22 December 2010") as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 23)
        )
    assert "Wednesday 22 December 2010" in message_of(exc)
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
    with pytest.raises(ValidationError, match="no items") as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2030, 3, 1)
        )
    assert "no items" in message_of(exc)


def test_it_requires_a_reason_for_an_item_added_late_to_a_published_agenda(committee):
    body, _m, _c = committee
    meeting = PublishedMeetingFactory.create(body=body, starts_at=at(2030, 3, 15))
    with pytest.raises(ValidationError, match="published late") as exc:
        services.agenda_item_add(
            actor=None, meeting=meeting, title="Extra", today=dt.date(2030, 3, 13)
        )
    assert "published late" in message_of(exc)
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
    with pytest.raises(ValidationError, match="Schedule 12A") as exc:
        services.agenda_item_add(
            actor=None,
            meeting=meeting,
            title="Contract",
            visibility=Visibility.EXEMPT,
            today=dt.date(2030, 1, 1),
        )
    assert "Schedule 12A" in message_of(exc)
