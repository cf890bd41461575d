"""Governance pages: calendars."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.models import Meeting, MeetingStatus
from partnerplan.governance.rules.ical import CalendarEvent, EventStatus, build_calendar
from partnerplan.governance.views._common import (
    NAV,
    _to_meeting,
)


def _calendar(request: HttpRequest, name: str, meetings: list[Meeting]) -> HttpResponse:
    events = []
    for m in meetings:
        status: EventStatus = "CANCELLED" if m.status == MeetingStatus.CANCELLED else "CONFIRMED"
        events.append(
            CalendarEvent(
                uid=m.uid,
                sequence=m.sequence,
                summary=f"{m.body}" + (" (cancelled)" if status == "CANCELLED" else ""),
                description=m.cancelled_reason or m.rescheduled_reason,
                location=m.venue,
                start=m.starts_at,
                end=m.ends_at or m.starts_at + dt.timedelta(hours=2),
                status=status,
                url=request.build_absolute_uri(_to_meeting(m)),
                last_modified=m.updated_at,
            )
        )
    data = build_calendar(name, events)
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


@require_GET
def body_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    return _calendar(
        request, f"{body} meetings", selectors.calendar_meetings(viewer=viewer, body=body)
    )


@require_GET
def person_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_for_calendar(viewer=viewer, pk=pk)
    return _calendar(
        request,
        f"Meetings for {person}",
        selectors.calendar_meetings(viewer=viewer, person_id=person.pk),
    )


NEW_ADDRESS = "partnerplan_new_calendar_address"


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request: HttpRequest) -> HttpResponse:
    """The signed-in person's private calendar address: see it, or make a new one."""
    viewer = viewer_for(request.user)
    require(viewer, "governance.calendar_feed")
    feed = selectors.calendar_feed_of(viewer=viewer)
    # The address is shown once, on the page after it is made: only its hash is kept.
    secret = request.session.pop(NEW_ADDRESS, None) if request.method == "GET" else None
    address = (
        request.build_absolute_uri(reverse("governance:private-calendar", args=[secret]))
        if feed and secret
        else ""
    )

    def shown_once(made: Any) -> str:
        request.session[NEW_ADDRESS] = made.secret
        return reverse("governance:my-calendar")

    return form_page(
        request,
        ConfirmForm(bound(request)),
        title="Your calendar",
        submit="Make a new address" if feed else "Make my calendar address",
        template="governance/my_calendar.html",
        act=lambda _d: services.calendar_feed_renew(
            actor=request.user, person=selectors.viewer_person(viewer=viewer)
        ),
        done=shown_once,
        success="Your calendar has a new address. The old address no longer works.",
        context={"feed": feed, "address": address, **NAV},
    )


@require_GET
def private_calendar(request: HttpRequest, pk: str) -> HttpResponse:
    """A person's calendar for calendar apps, found by its secret address (no session)."""
    feed, meetings = selectors.private_calendar(token=pk)
    response = _calendar(request, f"Meetings for {feed.person}", meetings)
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
