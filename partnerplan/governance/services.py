"""Every write to governance records. Each service checks the rules, refuses bad input with the
rule in plain English (ValidationError keyed by field), saves atomically and records the actor.

Services that depend on "today" take `today=` so that tests (and the demo, which replays 2010)
can say what day it is; it defaults to the local date.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from partnerplan.core.models import Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.governance import effects, notices
from partnerplan.governance.models import (
    APPROVING,
    VOTING_ROLES,
    Action,
    ActionStatus,
    AgendaItem,
    ApprovalRule,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    BodyMembership,
    Cadence,
    CalendarFeed,
    Decision,
    Delegation,
    DelegationStatus,
    ExceptionKind,
    ExemptAccess,
    ForwardPlanEntry,
    ItemKind,
    LineStyle,
    Matter,
    Meeting,
    MeetingStatus,
    MemberRole,
    Minutes,
    MinutesCorrection,
    MinutesStatus,
    OfficerDecision,
    Outcome,
    Power,
    PowerKind,
    Recommendation,
    ReportingLine,
    Track,
    TrackOutcome,
    Vote,
    VoteChoice,
)
from partnerplan.governance.rules.clear_days import (
    CALENDAR_DAYS,
    check_agenda_publication,
    check_key_decision_notice,
    format_date,
)
from partnerplan.governance.selectors import authority_for, money


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


# --- Bodies, powers, delegations ----------------------------------------------------------

BODY_FIELDS = {
    "name", "abbreviation", "kind", "parent", "description", "cadence", "quorum_minimum",
    "quorum_fraction", "agenda_notice_days", "notice_counts_weekends",
    "notice_counts_bank_holidays", "requires_reasons", "requires_interests", "default_venue",
    "visibility",
    "exempt_paragraph",
}  # fmt: skip


def _check_body(body: Body) -> None:
    body.name = body.name.strip()
    if not body.name:
        raise _fail("name", "Enter the name of the body")
    if Body.objects.filter(name__iexact=body.name).exclude(pk=body.pk).exists():
        raise _fail("name", f"There is already a body called {body.name}: choose another name")
    if body.quorum_minimum < 1:
        raise _fail(
            "quorum_minimum", "The quorum must be at least 1 voting member: nobody cannot decide"
        )
    if body.quorum_fraction > 100:
        raise _fail("quorum_fraction", "The quorum percentage must be 100 or less")
    if body.agenda_notice_days > 60:
        raise _fail("agenda_notice_days", "Agenda notice must be 60 clear days or fewer")
    parent = body.parent
    seen: set[int | None] = set()
    while parent is not None:
        if body.pk is not None and parent.pk == body.pk:
            raise _fail(
                "parent",
                f"{body} cannot be part of {body.parent}: {body.parent} is already part of {body}",
            )
        if parent.pk in seen:
            break
        seen.add(parent.pk)
        parent = parent.parent
    errors = body.clean_visibility()
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def body_create(*, actor: Any, **data: Any) -> Body:
    unknown = set(data) - BODY_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    body = Body(**data)
    _check_body(body)
    save_with_actor(body, actor)
    return body


@transaction.atomic
def body_update(*, actor: Any, body: Body, **data: Any) -> Body:
    """Change a body's details: kind, parent, cadence, quorum and notice rules. Decisions
    already taken keep the rules they were taken under (attendance and decisions are records)."""
    unknown = set(data) - BODY_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    body = Body.objects.select_for_update().get(pk=body.pk)
    for name, value in data.items():
        setattr(body, name, value)
    if body.parent_id == body.pk:
        raise _fail("parent", f"{body} cannot be part of itself")
    _check_body(body)
    save_with_actor(body, actor)
    return body


@transaction.atomic
def membership_add(
    *,
    actor: Any,
    body: Body,
    person: Any,
    role: str = MemberRole.MEMBER,
    represents: Any = None,
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
) -> BodyMembership:
    if started_on and ended_on and ended_on < started_on:
        raise _fail("ended_on", "The end of membership must be on or after its start")
    overlapping = BodyMembership.objects.filter(body=body, person=person).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=started_on or dt.date.min)
    )
    if overlapping.exists():
        raise _fail("person", f"{person} is already a member of {body}")
    if body.kind == BodyKind.OFFICE_HOLDER and role in VOTING_ROLES:
        holders = BodyMembership.objects.filter(
            body=body, role__in=VOTING_ROLES, ended_on__isnull=True
        )
        if holders.exists():
            raise _fail(
                "person",
                f"{body} is held by one person at a time: end the current holder's term first",
            )
    membership = BodyMembership(
        body=body,
        person=person,
        role=role,
        represents=represents,
        started_on=started_on,
        ended_on=ended_on,
    )
    save_with_actor(membership, actor)
    return membership


@transaction.atomic
def membership_end(*, actor: Any, membership: BodyMembership, ended_on: dt.date) -> BodyMembership:
    """End a membership on `ended_on` (the last day as a member). The record stays, so past
    attendance and votes still show the role the person held."""
    membership = (
        BodyMembership.objects.select_for_update(of=("self",))
        .select_related("body", "person")
        .get(pk=membership.pk)
    )
    if membership.ended_on is not None:
        raise _fail(
            "ended_on",
            f"{membership.person}'s membership of {membership.body} already ended on "
            f"{format_date(membership.ended_on)}",
        )
    if membership.started_on and ended_on < membership.started_on:
        raise _fail(
            "ended_on",
            f"The membership cannot end before it started, on {format_date(membership.started_on)}",
        )
    membership.ended_on = ended_on
    save_with_actor(membership, actor)
    return membership


@transaction.atomic
def power_add(
    *,
    actor: Any,
    body: Body,
    kind: str,
    financial_limit: Decimal | None = None,
    description: str = "",
    source: str = "",
) -> Power:
    if Power.objects.filter(body=body, kind=kind).exists():
        raise _fail("kind", f"{body} already has the power to {PowerKind(kind).label.lower()}")
    if financial_limit is not None and financial_limit <= 0:
        raise _fail(
            "financial_limit", "The financial limit must be more than £0, or blank for no limit"
        )
    power = Power(
        body=body,
        kind=kind,
        financial_limit=financial_limit,
        description=description,
        source=source,
    )
    save_with_actor(power, actor)
    return power


@transaction.atomic
def delegation_create(
    *,
    actor: Any,
    from_body: Body,
    to_bodies: Iterable[Body],
    power: str,
    purpose: str,
    financial_limit: Decimal | None = None,
    limit_is_total: bool = False,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    source: str = "",
    proposed_in: Recommendation | None = None,
) -> Delegation:
    """Propose a delegation. It comes into force with `delegation_bring_into_force`, or when
    the recommendation it is `proposed_in` is approved."""
    targets = list(to_bodies)
    if not targets:
        raise _fail("to_bodies", "Choose the body or office holder the power is delegated to")
    if from_body in targets:
        raise _fail("to_bodies", f"{from_body} cannot delegate to itself")
    if not purpose.strip():
        raise _fail("purpose", "Enter the purpose of the delegation")
    if starts_on and ends_on and ends_on < starts_on:
        raise _fail("ends_on", "The delegation must end on or after the day it starts")
    own = Power.objects.filter(body=from_body, kind=power).first()
    if own is None:
        raise _fail(
            "power",
            f"{from_body} cannot delegate the power to {PowerKind(power).label.lower()}: "
            "it does not have that power itself",
        )
    if own.financial_limit is not None and (
        financial_limit is None or financial_limit > own.financial_limit
    ):
        raise _fail(
            "financial_limit",
            f"{from_body} can only delegate up to its own limit of {money(own.financial_limit)}",
        )
    delegation = Delegation(
        from_body=from_body,
        power=power,
        purpose=purpose.strip(),
        financial_limit=financial_limit,
        limit_is_total=limit_is_total,
        starts_on=starts_on,
        ends_on=ends_on,
        source=source,
        proposed_in=proposed_in,
    )
    save_with_actor(delegation, actor)
    delegation.to_bodies.set(targets)
    return delegation


@transaction.atomic
def delegation_bring_into_force(
    *, actor: Any, delegation: Delegation, starts_on: dt.date
) -> Delegation:
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.status != DelegationStatus.PROPOSED:
        raise _fail(
            "status",
            "Only a proposed delegation can come into force; this one is "
            f"{delegation.get_status_display().lower()}",
        )
    if delegation.ends_on and delegation.ends_on < starts_on:
        raise _fail("starts_on", "The delegation would end before it starts")
    delegation.status = DelegationStatus.IN_FORCE
    delegation.starts_on = starts_on
    save_with_actor(delegation, actor)
    return delegation


@transaction.atomic
def delegation_revoke(*, actor: Any, delegation: Delegation, ends_on: dt.date) -> Delegation:
    """Revoke a delegation: `ends_on` is its last day. Decisions already taken under it stand,
    so it cannot end before the last of them."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.status == DelegationStatus.REVOKED:
        raise _fail("ends_on", "This delegation has already been revoked")
    if delegation.starts_on and ends_on < delegation.starts_on:
        raise _fail(
            "ends_on",
            f"The delegation cannot end before it started, on {format_date(delegation.starts_on)}",
        )
    last = (
        OfficerDecision.objects.filter(delegation=delegation, decided_on__gt=ends_on)
        .order_by("-decided_on")
        .first()
    )
    if last is not None:
        raise _fail(
            "ends_on",
            f"A decision was taken under this delegation on {format_date(last.decided_on)}: "
            "it cannot end before then",
        )
    delegation.status = DelegationStatus.REVOKED
    delegation.ends_on = ends_on
    save_with_actor(delegation, actor)
    return delegation


