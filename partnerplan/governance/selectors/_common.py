"""Private helpers shared by the governance selector modules."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from partnerplan.core.access import Viewer, visible_q
from partnerplan.governance.models import BodyMembership, ReportingLine
from partnerplan.partners.models import Person


def _current_memberships(on: dt.date, viewer: Viewer | None) -> QuerySet[BodyMembership]:
    """The memberships current on `on`, of the people `viewer` may see (None: all of them, for
    counts such as a quorum, never for names)."""
    scope = visible_q(viewer, Person, "person__") if viewer is not None else Q()
    return (
        BodyMembership.objects.filter(scope)
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=on))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("person", "represents")
        .order_by("role", "person__last_name")
    )


def _current_lines(on: dt.date) -> QuerySet[ReportingLine]:
    return ReportingLine.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
