"""Booked against actual: each booking's months with the days booked (days a week x the
month's working days in the booking / 5) and the days the project manager recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, QuerySet

from partnerplan.core import clock
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import Assignment, TimeActual
from partnerplan.resources.planning.months import add_months, first_of_month

TWO = Decimal("0.01")


def booked_days(assignment: Assignment, month: dt.date) -> Decimal:
    """Days booked in `month`: the days a week over the working days the booking covers."""
    days = cal.working_days(month)
    inside = sum(1 for d in days if assignment.starts_on <= d <= assignment.ends_on)
    return (assignment.days_per_week * inside / 5).quantize(TWO, ROUND_HALF_UP)


@dataclass(frozen=True)
class MonthActual:
    month: dt.date
    booked: Decimal
    actual: Decimal | None
    note: str

    @property
    def difference(self) -> Decimal | None:
        return None if self.actual is None else self.actual - self.booked


def booking_months(assignment: Assignment, *, today: dt.date) -> list[MonthActual]:
    """The booking's months up to this month, with the actuals it prefetched."""
    recorded = {a.month: a for a in assignment.actuals.all()}
    out = []
    month = first_of_month(assignment.starts_on)
    last = min(first_of_month(assignment.ends_on), first_of_month(today))
    while month <= last:
        a = recorded.get(month)
        out.append(
            MonthActual(
                month, booked_days(assignment, month), a.days if a else None, a.note if a else ""
            )
        )
        month = add_months(month, 1)
    return out


def project_bookings(project_id: int) -> QuerySet[Assignment]:
    """The project's bookings with their member and actuals (2 queries)."""
    return (
        Assignment.objects.filter(demand__project_id=project_id)
        .select_related("member__person", "demand")
        .prefetch_related(Prefetch("actuals", queryset=TimeActual.objects.order_by("month")))
        .order_by("starts_on", "pk")
    )


def actual_days_a_week(actuals: list[TimeActual], month: dt.date) -> Decimal | None:
    """The actual days recorded in `month`, as days a week (None when none is recorded)."""
    found = [a.days for a in actuals if a.month == month]
    if not found:
        return None
    weeks = Decimal(len(cal.working_days(month))) / 5
    return (sum(found, Decimal(0)) / weeks).quantize(TWO, ROUND_HALF_UP)


def month_choices(assignment: Assignment) -> list[tuple[str, str]]:
    today = clock.today()
    return [
        (m.month.isoformat(), f"{m.month:%B %Y}")
        for m in reversed(booking_months(assignment, today=today))
    ]
