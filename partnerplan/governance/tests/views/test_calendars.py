from __future__ import annotations

import datetime as dt
import hashlib
import re

from icalendar import Calendar

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    CancelledMeetingFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    at,
)


def test_it_keeps_the_uid_and_marks_cancellations_in_the_calendar(world):
    moved = PublishedMeetingFactory.create(body=world.body)
    services.meeting_reschedule(
        actor=None,
        meeting=moved,
        starts_at=at(2030, 3, 22),
        reason="Room",
        today=dt.date(2030, 1, 1),
    )
    cancelled = CancelledMeetingFactory.create(body=world.body, starts_at=at(2030, 4, 1))
    data = world.client("public").get(f"/governance/bodies/{world.body.pk}/calendar.ics").content
    events = {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    assert int(events[moved.uid]["SEQUENCE"]) == 1
    assert events[moved.uid].decoded("DTSTART") == at(2030, 3, 22)
    assert str(events[cancelled.uid]["STATUS"]) == "CANCELLED"


def test_it_gives_a_person_the_meetings_of_their_bodies(world):
    MeetingFactory.create(body=world.body)
    MeetingFactory.create(body=BodyFactory.create(name="Other body"))
    member = world.users["member"].person
    data = world.client("member").get(f"/governance/people/{member.pk}/calendar.ics").content
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 1


def _uids(response) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_it_gives_a_calendar_app_a_persons_non_public_meetings_at_a_secret_address(
    world, assert_queries
):
    member = world.users["member"].person
    public = MeetingFactory.create(body=world.body)
    private_body = BodyFactory.create(name="Working group", visibility=Visibility.PARTNERSHIP)
    BodyMembershipFactory.create(body=private_body, person=member)
    private = MeetingFactory.create(body=private_body)
    secret_body = BodyFactory.create(
        name="Confidential panel", visibility=Visibility.EXEMPT, exempt_paragraph=3
    )
    BodyMembershipFactory.create(body=secret_body, person=member)
    secret = MeetingFactory.create(body=secret_body)
    MeetingFactory.create(body=BodyFactory.create(name="Not theirs"))

    client = world.client("member")
    assert "Make my calendar address" in client.get("/governance/calendar/").content.decode()
    assert client.post("/governance/calendar/").status_code == 302
    feed = member.calendar_feed
    html = client.get("/governance/calendar/").content.decode()
    found = re.search(r"/governance/calendar/([\w-]+)\.ics", html)
    assert found is not None
    key = found.group(1)
    assert feed.pk == hashlib.sha256(key.encode()).hexdigest() != key
    # Shown once: partnerplan keeps only the fingerprint.
    with assert_queries(5, "The calendar page"):
        again = client.get("/governance/calendar/").content.decode()
    assert key not in again and "cannot show it again" in again

    anonymous = world.client("public")
    # feed with person, account, viewer x2 (roles, memberships), meetings
    with assert_queries(5, "The private calendar"):
        response = anonymous.get(f"/governance/calendar/{key}.ics")
    assert response.status_code == 200
    assert anonymous.get(f"/governance/calendar/{feed.pk}.ics").status_code == 404
    assert response["Cache-Control"] == "private, max-age=900"
    assert _uids(response) == {public.uid, private.uid, secret.uid}
    # Without the address, the public sees only the public meeting.
    response = anonymous.get(f"/governance/bodies/{private_body.pk}/calendar.ics")
    assert response.status_code == 404


def test_it_replaces_a_calendar_address_and_the_old_one_stops_working(world):
    user = world.users["member"]
    old = services.calendar_feed_renew(actor=user, person=user.person).secret
    new = services.calendar_feed_renew(actor=user, person=user.person).secret
    assert new != old and len(new) >= 40
    anonymous = world.client("public")
    assert anonymous.get(f"/governance/calendar/{old}.ics").status_code == 404
    assert anonymous.get(f"/governance/calendar/{new}.ics").status_code == 200
    assert anonymous.get("/governance/calendar/not-a-token.ics").status_code == 404


def test_it_stops_a_calendar_address_when_the_account_is_closed(world):
    user = world.users["member"]
    feed = services.calendar_feed_renew(actor=user, person=user.person)
    user.is_active = False
    user.save()
    assert world.client("public").get(f"/governance/calendar/{feed.secret}.ics").status_code == 404


def test_it_refuses_a_calendar_address_to_an_account_without_a_person(world):
    from partnerplan.governance.models import CalendarFeed
    from partnerplan.partners.tests.factories import UserFactory

    user = UserFactory.create(username="nobody", person=None)
    client = world.client("public")
    client.force_login(user)
    response = client.post("/governance/calendar/")
    assert response.status_code == 400
    assert "not linked to a person in the directory" in response.content.decode()
    assert not CalendarFeed.objects.exists()


def test_it_keeps_no_calendar_secret_at_rest_not_even_in_the_history(world):
    from partnerplan.governance.models import CalendarFeed

    user = world.users["member"]
    feed = services.calendar_feed_renew(actor=user, person=user.person)
    tokens = list(CalendarFeed.objects.values_list("token", flat=True)) + list(
        CalendarFeed.history.values_list("token", flat=True)
    )
    assert feed.secret not in tokens
    assert set(tokens) == {hashlib.sha256(feed.secret.encode()).hexdigest()}
