"""Governance reads: registers."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.governance.models import (
    VOTING_ROLES,
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyMembership,
    Decision,
    Delegation,
    ForwardPlanEntry,
    Meeting,
    OfficerDecision,
    PriorDecision,
    ReportingLine,
)


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


def prior_decision_register(*, viewer: Viewer, body: Body | None = None) -> QuerySet[PriorDecision]:
    """Decisions taken before partnerplan was used, recorded from the papers, newest first: those
    the viewer may see (their own visibility, and their body's)."""
    qs = visible(PriorDecision.objects.all(), viewer).filter(visible_q(viewer, Body, "body__"))
    qs = qs.select_related("body")
    if body is not None:
        qs = qs.filter(body=body)
    return qs.order_by("-decided_on", "-pk")


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
    qs = (
        ForwardPlanEntry.objects.filter(visible_q(viewer, Body, "body__"))
        .select_related("body__scrutinised_by", "meeting")
        .prefetch_related("exceptions__chair")
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
