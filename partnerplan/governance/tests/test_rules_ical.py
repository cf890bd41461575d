"""iCalendar feed: stable UIDs, SEQUENCE on change, STATUS:CANCELLED, valid output."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from partnerplan.governance.rules.ical import PRODID, CalendarEvent, build_calendar

LONDON = ZoneInfo("Europe/London")
GENERATED = datetime(2010, 12, 2, 8, 0, tzinfo=UTC)


def meeting(**changes) -> CalendarEvent:
    base = CalendarEvent(
        uid="meeting-17@partnerplan.example",
        sequence=0,
        summary="Staffordshire Connects Joint Committee",
        description="Review of Partnership Work Plan; reserves, governance, SAB role",
        location="Council Chamber, Stafford",
        start=datetime(2010, 12, 17, 10, 0, tzinfo=LONDON),
        end=datetime(2010, 12, 17, 12, 0, tzinfo=LONDON),
        status="CONFIRMED",
        url="https://partnerplan.example/meetings/17/",
        last_modified=datetime(2010, 12, 1, 9, 0, tzinfo=UTC),
    )
    return replace(base, **changes)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def only_event(cal: Calendar):
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_it_builds_a_calendar_that_parses_back():
    cal = parse(build_calendar("Joint Committee meetings", [meeting()], generated_at=GENERATED))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == PRODID
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Joint Committee meetings"
    event = only_event(cal)
    assert str(event["UID"]) == "meeting-17@partnerplan.example"
    assert event["SEQUENCE"] == 0
    assert str(event["SUMMARY"]) == "Staffordshire Connects Joint Committee"
    assert str(event["DESCRIPTION"]) == (
        "Review of Partnership Work Plan; reserves, governance, SAB role"
    )
    assert str(event["LOCATION"]) == "Council Chamber, Stafford"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == "https://partnerplan.example/meetings/17/"
    assert event.decoded("DTSTAMP") == GENERATED
    assert event.decoded("LAST-MODIFIED") == datetime(2010, 12, 1, 9, 0, tzinfo=UTC)


def test_it_writes_times_in_europe_london_with_a_vtimezone():
    data = build_calendar("Meetings", [meeting()], generated_at=GENERATED)
    assert b"DTSTART;TZID=Europe/London:20101217T100000" in data
    cal = parse(data)
    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/London"]
    start = only_event(cal).decoded("DTSTART")
    assert start == datetime(2010, 12, 17, 10, 0, tzinfo=LONDON)
    assert start.utcoffset() == timedelta(0)


def test_it_keeps_wall_clock_time_in_british_summer_time():
    summer = meeting(
        start=datetime(2011, 6, 17, 10, 0, tzinfo=LONDON),
        end=datetime(2011, 6, 17, 12, 0, tzinfo=LONDON),
    )
    data = build_calendar("Meetings", [summer], generated_at=GENERATED)
    assert b"DTSTART;TZID=Europe/London:20110617T100000" in data
    assert only_event(parse(data)).decoded("DTSTART").utcoffset() == timedelta(hours=1)


def test_it_converts_other_time_zones_to_london():
    utc_start = meeting(
        start=datetime(2011, 6, 17, 9, 0, tzinfo=UTC),
        end=datetime(2011, 6, 17, 11, 0, tzinfo=UTC),
    )
    data = build_calendar("Meetings", [utc_start], generated_at=GENERATED)
    assert b"DTSTART;TZID=Europe/London:20110617T100000" in data


def test_it_keeps_the_uid_and_increments_sequence_when_rescheduled():
    original = build_calendar("Meetings", [meeting()], generated_at=GENERATED)
    moved = meeting(
        sequence=1,
        start=datetime(2011, 1, 7, 10, 0, tzinfo=LONDON),
        end=datetime(2011, 1, 7, 12, 0, tzinfo=LONDON),
        last_modified=datetime(2010, 12, 20, 9, 0, tzinfo=UTC),
    )
    rescheduled = build_calendar("Meetings", [moved], generated_at=GENERATED)
    before, after = only_event(parse(original)), only_event(parse(rescheduled))
    assert str(before["UID"]) == str(after["UID"])
    assert before["SEQUENCE"] == 0
    assert after["SEQUENCE"] == 1
    assert after.decoded("DTSTART") == datetime(2011, 1, 7, 10, 0, tzinfo=LONDON)


def test_it_marks_a_cancelled_meeting():
    # The seed's SAB meeting was cancelled for adverse weather (section 1.6).
    cancelled = meeting(status="CANCELLED", sequence=2, summary="Strategic Advisory Board")
    data = build_calendar("Meetings", [cancelled], generated_at=GENERATED)
    assert b"STATUS:CANCELLED" in data
    event = only_event(parse(data))
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 2
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_it_escapes_text_and_folds_long_lines():
    awkward = meeting(
        summary='Joint Committee; budget, reserves & "CRM"',
        description="Line one\nLine two, with a comma; and a semicolon " + "x" * 120,
    )
    data = build_calendar("Meetings", [awkward], generated_at=GENERATED)
    assert b"SUMMARY:Joint Committee\\; budget\\, reserves" in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = only_event(parse(data))
    assert str(event["SUMMARY"]) == 'Joint Committee; budget, reserves & "CRM"'
    assert str(event["DESCRIPTION"]).startswith("Line one\nLine two, with a comma; and")


def test_it_uses_crlf_line_endings():
    data = build_calendar("Meetings", [meeting()], generated_at=GENERATED)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")


def test_it_leaves_out_empty_optional_fields():
    bare = meeting(description="", location="", url="")
    event = only_event(parse(build_calendar("Meetings", [bare], generated_at=GENERATED)))
    for name in ("DESCRIPTION", "LOCATION", "URL"):
        assert name not in event


def test_it_builds_an_empty_calendar():
    cal = parse(build_calendar("Nothing yet", [], generated_at=GENERATED))
    assert cal.walk("VEVENT") == []
    assert str(cal["X-WR-CALNAME"]) == "Nothing yet"


def test_it_adds_refresh_hints_unless_told_not_to():
    data = build_calendar("Meetings", [meeting()], generated_at=GENERATED)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in data
    assert b"X-PUBLISHED-TTL:PT6H" in data
    quiet = build_calendar("Meetings", [meeting()], generated_at=GENERATED, refresh_interval=None)
    assert b"REFRESH-INTERVAL" not in quiet


def test_it_stamps_now_when_no_time_is_given():
    before = datetime.now(UTC).replace(microsecond=0)
    event = only_event(parse(build_calendar("Meetings", [meeting()])))
    assert event.decoded("DTSTAMP") >= before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"uid": " "}, "UID"),
        ({"sequence": -1}, "SEQUENCE"),
        ({"status": "POSTPONED"}, "CONFIRMED, CANCELLED or TENTATIVE"),
        ({"start": datetime(2010, 12, 17, 10, 0)}, "time zone"),
        ({"end": datetime(2010, 12, 17, 9, 0, tzinfo=LONDON)}, "before or when it starts"),
    ],
)
def test_it_rejects_invalid_events(changes, message):
    with pytest.raises(ValueError, match=message):
        meeting(**changes)


def test_it_rejects_two_events_with_one_uid():
    with pytest.raises(ValueError, match="own UID"):
        build_calendar("Meetings", [meeting(), meeting(sequence=1)])


def test_it_writes_refresh_intervals_as_rfc_5545_durations():
    data = build_calendar(
        "Meetings",
        [meeting()],
        generated_at=GENERATED,
        refresh_interval=timedelta(days=1, minutes=30),
    )
    assert b"X-PUBLISHED-TTL:P1DT30M" in data
    with pytest.raises(ValueError, match="longer than zero"):
        build_calendar("Meetings", [meeting()], refresh_interval=timedelta(0))
