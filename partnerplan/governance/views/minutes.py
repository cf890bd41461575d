"""Governance pages: minutes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    MinutesApproveForm,
    MinutesCorrectionForm,
    MinutesForm,
)
from partnerplan.governance.views._common import (
    NAV,
    _managed_meeting,
    _to_meeting,
)


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    existing = selectors.minutes_of(meeting)
    form = MinutesForm(bound(request), initial={"text": existing.text if existing else ""})
    return form_page(
        request,
        form,
        title="Draft minutes",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        act=lambda d: services.minutes_save_draft(
            actor=request.user, meeting=meeting, text=d["text"]
        ),
        done=lambda _m: _to_meeting(meeting),
        success="The draft minutes have been saved.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    minutes = selectors.minutes_of(meeting)
    if minutes is None:
        messages.error(request, "There are no minutes to approve yet.")
        return redirect(_to_meeting(meeting))
    later = selectors.later_meetings(viewer=viewer, meeting=meeting)
    return form_page(
        request,
        MinutesApproveForm(
            bound(request),
            meetings=later,
            people=selectors.members_of(viewer=viewer, body=meeting.body),
        ),
        title="Approve the minutes",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        submit="Approve as a correct record",
        act=lambda d: services.minutes_approve(
            actor=request.user,
            minutes=minutes,
            at_meeting=d["at_meeting"],
            signed_by=d["signed_by"],
            signed_on=d["signed_on"],
        ),
        done=lambda _m: _to_meeting(meeting),
        success="The minutes are approved, signed and locked.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    minutes = selectors.minutes_of(meeting)
    if minutes is None:
        messages.error(request, "There are no minutes to correct yet.")
        return redirect(_to_meeting(meeting))
    return form_page(
        request,
        MinutesCorrectionForm(bound(request), initial={"text": minutes.text}),
        title="Correct the approved minutes",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        act=lambda d: services.minutes_correct(actor=request.user, minutes=minutes, **d),
        done=lambda _c: _to_meeting(meeting),
        success="The correction has been recorded as a new version.",
        context=NAV,
    )
