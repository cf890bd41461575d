"""Every write to partners and people. Each service validates, saves atomically and records
who made the change in the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.access import RULES, can, viewer_for
from partnerplan.core.models import Visibility
from partnerplan.core.services import (
    InUseError,
    archive,
    delete_with_actor,
    restore,
    save_with_actor,
    usage_of,
)
from partnerplan.partners.models import Affiliation, Partner, Person, Role

PARTNER_FIELDS = {
    "name", "abbreviation", "kind", "joined_on", "notice_given_on", "left_on", "website", "notes",
    "visibility", "exempt_paragraph",
}  # fmt: skip
PERSON_FIELDS = {
    "honorific", "first_name", "last_name", "job_title", "email", "phone", "notes", "visibility",
    "exempt_paragraph",
}  # fmt: skip


def _validate_partner(partner: Partner) -> None:
    errors: dict[str, list[str]] = {}
    partner.abbreviation = partner.abbreviation.strip().upper()
    partner.name = partner.name.strip()
    clash = Partner.objects.filter(abbreviation__iexact=partner.abbreviation).exclude(pk=partner.pk)
    other = clash.first() if partner.abbreviation else None
    if other is not None:
        errors.setdefault("abbreviation", []).append(
            f"{partner.abbreviation} is already the abbreviation of {other.name}: "
            "choose a different one"
        )
    joined, notice, left = partner.joined_on, partner.notice_given_on, partner.left_on
    if joined and notice and notice < joined:
        errors.setdefault("notice_given_on", []).append(
            "The date notice was given must be the same as or after the date the partner joined"
        )
    if joined and left and left < joined:
        errors.setdefault("left_on", []).append(
            "The date the partner left must be the same as or after the date it joined"
        )
    if notice and left and left < notice:
        errors.setdefault("left_on", []).append(
            "The date the partner left must be the same as or after the date notice was given"
        )
    for name, message in partner.clean_visibility().items():
        errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)


def _apply(obj: Any, allowed: set[str], data: dict[str, Any]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(obj, name, value)


@transaction.atomic
def partner_create(*, actor: Any, shared_with: Iterable[Partner] = (), **data: Any) -> Partner:
    partner = Partner()
    _apply(partner, PARTNER_FIELDS, data)
    _validate_partner(partner)
    save_with_actor(partner, actor)
    partner.shared_with.set(list(shared_with))
    return partner


@transaction.atomic
def partner_update(
    *, actor: Any, partner: Partner, shared_with: Iterable[Partner] | None = None, **data: Any
) -> Partner:
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    _apply(partner, PARTNER_FIELDS, data)
    _validate_partner(partner)
    save_with_actor(partner, actor)
    if shared_with is not None:
        partner.shared_with.set(list(shared_with))
    return partner


@transaction.atomic
def partner_archive(*, actor: Any, partner: Partner, reason: str) -> Partner:
    archive(partner, actor=actor, reason=reason)
    return partner


@transaction.atomic
def partner_restore(*, actor: Any, partner: Partner) -> Partner:
    restore(partner, actor=actor)
    return partner


@transaction.atomic
def partner_delete(*, actor: Any, partner: Partner) -> None:
    """Delete a partner nothing uses. One that others use is refused: archive it instead."""
    usages = usage_of(partner)
    if usages:
        raise InUseError(partner, usages)
    delete_with_actor(partner, actor)


def _validate_person(person: Person) -> None:
    errors: dict[str, list[str]] = {}
    person.first_name = person.first_name.strip()
    person.last_name = person.last_name.strip()
    person.email = person.email.strip().lower()
    for name, message in person.clean_visibility().items():
        errors.setdefault(name, []).append(message)
    if person.partner_id and person.partner and person.partner.is_archived:
        errors.setdefault("partner", []).append(
            f"{person.partner.name} is archived: choose a current partner"
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def person_create(
    *,
    actor: Any,
    partner: Partner | None,
    roles: Iterable[Role] = (),
    shared_with: Iterable[Partner] = (),
    started_on: dt.date | None = None,
    is_demo: bool = False,
    **data: Any,
) -> Person:
    person = Person(partner=partner, is_demo=is_demo)
    _apply(person, PERSON_FIELDS, data)
    _validate_person(person)
    save_with_actor(person, actor)
    person.roles.set(list(roles))
    person.shared_with.set(list(shared_with))
    if partner is not None:
        Affiliation.objects.create(
            person=person, partner=partner, job_title=person.job_title, started_on=started_on
        )
    return person


def _require_admin(actor: Any, action: str, field: str) -> None:
    """Refuse `action` to an actor the access rules do not allow (the demo and imports act
    with no actor). Checked here as well as on the page, so no path can raise a person's roles
    or move them to another partner."""
    if actor is None:
        return
    viewer = viewer_for(actor)
    if not can(viewer, action):
        raise ValidationError({field: RULES[action][1]})


@transaction.atomic
def person_update(
    *,
    actor: Any,
    person: Person,
    roles: Iterable[Role] | None = None,
    shared_with: Iterable[Partner] | None = None,
    **data: Any,
) -> Person:
    """Change a person's details. Changing partner is `person_change_partner`, which keeps the
    earlier spell in their history."""
    person = (
        Person.objects.select_for_update(of=("self",)).select_related("partner").get(pk=person.pk)
    )
    old_title = person.job_title
    if roles is not None:
        roles = list(roles)
        if {r.pk for r in roles} != set(person.roles.values_list("pk", flat=True)):
            _require_admin(actor, "partners.change_roles", "roles")
    _apply(person, PERSON_FIELDS, data)
    _validate_person(person)
    save_with_actor(person, actor)
    if roles is not None:
        person.roles.set(list(roles))
    if shared_with is not None:
        person.shared_with.set(list(shared_with))
    if person.job_title != old_title:
        Affiliation.objects.filter(person=person, ended_on__isnull=True).update(
            job_title=person.job_title
        )
    return person


@transaction.atomic
def person_change_partner(
    *,
    actor: Any,
    person: Person,
    partner: Partner,
    started_on: dt.date,
    job_title: str = "",
) -> Person:
    """Move a person to another partner from `started_on`, closing their current spell."""
    _require_admin(actor, "partners.move_person", "partner")
    person = (
        Person.objects.select_for_update(of=("self",)).select_related("partner").get(pk=person.pk)
    )
    if person.partner_id == partner.pk:
        raise ValidationError(
            {"partner": f"{person.full_name} already works for {partner.name}: choose another"}
        )
    if partner.is_archived:
        raise ValidationError({"partner": f"{partner.name} is archived: choose a current partner"})
    current = Affiliation.objects.filter(person=person, ended_on__isnull=True).first()
    if current is not None:
        if current.started_on and started_on <= current.started_on:
            raise ValidationError(
                {
                    "started_on": "The start date must be after "
                    f"{current.started_on:%-d %B %Y}, when they started at "
                    f"{current.partner.name}"
                }
            )
        current.ended_on = started_on - dt.timedelta(days=1)
        save_with_actor(current, actor, validate=False)
    person.partner = partner
    if job_title:
        person.job_title = job_title
    save_with_actor(person, actor)
    Affiliation.objects.create(
        person=person, partner=partner, job_title=person.job_title, started_on=started_on
    )
    return person


@transaction.atomic
def person_archive(*, actor: Any, person: Person, reason: str) -> Person:
    archive(person, actor=actor, reason=reason)
    return person


@transaction.atomic
def person_restore(*, actor: Any, person: Person) -> Person:
    restore(person, actor=actor)
    return person


@transaction.atomic
def person_delete(*, actor: Any, person: Person) -> None:
    usages = [u for u in usage_of(person) if u.label not in {"affiliation", "affiliations"}]
    if usages:
        raise InUseError(person, usages)
    delete_with_actor(person, actor)


__all__ = ["Visibility"]
