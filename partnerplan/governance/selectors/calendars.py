"""Governance reads: structure and calendars."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.core.money import format_money
from partnerplan.governance.models import (
    Body,
    BodyKind,
    CalendarFeed,
    Delegation,
    DelegationStatus,
    Meeting,
)
from partnerplan.governance.rules.diagram import DiagramEdge, DiagramNode
from partnerplan.governance.selectors._common import _current_lines
from partnerplan.governance.selectors.authority import NO_LIMIT

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
    for line in _current_lines(clock.today()).filter(source__in=ids, target__in=ids):
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
                label = (
                    format_money(delegation.financial_limit, none=NO_LIMIT)
                    if delegation.financial_limit
                    else ""
                )
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
    from partnerplan.governance.models.calendar_feeds import feed_digest

    feed = (
        CalendarFeed.objects.filter(token=feed_digest(token), person__archived_at__isnull=True)
        .select_related("person")
        .first()
    )
    user = User.objects.filter(person_id=feed.person_id, is_active=True).first() if feed else None
    if feed is None or user is None:
        raise Http404("There is no calendar at this address: it may have been replaced")
    return feed, calendar_meetings(viewer=viewer_for(user), person_id=feed.person_id)