@transaction.atomic
def reporting_line_add(
    *, actor: Any, source: Body, target: Body, style: str = LineStyle.REPORTS_TO, label: str = ""
) -> ReportingLine:
    if source == target:
        raise _fail("target", "A body cannot report to itself")
    if style not in LineStyle.values:
        raise _fail("style", "Choose how it reports: reports to, or also reports to (twin track)")
    if ReportingLine.objects.filter(source=source, target=target, ended_on__isnull=True).exists():
        raise _fail("target", f"{source} already reports to {target}")
    if (
        ReportingLine.objects.filter(
            source=target, target=source, ended_on__isnull=True, style=LineStyle.REPORTS_TO
        ).exists()
        and style == LineStyle.REPORTS_TO
    ):
        raise _fail(
            "target", f"{target} reports to {source}, so {source} cannot also report to {target}"
        )
    line = ReportingLine(source=source, target=target, style=style, label=label.strip())
    save_with_actor(line, actor)
    return line


@transaction.atomic
def reporting_line_end(*, actor: Any, line: ReportingLine, ended_on: dt.date) -> ReportingLine:
    """End a reporting line on `ended_on`. It leaves the structure diagram; its history stays."""
    line = (
        ReportingLine.objects.select_for_update(of=("self",))
        .select_related("source", "target")
        .get(pk=line.pk)
    )
    if line.ended_on is not None:
        raise _fail("ended_on", f"This line already ended on {format_date(line.ended_on)}")
    line.ended_on = ended_on
    save_with_actor(line, actor)
    return line


