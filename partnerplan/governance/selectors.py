"""Reads of governance records, scoped to what the viewer may see; and `authority_for`, the
question other apps ask before acting: may this body do this, for this much, on this day?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.governance.models import (
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
    CalendarFeed,
    Decision,
    Delegation,
    DelegationStatus,
    ForwardPlanEntry,
    Matter,
    Meeting,
    MeetingStatus,
    OfficerDecision,
    Power,
    PowerKind,
    Recommendation,
    ReportingLine,
    Track,
    TrackOutcome,
    Vote,
)
from partnerplan.governance.rules.diagram import DiagramEdge, DiagramNode


def money(amount: Decimal | None) -> str:
    if amount is None:
        return "no limit"
    whole = amount == amount.to_integral_value()
    return f"£{amount:,.0f}" if whole else f"£{amount:,.2f}"


# --- Authority ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Authority:
    """The answer to "may `body` use `power` for `amount` on `on`?".

    `allowed` says whether it may; `source` is the Power or Delegation that allows it; `reason`
    says why in plain English; `holders` lists the bodies that could decide instead when it may
    not (escalation)."""

    allowed: bool
    reason: str
    source: Power | Delegation | None = None
    holders: list[Body] = field(default_factory=list)


def _power_label(power: str) -> str:
    try:
        return PowerKind(power).label.lower()
    except ValueError:
        return power.replace("_", " ")


def _fits(limit: Decimal | None, amount: Decimal | None, used: Decimal = Decimal(0)) -> bool:
    return limit is None or amount is None or used + amount <= limit


def _delegation_used(delegation: Delegation) -> Decimal:
    if not delegation.limit_is_total:
        return Decimal(0)
    total = Decimal(0)
    for d in delegation.officer_decisions.all():
        total += d.amount or Decimal(0)
    return total


def _delegations_to(body: Body, power: str, on: dt.date) -> list[Delegation]:
    return [
        d
        for d in Delegation.objects.filter(
            to_bodies=body, power=power, status=DelegationStatus.IN_FORCE
        )
        .select_related("from_body")
        .prefetch_related("officer_decisions")
        if d.in_force_on(on)
    ]


def authority_for(
    *, body: Body, power: str, amount: Decimal | None = None, on: dt.date | None = None
) -> Authority:
    """Whether `body` may use `power` (a PowerKind value) for `amount` on `on`.

    It may when its own terms of reference hold the power with a limit that covers the amount,
    or when a delegation in force on that day gives it the power within the delegation's limit
    (for a limit that is a total, counting what earlier decisions under it used). Otherwise the
    answer names the bodies that hold the power for that amount."""
    on = on or timezone.localdate()
    label = _power_label(power)
    what = f"{label} of {money(amount)}" if amount is not None else label
    own = Power.objects.filter(body=body, kind=power).first()
    if own is not None and _fits(own.financial_limit, amount):
        return Authority(True, f"{body} may {what}: its terms of reference give it the power.", own)
    near_miss = ""
    if own is not None:
        near_miss = f" Its own power is limited to {money(own.financial_limit)}."
    for delegation in _delegations_to(body, power, on):
        used = _delegation_used(delegation)
        if _fits(delegation.financial_limit, amount, used):
            return Authority(
                True,
                f"{body} may {what} under the delegation from {delegation.from_body} "
                f"({money(delegation.financial_limit)}"
                + (f", {money(used)} already used" if delegation.limit_is_total else "")
                + ").",
                delegation,
            )
        near_miss += (
            f" The delegation from {delegation.from_body} allows up to "
            f"{money(delegation.financial_limit)}"
            + (f" in total, and {money(used)} has been used" if delegation.limit_is_total else "")
            + "."
        )
    holders = [
        p.body
        for p in Power.objects.filter(kind=power).exclude(body=body).select_related("body")
        if _fits(p.financial_limit, amount)
    ]
    reason = f"{body} does not have the power to {what}.{near_miss}"
    if holders:
        names = ", ".join(str(b) for b in holders)
        reason += (
            f" It must go to {names}, which {'has' if len(holders) == 1 else 'have'} that power."
        )
    else:
        reason += " No body in partnerplan has that power: check the terms of reference."
    return Authority(False, reason, None, holders)


# --- Bodies ------------------------------------------------------------------------------


def body_list(*, viewer: Viewer) -> QuerySet[Body]:
    return (
        visible(Body.objects.filter(archived_at__isnull=True), viewer)
        .select_related("parent")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name")
    )


def _current_memberships(on: dt.date) -> QuerySet[BodyMembership]:
    return (
        BodyMembership.objects.filter(Q(started_on__isnull=True) | Q(started_on__lte=on))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("person", "represents")
        .order_by("role", "person__last_name")
    )


def _current_lines(on: dt.date) -> QuerySet[ReportingLine]:
    return ReportingLine.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))


def body_detail(*, viewer: Viewer, pk: int) -> Body:
    today = timezone.localdate()
    try:
        return (
            visible(Body.objects.all(), viewer)
            .select_related("parent")
            .prefetch_related(
                Prefetch("memberships", queryset=_current_memberships(today), to_attr="current"),
                "powers",
                Prefetch(
                    "delegations_made",
                    queryset=Delegation.objects.prefetch_related("to_bodies"),
                    to_attr="made",
                ),
                Prefetch(
                    "delegations_held",
                    queryset=Delegation.objects.select_related("from_body"),
                    to_attr="held",
                ),
                Prefetch("meetings", queryset=Meeting.objects.order_by("-starts_at")),
                Prefetch(
                    "reports_to",
                    queryset=_current_lines(today).select_related("target"),
                ),
                Prefetch(
                    "reported_to_by",
                    queryset=_current_lines(today).select_related("source"),
                ),
            )
            .get(pk=pk)
        )
    except Body.DoesNotExist:
        raise Http404("No body you can see has that number") from None


def body_choices(*, viewer: Viewer) -> QuerySet[Body]:
    return visible(Body.objects.filter(archived_at__isnull=True), viewer).order_by("name")


# --- Meetings ----------------------------------------------------------------------------


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

    @property
    def quorate(self) -> bool:
        return self.voting_present >= self.quorum


def meeting_detail(*, viewer: Viewer, pk: int) -> MeetingPage:
    try:
        meeting = (
            Meeting.objects.filter(visible_q(viewer, Body, "body__"))
            .select_related("body", "minutes", "minutes__approved_at")
            .get(pk=pk)
        )
    except Meeting.DoesNotExist:
        raise Http404("No meeting you can see has that number") from None
    recs = (
        Recommendation.objects.select_related("decision", "matter")
        .prefetch_related(
            Prefetch(
                "decision__votes",
                queryset=Vote.objects.select_related("person").order_by("person__last_name"),
            )
        )
        .order_by("number")
    )
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("author", "carried_from")
        .prefetch_related(Prefetch("recommendations", queryset=recs))
        .order_by("number")
    )
    openable = set(
        visible(AgendaItem.objects.filter(meeting=meeting), viewer).values_list("pk", flat=True)
    )
    # Exempt items keep their heading on the agenda; other items the viewer may not see go.
    items = [i for i in items if i.pk in openable or i.visibility == "exempt"]
    attendance = list(meeting.attendance.select_related("person"))
    voting_members = (
        _current_memberships(meeting.date)
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
    carried = list(AgendaItem.objects.filter(carried_from=meeting).select_related("meeting"))
    return MeetingPage(
        meeting=meeting,
        items=items,
        openable=openable,
        attendance=attendance,
        open_actions=open_actions,
        carried=carried,
        voting_present=sum(1 for a in attendance if a.status == "present" and a.is_voting),
        quorum=meeting.body.quorum_for(voting_members),
    )


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


# --- Registers ---------------------------------------------------------------------------


def decision_register(*, viewer: Viewer, body: int | None = None) -> QuerySet[Decision]:
    qs = (
        Decision.objects.filter(
            visible_q(viewer, AgendaItem, "recommendation__item__"),
            visible_q(viewer, Body, "body__"),
        )
        .select_related("body", "meeting", "recommendation__item")
        .order_by("-decided_on", "recommendation__item__number", "recommendation__number")
    )
    if body:
        qs = qs.filter(body_id=body)
    return qs


def officer_decision_register(*, viewer: Viewer) -> QuerySet[OfficerDecision]:
    return (
        visible(OfficerDecision.objects.all(), viewer)
        .select_related("taken_by", "decided_by", "delegation__from_body")
        .order_by("-decided_on", "-pk")
    )


def delegation_detail(*, viewer: Viewer, pk: int) -> Delegation:
    try:
        return (
            Delegation.objects.filter(visible_q(viewer, Body, "from_body__"))
            .select_related("from_body")
            .prefetch_related("to_bodies", "officer_decisions")
            .get(pk=pk)
        )
    except Delegation.DoesNotExist:
        raise Http404("No delegation you can see has that number") from None


def membership_detail(*, viewer: Viewer, pk: int) -> BodyMembership:
    try:
        return (
            BodyMembership.objects.filter(visible_q(viewer, Body, "body__"))
            .select_related("body", "person")
            .get(pk=pk)
        )
    except BodyMembership.DoesNotExist:
        raise Http404("No membership you can see has that number") from None


def reporting_line_detail(*, viewer: Viewer, pk: int) -> ReportingLine:
    try:
        return (
            ReportingLine.objects.filter(
                visible_q(viewer, Body, "source__"), visible_q(viewer, Body, "target__")
            )
            .select_related("source", "target")
            .get(pk=pk)
        )
    except ReportingLine.DoesNotExist:
        raise Http404("No reporting line you can see has that number") from None


def voters_at(meeting: Meeting) -> list[Attendance]:
    """Everyone recorded as present at `meeting`, voting members first: the people who can be
    named in a recorded vote (co-opted members and advisers are listed, and refused)."""
    rows = list(
        Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.PRESENT)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    return sorted(rows, key=lambda a: a.role not in VOTING_ROLES)


def forward_plan(*, viewer: Viewer, include_past: bool = False) -> QuerySet[ForwardPlanEntry]:
    qs = ForwardPlanEntry.objects.filter(visible_q(viewer, Body, "body__")).select_related(
        "body", "meeting"
    )
    if not include_past:
        qs = qs.filter(status="planned")
    return qs.order_by("decision_due", "pk")


def my_actions(*, viewer: Viewer) -> QuerySet[Action]:
    if viewer.person_id is None:
        return Action.objects.none()
    return (
        Action.objects.filter(owner_id=viewer.person_id)
        .select_related("body", "meeting", "owner")
        .order_by("status", "due_on")
    )


def action_for_update(*, viewer: Viewer, pk: int) -> Action:
    try:
        return Action.objects.select_related("owner", "body").get(pk=pk)
    except Action.DoesNotExist:
        raise Http404("No action has that number") from None


# --- Twin track --------------------------------------------------------------------------


@dataclass(frozen=True)
class MatterState:
    label: str
    conflict: bool
    approved: bool
    outstanding: list[str]
    colour: str  # a govuk-tag modifier; the label always says the same in words


def matter_state(matter: Matter) -> MatterState:
    tracks: list[Track] = list(matter.tracks.all())
    approved = [t for t in tracks if t.outcome == TrackOutcome.APPROVED]
    rejected = [t for t in tracks if t.outcome == TrackOutcome.REJECTED]
    pending = [t for t in tracks if t.outcome == TrackOutcome.PENDING]
    outstanding = [str(t.body) for t in pending]
    if matter.resolved_at:
        return MatterState("Conflict resolved", False, False, outstanding, "blue")
    if matter.rule == ApprovalRule.ANY:
        if approved:
            return MatterState("Approved", False, True, [], "green")
        if rejected and not pending:
            return MatterState("Rejected", False, False, [], "red")
        return MatterState("Awaiting approval", False, False, outstanding, "grey")
    if rejected and approved:
        return MatterState(
            "Conflict: approved on one track, rejected on another", True, False, outstanding, "red"
        )
    if rejected:
        return MatterState("Rejected", bool(approved), False, outstanding, "red")
    if tracks and not pending:
        return MatterState("Approved", False, True, [], "green")
    if approved:
        return MatterState(
            "Approved subject to " + " and ".join(outstanding), False, False, outstanding, "yellow"
        )
    return MatterState("Awaiting approval", False, False, outstanding, "grey")


def matter_list(*, viewer: Viewer) -> list[tuple[Matter, MatterState]]:
    matters = visible(Matter.objects.all(), viewer).prefetch_related(
        Prefetch("tracks", queryset=Track.objects.select_related("body"))
    )
    return [(m, matter_state(m)) for m in matters.distinct()]


def matter_detail(*, viewer: Viewer, pk: int) -> tuple[Matter, MatterState]:
    try:
        matter = (
            visible(Matter.objects.all(), viewer)
            .prefetch_related(
                Prefetch("tracks", queryset=Track.objects.select_related("body")),
                Prefetch(
                    "recommendations",
                    queryset=Recommendation.objects.select_related(
                        "item__meeting__body", "decision"
                    ),
                ),
            )
            .distinct()
            .get(pk=pk)
        )
    except Matter.DoesNotExist:
        raise Http404("No matter you can see has that number") from None
    return matter, matter_state(matter)


# --- Structure and calendars -------------------------------------------------------------

_DIAGRAM_KIND = {
    BodyKind.JOINT_COMMITTEE: "elected_body",
    BodyKind.BOARD: "officer_board",
    BodyKind.OFFICER_GROUP: "officer_group",
    BodyKind.EXTERNAL: "external_body",
    BodyKind.OFFICE_HOLDER: "office_holder",
}


def structure(*, viewer: Viewer) -> tuple[list[DiagramNode], list[DiagramEdge]]:
    """The governance structure as diagram data: bodies, reporting lines and delegations."""
    bodies = list(visible(Body.objects.filter(archived_at__isnull=True), viewer))
    ids = {b.pk for b in bodies}
    nodes = [
        DiagramNode(
            f"b{b.pk}",
            b.name,
            b.get_cadence_display() if b.cadence != "ad_hoc" else "",
            _DIAGRAM_KIND.get(BodyKind(b.kind), "other"),
        )
        for b in bodies
    ]
    edges: list[DiagramEdge] = []
    for line in _current_lines(timezone.localdate()).filter(source__in=ids, target__in=ids):
        edges.append(
            DiagramEdge(
                f"b{line.source_id}",
                f"b{line.target_id}",
                line.label,
                "twin_track" if line.style == "twin_track" else "reports_to",
            )
        )
    seen: set[tuple[int, int]] = set()
    for delegation in (
        Delegation.objects.filter(from_body__in=ids)
        .exclude(status=DelegationStatus.REVOKED)
        .prefetch_related("to_bodies")
    ):
        for to in delegation.to_bodies.all():
            if to.pk in ids and (delegation.from_body_id, to.pk) not in seen:
                seen.add((delegation.from_body_id, to.pk))
                label = money(delegation.financial_limit) if delegation.financial_limit else ""
                if delegation.status == DelegationStatus.PROPOSED:
                    label = (label + " (proposed)").strip()
                edges.append(
                    DiagramEdge(f"b{delegation.from_body_id}", f"b{to.pk}", label, "delegates")
                )
    return nodes, edges


def calendar_meetings(
    *, viewer: Viewer, body: Body | None = None, person_id: int | None = None
) -> list[Meeting]:
    qs = Meeting.objects.filter(visible_q(viewer, Body, "body__")).select_related("body")
    if body is not None:
        qs = qs.filter(body=body)
    if person_id is not None:
        qs = qs.filter(body__memberships__person_id=person_id).distinct()
    return list(qs.order_by("starts_at"))


def person_for_calendar(*, viewer: Viewer, pk: int) -> Any:
    from partnerplan.partners.models import Person

    try:
        return visible(Person.objects.all(), viewer).get(pk=pk)
    except Person.DoesNotExist:
        raise Http404("No person you can see has that number") from None


def calendar_feed_of(*, viewer: Viewer) -> CalendarFeed | None:
    if viewer.person_id is None:
        return None
    return CalendarFeed.objects.filter(person_id=viewer.person_id).first()


def private_calendar(*, token: str) -> tuple[CalendarFeed, list[Meeting]]:
    """The meetings behind a secret calendar address: those of the person's bodies that the
    person (through their own, active account) may see. Unknown addresses, people who are no
    longer in the directory and closed accounts get Http404."""
    from partnerplan.core.access import viewer_for
    from partnerplan.core.models import User

    feed = (
        CalendarFeed.objects.filter(token=token, person__archived_at__isnull=True)
        .select_related("person")
        .first()
    )
    user = User.objects.filter(person_id=feed.person_id, is_active=True).first() if feed else None
    if feed is None or user is None:
        raise Http404("There is no calendar at this address: it may have been replaced")
    return feed, calendar_meetings(viewer=viewer_for(user), person_id=feed.person_id)


__all__ = ["Authority", "authority_for", "money", "MeetingStatus"]
