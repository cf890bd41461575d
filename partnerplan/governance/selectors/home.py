"""Governance reads for the start page (`partnerplan/home.py`): each scoped by core.access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.governance.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Body,
    Decision,
    Matter,
    Meeting,
    MeetingStatus,
    Recommendation,
    Track,
)
from partnerplan.governance.rules.clear_days import check_agenda_publication
from partnerplan.governance.selectors.twin_track import MatterState, matter_state

UPCOMING = (MeetingStatus.SCHEDULED, MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.RESCHEDULED)
# An agenda is "due to publish" from this many days before its clear-days deadline.
AGENDA_DUE_WITHIN_DAYS = 14


@dataclass
class NextMeeting:
    """A meeting ahead, with the items whose papers the viewer may open and the
    recommendations it will be asked to decide."""

    meeting: Meeting
    items: list[AgendaItem] = field(default_factory=list)
    to_decide: list[Recommendation] = field(default_factory=list)


def _upcoming(viewer: Viewer, today: dt.date) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(visible_q(viewer, Body, "body__"))
        .filter(status__in=UPCOMING, starts_at__date__gte=today)
        .select_related("body")
        .order_by("starts_at")
    )


def next_meetings(
    *, viewer: Viewer, today: dt.date, mine: bool, limit: int = 3, papers: bool = True
) -> list[NextMeeting]:
    """The next meetings (of the viewer's own bodies if `mine`, else every meeting the viewer
    may see), each (if `papers`) with its openable items and the undecided recommendations on
    them."""
    meetings = _upcoming(viewer, today)
    if mine:
        meetings = meetings.filter(body_id__in=viewer.body_ids)
    rows = [NextMeeting(meeting=m) for m in meetings[:limit]]
    if not rows or not papers:
        return rows
    by_pk = {row.meeting.pk: row for row in rows}
    open_recs = Recommendation.objects.filter(
        withdrawn_on__isnull=True, decision__isnull=True
    ).order_by("number")
    items = (
        visible(AgendaItem.objects.filter(meeting_id__in=by_pk), viewer)
        .filter(withdrawn_on__isnull=True)
        .prefetch_related(Prefetch("recommendations", queryset=open_recs))
        .order_by("meeting__starts_at", "number")
    )
    for item in items:
        row = by_pk[item.meeting_id]
        row.items.append(item)
        row.to_decide.extend(item.recommendations.all())
    return rows


def my_open_actions(*, viewer: Viewer) -> list[Action]:
    """The viewer's own open actions, soonest due first."""
    if viewer.person_id is None:
        return []
    return list(
        Action.objects.filter(owner_id=viewer.person_id, status=ActionStatus.OPEN)
        .select_related("body", "meeting")
        .order_by("due_on", "pk")
    )


def pending_matters(*, viewer: Viewer) -> list[tuple[Matter, MatterState]]:
    """Twin-track matters still waiting for a body, or in conflict."""
    matters = (
        visible(Matter.objects.filter(resolved_at__isnull=True), viewer)
        .prefetch_related(Prefetch("tracks", queryset=Track.objects.select_related("body")))
        .order_by("title")
    )
    rows = [(m, matter_state(m)) for m in matters]
    return [(m, s) for m, s in rows if s.conflict or s.outstanding]


@dataclass(frozen=True)
class AgendaDue:
    meeting: Meeting
    deadline: dt.date
    late: bool


def agendas_due(*, viewer: Viewer, today: dt.date) -> list[AgendaDue]:
    """Meetings whose agenda is not published yet and whose clear-days deadline (the body's
    own notice, working calendar and bank holidays) is within AGENDA_DUE_WITHIN_DAYS, or
    passed."""
    due = []
    meetings = _upcoming(viewer, today).filter(
        status__in=[MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED]
    )
    for meeting in meetings:
        check = check_agenda_publication(
            today, meeting.date, meeting.body.working_calendar, meeting.body.agenda_notice_days
        )
        if (check.deadline - today).days <= AGENDA_DUE_WITHIN_DAYS:
            due.append(AgendaDue(meeting=meeting, deadline=check.deadline, late=not check.ok))
    return due


def recent_decisions(*, viewer: Viewer, limit: int = 5) -> list[Decision]:
    return list(
        Decision.objects.filter(
            visible_q(viewer, AgendaItem, "recommendation__item__"),
            visible_q(viewer, Body, "body__"),
        )
        .select_related("body", "meeting", "recommendation__item")
        .order_by("-decided_on", "-pk")[:limit]
    )
