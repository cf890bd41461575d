"""Governance services: meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from partnerplan.core import clock
from partnerplan.core.lifecycle import Lifecycle
from partnerplan.core.models import Visibility
from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import notices
from partnerplan.governance.models import (
    VOTING_ROLES,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Cadence,
    ItemKind,
    Meeting,
    MeetingStatus,
)
from partnerplan.governance.publication import agenda_problems
from partnerplan.governance.rules.clear_days import (
    check_agenda_publication,
    format_date,
)
from partnerplan.governance.services import alerts
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.private_meetings import private_agenda_problems

# The meeting lifecycle: each status -> the statuses a meeting may move to from it. A meeting
# of an outside body may also be recorded as held straight from scheduled (see `_require_move`).
MEETING_LIFECYCLE = Lifecycle(
    moves={
        MeetingStatus.SCHEDULED: {
            MeetingStatus.AGENDA_PUBLISHED,
            MeetingStatus.CANCELLED,
            MeetingStatus.RESCHEDULED,
        },
        MeetingStatus.RESCHEDULED: {
            MeetingStatus.AGENDA_PUBLISHED,
            MeetingStatus.CANCELLED,
            MeetingStatus.RESCHEDULED,
        },
        MeetingStatus.AGENDA_PUBLISHED: {
            MeetingStatus.HELD,
            MeetingStatus.CANCELLED,
            MeetingStatus.RESCHEDULED,
        },
    },
)

# Why a meeting in each status cannot make a move (the refusal's reason).
WHY_NOT = {
    MeetingStatus.HELD: "it has already been held",
    MeetingStatus.CANCELLED: "it was cancelled",
    MeetingStatus.AGENDA_PUBLISHED: "its agenda has already been published",
    MeetingStatus.SCHEDULED: "its agenda has not been published yet",
    MeetingStatus.RESCHEDULED: "it has been rescheduled and its agenda must be published again",
}

# The words for each move in a refusal ("... cannot be published: ...").
_VERB = {
    MeetingStatus.AGENDA_PUBLISHED: "published",
    MeetingStatus.HELD: "marked as held",
    MeetingStatus.CANCELLED: "cancelled",
    MeetingStatus.RESCHEDULED: "rescheduled",
}


def why_not(meeting: Meeting) -> str:
    """Why `meeting`, in its present status, cannot take a step of its lifecycle."""
    return WHY_NOT[MeetingStatus(meeting.status)]


def _require_move(meeting: Meeting, target: MeetingStatus) -> None:
    if (
        target == MeetingStatus.HELD
        and meeting.body.kind == BodyKind.EXTERNAL
        and meeting.status in {MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED}
    ):
        # Outside bodies publish their own agendas; we only record that they met.
        return
    MEETING_LIFECYCLE.require(
        meeting.status,
        target,
        refusal=lambda _source, _target: f"{meeting} cannot be {_VERB[target]}: {why_not(meeting)}",
    )


def _carry_forward(body: Body) -> int:
    """Move the business of cancelled meetings to the body's next meeting that is still open.
    Returns how many items moved."""
    moved = 0
    stranded = AgendaItem.objects.filter(
        meeting__body=body, meeting__status=MeetingStatus.CANCELLED
    ).select_related("meeting")
    for item in stranded:
        target = (
            Meeting.objects.filter(body=body, starts_at__gt=item.meeting.starts_at)
            .filter(
                status__in=[
                    MeetingStatus.SCHEDULED,
                    MeetingStatus.AGENDA_PUBLISHED,
                    MeetingStatus.RESCHEDULED,
                ]
            )
            .order_by("starts_at")
            .first()
        )
        if target is None:
            continue
        if item.carried_from_id is None:
            item.carried_from = item.meeting
        item.meeting = target
        item.number = (
            AgendaItem.objects.filter(meeting=target).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        item.save()
        moved += 1
    return moved


@transaction.atomic
def meeting_schedule(
    *,
    actor: Actor,
    body: Body,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    venue: str = "",
    today: dt.date | None = None,
    is_demo_date: bool = False,
) -> Meeting:
    if timezone.localtime(starts_at).date() < _today(today):
        raise _fail(
            "starts_at",
            "A new meeting must be today or later: record past meetings from their minutes",
        )
    if ends_at is not None and ends_at <= starts_at:
        raise _fail("ends_at", "The meeting must end after it starts")
    meeting = Meeting(
        body=body,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue or body.default_venue,
        is_demo_date=is_demo_date,
    )
    save_with_actor(meeting, actor)
    _carry_forward(body)
    return meeting


_STEP = {Cadence.WEEKLY: 7, Cadence.MONTHLY: 0, Cadence.QUARTERLY: 0}


def _add_months(d: dt.datetime, months: int) -> dt.datetime:
    month = d.month - 1 + months
    year = d.year + month // 12
    month = month % 12 + 1
    day = min(
        d.day,
        [
            31,
            29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ][month - 1],
    )
    return d.replace(year=year, month=month, day=day)


@transaction.atomic
def meeting_schedule_series(
    *,
    actor: Actor,
    body: Body,
    first_starts_at: dt.datetime,
    count: int,
    first_ends_at: dt.datetime | None = None,
    venue: str = "",
    today: dt.date | None = None,
) -> list[Meeting]:
    """Schedule `count` meetings from the body's cadence, starting with `first_starts_at`
    (each lasting as long as the first, if `first_ends_at` is given). Monthly and quarterly
    meetings keep the day of the month (the last day, in shorter months)."""
    if body.cadence == Cadence.AD_HOC:
        raise _fail("cadence", f"{body} meets as needed: schedule its meetings one at a time")
    if not 1 <= count <= 52:
        raise _fail("count", "Schedule between 1 and 52 meetings at a time")
    local = timezone.localtime(first_starts_at)
    meetings = []
    for n in range(count):
        if body.cadence == Cadence.WEEKLY:
            when = local + dt.timedelta(days=7 * n)
        else:
            when = _add_months(local, n * (1 if body.cadence == Cadence.MONTHLY else 3))
        ends = when + (first_ends_at - first_starts_at) if first_ends_at else None
        meetings.append(
            meeting_schedule(
                actor=actor, body=body, starts_at=when, ends_at=ends, venue=venue, today=today
            )
        )
    return meetings


@transaction.atomic
def meeting_publish_agenda(
    *,
    actor: Actor,
    meeting: Meeting,
    published_on: dt.date | None = None,
    urgency_reason: str = "",
) -> Meeting:
    """Publish the agenda. Five clear days (or the body's own number) before the meeting, or
    later only as urgent with the reason recorded."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _require_move(meeting, MeetingStatus.AGENDA_PUBLISHED)
    published_on = _today(published_on)
    if published_on >= meeting.date:
        raise _fail(
            "published_on",
            "An agenda must be published before the day of the meeting: "
            "reschedule the meeting instead",
        )
    if not meeting.items.exists():
        raise _fail("status", "The agenda has no items yet: add at least one before publishing it")
    check = check_agenda_publication(
        published_on, meeting.date, meeting.body.working_calendar, meeting.body.agenda_notice_days
    )
    if not check.ok and not urgency_reason.strip():
        again = ""
        if meeting.status == MeetingStatus.RESCHEDULED and meeting.rescheduled_from:
            moved = format_date(timezone.localtime(meeting.rescheduled_from).date())
            again = (
                f"The meeting was moved from {moved}, so its agenda must be published again "
                "with the clear days counted to the new date. "
            )
        raise _fail(
            "urgency_reason",
            again + check.explanation + " To publish it now, the chair must agree it is urgent: "
            "give the reason, and it will be recorded in the minutes.",
        )
    listed = meeting.items.filter(withdrawn_on__isnull=True)
    problems = agenda_problems(listed) + private_agenda_problems(listed, on=published_on)
    if problems:
        raise _fail("status", "The agenda cannot be published yet. " + " ".join(problems))
    declarations_item_ensure(actor=actor, meeting=meeting)
    meeting.status = MeetingStatus.AGENDA_PUBLISHED
    meeting.agenda_published_on = published_on
    meeting.published_late = not check.ok
    meeting.urgency_reason = urgency_reason.strip() if not check.ok else ""
    save_with_actor(meeting, actor)
    notices.agenda_published(meeting)
    alerts.alerts_agenda_published(meeting)
    return meeting


def declarations_item_ensure(*, actor: Actor, meeting: Meeting) -> AgendaItem:
    """Every agenda has the standing 'Declarations of interest' item first. Added (as item 1,
    the others moving down one) when an agenda without it is published; the numbering becomes
    public only at publication, so it is numbered once."""
    existing = meeting.items.filter(kind=ItemKind.DECLARATIONS).first()
    if existing is not None:
        return existing
    for other in meeting.items.order_by("-number").select_for_update():
        other.number += 1
        save_with_actor(other, actor)
    item = AgendaItem(
        meeting=meeting,
        number=1,
        kind=ItemKind.DECLARATIONS,
        title="Declarations of interest",
        purpose="Members declare any disclosable pecuniary interest, other registrable interest "
        "or other interest in the business on this agenda.",
        visibility=Visibility.PUBLIC,
    )
    save_with_actor(item, actor)
    return item


@transaction.atomic
def meeting_cancel(*, actor: Actor, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting, keeping it in calendars as cancelled; its business moves to the next
    meeting of the body (now, or as soon as one is scheduled)."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _require_move(meeting, MeetingStatus.CANCELLED)
    if not reason.strip():
        raise _fail(
            "cancelled_reason", "Enter why the meeting is cancelled, for example 'adverse weather'"
        )
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_reason = reason.strip()
    meeting.sequence += 1
    save_with_actor(meeting, actor)
    _carry_forward(meeting.body)
    return meeting


@transaction.atomic
def meeting_reschedule(
    *,
    actor: Actor,
    meeting: Meeting,
    starts_at: dt.datetime,
    reason: str,
    ends_at: dt.datetime | None = None,
    venue: str | None = None,
    today: dt.date | None = None,
) -> Meeting:
    """Move a meeting. It keeps its calendar UID and its SEQUENCE goes up; a published agenda
    must be published again for the new date."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _require_move(meeting, MeetingStatus.RESCHEDULED)
    if timezone.localtime(starts_at).date() < _today(today):
        raise _fail("starts_at", "A meeting can only be moved to today or later")
    if starts_at == meeting.starts_at:
        raise _fail("starts_at", "Choose a different date or time from the current one")
    if not reason.strip():
        raise _fail("rescheduled_reason", "Enter why the meeting is being moved")
    length = (meeting.ends_at - meeting.starts_at) if meeting.ends_at else None
    meeting.rescheduled_from = meeting.starts_at
    meeting.starts_at = starts_at
    meeting.ends_at = ends_at or (starts_at + length if length else None)
    if venue is not None:
        meeting.venue = venue
    meeting.rescheduled_reason = reason.strip()
    meeting.status = MeetingStatus.RESCHEDULED
    meeting.sequence += 1
    save_with_actor(meeting, actor)
    return meeting


@transaction.atomic
def meeting_record_attendance(
    *,
    actor: Actor,
    meeting: Meeting,
    present: Iterable[Any],
    apologies: Iterable[Any] = (),
) -> list[Attendance]:
    """Record who came. Every current member of the body gets a line: present, apologies or
    absent. The role is copied from the membership, so later changes do not rewrite history."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise _fail("present", "The meeting was cancelled: nobody attended")
    if meeting.date > clock.today() and meeting.status != MeetingStatus.HELD:
        raise _fail("present", "Attendance can only be recorded on or after the day of the meeting")
    members = {m.person_id: m for m in meeting.body.memberships.all() if m.is_current(meeting.date)}
    present_ids = {p.pk for p in present}
    apology_ids = {p.pk for p in apologies}
    strangers = (present_ids | apology_ids) - set(members)
    if strangers:
        raise _fail(
            "present", "Only members of the body on the day of the meeting can be recorded here"
        )
    if present_ids & apology_ids:
        raise _fail("apologies", "Someone cannot be both present and send apologies")
    for old in Attendance.objects.filter(meeting=meeting):
        delete_with_actor(old, actor)
    rows = []
    for person_id, membership in members.items():
        status = (
            AttendanceStatus.PRESENT
            if person_id in present_ids
            else AttendanceStatus.APOLOGIES
            if person_id in apology_ids
            else AttendanceStatus.ABSENT
        )
        row = Attendance(meeting=meeting, person_id=person_id, role=membership.role, status=status)
        save_with_actor(row, actor, validate=False)
        rows.append(row)
    # Substitutes recorded for the meeting stand in for their members (services.substitutes).
    from partnerplan.governance.services.substitutes import substitutions_apply

    substitutions_apply(actor=actor, meeting=meeting)
    return (
        list(Attendance.objects.filter(meeting=meeting)) if meeting.substitutions.exists() else rows
    )


@transaction.atomic
def meeting_mark_held(*, actor: Actor, meeting: Meeting, today: dt.date | None = None) -> Meeting:
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _require_move(meeting, MeetingStatus.HELD)
    if meeting.date > _today(today):
        raise _fail(
            "status",
            f"{meeting} is in the future: it can be marked as held on or after "
            f"{format_date(meeting.date)}",
        )
    meeting.status = MeetingStatus.HELD
    save_with_actor(meeting, actor)
    return meeting


def quorum_at(meeting: Meeting) -> tuple[int, int]:
    """(voting members present, quorum) for a meeting."""
    members = [m for m in meeting.body.memberships.all() if m.is_current(meeting.date)]
    voting = sum(1 for m in members if m.is_voting)
    present = Attendance.objects.filter(
        meeting=meeting, status=AttendanceStatus.PRESENT, role__in=VOTING_ROLES
    ).count()
    return present, meeting.body.quorum_for(voting)
