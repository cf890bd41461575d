"""Governance services: substitutes at joint-committee meetings.

A partner appoints substitutes (members of the body with the role "substitute member", for the
partner they represent). At a meeting a substitute attends in place of an appointed member of
the same partner: the member is recorded as sending apologies, the substitute as present as a
voting member, so quorum (`meetings.quorum_at`) and recorded votes count them as the member.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    MemberRole,
    Substitution,
)
from partnerplan.governance.services._common import _fail

__all__ = ["substitute_record", "substitutions_apply"]


def _attend(actor: Actor, meeting: Meeting, person_id: int, role: str, status: str) -> None:
    row = Attendance.objects.filter(meeting=meeting, person_id=person_id).first()
    if row is None:
        row = Attendance(meeting=meeting, person_id=person_id)
    row.role, row.status = role, status
    save_with_actor(row, actor, validate=False)


def substitutions_apply(*, actor: Actor, meeting: Meeting) -> None:
    """Write the substitutions recorded for `meeting` into its attendance (called again after
    attendance is recorded, which rewrites every line)."""
    for sub in Substitution.objects.filter(meeting=meeting):
        member = meeting.body.memberships.filter(person_id=sub.member_id).first()
        role = member.role if member is not None else MemberRole.MEMBER
        _attend(actor, meeting, sub.member_id, role, AttendanceStatus.APOLOGIES)
        _attend(actor, meeting, sub.substitute_id, MemberRole.MEMBER, AttendanceStatus.PRESENT)


@transaction.atomic
def substitute_record(
    *, actor: Actor, meeting: Meeting, member: Any, substitute: Any
) -> Substitution:
    """Record that `substitute` attends `meeting` in place of `member`."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    body = meeting.body
    if meeting.status == MeetingStatus.CANCELLED:
        raise _fail("substitute", "The meeting was cancelled: nobody attended")
    on = meeting.date
    current = {m.person_id: m for m in body.memberships.all() if m.is_current(on)}
    appointed = current.get(member.pk) if member is not None else None
    if appointed is None or not appointed.is_voting:
        raise _fail("member", f"Choose a voting member of {body} on {meeting.date_text}")
    named = current.get(substitute.pk) if substitute is not None else None
    if named is None or named.role != MemberRole.SUBSTITUTE:
        raise _fail(
            "substitute",
            f"Choose one of {body}'s substitute members: add them to the body as a substitute "
            "member first",
        )
    if appointed.represents_id and named.represents_id != appointed.represents_id:
        raise _fail(
            "substitute",
            f"{substitute} is a substitute for {named.represents or 'no partner'}, not for "
            f"{appointed.represents} (whose member {member} is)",
        )
    taken = Substitution.objects.filter(meeting=meeting)
    if taken.filter(member=member).exists():
        raise _fail("member", f"A substitute is already recorded for {member}")
    if taken.filter(substitute=substitute).exists():
        raise _fail("substitute", f"{substitute} is already substituting at this meeting")
    sub = Substitution(meeting=meeting, member=member, substitute=substitute)
    save_with_actor(sub, actor)
    substitutions_apply(actor=actor, meeting=meeting)
    return sub
