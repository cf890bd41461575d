"""Reading the audit trail kept by django-simple-history, in words a person can follow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models

ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"updated_at", "created_at"}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    who: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _display(model: type[models.Model], name: str, value: Any, names: dict[Any, str]) -> str:
    if value in (None, ""):
        return "(blank)"
    try:
        f = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a field removed since the change was recorded
        return str(value)
    if isinstance(value, list):  # many-to-many: a list of through-row dicts
        related: Any = f.related_model
        target = related._meta.model_name if related else ""
        ids = [row.get(target) for row in value]
        return ", ".join(names.get((target, i), str(i)) for i in ids) or "(none)"
    if isinstance(f, models.Field) and f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.ForeignKey):
        return names.get((f.related_model._meta.model_name, value), str(value))  # type: ignore[union-attr]
    if isinstance(f, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return value.strftime("%-d %B %Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%-d %B %Y")
    return str(value)


def _name_related(model: type[models.Model], deltas: list[Any]) -> dict[Any, str]:
    """Name every foreign key and many-to-many target the changes mention: one query a model."""
    wanted: dict[type[models.Model], set[Any]] = {}
    for delta in deltas:
        for change in delta.changes:
            try:
                f = model._meta.get_field(change.field)
            except Exception:  # noqa: BLE001, S112 - a field removed since
                continue
            if not (isinstance(f, models.ForeignKey | models.ManyToManyField) and f.related_model):
                continue
            target = f.related_model
            key = target._meta.model_name  # type: ignore[union-attr]
            for value in (change.old, change.new):
                for row in value if isinstance(value, list) else [value]:
                    ident = row.get(key) if isinstance(row, dict) else row
                    if ident is not None:
                        wanted.setdefault(target, set()).add(ident)  # type: ignore[arg-type]
    names: dict[Any, str] = {}
    for target, ids in wanted.items():
        for o in target._default_manager.filter(pk__in=ids):
            names[(target._meta.model_name, o.pk)] = str(o)
    return names


def history_for(obj: models.Model, *, limit: int = 200) -> list[HistoryEntry]:
    """The changes to `obj`, newest first. Three queries whatever the length of the history."""
    model = type(obj)
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[  # type: ignore[attr-defined]
            : limit + 1
        ]
    )
    pairs = []
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        delta = record.diff_against(previous) if previous is not None else None
        pairs.append((record, delta))

    names = _name_related(model, [delta for _record, delta in pairs if delta is not None])

    entries = []
    for record, delta in pairs:
        changes = []
        if delta is not None:
            for c in delta.changes:
                if c.field in HIDDEN_FIELDS:
                    continue
                field: Any = model._meta.get_field(c.field)
                label = str(field.verbose_name).capitalize()
                changes.append(
                    Change(
                        label,
                        _display(model, c.field, c.old, names),
                        _display(model, c.field, c.new, names),
                    )
                )
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.username) if user else "System",
                action=ACTIONS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
