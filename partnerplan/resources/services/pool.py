"""Pool members, their spells of other availability and their leave."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import archive, delete_with_actor, restore, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.partners.models import Partner, Person
from partnerplan.resources.models import Assignment, Availability, Leave, PoolMember, Skill
from partnerplan.resources.services._common import (
    _add,
    _check_days,
    _check_order,
    _errors,
    _raise,
    _unexpected,
)

MEMBER_FIELDS = {
    "days_per_week", "available_from", "available_until", "cost_rate_per_day", "notes",
}  # fmt: skip


def _validate_member(member: PoolMember, skills: list[Skill] | None) -> None:
    errors = _errors()
    _check_days(errors, member.days_per_week, "they are lent to the pool")
    if member.days_per_week is not None and member.days_per_week == 0:
        _add(errors, "days_per_week", "A pool member must be lent for more than 0 days a week")
    _check_order(errors, member.available_from, member.available_until, "available_until", "loan")
    if member.cost_rate_per_day is not None and member.cost_rate_per_day < 0:
        _add(errors, "cost_rate_per_day", "The cost per day cannot be negative")
    if skills is not None and not skills:
        _add(errors, "skills", "Choose at least one skill they bring to the pool")
    if member.home_partner_id and member.home_partner.is_archived:
        _add(errors, "home_partner", f"{member.home_partner.name} is archived: choose another")
    _raise(errors)


@transaction.atomic
def member_create(
    *,
    actor: Actor,
    person: Person,
    home_partner: Partner,
    skills: Iterable[Skill],
    is_demo: bool = False,
    **data: Any,
) -> PoolMember:
    if PoolMember.objects.filter(person=person).exists():
        raise ValidationError({"person": f"{person.full_name} is already in the pool"})
    _unexpected(data, MEMBER_FIELDS)
    member = PoolMember(person=person, home_partner=home_partner, is_demo=is_demo, **data)
    skill_list = list(skills)
    _validate_member(member, skill_list)
    save_with_actor(member, actor)
    member.skills.set(skill_list)
    return member


@transaction.atomic
def member_update(
    *, actor: Actor, member: PoolMember, skills: Iterable[Skill] | None = None, **data: Any
) -> PoolMember:
    member = PoolMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    _unexpected(data, MEMBER_FIELDS | {"home_partner"})
    for name, value in data.items():
        setattr(member, name, value)
    skill_list = None if skills is None else list(skills)
    _validate_member(member, skill_list)
    save_with_actor(member, actor)
    if skill_list is not None:
        member.skills.set(skill_list)
    return member


@transaction.atomic
def availability_add(
    *,
    actor: Actor,
    member: PoolMember,
    starts_on: dt.date,
    days_per_week: Decimal,
    ends_on: dt.date | None = None,
) -> Availability:
    errors = _errors()
    _check_days(errors, days_per_week, "they are available in this spell")
    _check_order(errors, starts_on, ends_on, "ends_on", "spell")
    _raise(errors)
    row = Availability(
        member=member, starts_on=starts_on, ends_on=ends_on, days_per_week=days_per_week
    )
    save_with_actor(row, actor)
    return row


@transaction.atomic
def leave_add(
    *, actor: Actor, member: PoolMember, starts_on: dt.date, ends_on: dt.date, note: str = ""
) -> Leave:
    errors = _errors()
    _check_order(errors, starts_on, ends_on, "ends_on", "leave")
    _raise(errors)
    row = Leave(member=member, starts_on=starts_on, ends_on=ends_on, note=note.strip())
    save_with_actor(row, actor)
    return row


@transaction.atomic
def member_archive(*, actor: Actor, member: PoolMember, reason: str) -> PoolMember:
    """Take someone out of the pool. Refused while they have bookings that have not ended."""
    member = PoolMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    if member.is_archived:
        raise ValidationError(f"{member} has already left the pool.")
    today = clock.today()
    current = list(
        Assignment.objects.filter(member=member, ends_on__gte=today)
        .select_related("demand__project")
        .order_by("ends_on")
    )
    if current:
        names = "; ".join(
            f"{a.demand.project.title} until {a.ends_on:%-d %B %Y}" for a in current[:5]
        )
        raise ValidationError(
            {
                "reason": f"{member} is still booked ({names}): end or remove those bookings "
                "before taking them out of the pool"
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why they are leaving the pool"})
    archive(member, actor=actor, reason=reason)
    return member


@transaction.atomic
def member_restore(*, actor: Actor, member: PoolMember) -> PoolMember:
    member = PoolMember.objects.select_for_update(of=("self",)).get(pk=member.pk)
    restore(member, actor=actor)
    return member


@transaction.atomic
def availability_update(
    *,
    actor: Actor,
    availability: Availability,
    starts_on: dt.date,
    days_per_week: Decimal,
    ends_on: dt.date | None = None,
) -> Availability:
    """Change a spell (setting its end date ends it)."""
    errors = _errors()
    _check_days(errors, days_per_week, "they are available in this spell")
    _check_order(errors, starts_on, ends_on, "ends_on", "spell")
    _raise(errors)
    row = Availability.objects.select_for_update().get(pk=availability.pk)
    row.starts_on, row.ends_on, row.days_per_week = starts_on, ends_on, days_per_week
    save_with_actor(row, actor)
    return row


@transaction.atomic
def availability_delete(*, actor: Actor, availability: Availability) -> None:
    delete_with_actor(availability, actor)


@transaction.atomic
def leave_update(
    *, actor: Actor, leave: Leave, starts_on: dt.date, ends_on: dt.date, note: str = ""
) -> Leave:
    errors = _errors()
    _check_order(errors, starts_on, ends_on, "ends_on", "leave")
    _raise(errors)
    row = Leave.objects.select_for_update().get(pk=leave.pk)
    row.starts_on, row.ends_on, row.note = starts_on, ends_on, note.strip()
    save_with_actor(row, actor)
    return row


@transaction.atomic
def leave_delete(*, actor: Actor, leave: Leave) -> None:
    delete_with_actor(leave, actor)