# --- Meetings ----------------------------------------------------------------------------

# The meeting lifecycle: which status each transition may start from.
TRANSITIONS: dict[str, set[str]] = {
    "publish": {MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED},
    "hold": {MeetingStatus.AGENDA_PUBLISHED},
    "cancel": {MeetingStatus.SCHEDULED, MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.RESCHEDULED},
    "reschedule": {
        MeetingStatus.SCHEDULED,
        MeetingStatus.AGENDA_PUBLISHED,
        MeetingStatus.RESCHEDULED,
    },
}

_WHY_NOT = {
    MeetingStatus.HELD: "it has already been held",
    MeetingStatus.CANCELLED: "it was cancelled",
    MeetingStatus.AGENDA_PUBLISHED: "its agenda has already been published",
    MeetingStatus.SCHEDULED: "its agenda has not been published yet",
    MeetingStatus.RESCHEDULED: "it has been rescheduled and its agenda must be published again",
}


def _check_transition(meeting: Meeting, transition: str, verb: str) -> None:
    allowed = TRANSITIONS[transition]
    if transition == "hold" and meeting.body.kind == BodyKind.EXTERNAL:
        # Outside bodies publish their own agendas; we only record that they met.
        allowed = allowed | {MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED}
    if meeting.status not in allowed:
        raise _fail(
            "status", f"{meeting} cannot be {verb}: {_WHY_NOT[MeetingStatus(meeting.status)]}"
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
    actor: Any,
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
    actor: Any,
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
    actor: Any,
    meeting: Meeting,
    published_on: dt.date | None = None,
    urgency_reason: str = "",
) -> Meeting:
    """Publish the agenda. Five clear days (or the body's own number) before the meeting, or
    later only as urgent with the reason recorded."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _check_transition(meeting, "publish", "published")
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
        raise _fail(
            "urgency_reason",
            check.explanation + " To publish it now, the chair must agree it is urgent: "
            "give the reason, and it will be recorded in the minutes.",
        )
    meeting.status = MeetingStatus.AGENDA_PUBLISHED
    meeting.agenda_published_on = published_on
    meeting.published_late = not check.ok
    meeting.urgency_reason = urgency_reason.strip() if not check.ok else ""
    save_with_actor(meeting, actor)
    notices.agenda_published(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, actor: Any, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting, keeping it in calendars as cancelled; its business moves to the next
    meeting of the body (now, or as soon as one is scheduled)."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _check_transition(meeting, "cancel", "cancelled")
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
    actor: Any,
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
    _check_transition(meeting, "reschedule", "rescheduled")
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
    actor: Any,
    meeting: Meeting,
    present: Iterable[Any],
    apologies: Iterable[Any] = (),
) -> list[Attendance]:
    """Record who came. Every current member of the body gets a line: present, apologies or
    absent. The role is copied from the membership, so later changes do not rewrite history."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise _fail("present", "The meeting was cancelled: nobody attended")
    if meeting.date > timezone.localdate() and meeting.status != MeetingStatus.HELD:
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
    Attendance.objects.filter(meeting=meeting).delete()
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
    return rows


