"""iCalendar (RFC 5545) feeds of meetings, without Django.

Semantics, so that calendar clients update rather than duplicate meetings:

* **UID** is stable for the life of a meeting. The caller derives it from the
  meeting's primary key (for example ``meeting-42@partnerplan.example``) and never
  changes it, even when the meeting is moved or cancelled.
* **SEQUENCE** starts at 0 and is incremented by the caller each time the meeting's
  date, time, place or status changes. This module writes what it is given.
* **STATUS** is ``CONFIRMED``, ``TENTATIVE`` or ``CANCELLED``. A cancelled meeting
  stays in the feed, with STATUS:CANCELLED and a higher SEQUENCE, so subscribed
  calendars show it as cancelled instead of silently dropping it.
* **METHOD:PUBLISH** because this is a published feed (a subscription), not an
  iTIP scheduling message; METHOD:CANCEL belongs to invitations sent to attendees
  and needs ORGANIZER and ATTENDEE properties, which a public feed does not have.
* **DTSTAMP** is when the feed was generated (RFC 5545 3.8.7.2, with METHOD
  present). Pass ``generated_at`` for reproducible output.
* **LAST-MODIFIED** is when the meeting record last changed, in UTC.
* Times are written in Europe/London with a VTIMEZONE component, so a meeting at
  10:00 stays at 10:00 across the clock change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

__all__ = ["LONDON", "PRODID", "CalendarEvent", "EventStatus", "build_calendar"]

LONDON = ZoneInfo("Europe/London")
PRODID = "-//partnerplan//partnerplan meetings//EN"

EventStatus = Literal["CONFIRMED", "CANCELLED", "TENTATIVE"]
_STATUSES: frozenset[str] = frozenset({"CONFIRMED", "CANCELLED", "TENTATIVE"})


def _is_aware(value: datetime) -> bool:
    return value.tzinfo is not None and value.tzinfo.utcoffset(value) is not None


@dataclass(frozen=True)
class CalendarEvent:
    """One meeting in a feed. ``start``, ``end`` and ``last_modified`` must be
    timezone-aware; start and end are written in Europe/London."""

    uid: str
    sequence: int
    summary: str
    description: str
    location: str
    start: datetime
    end: datetime
    status: EventStatus
    url: str
    last_modified: datetime

    def __post_init__(self) -> None:
        if not self.uid.strip():
            raise ValueError("A calendar event needs a UID that does not change.")
        if self.sequence < 0:
            raise ValueError(f"SEQUENCE cannot be negative (got {self.sequence}).")
        if self.status not in _STATUSES:
            raise ValueError(
                f"Status must be CONFIRMED, CANCELLED or TENTATIVE (got {self.status!r})."
            )
        for name in ("start", "end", "last_modified"):
            value = getattr(self, name)
            if not isinstance(value, datetime) or not _is_aware(value):
                raise ValueError(
                    f"The event's {name.replace('_', ' ')} must be a date and time with a "
                    "time zone (for example Europe/London)."
                )
        if self.end <= self.start:
            raise ValueError(
                f"The event {self.summary!r} ends ({self.end.isoformat()}) before or when it "
                f"starts ({self.start.isoformat()})."
            )


def _iso_duration(value: timedelta) -> str:
    """An RFC 5545 duration such as ``PT6H`` or ``P1DT30M`` (positive only)."""
    seconds = int(value.total_seconds())
    if seconds <= 0:
        raise ValueError("The refresh interval must be longer than zero.")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "")
    clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    clock += f"{secs}S" if secs else ""
    return text + ("T" + clock if clock else "")


def _event_component(item: CalendarEvent, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", item.sequence)
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    if item.location:
        event.add("location", item.location)
    event.add("dtstart", item.start.astimezone(LONDON))
    event.add("dtend", item.end.astimezone(LONDON))
    event.add("status", item.status)
    if item.url:
        event.add("url", item.url)
    event.add("last-modified", item.last_modified.astimezone(UTC))
    if item.status == "CANCELLED":
        # Shown as free time by clients that look at TRANSP.
        event.add("transp", "TRANSPARENT")
    return event


def build_calendar(
    name: str,
    events: Iterable[CalendarEvent],
    *,
    generated_at: datetime | None = None,
    description: str = "",
    refresh_interval: timedelta | None = timedelta(hours=6),
) -> bytes:
    """A complete VCALENDAR feed (UTF-8 bytes with CRLF line endings).

    ``generated_at`` is the DTSTAMP of every event (default: now, in UTC).
    ``refresh_interval`` becomes REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL,
    the hints clients use to decide how often to poll; ``None`` leaves them out.
    """
    stamp = (generated_at or datetime.now(UTC)).astimezone(UTC)
    items = list(events)
    uids = [item.uid for item in items]
    duplicates = sorted({uid for uid in uids if uids.count(uid) > 1})
    if duplicates:
        raise ValueError(f"Each meeting needs its own UID; repeated: {', '.join(duplicates)}.")

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("x-wr-timezone", "Europe/London")
    if description:
        cal.add("x-wr-caldesc", description)
        cal.add("description", description)
    if refresh_interval is not None:
        cal.add("refresh-interval", refresh_interval, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", _iso_duration(refresh_interval))
    for item in items:
        cal.add_component(_event_component(item, stamp))
    if items:
        first = min(item.start.astimezone(LONDON).date() for item in items)
        last = max(item.end.astimezone(LONDON).date() for item in items)
        cal.add_missing_timezones(
            first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 1, 12, 31)
        )
    data: bytes = cal.to_ical()
    return data
