"""Bookings of pool members to roles. Over-allocation is flagged, never refused: the
programme office may knowingly book someone beyond their time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import Assignment, PoolMember, RoleDemand
from partnerplan.resources.planning.months import add_months, month_label
from partnerplan.resources.services._common import _add, _check_days, _check_order, _errors, _raise


@dataclass(frozen=True)
class AssignmentOutcome:
    """The booking, and the months it takes the member over their time (flagged, allowed)."""

    assignment: Assignment
    over_allocated: list[tuple[dt.date, Decimal, Decimal]]

    @property
    def warning(self) -> str:
        if not self.over_allocated:
            return ""
        when = describe_over(self.over_allocated)
        return f"{self.assignment.member} is now over-allocated in {when}."


def days_text(days: Decimal) -> str:
    """2.5, 3 (no trailing zeros)."""
    return f"{days.normalize():f}"


def describe_over(months: list[tuple[dt.date, Decimal, Decimal]]) -> str:
    """Consecutive months with the same figures grouped: 'January 2011 to June 2011 (5 of 3
    days a week)'."""
    groups: list[list[Any]] = []
    for month, booked, available in months:
        last = groups[-1] if groups else None
        if last and (last[2], last[3]) == (booked, available) and add_months(last[1], 1) == month:
            last[1] = month
        else:
            groups.append([month, month, booked, available])
    parts = []
    for first, last, booked, available in groups:
        when = month_label(first)
        if last != first:
            when += f" to {month_label(last)}"
        parts.append(f"{when} ({days_text(booked)} of {days_text(available)} days a week)")
    return ", ".join(parts)


@transaction.atomic
def assignment_create(
    *,
    actor: Actor,
    demand: RoleDemand,
    member: PoolMember,
    days_per_week: Decimal | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> AssignmentOutcome:
    days = demand.days_per_week if days_per_week is None else days_per_week
    start = starts_on or demand.first_month
    end = ends_on or demand.ends_on
    errors = _errors()
    _check_days(errors, days, "they give to the role")
    _check_order(errors, start, end, "ends_on", "booking")
    if member.is_archived:
        _add(errors, "member", f"{member} has left the pool (archived): choose someone else")
    if not member.skills.filter(pk=demand.skill_id).exists():
        _add(
            errors,
            "member",
            f"{member} does not have the skill this role needs ({demand.skill.name})",
        )
    _raise(errors)
    PoolMember.objects.select_for_update().filter(pk=member.pk).first()
    row = Assignment(demand=demand, member=member, days_per_week=days, starts_on=start, ends_on=end)
    save_with_actor(row, actor)
    return AssignmentOutcome(row, _over_allocation(member.pk))


@transaction.atomic
def assignment_update(
    *,
    actor: Actor,
    assignment: Assignment,
    days_per_week: Decimal | None,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
) -> AssignmentOutcome:
    """Change a booking's days a week or dates (over-allocation is flagged, not refused)."""
    errors = _errors()
    if starts_on is None:
        _add(errors, "starts_on", "Enter when the booking starts")
    if ends_on is None:
        _add(errors, "ends_on", "Enter when the booking ends")
    _check_days(errors, days_per_week, "they give to the role")
    _check_order(errors, starts_on, ends_on, "ends_on", "booking")
    _raise(errors)
    assert days_per_week is not None and starts_on is not None and ends_on is not None
    PoolMember.objects.select_for_update().filter(pk=assignment.member_id).first()
    row = Assignment.objects.select_for_update().get(pk=assignment.pk)
    row.days_per_week, row.starts_on, row.ends_on = days_per_week, starts_on, ends_on
    save_with_actor(row, actor)
    return AssignmentOutcome(row, _over_allocation(row.member_id))


def _over_allocation(member_id: int) -> list[tuple[dt.date, Decimal, Decimal]]:
    member = PoolMember.objects.prefetch_related("availability", "leave").get(pk=member_id)
    bookings = list(
        Assignment.objects.filter(member=member).values_list(
            "starts_on", "ends_on", "days_per_week"
        )
    )
    return cal.over_allocated_months(cal.member_calendar(member), bookings)


@transaction.atomic
def assignment_delete(*, actor: Actor, assignment: Assignment) -> None:
    delete_with_actor(assignment, actor)
