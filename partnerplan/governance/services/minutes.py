"""Governance services: minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max

from partnerplan.core.models import User
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    VOTING_ROLES,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesCorrection,
    MinutesStatus,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.meetings import quorum_at


@transaction.atomic
def minutes_save_draft(*, actor: Actor, meeting: Meeting, text: str) -> Minutes:
    if meeting.status != MeetingStatus.HELD:
        raise _fail("text", "Minutes are written for meetings that have been held")
    if not text.strip():
        raise _fail("text", "Enter the minutes")
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None:
        minutes = Minutes(meeting=meeting)
    elif minutes.status == MinutesStatus.APPROVED:
        raise _fail(
            "text",
            f"These minutes were approved as a correct record at {minutes.approved_at} and are "
            "locked. Record a correction instead: the approved text is kept alongside it",
        )
    minutes.text = text.strip()
    save_with_actor(minutes, actor)
    return minutes


def _presiding(at_meeting: Meeting) -> str:
    """Who presides at `at_meeting`, for a refusal: its chair, if recorded present."""
    chairs = [
        a.person.full_name
        for a in Attendance.objects.filter(
            meeting=at_meeting, status=AttendanceStatus.PRESENT, role="chair"
        ).select_related("person")
    ]
    return f"the chair, {chairs[0]}" if chairs else "usually the chair"


@transaction.atomic
def minutes_approve(
    *,
    actor: Actor,
    minutes: Minutes,
    at_meeting: Meeting,
    signed_by: Any = None,
    signed_on: dt.date | None = None,
) -> Minutes:
    """Approve draft minutes as a correct record at a later meeting of the same body, signed by
    the person presiding there (recorded as present, a voting member); they are then locked."""
    minutes = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting__body")
        .get(pk=minutes.pk)
    )
    if minutes.status == MinutesStatus.APPROVED:
        raise _fail("at_meeting", "These minutes have already been approved")
    if (
        at_meeting.body_id != minutes.meeting.body_id
        or at_meeting.starts_at <= minutes.meeting.starts_at
    ):
        raise _fail(
            "at_meeting", f"Minutes are approved at a later meeting of {minutes.meeting.body}"
        )
    if at_meeting.status != MeetingStatus.HELD:
        raise _fail(
            "at_meeting", f"{at_meeting} has not been held yet: approve the minutes once it has"
        )
    present, quorum = quorum_at(at_meeting)
    if present < quorum:
        raise _fail(
            "at_meeting",
            f"{at_meeting} was not quorate ({present} of {quorum} voting members needed), "
            "so it could not approve minutes",
        )
    if signed_by is None:
        raise _fail(
            "signed_by",
            f"Record who signed the minutes: the person presiding at {at_meeting}, "
            f"{_presiding(at_meeting)}",
        )
    presiding = Attendance.objects.filter(
        meeting=at_meeting,
        person=signed_by,
        status=AttendanceStatus.PRESENT,
        role__in=VOTING_ROLES,
    ).exists()
    if not presiding:
        raise _fail(
            "signed_by",
            f"{signed_by} was not recorded as a voting member present at {at_meeting}: the "
            f"minutes are signed by the person presiding there, {_presiding(at_meeting)}",
        )
    signed_on = signed_on or at_meeting.date
    if signed_on < at_meeting.date or signed_on > _today(None):
        raise _fail(
            "signed_on",
            f"The minutes are signed on or after {format_date(at_meeting.date)}, and not in the "
            "future",
        )
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = at_meeting
    minutes.signed_by = signed_by
    minutes.signed_on = signed_on
    save_with_actor(minutes, actor)
    return minutes


@transaction.atomic
def minutes_correct(*, actor: Actor, minutes: Minutes, text: str, reason: str) -> MinutesCorrection:
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status != MinutesStatus.APPROVED:
        raise _fail(
            "text", "Draft minutes can simply be changed: corrections are for approved minutes"
        )
    if not text.strip():
        raise _fail("text", "Enter the corrected minutes")
    if not reason.strip():
        raise _fail("reason", "Enter why the approved minutes are being corrected")
    version = (minutes.corrections.aggregate(n=Max("version"))["n"] or 1) + 1
    correction = MinutesCorrection(
        minutes=minutes,
        version=version,
        text=text.strip(),
        reason=reason.strip(),
        made_by=actor if isinstance(actor, User) else None,
    )
    correction.save()
    return correction
