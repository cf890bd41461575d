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
    "residual_likelihood", "residual_impact", "response", "response_type", "proximity",
    "category",
}  # fmt: skip


def _risk_problems(entry: RaidEntry, errors: Errors) -> None:
    """A risk to practice (PRINCE2, the Orange Book): exactly one owner, a person; inherent and
    residual likelihood and impact; proximity, category and response."""
    if entry.owner_id is None:
        _add(errors, "owner", "A risk needs exactly one owner: choose the person who owns it")
    if entry.likelihood is None:
        _add(errors, "likelihood", "A risk needs a likelihood, from 1 to 5")
    if entry.impact is None:
        _add(errors, "impact", "A risk needs an impact, from 1 to 5")
    if entry.residual_likelihood is None:
        _add(
            errors,
            "residual_likelihood",
            "A risk needs a residual likelihood (after the response), from 1 to 5",
        )
    if entry.residual_impact is None:
        _add(
            errors,
            "residual_impact",
            "A risk needs a residual impact (after the response), from 1 to 5",
        )
    if not entry.proximity:
        _add(errors, "proximity", "Say when the risk would strike (its proximity)")
    if not entry.category:
        _add(errors, "category", "Choose the risk's category")
    if not entry.response_type:
        _add(errors, "response_type", "Choose the response: avoid, reduce, fallback, ...")


def _validate_raid(entry: RaidEntry) -> None:
    errors: Errors = {}
    for name in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
        value = getattr(entry, name)
        if value is not None and not 1 <= value <= 5:
            label = name.replace("_", " ")
            _add(errors, name, f"The {label} must be from 1 to 5; {value} is outside the scale")
    if entry.kind == RaidKind.RISK:
        _risk_problems(entry, errors)
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
    _closed_refusal(entry)
    _apply(entry, RAID_FIELDS, data)
    _validate_raid(entry)
    save_with_actor(entry, actor)
    return entry


def _closed_refusal(entry: RaidEntry) -> None:
    if entry.status == RaidStatus.CLOSED:
        raise ValidationError(
            f"'{entry.title}' was closed on {_date(entry.closed_on)}: its history is kept as "  # type: ignore[arg-type]
            "it was"
        )


CONVERTIBLE = {RaidKind.RISK: RaidKind.ISSUE, RaidKind.ISSUE: RaidKind.RISK}


@transaction.atomic
def raid_convert(*, actor: Actor, entry: RaidEntry, **data: Any) -> RaidEntry:
    """Turn an issue into a risk (it may happen again) or a risk into an issue (it happened).
    The old entry is closed, keeping its history, and the new one links back to it
    (`converted_from`; the old one's `converted_to`), so each page links to the other."""
    entry = RaidEntry.objects.select_for_update().get(pk=entry.pk)
    _closed_refusal(entry)
    to_kind = CONVERTIBLE.get(RaidKind(entry.kind))
    if to_kind is None:
        raise ValidationError(
            f"Only issues and risks can be converted; this is a {entry.get_kind_display().lower()}"
        )
    new = RaidEntry(
        project_id=entry.project_id,
        kind=to_kind,
        title=entry.title,
        description=entry.description,
        owner_id=entry.owner_id,
        raised_on=clock.today(),
        converted_from=entry,
    )
    _apply(new, RAID_FIELDS - {"kind", "raised_on"}, data)
    _validate_raid(new)
    save_with_actor(new, actor)
    entry.status = RaidStatus.CLOSED
    entry.closed_on = clock.today()
    entry.closure_note = f"Converted into a {to_kind.label.lower()}"
    save_with_actor(entry, actor)
    return new


@transaction.atomic
def raid_escalate(*, actor: Actor, entry: RaidEntry, note: str) -> RaidEntry:
    """Escalate an open risk or issue to the programme (it shows on the programme dashboard)."""
    entry = RaidEntry.objects.select_for_update().get(pk=entry.pk)
    _closed_refusal(entry)
    errors: Errors = {}
    if entry.kind not in CONVERTIBLE:
        _add(errors, "note", "Only risks and issues are escalated to the programme")
    if entry.escalated_on is not None:
        _add(errors, "note", f"It was already escalated on {_date(entry.escalated_on)}")
    if not note.strip():
        _add(errors, "note", "Say why the programme needs to know")
    _raise(errors)
    entry.escalated_on = clock.today()
    entry.escalation_note = note.strip()
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
