"""Private helpers shared by the governance selector modules."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from partnerplan.governance.models import BodyMembership, ReportingLine


def _current_memberships(on: dt.date) -> QuerySet[BodyMembership]:
    return (
        BodyMembership.objects.filter(Q(started_on__isnull=True) | Q(started_on__lte=on))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("person", "represents")
        .order_by("role", "person__last_name")
    )


def _current_lines(on: dt.date) -> QuerySet[ReportingLine]:
    return ReportingLine.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
