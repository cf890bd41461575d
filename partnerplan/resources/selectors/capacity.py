"""Capacity against demand, by skill and by person, month by month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible_q
from partnerplan.partners.models import Person
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import Assignment, PoolMember, Skill
from partnerplan.resources.planning.months import first_of_month, month_label
from partnerplan.resources.selectors.demand import _demands
from partnerplan.resources.selectors.pool import members_with_calendars

ZERO = Decimal(0)


@dataclass
class SkillMonth:
    month: dt.date
    capacity: Decimal
    demand: Decimal
    booked: Decimal

    @property
    def short(self) -> bool:
        return self.demand > self.capacity

    @property
    def label(self) -> str:
        return month_label(self.month)


@dataclass
class SkillRow:
    skill: Skill
    months: list[SkillMonth]
    members: int

    @property
    def short_months(self) -> list[SkillMonth]:
        return [m for m in self.months if m.short]

    @property
    def peak(self) -> Decimal:
        return max([ZERO] + [max(m.capacity, m.demand) for m in self.months])

    def chart(self, width: int = 640, height: int = 180) -> dict[str, Any]:
        """Geometry of a grouped bar chart (capacity and demand by month) for the SVG."""
        top = max(self.peak, Decimal(1))
        n = max(len(self.months), 1)
        left, bottom = 40, 30
        slot = (width - left - 10) / n
        bar = slot * 0.38
        plot = height - bottom - 10
        bars = []
        for i, m in enumerate(self.months):
            x = left + i * slot
            cap_h = float(m.capacity / top) * plot
            dem_h = float(m.demand / top) * plot
            bars.append(
                {
                    "x_cap": round(x + slot * 0.1, 1),
                    "x_dem": round(x + slot * 0.1 + bar, 1),
                    "w": round(bar, 1),
                    "y_cap": round(10 + plot - cap_h, 1),
                    "h_cap": round(cap_h, 1),
                    "y_dem": round(10 + plot - dem_h, 1),
                    "h_dem": round(dem_h, 1),
                    "x_label": round(x + slot / 2, 1),
                    "label": m.month.strftime("%b"),
                    "short": m.short,
                }
            )
        return {
            "width": width,
            "height": height,
            "base": 10 + plot,
            "left": left,
            "top_value": top,
            "label_y": height - bottom + 14,
            "bars": bars,
        }


@dataclass
class PersonMonth:
    month: dt.date
    available: Decimal
    booked: Decimal

    @property
    def over(self) -> bool:
        return self.booked > self.available


@dataclass
class PersonRow:
    member: PoolMember
    months: list[PersonMonth]

    @property
    def over_months(self) -> list[PersonMonth]:
        return [m for m in self.months if m.over]


@dataclass
class Capacity:
    start: dt.date
    months: list[dt.date]
    skills: list[SkillRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)


def default_start(*, viewer: Viewer) -> dt.date:
    """The first month of the earliest demand still running today, or of the earliest
    demand, or this month."""
    today = clock.today()
    rows = list(_demands(viewer).values_list("starts_on", "months"))
    running = [
        s for s, n in rows if cal.months_from(s, n)[-1] >= first_of_month(today) and s <= today
    ]
    if running:
        return first_of_month(min(running))
    if rows:
        return first_of_month(min(s for s, _n in rows))
    return first_of_month(today)


def capacity(*, viewer: Viewer, start: dt.date, count: int = 12) -> Capacity:
    """Capacity against demand by skill and by person, month by month.

    A person with several skills counts in the capacity of each of them (they could take a role
    of any), so capacities of different skills do not add up to the pool's time.
    """
    months = cal.months_from(start, count)
    members = list(
        members_with_calendars().filter(archived_at__isnull=True).order_by("person__last_name")
    )
    available: dict[int, list[Decimal]] = {}
    for m in members:
        calendar = cal.member_calendar(m)
        available[m.pk] = [cal.month_availability(calendar, mo).net for mo in months]
    last = cal.months_from(start, count + 1)[-1]
    demands = list(
        _demands(viewer)
        .filter(starts_on__lt=last)
        .select_related("skill")
        .only("skill", "days_per_week", "starts_on", "months")
    )
    bookings = list(
        Assignment.objects.filter(starts_on__lt=last, ends_on__gte=months[0]).values_list(
            "member_id", "demand__skill_id", "starts_on", "ends_on", "days_per_week"
        )
    )
    skills = {s.pk: s for s in Skill.objects.all()}
    cap: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * count)
    counts: dict[int, int] = defaultdict(int)
    for m in members:
        for s in m.skills.all():
            counts[s.pk] += 1
            cap[s.pk] = [a + b for a, b in zip(cap[s.pk], available[m.pk], strict=True)]
    dem: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * count)
    for d in demands:
        row = [
            cal.load_in_month([(d.first_month, d.ends_on, d.days_per_week)], mo) for mo in months
        ]
        dem[d.skill_id] = [a + b for a, b in zip(dem[d.skill_id], row, strict=True)]
    booked_skill: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * count)
    booked_member: dict[int, list[tuple[dt.date, dt.date, Decimal]]] = defaultdict(list)
    for member_id, skill_id, b_start, b_end, days in bookings:
        row = [cal.load_in_month([(b_start, b_end, days)], mo) for mo in months]
        booked_skill[skill_id] = [a + b for a, b in zip(booked_skill[skill_id], row, strict=True)]
        booked_member[member_id].append((b_start, b_end, days))
    result = Capacity(start=months[0], months=months)
    for pk in sorted(set(cap) | set(dem), key=lambda k: (skills[k].order, skills[k].name)):
        result.skills.append(
            SkillRow(
                skill=skills[pk],
                members=counts.get(pk, 0),
                months=[
                    SkillMonth(mo, cap[pk][i], dem[pk][i], booked_skill[pk][i])
                    for i, mo in enumerate(months)
                ],
            )
        )
    # Everyone's time counts in the skills' capacity; only people the viewer may see are named.
    named = set(
        PoolMember.objects.filter(pk__in=[m.pk for m in members])
        .filter(visible_q(viewer, Person, "person__"))
        .values_list("pk", flat=True)
    )
    for m in (m for m in members if m.pk in named):
        result.people.append(
            PersonRow(
                member=m,
                months=[
                    PersonMonth(mo, available[m.pk][i], cal.load_in_month(booked_member[m.pk], mo))
                    for i, mo in enumerate(months)
                ],
            )
        )
    return result
