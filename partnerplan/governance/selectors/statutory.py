"""Governance reads for the statutory lists officers keep: exempt items whose exemption is due
for review. Scoped by core.access.visible."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from partnerplan.core.access import Viewer, visible_q
from partnerplan.core.models import Visibility
from partnerplan.governance.models import AgendaItem, Body

#: An exemption is listed as due from this many days before its review date.
REVIEW_DUE_WITHIN_DAYS = 14


def exempt_reviews_due(
    *, viewer: Viewer, today: dt.date, within_days: int = REVIEW_DUE_WITHIN_DAYS
) -> QuerySet[AgendaItem]:
    """Exempt items whose exemption review date is within `within_days` of `today`, or past,
    soonest first (Schedule 12A: information stays exempt only while the public interest test
    still favours withholding it). Of the meetings the viewer can see; the page shows each
    item's public heading, so the list itself discloses nothing exempt."""
    return (
        AgendaItem.objects.filter(visible_q(viewer, Body, "meeting__body__"))
        .filter(
            visibility=Visibility.EXEMPT,
            withdrawn_on__isnull=True,
            exemption_review_on__isnull=False,
            exemption_review_on__lte=today + dt.timedelta(days=within_days),
        )
        .select_related("meeting__body")
        .order_by("exemption_review_on", "pk")
    )