@transaction.atomic
def meeting_mark_held(*, actor: Any, meeting: Meeting, today: dt.date | None = None) -> Meeting:
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    _check_transition(meeting, "hold", "marked as held")
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


# --- Agenda ------------------------------------------------------------------------------


@transaction.atomic
def agenda_item_add(
    *,
    actor: Any,
    meeting: Meeting,
    title: str,
    kind: str = ItemKind.REPORT,
    author: Any = None,
    purpose: str = "",
    report: str = "",
    visibility: str = Visibility.PUBLIC,
    exempt_paragraph: int | None = None,
    late_reason: str = "",
    today: dt.date | None = None,
) -> AgendaItem:
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    day = _today(today)
    if meeting.date < day:
        raise _fail(
            "title",
            f"{meeting} is in the past: new business goes on the agenda of a future meeting",
        )
    if not meeting.is_open_for_business:
        raise _fail(
            "title",
            f"Items cannot be added to {meeting}: {_WHY_NOT[MeetingStatus(meeting.status)]}",
        )
    if not title.strip():
        raise _fail("title", "Enter the title of the item")
    late = False
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        check = check_agenda_publication(
            day, meeting.date, meeting.body.working_calendar, meeting.body.agenda_notice_days
        )
        if not check.ok:
            if not late_reason.strip():
                raise _fail(
                    "late_reason",
                    "This item would be published late. "
                    + check.explanation
                    + " The chair must agree it is urgent: give the reason.",
                )
            late = True
    item = AgendaItem(
        meeting=meeting,
        number=(meeting.items.aggregate(n=Max("number"))["n"] or 0) + 1,
        kind=kind,
        title=title.strip(),
        author=author,
        purpose=purpose,
        report=report,
        visibility=visibility,
        exempt_paragraph=exempt_paragraph,
        added_late=late,
        late_reason=late_reason.strip() if late else "",
    )
    errors = item.clean_visibility()
    if errors:
        raise ValidationError(errors)
    save_with_actor(item, actor)
    return item


def exempt_access_log(*, user: Any, item: AgendaItem) -> None:
    """Record that `user` opened an exempt report."""
    if item.visibility == Visibility.EXEMPT and getattr(user, "is_authenticated", False):
        ExemptAccess.objects.create(item=item, user=user)


