"""Booking a plan: a finished run's assignments become bookings, in one step, and only if the
roles and bookings it planned are as they were when it was asked for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.resources.models import Assignment, PlanRun, PoolMember, RoleDemand, RunStatus
from partnerplan.resources.planning.months import add_months
from partnerplan.resources.services._common import _signed_in
from partnerplan.resources.services.assignments import assignment_create


def _role_pks(roles: dict[str, list[int]]) -> list[int]:
    return sorted({pk for pks in roles.values() for pk in pks})


def _staffing(role_pks: list[int]) -> dict[str, Any]:
    """The roles a run planned and their bookings, as JSON (to tell if they changed since)."""
    demands = {
        str(d.pk): [d.skill_id, str(d.days_per_week.normalize()), d.first_month.isoformat(),
                    d.months]
        for d in RoleDemand.objects.filter(pk__in=role_pks)
    }  # fmt: skip
    bookings = {
        str(a.pk): [a.demand_id, a.member_id, str(a.days_per_week.normalize()),
                    a.starts_on.isoformat(), a.ends_on.isoformat()]
        for a in Assignment.objects.filter(demand_id__in=role_pks)
    }  # fmt: skip
    return {"roles": demands, "bookings": bookings}


def _changes_since(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What changed in the roles and bookings, in plain English."""
    demand_names = {
        str(d.pk): f"{d.title} on {d.project.title}"
        for d in RoleDemand.objects.filter(
            pk__in=[int(k) for k in {*before["roles"], *now["roles"]}]
        ).select_related("project")
    }
    booking_rows = {
        str(a.pk): a
        for a in Assignment.objects.filter(pk__in=[int(k) for k in now["bookings"]])
        .select_related("member__person", "demand__project")
    }  # fmt: skip
    changes = []
    for pk in sorted(set(before["roles"]) - set(now["roles"]), key=int):
        changes.append(f"a role was removed ({demand_names.get(pk, 'role ' + pk)})")
    for pk in sorted(set(before["roles"]) & set(now["roles"]), key=int):
        if before["roles"][pk] != now["roles"][pk]:
            changes.append(f"the role {demand_names.get(pk, pk)} was changed")
    for pk in sorted(set(now["bookings"]) - set(before["bookings"]), key=int):
        a = booking_rows[pk]
        changes.append(f"{a.member} was booked to {a.demand.project.title}")
    for pk in sorted(set(before["bookings"]) - set(now["bookings"]), key=int):
        demand_pk = str(before["bookings"][pk][0])
        changes.append(f"a booking on {demand_names.get(demand_pk, 'a role')} was removed")
    for pk in sorted(set(before["bookings"]) & set(now["bookings"]), key=int):
        if before["bookings"][pk] != now["bookings"][pk]:
            a = booking_rows[pk]
            changes.append(f"the booking of {a.member} on {a.demand.project.title} was changed")
    return changes


@dataclass(frozen=True)
class BookedPlan:
    """What booking a plan did: new bookings, roles moved to the planned months, warnings."""

    created: list[Assignment]
    moved: list[RoleDemand]
    warnings: list[str]


def _end_of_month(first: dt.date) -> dt.date:
    return add_months(first, 1) - dt.timedelta(days=1)


@transaction.atomic
def run_book(*, actor: Actor, run: PlanRun) -> BookedPlan:
    """Turn a finished run's plan (the plan as it stands, not a scenario) into bookings.

    Refused unless the run is done and not yet booked, and unless the roles and bookings it
    planned are as they were when it was asked for (otherwise the plan may no longer hold).
    Roles of projects the plan starts later are moved to the planned months; roles already
    booked are left as they are.
    """
    run = PlanRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.DONE:
        raise ValidationError(
            f"Run '{run.name}' is {run.get_status_display().lower()}: only a finished plan "
            "can be booked"
        )
    if run.booked_at is not None:
        raise ValidationError(
            f"This plan was already booked on {timezone.localtime(run.booked_at):%-d %B %Y}"
        )
    roles: dict[str, list[int]] | None = run.inputs.get("roles")
    before = run.inputs.get("bookings")
    plans = run.result.get("plans") or []
    if roles is None or before is None or not plans:
        raise ValidationError(
            "This run was made before plans could be booked: run the planner again"
        )
    plan = plans[0]
    if plan.get("status") not in {"OPTIMAL", "FEASIBLE"}:
        raise ValidationError("This run found no plan to book")
    now = _staffing(_role_pks(roles))
    changes = _changes_since(before, now)
    if changes:
        raise ValidationError(
            "The roles or bookings have changed since this run, so its plan may no longer "
            f"hold: {'; '.join(changes)}. Run the planner again and book the new plan"
        )
    members = {
        f"m{m.pk}": m
        for m in PoolMember.objects.filter(
            pk__in=[int(a["member_id"][1:]) for a in plan["assignments"]
                    if a["member_id"].startswith("m")]
        ).select_related("person")
    }  # fmt: skip
    demands = {d.pk: d for d in RoleDemand.objects.filter(pk__in=_role_pks(roles))}
    booked_roles = set(Assignment.objects.filter(demand__in=demands).values_list(
        "demand_id", flat=True))  # fmt: skip
    created: list[Assignment] = []
    moved: dict[int, RoleDemand] = {}
    warnings: list[str] = []
    for item in plan["assignments"]:
        pks = roles.get(item["project_id"], [])
        if item["role_index"] >= len(pks):
            continue
        demand = demands[pks[item["role_index"]]]
        if demand.pk in booked_roles:
            continue
        member = members.get(item["member_id"])
        if member is None:
            raise ValidationError(
                f"{item['member_name']} is no longer in the pool: run the planner again"
            )
        start = dt.date.fromisoformat(item["start"])
        if demand.first_month != start and demand.pk not in moved:
            demand.starts_on = start
            save_with_actor(demand, actor)
            moved[demand.pk] = demand
        outcome = assignment_create(
            actor=actor,
            demand=demand,
            member=member,
            days_per_week=Decimal(item["days_per_week"]),
            starts_on=start,
            ends_on=_end_of_month(dt.date.fromisoformat(item["end"])),
        )
        created.append(outcome.assignment)
        if outcome.warning:
            warnings.append(outcome.warning)
    run.booked_at = clock.now()
    run.booked_by = _signed_in(actor)
    save_with_actor(run, actor, validate=False)
    return BookedPlan(created, list(moved.values()), sorted(set(warnings)))
