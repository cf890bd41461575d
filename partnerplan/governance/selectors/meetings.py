"""Governance reads: meetings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.governance.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Meeting,
    Minutes,
    Recommendation,
    Vote,
)
from partnerplan.governance.selectors._common import _current_memberships


def meeting_list(*, viewer: Viewer) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(visible_q(viewer, Body, "body__"))
        .select_related("body")
        .order_by("-starts_at")
    )


@dataclass
class MeetingPage:
    meeting: Meeting
    items: list[AgendaItem]
    openable: set[int]
    attendance: list[Attendance]
    open_actions: list[Action]
    carried: list[AgendaItem]
    voting_present: int
    quorum: int
    supplements: list[Any] = field(default_factory=list)
    pending_supplement: int = 0

    @property
    def quorate(self) -> bool:
        return self.voting_present >= self.quorum


def meeting_detail(*, viewer: Viewer, pk: int) -> MeetingPage:
    try:
        meeting = (
            Meeting.objects.filter(visible_q(viewer, Body, "body__"))
            .select_related("body", "minutes", "minutes__approved_at", "minutes__signed_by")
            .get(pk=pk)
        )
    except Meeting.DoesNotExist:
        raise Http404("No meeting you can see has that number") from None
    # Only the recommendations of items the viewer may open: an exempt item's heading stays
    # on the agenda, its recommendations do not.
    recs = (
        Recommendation.objects.filter(visible_q(viewer, AgendaItem, "item__"))
        .select_related("decision", "matter")
        .prefetch_related(
            Prefetch(
                "decision__votes",
                queryset=Vote.objects.select_related("person").order_by("person__last_name"),
            )
        )
        .order_by("number")
    )
    declarations = Declaration.objects.filter(
        visible_q(viewer, AgendaItem, "item__")
    ).select_related("person", "dispensation", "interest")
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("author", "carried_from")
        .prefetch_related(
            Prefetch("recommendations", queryset=recs),
            Prefetch("declarations", queryset=declarations),
            "supplements",
        )
        .order_by("number")
    )
    openable = set(
        visible(AgendaItem.objects.filter(meeting=meeting), viewer).values_list("pk", flat=True)
    )
    # Exempt items keep their heading on the agenda; other items the viewer may not see go.
    items = [i for i in items if i.pk in openable or i.visibility == "exempt"]
    for item in items:
        if item.pk not in openable:
            withhold_exempt(item)
    attendance = list(meeting.attendance.select_related("person"))
    voting_members = (
        _current_memberships(meeting.date, None)
        .filter(body=meeting.body, role__in=["chair", "vice_chair", "member"])
        .count()
    )
    open_actions: list[Action] = []
    if viewer.is_authenticated:
        open_actions = list(
            Action.objects.filter(body=meeting.body, meeting__starts_at__lt=meeting.starts_at)
            .filter(Q(status=ActionStatus.OPEN) | Q(completed_on__gte=meeting.date))
            .select_related("owner", "meeting")
        )
    carried = list(
        visible(AgendaItem.objects.filter(carried_from=meeting), viewer).select_related("meeting")
    )
    supplements = list(meeting.supplements.order_by("number"))
    pending = sum(
        1 for i in items if i.after_publication and not i.withdrawn_on and not i.supplements.all()
    )
    return MeetingPage(
        meeting=meeting,
        items=items,
        openable=openable,
        attendance=attendance,
        open_actions=open_actions,
        carried=carried,
        voting_present=sum(1 for a in attendance if a.status == "present" and a.is_voting),
        quorum=meeting.body.quorum_for(voting_members),
        supplements=supplements,
        pending_supplement=pending,
    )


def withhold_exempt(item: AgendaItem) -> AgendaItem:
    """What someone not entitled to an exempt item may see of it: its public heading, its
    paragraph, that it was urgent, changed or withdrawn; not its title, report or reasons."""
    item.title = item.heading_for_public
    item.report = item.purpose = ""
    item.public_interest_test = ""
    if item.change_note:
        item.change_note = "the details are exempt"
    if item.withdrawal_reason:
        item.withdrawal_reason = "the reason is exempt"
    return item


def item_detail(*, viewer: Viewer, pk: int) -> tuple[AgendaItem, bool]:
    """The item, and whether the viewer may open its report. Http404 if the viewer may not
    even see that it exists (exempt items' headings are public)."""
    try:
        item = (
            AgendaItem.objects.filter(visible_q(viewer, Body, "meeting__body__"))
            .select_related("meeting__body", "author")
            .prefetch_related(
                Prefetch(
                    "recommendations",
                    queryset=Recommendation.objects.select_related("decision").order_by("number"),
                )
            )
            .get(pk=pk)
        )
    except AgendaItem.DoesNotExist:
        raise Http404("No agenda item you can see has that number") from None
    can_open = visible(AgendaItem.objects.filter(pk=pk), viewer).exists()
    if not can_open and item.visibility != "exempt":
        raise Http404("No agenda item you can see has that number")
    if not can_open:
        withhold_exempt(item)
    return item, can_open


def recommendation_for_decision(*, viewer: Viewer, pk: int) -> Recommendation:
    try:
        return (
            Recommendation.objects.filter(
                visible_q(viewer, AgendaItem, "item__"),
                visible_q(viewer, Body, "item__meeting__body__"),
            )
            .select_related("item__meeting__body", "matter")
            .get(pk=pk)
        )
    except Recommendation.DoesNotExist:
        raise Http404("No recommendation you can see has that number") from None


def minutes_of(meeting: Meeting) -> Minutes | None:
    """The minutes of `meeting` (found through the meeting the viewer may see), if drafted."""
    return Minutes.objects.filter(meeting=meeting).first()


def later_meetings(*, viewer: Viewer, meeting: Meeting) -> QuerySet[Meeting]:
    """The meetings of `meeting`'s body after it that the viewer may see (where minutes are
    approved)."""
    return (
        Meeting.objects.filter(visible_q(viewer, Body, "body__"))
        .filter(body=meeting.body, starts_at__gt=meeting.starts_at)
        .order_by("starts_at")
    )
