"""What portfolio's project controls read from the bookings (registered with
`portfolio.control_sources` in `ResourcesConfig.ready()`): each project's booked cost (days a
week x weeks booked x the member's day rate) and the last day booked."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from partnerplan.core.money import pennies
from partnerplan.portfolio.control_sources import Booked
from partnerplan.resources.models import Assignment


def booked_by_project(project_ids: Iterable[int]) -> dict[int, Booked]:
    """One query over the bookings of the projects."""
    out: dict[int, Booked] = {}
    rows = Assignment.objects.filter(demand__project_id__in=list(project_ids)).values_list(
        "demand__project_id", "days_per_week", "starts_on", "ends_on", "member__cost_rate_per_day"
    )
    for pk, days, start, end, rate in rows:
        weeks = Decimal((end - start).days + 1) / Decimal(7)
        cost = pennies(Decimal(days) * weeks * Decimal(rate or 0))
        old = out.get(pk)
        if old is None:
            out[pk] = Booked(cost, end)
        else:
            out[pk] = Booked(old.cost + cost, max(end, old.until) if old.until else end)
    return out
