"""Month arithmetic and the unit conversions used by the portfolio planner.

The planner's time unit is the calendar month.  Staff time is in days per week, averaged over
the month; a month has ``WEEKS_PER_MONTH = 52 / 12`` weeks.  Inside CP-SAT, days per week are
whole hundredths of a day and money is whole pence (both exact for inputs with at most two
decimal places; money conversions are in :mod:`partnerplan.core.money`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

__all__ = [
    "DAYS_SCALE",
    "WEEKS_PER_MONTH",
    "add_months",
    "days_from_units",
    "first_of_month",
    "format_days",
    "format_more_days",
    "month_label",
    "months_between",
]

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
DAYS_SCALE = 100  # CP-SAT unit: 1/100 day per week

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def first_of_month(day: dt.date) -> dt.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """First day of the month ``months`` after ``day``'s month (negative goes back)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(start: dt.date, day: dt.date) -> int:
    """Whole months from ``start``'s month to ``day``'s month (0 for the same month)."""
    return (day.year - start.year) * 12 + day.month - start.month


def month_label(day: dt.date) -> str:
    """``March 2011``."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


def days_from_units(units: int) -> Decimal:
    """Hundredths of a day per week back to days per week."""
    return (Decimal(units) / DAYS_SCALE).normalize()


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def format_days(days: Decimal) -> str:
    """``one more day a week`` style amount: ``one day``, ``half a day``, ``1.5 days``."""
    d = days.normalize()
    if d == Decimal("0.5"):
        return "half a day"
    if d == d.to_integral_value() and int(d) in _WORDS:
        n = int(d)
        return f"{_WORDS[n]} day" if n == 1 else f"{_WORDS[n]} days"
    return f"{d:f} days"


def format_more_days(days: Decimal) -> str:
    """``one more day``, ``two more days``, ``half a day more``, ``1.5 more days``."""
    d = days.normalize()
    if d == Decimal("0.5"):
        return "half a day more"
    text = format_days(d)
    number, unit = text.rsplit(" ", 1)
    return f"{number} more {unit}"
