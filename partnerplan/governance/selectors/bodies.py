"""Governance reads: bodies."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible
from partnerplan.governance.models import (
    Body,
    Delegation,
    Meeting,
)
from partnerplan.governance.selectors._common import _current_lines, _current_memberships


def body_list(*, viewer: Viewer) -> QuerySet[Body]:
    return (
        visible(Body.objects.filter(archived_at__isnull=True), viewer)
        .select_related("parent")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name")
    )


def body_detail(*, viewer: Viewer, pk: int) -> Body:
    today = clock.today()
    try:
        return (
            visible(Body.objects.all(), viewer)
            .select_related("parent", "scrutinised_by")
            .prefetch_related(
                Prefetch(
                    "memberships", queryset=_current_memberships(today, viewer), to_attr="current"
                ),
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
