"""Actuals: the days a booking actually took, month by month, as the project manager records
them (simple monthly entries, not a timesheet). Recording a month again replaces its figure;
the history keeps the old one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import Assignment, TimeActual
from partnerplan.resources.planning.months import first_of_month, month_label
from partnerplan.resources.services._common import _add, _errors, _raise


def actual_problems(
    assignment: Assignment, month: dt.date | None, days: Decimal | None, today: dt.date
) -> dict[str, list[str]]:
    """What is wrong with `days` spent on `assignment` in `month` (the one rule for actuals):
    a month outside the booking or still to come, days below zero or more than the month's
    working days."""
    errors = _errors()
    if month is None:
        _add(errors, "month", "Choose the month")
    else:
        first = first_of_month(month)
        if first > first_of_month(today):
            _add(errors, "month", f"{month_label(first)} has not started: record it afterwards")
        if not (
            first_of_month(assignment.starts_on) <= first <= first_of_month(assignment.ends_on)
        ):
            _add(
                errors,
                "month",
                f"{month_label(first)} is outside the booking "
                f"({assignment.starts_on:%B %Y} to {assignment.ends_on:%B %Y})",
            )
    if days is None:
        _add(errors, "days", "Enter the days spent")
    elif days < 0:
        _add(errors, "days", "The days spent cannot be less than 0")
    elif month is not None and days > len(cal.working_days(month)):
        most = len(cal.working_days(month))
        _add(
            errors,
            "days",
            f"{month_label(first_of_month(month))} has {most} working days: {days:g} days "
            "cannot have been spent in it",
        )
    return errors


@transaction.atomic
def actual_record(
    *, actor: Actor, assignment: Assignment, month: dt.date, days: Decimal, note: str = ""
) -> TimeActual:
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("demand__project", "member__person")
        .get(pk=assignment.pk)
    )
    errors = actual_problems(assignment, month, days, clock.today())
    if assignment.demand.project.archived_at is not None:
        _add(errors, "assignment", f"{assignment.demand.project} is archived")
    _raise(errors)
    first = first_of_month(month)
    actual = TimeActual.objects.filter(assignment=assignment, month=first).first()
    if actual is None:
        actual = TimeActual(assignment=assignment, month=first)
    actual.days = days
    actual.note = note.strip()
    save_with_actor(actual, actor)
    return actual
