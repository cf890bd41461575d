"""The RAID log: risks, assumptions, issues and dependencies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import (
    Project,
    RaidEntry,
    RaidKind,
    RaidStatus,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _date, _raise

RAID_FIELDS = {
    "kind", "title", "description", "owner", "raised_on", "likelihood", "impact",
    "residual_likelihood", "residual_impact", "response",
}  # fmt: skip


def _validate_raid(entry: RaidEntry) -> None:
    errors: Errors = {}
    for name in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
        value = getattr(entry, name)
        if value is not None and not 1 <= value <= 5:
            label = name.replace("_", " ")
            _add(errors, name, f"The {label} must be from 1 to 5; {value} is outside the scale")
    if entry.kind == RaidKind.RISK:
        if entry.likelihood is None:
            _add(errors, "likelihood", "A risk needs a likelihood, from 1 to 5")
        if entry.impact is None:
            _add(errors, "impact", "A risk needs an impact, from 1 to 5")
        if (entry.residual_likelihood is None) != (entry.residual_impact is None):
            _add(
                errors,
                "residual_impact",
                "Give both the residual likelihood and the residual impact, or neither",
            )
    if entry.raised_on and entry.raised_on > clock.today():
        _add(errors, "raised_on", "The date raised cannot be in the future")
    _raise(errors)


@transaction.atomic
def raid_create(*, actor: Actor, project: Project, **data: Any) -> RaidEntry:
    entry = RaidEntry(project=project)
    _apply(entry, RAID_FIELDS, data)
    _validate_raid(entry)
    save_with_actor(entry, actor)
    return entry


@transaction.atomic
def raid_update(*, actor: Actor, entry: RaidEntry, **data: Any) -> RaidEntry:
    entry = RaidEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status == RaidStatus.CLOSED:
        raise ValidationError("This entry is closed; its history is kept as it was")
    _apply(entry, RAID_FIELDS, data)
    _validate_raid(entry)
    save_with_actor(entry, actor)
    return entry


@transaction.atomic
def raid_close(*, actor: Actor, entry: RaidEntry, closed_on: dt.date, note: str) -> RaidEntry:
    """Close an entry. It stays in the log, with its history."""
    entry = RaidEntry.objects.select_for_update().get(pk=entry.pk)
    errors: Errors = {}
    if entry.status == RaidStatus.CLOSED:
        _add(errors, "closed_on", f"This entry was already closed on {_date(entry.closed_on)}")  # type: ignore[arg-type]
    if closed_on < entry.raised_on:
        _add(
            errors,
            "closed_on",
            f"The date closed must be on or after the date raised ({_date(entry.raised_on)})",
        )
    if closed_on > clock.today():
        _add(errors, "closed_on", "The date closed cannot be in the future")
    if not note.strip():
        _add(errors, "note", "Say why it is being closed")
    _raise(errors)
    entry.status = RaidStatus.CLOSED
    entry.closed_on = closed_on
    entry.closure_note = note.strip()
    save_with_actor(entry, actor)
    return entry
