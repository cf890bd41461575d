"""Month by month availability and load of pool members, from their records.

Plain functions over plain values (the rows are passed in; `member_calendar` reads a pool
member's prefetched rows into one), so the capacity page, the
assignment warnings and the planner's inputs all count days the same way:

- a month's availability is the average, over its working days (Monday to Friday), of the
  days a week that apply on each day: the member's normal days, or a spell of different
  availability covering the day, or nothing outside the dates they are lent to the pool;
- leave removes the days a week that applied on each working day of leave, so a week's
  leave of someone lent 3 days a week takes 3 days away, not 5.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from partnerplan.resources.planning.months import WEEKS_PER_MONTH, add_months, first_of_month

if TYPE_CHECKING:
    from partnerplan.resources.models import PoolMember

TWO_PLACES = Decimal("0.01")
ZERO = Decimal(0)


@dataclass(frozen=True)
class Spell:
    starts_on: dt.date
    ends_on: dt.date | None
    days_per_week: Decimal

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class MemberCalendar:
    """What is known about one member's time: normal days, the dates they are lent, spells
    of other availability and leave."""

    days_per_week: Decimal
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    spells: tuple[Spell, ...] = ()
    leave: tuple[tuple[dt.date, dt.date], ...] = ()

    def days_on(self, day: dt.date) -> Decimal:
        """Days a week that apply on `day` (before leave)."""
        if self.available_from and day < self.available_from:
            return ZERO
        if self.available_until and day > self.available_until:
            return ZERO
        for spell in reversed(self.spells):
            if spell.covers(day):
                return spell.days_per_week
        return self.days_per_week

    def on_leave(self, day: dt.date) -> bool:
        return any(start <= day <= end for start, end in self.leave)


def member_calendar(member: PoolMember) -> MemberCalendar:
    """The member's calendar from their rows (uses prefetched `availability` and `leave`).

    The one reading of a member's records into a calendar, for the capacity page, the booking
    warnings and the planner's inputs alike."""
    return MemberCalendar(
        days_per_week=member.days_per_week,
        available_from=member.available_from,
        available_until=member.available_until,
        spells=tuple(
            Spell(a.starts_on, a.ends_on, a.days_per_week)
            for a in sorted(member.availability.all(), key=lambda a: a.starts_on)
        ),
        leave=tuple((lv.starts_on, lv.ends_on) for lv in member.leave.all()),
    )


def working_days(month: dt.date) -> list[dt.date]:
    first = first_of_month(month)
    nxt = add_months(first, 1)
    days = [first + dt.timedelta(days=i) for i in range((nxt - first).days)]
    return [d for d in days if d.weekday() < 5]


@dataclass(frozen=True)
class MonthAvailability:
    """One member in one month: average days a week before leave, and days of leave (in
    days of pool time), and what is left (days a week)."""

    days_per_week: Decimal
    leave_days: Decimal

    @property
    def net(self) -> Decimal:
        net = self.days_per_week - self.leave_days / WEEKS_PER_MONTH
        return max(ZERO, net).quantize(TWO_PLACES, ROUND_HALF_UP)


def month_availability(calendar: MemberCalendar, month: dt.date) -> MonthAvailability:
    days = working_days(month)
    per_day = [calendar.days_on(d) for d in days]
    average = sum(per_day, ZERO) / len(days)
    # A day of leave takes away that day's share of the week: days_per_week / 5.
    leave = sum((p / 5 for d, p in zip(days, per_day, strict=True) if calendar.on_leave(d)), ZERO)
    return MonthAvailability(
        days_per_week=average.quantize(TWO_PLACES, ROUND_HALF_UP),
        leave_days=leave.quantize(TWO_PLACES, ROUND_HALF_UP),
    )


def months_from(start: dt.date, count: int) -> list[dt.date]:
    first = first_of_month(start)
    return [add_months(first, i) for i in range(count)]


def overlap_share(starts_on: dt.date, ends_on: dt.date, month: dt.date) -> Decimal:
    """Share (0 to 1) of `month`'s working days that fall between the two dates."""
    days = working_days(month)
    inside = sum(1 for d in days if starts_on <= d <= ends_on)
    return Decimal(inside) / Decimal(len(days))


def load_in_month(bookings: Iterable[tuple[dt.date, dt.date, Decimal]], month: dt.date) -> Decimal:
    """Days a week booked in `month`, averaged over its working days."""
    total = sum((days * overlap_share(start, end, month) for start, end, days in bookings), ZERO)
    return total.quantize(TWO_PLACES, ROUND_HALF_UP)


def over_allocated_months(
    calendar: MemberCalendar,
    bookings: Sequence[tuple[dt.date, dt.date, Decimal]],
) -> list[tuple[dt.date, Decimal, Decimal]]:
    """(month, booked, available) for every month the bookings exceed what is available."""
    if not bookings:
        return []
    first = min(b[0] for b in bookings)
    last = max(b[1] for b in bookings)
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    found = []
    for month in months_from(first, count):
        booked = load_in_month(bookings, month)
        available = month_availability(calendar, month).net
        if booked > available:
            found.append((month, booked, available))
    return found
