"""Governance pages: meetings."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    AttendanceForm,
    CancelForm,
    MeetingForm,
    MeetingSeriesForm,
    PublishForm,
    RescheduleForm,
)
from partnerplan.governance.models import MeetingStatus
from partnerplan.governance.publication import agenda_problems
from partnerplan.governance.rules.clear_days import check_agenda_publication
from partnerplan.governance.services.private_meetings import private_agenda_problems
from partnerplan.governance.views._common import (
    NAV,
    _managed_meeting,
    _to_body,
    _to_meeting,
)


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = selectors.meeting_detail(viewer=viewer, pk=pk)
    meeting = page.meeting
    notice = None
    if meeting.status in {MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED}:
        notice = check_agenda_publication(
            clock.today(),
            meeting.date,
            meeting.body.working_calendar,
            meeting.body.agenda_notice_days,
        )
    minutes = getattr(meeting, "minutes", None)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "page": page,
            "meeting": meeting,
            "minutes": minutes,
            "corrections": list(minutes.corrections.all()) if minutes else [],
            "notice": notice,
            "can_manage": can(viewer, "governance.manage_meetings"),
            "signed_in": viewer.is_authenticated,
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", body)
    form = MeetingForm(bound(request), initial={"venue": body.default_venue, "start_time": "10:00"})
    return form_page(
        request,
        form,
        title="Schedule a meeting",
        caption=str(body),
        cancel=reverse("governance:body-detail", args=[body.pk]),
        act=lambda d: services.meeting_schedule(
            actor=request.user,
            body=body,
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            venue=d["venue"],
        ),
        done=_to_meeting,
        success="The meeting has been scheduled.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_series(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", body)
    form = MeetingSeriesForm(
        bound(request), initial={"venue": body.default_venue, "start_time": "10:00"}
    )
    back = _to_body(body)
    return form_page(
        request,
        form,
        title="Schedule meetings from the cadence",
        caption=str(body),
        cancel=back,
        intro=f"{body} meets {body.get_cadence_display().lower()}. Monthly and quarterly "
        "meetings keep the day of the month (the last day, in shorter months).",
        act=lambda d: services.meeting_schedule_series(
            actor=request.user,
            body=body,
            first_starts_at=d["starts_at"],
            first_ends_at=d["ends_at"],
            count=d["count"],
            venue=d["venue"],
        ),
        done=lambda _ms: back,
        success="The meetings have been scheduled.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    check = check_agenda_publication(
        clock.today(),
        meeting.date,
        meeting.body.working_calendar,
        meeting.body.agenda_notice_days,
    )
    listed = meeting.items.filter(withdrawn_on__isnull=True).select_related("meeting__body")
    return form_page(
        request,
        PublishForm(bound(request)),
        title="Publish the agenda",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        intro=" ".join(
            [
                check.explanation,
                *agenda_problems(listed),
                *private_agenda_problems(listed, on=clock.today()),
            ]
        ),
        submit="Publish the agenda",
        act=lambda d: services.meeting_publish_agenda(
            actor=request.user, meeting=meeting, urgency_reason=d["urgency_reason"]
        ),
        done=_to_meeting,
        success="The agenda has been published and members have been told.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    return form_page(
        request,
        CancelForm(bound(request)),
        title="Cancel the meeting",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        submit="Cancel the meeting",
        act=lambda d: services.meeting_cancel(
            actor=request.user, meeting=meeting, reason=d["reason"]
        ),
        done=_to_meeting,
        success="The meeting has been cancelled. Its business moves to the next meeting.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    return form_page(
        request,
        RescheduleForm(bound(request)),
        title="Move the meeting",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        act=lambda d: services.meeting_reschedule(
            actor=request.user,
            meeting=meeting,
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            reason=d["reason"],
            venue=d["venue"] or None,
        ),
        done=_to_meeting,
        success="The meeting has been moved. Calendars will show the new date.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    people = selectors.members_of(viewer=viewer, body=meeting.body)
    present = [a.person_id for a in meeting.attendance.all() if a.status == "present"]
    form = AttendanceForm(bound(request), people=people, initial={"present": present})
    return form_page(
        request,
        form,
        title="Record attendance",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        intro=f"Quorum: {meeting.body.quorum_rule_text}. Co-opted members and officer advisers are "
        "recorded but do not count towards the quorum or vote.",
        act=lambda d: services.meeting_record_attendance(
            actor=request.user, meeting=meeting, present=d["present"], apologies=d["apologies"]
        ),
        done=lambda _r: _to_meeting(meeting),
        success="Attendance has been recorded.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    return form_page(
        request,
        ConfirmForm(bound(request)),
        title="Record that the meeting was held",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        submit="The meeting was held",
        act=lambda _d: services.meeting_mark_held(actor=request.user, meeting=meeting),
        done=_to_meeting,
        success="The meeting is recorded as held. Record attendance and decisions.",
        context=NAV,
    )
