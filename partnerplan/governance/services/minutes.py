"""Governance services: minutes."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from partnerplan.core.models import User
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesCorrection,
    MinutesStatus,
)
from partnerplan.governance.services._common import _fail
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


@transaction.atomic
def minutes_approve(*, actor: Actor, minutes: Minutes, at_meeting: Meeting) -> Minutes:
    """Approve draft minutes as a correct record at a later meeting of the same body."""
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
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = at_meeting
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
