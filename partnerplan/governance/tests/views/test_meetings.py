from __future__ import annotations

import datetime as dt

from django.core import mail

from partnerplan.governance import services
from partnerplan.governance.models import (
    Meeting,
    MeetingStatus,
)
from partnerplan.governance.tests.factories import (
    at,
)
from partnerplan.governance.tests.helpers import busy_meeting, error_list


def test_it_shows_a_meeting_in_a_fixed_number_of_queries(world, assert_queries):
    meeting = busy_meeting(world.body)
    client = world.client("member")
    # session, user, viewer x2, meeting (with body and minutes), items, recommendations (with
    # decisions), named votes (with their people), visible items, attendance, voting members,
    # open actions, carried business (minutes corrections are read only when there are minutes),
    # declarations of interest, the supplements of each item and of the meeting
    with assert_queries(16, "The meeting page"):
        response = client.get(f"/governance/meetings/{meeting.pk}/")
    assert response.status_code == 200


def test_it_schedules_and_publishes_through_the_forms(world, django_capture_on_commit_callbacks):
    client = world.client("admin")
    response = client.post(
        f"/governance/bodies/{world.body.pk}/meetings/new/",
        {
            "date_day": "15",
            "date_month": "3",
            "date_year": "2030",
            "start_time": "10:00",
            "venue": "Stafford",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == at(2030, 3, 15)
    response = client.post(
        f"/governance/meetings/{meeting.pk}/items/new/", {"title": "Work plan", "kind": "report"}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/governance/meetings/{meeting.pk}/publish/", {"urgency_reason": ""}
        )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert any("Agenda published" in m.subject for m in mail.outbox)


def test_it_refuses_a_bad_time(world):
    response = world.client("admin").post(
        f"/governance/bodies/{world.body.pk}/meetings/new/",
        {"date_day": "15", "date_month": "3", "date_year": "2030", "start_time": "25:00"},
    )
    assert response.status_code == 400
    assert "Start time must be a time like 10:00 or 14:30" in error_list(response)
    assert not Meeting.objects.exists()


def test_it_schedules_meetings_from_the_cadence_through_the_form(world):
    client = world.client("admin")
    url = f"/governance/bodies/{world.body.pk}/meetings/series/"
    data = {"date_day": "31", "date_month": "1", "date_year": "2031", "start_time": "10:00",
            "end_time": "12:00", "count": "3", "venue": "Stafford"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    assert error_list(response) == [
        "Joint Committee meets as needed: schedule its meetings one at a time"
    ]
    assert not Meeting.objects.exists()
    services.body_update(actor=None, body=world.body, cadence="monthly")
    response = client.post(url, {**data, "date_year": "2010"})
    assert response.status_code == 400
    assert "must be today or later" in error_list(response)[0]
    assert not Meeting.objects.exists()
    response = client.post(url, data)
    assert response.status_code == 302
    meetings = list(Meeting.objects.order_by("starts_at"))
    assert [m.date for m in meetings] == [
        dt.date(2031, 1, 31), dt.date(2031, 2, 28), dt.date(2031, 3, 31)
    ]  # fmt: skip
    # Across the change to summer time the meetings stay at 10:00 to 12:00 local time.
    assert at(2031, 3, 31) == meetings[2].starts_at
    assert meetings[2].ends_at == at(2031, 3, 31, 12)
    assert {m.venue for m in meetings} == {"Stafford"}