@transaction.atomic
def recommendation_add(
    *,
    actor: Any,
    item: AgendaItem,
    text: str,
    reference: str = "",
    power: str = "",
    amount: Decimal | None = None,
    effect_kind: str = "",
    effect_params: dict[str, Any] | None = None,
    matter: Matter | None = None,
) -> Recommendation:
    if not text.strip():
        raise _fail("text", "Enter the text of the recommendation")
    if item.meeting.status in {MeetingStatus.HELD, MeetingStatus.CANCELLED}:
        raise _fail(
            "text",
            f"{item.meeting} has been {item.meeting.get_status_display().lower()}: "
            "recommendations go to a future meeting",
        )
    if amount is not None and amount <= 0:
        raise _fail("amount", "The amount must be more than £0, or blank")
    if amount is not None and not power:
        raise _fail("power", "Say which power a recommendation with an amount uses")
    params = effect_params or {}
    effects.validate_effect(effect_kind, params)
    rec = Recommendation(
        item=item,
        number=(item.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1,
        reference=reference.strip(),
        text=text.strip(),
        power=power,
        amount=amount,
        effect_kind=effect_kind,
        effect_params=params,
        matter=matter,
    )
    save_with_actor(rec, actor)
    return rec


@transaction.atomic
def recommendation_set_effect(
    *, actor: Any, recommendation: Recommendation, effect_kind: str, effect_params: dict[str, Any]
) -> Recommendation:
    """Give an undecided recommendation an effect (or clear it with an empty kind). Other apps'
    demos use it to wire seed recommendations to their handlers."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if Decision.objects.filter(recommendation=rec).exists():
        raise _fail("effect_kind", "This recommendation has been decided: its effect cannot change")
    effects.validate_effect(effect_kind, effect_params)
    rec.effect_kind, rec.effect_params = effect_kind, effect_params if effect_kind else {}
    save_with_actor(rec, actor)
    return rec


# --- Decisions ---------------------------------------------------------------------------


def _check_votes(meeting: Meeting, votes: dict[Any, str]) -> tuple[int, int, int]:
    attendance = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    counts = {VoteChoice.FOR: 0, VoteChoice.AGAINST: 0, VoteChoice.ABSTAIN: 0}
    for person, choice in votes.items():
        row = attendance.get(person.pk)
        if row is None or row.status != AttendanceStatus.PRESENT:
            raise _fail("votes", f"{person} was not recorded as present, so cannot vote")
        if row.role not in VOTING_ROLES:
            raise _fail(
                "votes",
                f"{person} is {MemberRole(row.role).label.lower() if row.role else 'not a member'} "
                "and cannot vote: co-opted members and officer advisers are recorded as present "
                "but do not vote",
            )
        if choice not in counts:
            raise _fail("votes", f"A vote is for, against or an abstention, not '{choice}'")
        counts[VoteChoice(choice)] += 1
    return counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.ABSTAIN]


def _validate_decision(
    rec: Recommendation,
    meeting: Meeting,
    outcome: str,
    amended_text: str,
    reasons: str,
    declared_interests: str = "",
) -> None:
    body = meeting.body
    if Decision.objects.filter(recommendation=rec).exists():
        raise _fail(
            "outcome",
            "This recommendation has already been decided. "
            "Correct the minutes if the record is wrong",
        )
    if meeting.status != MeetingStatus.HELD:
        raise _fail(
            "outcome",
            "Decisions are recorded once the meeting has been held; "
            f"{meeting} is {meeting.get_status_display().lower()}",
        )
    present, quorum = quorum_at(meeting)
    if present < quorum:
        raise _fail(
            "outcome",
            f"The meeting was not quorate, so it could not make decisions: {present} voting "
            f"member{'s were' if present != 1 else ' was'} present and {body}'s quorum is "
            f"{quorum} ({body.quorum_rule_text})",
        )
    if outcome not in Outcome.values:
        raise _fail(
            "outcome",
            "Choose the decision: approved, approved as amended, rejected, deferred or noted",
        )
    if outcome == Outcome.AMENDED and not amended_text.strip():
        raise _fail("amended_text", "Enter the recommendation as amended")
    if outcome != Outcome.AMENDED and amended_text.strip():
        raise _fail("amended_text", "Only a recommendation approved as amended has amended text")
    if (
        body.requires_reasons
        and outcome in {Outcome.APPROVED, Outcome.AMENDED, Outcome.REJECTED}
        and not reasons.strip()
    ):
        raise _fail("reasons", f"{body} records the reasons for its decisions: enter them")
    if body.requires_interests and not declared_interests.strip():
        raise _fail(
            "declared_interests",
            f"{body} records the interests declared on each decision: enter them, or 'None'",
        )


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    recommendation: Recommendation,
    outcome: str,
    amended_text: str = "",
    reasons: str = "",
    options_considered: str = "",
    declared_interests: str = "",
    votes: dict[Any, str] | None = None,
) -> Decision:
    """Record the body's decision on one recommendation, at a meeting that was held and quorate,
    within the body's powers. An approving decision applies the recommendation's effect (and
    is not saved if the effect is refused)."""
    rec = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("item__meeting__body", "matter")
        .get(pk=recommendation.pk)
    )
    meeting = rec.item.meeting
    body = meeting.body
    _validate_decision(rec, meeting, outcome, amended_text, reasons, declared_interests)
    authority_text = ""
    if outcome in APPROVING and rec.power:
        authority = authority_for(body=body, power=rec.power, amount=rec.amount, on=meeting.date)
        if not authority.allowed:
            raise _fail("outcome", authority.reason)
        authority_text = authority.reason
    votes_for = votes_against = abstentions = None
    if votes:
        votes_for, votes_against, abstentions = _check_votes(meeting, votes)
    decision = Decision(
        recommendation=rec,
        meeting=meeting,
        body=body,
        outcome=outcome,
        amended_text=amended_text.strip(),
        reasons=reasons.strip(),
        options_considered=options_considered.strip(),
        declared_interests=declared_interests.strip(),
        decided_on=meeting.date,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        authority=authority_text[:300],
    )
    save_with_actor(decision, actor)
    for person, choice in (votes or {}).items():
        save_with_actor(Vote(decision=decision, person=person, choice=choice), actor)
    if outcome in APPROVING:
        for delegation in rec.proposed_delegations.filter(status=DelegationStatus.PROPOSED):
            delegation_bring_into_force(actor=actor, delegation=delegation, starts_on=meeting.date)
        try:
            effects.apply_effect(actor=actor, decision=decision)
        except ValidationError as exc:
            raise ValidationError({"outcome": exc.messages}) from exc
    if rec.matter is not None and outcome in {*APPROVING, Outcome.REJECTED}:
        _track_decided(
            actor,
            rec.matter,
            body,
            TrackOutcome.APPROVED if outcome in APPROVING else TrackOutcome.REJECTED,
            meeting.date,
            str(decision),
        )
    return decision


# --- Minutes -----------------------------------------------------------------------------


@transaction.atomic
def minutes_save_draft(*, actor: Any, meeting: Meeting, text: str) -> Minutes:
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
def minutes_approve(*, actor: Any, minutes: Minutes, at_meeting: Meeting) -> Minutes:
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
def minutes_correct(*, actor: Any, minutes: Minutes, text: str, reason: str) -> MinutesCorrection:
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
        made_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    correction.save()
    return correction


# --- Delegated (officer) decisions -------------------------------------------------------


@transaction.atomic
def officer_decision_record(
    *,
    actor: Any,
    delegation: Delegation,
    taken_by: Body,
    decided_by: Any,
    title: str,
    decision: str,
    reasons: str,
    decided_on: dt.date,
    amount: Decimal | None = None,
    options_considered: str = "",
    declared_interests: str = "",
    visibility: str = Visibility.PUBLIC,
    exempt_paragraph: int | None = None,
) -> OfficerDecision:
    delegation = (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("from_body")
        .get(pk=delegation.pk)
    )
    if not delegation.to_bodies.filter(pk=taken_by.pk).exists():
        raise _fail(
            "taken_by", f"The delegation from {delegation.from_body} was not given to {taken_by}"
        )
    if not delegation.in_force_on(decided_on):
        status = delegation.get_status_display().lower()
        raise _fail(
            "decided_on",
            f"The delegation was not in force on {format_date(decided_on)} (it is {status}"
            + (f", from {format_date(delegation.starts_on)}" if delegation.starts_on else "")
            + (f" to {format_date(delegation.ends_on)}" if delegation.ends_on else "")
            + ")",
        )
    member = taken_by.memberships.filter(person=decided_by).first()
    if member is None or not member.is_current(decided_on):
        raise _fail(
            "decided_by",
            f"{decided_by} did not hold or sit on {taken_by} on {format_date(decided_on)}",
        )
    authority = authority_for(body=taken_by, power=delegation.power, amount=amount, on=decided_on)
    if not authority.allowed or authority.source != delegation:
        raise _fail(
            "amount",
            authority.reason
            if not authority.allowed
            else f"This decision is within {taken_by}'s own powers: "
            "record it as a decision of the body",
        )
    for name, value in (("title", title), ("decision", decision), ("reasons", reasons)):
        if not value.strip():
            raise _fail(name, f"Enter the {name}")
    record = OfficerDecision(
        delegation=delegation,
        taken_by=taken_by,
        decided_by=decided_by,
        title=title.strip(),
        decision=decision.strip(),
        reasons=reasons.strip(),
        amount=amount,
        options_considered=options_considered.strip(),
        declared_interests=declared_interests.strip(),
        decided_on=decided_on,
        visibility=visibility,
        exempt_paragraph=exempt_paragraph,
    )
    errors = record.clean_visibility()
    if errors:
        raise ValidationError(errors)
    save_with_actor(record, actor)
    return record


# --- Twin track --------------------------------------------------------------------------


@transaction.atomic
def matter_create(
    *,
    actor: Any,
    title: str,
    bodies: Iterable[Body],
    rule: str = ApprovalRule.ALL,
    description: str = "",
    visibility: str = Visibility.PARTNERSHIP,
) -> Matter:
    targets = list(bodies)
    if len(targets) < 2:
        raise _fail("bodies", "A twin-track matter needs at least two bodies to approve it")
    if not title.strip():
        raise _fail("title", "Enter what needs approving")
    matter = Matter(title=title.strip(), description=description, rule=rule, visibility=visibility)
    save_with_actor(matter, actor)
    for body in targets:
        save_with_actor(Track(matter=matter, body=body), actor)
    return matter


def _track_decided(
    actor: Any, matter: Matter, body: Body, outcome: str, on: dt.date, reference: str
) -> Track:
    track = Track.objects.select_for_update().filter(matter=matter, body=body).first()
    if track is None:
        raise _fail("matter", f"{body} is not one of the bodies that must approve '{matter}'")
    if track.outcome != TrackOutcome.PENDING:
        raise _fail(
            "matter",
            f"{body} has already decided '{matter}' ({track.get_outcome_display().lower()})",
        )
    track.outcome = outcome
    track.decided_on = on
    track.reference = reference[:300]
    save_with_actor(track, actor)
    for other in matter.tracks.filter(outcome=TrackOutcome.PENDING).select_related(
        "body", "matter"
    ):
        notices.twin_track_decision_needed(other)
    return track


@transaction.atomic
def matter_record_track(
    *, actor: Any, matter: Matter, body: Body, outcome: str, decided_on: dt.date, reference: str
) -> Track:
    """Record the decision of a body that decides outside partnerplan (for example the Leaders
    and Chief Executives Group), citing its own record."""
    if outcome not in {TrackOutcome.APPROVED, TrackOutcome.REJECTED}:
        raise _fail("outcome", "Choose approved or rejected")
    if not reference.strip():
        raise _fail(
            "reference",
            "Enter where the decision is recorded (for example the group's notes of its meeting)",
        )
    return _track_decided(actor, matter, body, outcome, decided_on, reference.strip())


@transaction.atomic
def matter_resolve(*, actor: Any, matter: Matter, resolution: str) -> Matter:
    from partnerplan.governance.selectors import matter_state

    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if not matter_state(matter).conflict:
        raise _fail(
            "resolution",
            "Only a matter approved on one track and rejected on another needs resolving",
        )
    if not resolution.strip():
        raise _fail("resolution", "Enter how the conflict was resolved")
    matter.resolution = resolution.strip()
    matter.resolved_at = timezone.now()
    save_with_actor(matter, actor)
    return matter


# --- Forward plan ------------------------------------------------------------------------

KEY_DECISION_NOTICE_DAYS = 28


@transaction.atomic
def forward_plan_add(
    *,
    actor: Any,
    body: Body,
    title: str,
    decision_due: dt.date,
    notice_given_on: dt.date | None = None,
    description: str = "",
    is_key: bool = True,
    in_private: bool = False,
    exempt_paragraph: int | None = None,
    exception: str = ExceptionKind.NONE,
    exception_reason: str = "",
    meeting: Meeting | None = None,
) -> ForwardPlanEntry:
    notice = _today(notice_given_on)
    if not title.strip():
        raise _fail("title", "Enter what will be decided")
    if decision_due <= notice:
        raise _fail("decision_due", "The decision must be due after the notice is given")
    if in_private and not exempt_paragraph:
        raise _fail(
            "exempt_paragraph",
            "A decision taken in private cites the paragraph of Schedule 12A that allows it",
        )
    if not in_private and exempt_paragraph:
        raise _fail(
            "exempt_paragraph", "Only decisions taken in private cite a Schedule 12A paragraph"
        )
    if is_key:
        check = check_key_decision_notice(
            notice, decision_due, CALENDAR_DAYS, KEY_DECISION_NOTICE_DAYS
        )
        if not check.ok and (not exception or not exception_reason.strip()):
            raise _fail(
                "exception_reason",
                check.explanation + " A key decision with less notice needs a recorded "
                "exception (general exception or special urgency) and the reason for it.",
            )
        if check.ok:
            exception, exception_reason = ExceptionKind.NONE, ""
    entry = ForwardPlanEntry(
        body=body,
        title=title.strip(),
        description=description,
        decision_due=decision_due,
        notice_given_on=notice,
        is_key=is_key,
        in_private=in_private,
        exempt_paragraph=exempt_paragraph,
        exception=exception,
        exception_reason=exception_reason.strip(),
        meeting=meeting,
    )
    save_with_actor(entry, actor)
    return entry


# --- Actions -----------------------------------------------------------------------------


@transaction.atomic
def action_create(
    *,
    actor: Any,
    body: Body,
    title: str,
    owner: Any,
    due_on: dt.date,
    meeting: Meeting | None = None,
    decision: Decision | None = None,
) -> Action:
    if not title.strip():
        raise _fail("title", "Enter the action")
    if meeting is not None and meeting.body_id != body.pk:
        raise _fail("meeting", f"The meeting is not a meeting of {body}")
    if meeting is not None and due_on < meeting.date:
        raise _fail("due_on", "The action cannot be due before the meeting that agreed it")
    action = Action(
        body=body,
        title=title.strip(),
        owner=owner,
        due_on=due_on,
        meeting=meeting,
        decision=decision,
    )
    save_with_actor(action, actor)
    notices.action_assigned(action)
    return action


@transaction.atomic
def action_update(
    *, actor: Any, action: Action, status: str, progress: str = "", today: dt.date | None = None
) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    if status not in ActionStatus.values:
        raise _fail("status", "Choose open, done or no longer needed")
    if status == ActionStatus.DROPPED and not progress.strip():
        raise _fail("progress", "Say why the action is no longer needed")
    action.status = status
    if progress.strip():
        action.progress = progress.strip()
    action.completed_on = _today(today) if status != ActionStatus.OPEN else None
    save_with_actor(action, actor)
    return action


def actions_notify_overdue(*, today: dt.date | None = None) -> int:
    """Email the owner of each open, overdue action (once a day at most). Returns how many."""
    day = _today(today)
    sent = 0
    overdue = (
        Action.objects.filter(status=ActionStatus.OPEN, due_on__lt=day)
        .filter(Q(overdue_notified_on__isnull=True) | Q(overdue_notified_on__lt=day))
        .select_related("owner", "body")
    )
    for action in overdue:
        with transaction.atomic():
            notices.action_overdue(action)
            Action.objects.filter(pk=action.pk).update(overdue_notified_on=day)
        sent += 1
    return sent


# --- Private calendar feeds ---------------------------------------------------------------


@transaction.atomic
def calendar_feed_renew(*, actor: Any, person: Any) -> CalendarFeed:
    """Give `person` a new secret calendar address. Any earlier address stops working."""
    if person is None:
        raise _fail(
            "person",
            "Your account is not linked to a person in the directory, so it has no meetings "
            "to put in a calendar",
        )
    CalendarFeed.objects.filter(person=person).delete()
    feed = CalendarFeed(token=secrets.token_urlsafe(32), person=person)
    save_with_actor(feed, actor)
    return feed
