"""Helpers every app's services use: saving with an actor, and refusing to delete used records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction

from partnerplan.core import clock
from partnerplan.core.models import ArchivableModel, DemoClock
from partnerplan.core.types import Actor


@dataclass(frozen=True)
class Usage:
    label: str
    count: int

    def __str__(self) -> str:
        return f"{self.count} {self.label}"


class InUseError(ValidationError):
    """A record other records use cannot be deleted; it can be archived instead."""

    def __init__(self, obj: models.Model, usages: list[Usage]) -> None:
        listed = ", ".join(str(u) for u in usages)
        super().__init__(
            f"{obj} cannot be deleted because other records use it ({listed}). "
            "Archive it instead: it will be hidden from lists and forms but its history is kept."
        )
        self.usages = usages


def usage_of(obj: models.Model) -> list[Usage]:
    """Count the records that point at `obj`, by kind (history tables left out)."""
    usages: list[Usage] = []
    for rel in obj._meta.related_objects:
        related_model = rel.related_model
        if not isinstance(related_model, type) or related_model._meta.app_label == "simple_history":
            continue
        if related_model.__name__.startswith("Historical") or rel.get_accessor_name() is None:
            continue
        if rel.related_name and rel.related_name.endswith("+"):
            continue
        accessor = rel.get_accessor_name()
        if rel.one_to_one:
            if related_model._default_manager.filter(**{rel.field.name: obj}).exists():
                usages.append(Usage(str(related_model._meta.verbose_name), 1))
            continue
        count = getattr(obj, accessor).count()  # type: ignore[arg-type]
        if count:
            meta = related_model._meta
            label = meta.verbose_name if count == 1 else meta.verbose_name_plural
            usages.append(Usage(str(label), count))
    return usages


def _author(obj: models.Model, actor: Actor) -> None:
    """Tell django-simple-history who is changing `obj` (nobody, for the system itself)."""
    author = actor if actor is not None and actor.is_authenticated else None
    setattr(obj, "_history_user", author)  # noqa: B010 - simple-history reads this attribute


def save_with_actor(obj: models.Model, actor: Actor, *, validate: bool = True) -> None:
    """Validate and save `obj`, recording `actor` as the author of the change in its history."""
    if validate:
        obj.full_clean()
    _author(obj, actor)
    obj.save()


def delete_with_actor(obj: models.Model, actor: Actor) -> None:
    """Delete `obj`, recording `actor` as the author of the deletion in its history."""
    _author(obj, actor)
    obj.delete()


def archive(obj: ArchivableModel, *, actor: Actor, reason: str) -> None:
    if obj.is_archived:
        raise ValidationError(f"{obj} is already archived.")
    obj.archived_at = clock.now()
    obj.archive_reason = reason.strip()
    save_with_actor(obj, actor, validate=False)


def restore(obj: ArchivableModel, *, actor: Actor) -> None:
    if not obj.is_archived:
        raise ValidationError(f"{obj} is not archived.")
    obj.archived_at = None
    obj.archive_reason = ""
    save_with_actor(obj, actor, validate=False)


def demo_clock_move(*, actor: Actor, to: dt.date) -> DemoClock:
    """Move a demonstration installation's as-at date forward to `to` (core.clock).

    Only forward: records made on the way were dated by the clock, and going back would put
    them in the future. Refused on an installation that runs on the real clock.
    """
    if not clock.enabled():
        raise ValidationError(
            "This installation runs on the real date: it has no demonstration clock to move."
        )
    with transaction.atomic():
        row = DemoClock.objects.select_for_update().filter(pk=1).first()
        if row is not None and to <= row.as_at:
            raise ValidationError(
                {
                    "to": f"Choose a date after {row.as_at:%-d %B %Y}: the demonstration clock "
                    "only moves forward."
                }
            )
        row = row or DemoClock(pk=1)
        row.as_at = to
        row.moved_at = clock.real_now()
        row.moved_by = actor if actor is not None and actor.is_authenticated else None
        row.save()
    clock.forget()
    return row


def demo_clock_start(*, on: dt.date) -> DemoClock:
    """Set the as-at date a demonstration starts on (load_demo), if none is set yet."""
    row, _created = DemoClock.objects.get_or_create(pk=1, defaults={"as_at": on})
    clock.forget()
    return row


@contextmanager
def demo_clock_recording(*, on: dt.date) -> Iterator[None]:
    """For the demo loader only: record history with the clock at `on`, the day it happened,
    and put the clock back where it was afterwards (even backwards, which `demo_clock_move`
    refuses). Nothing happens on an installation that runs on the real clock: there every
    day of the demo's history is already in the past."""
    if not clock.enabled():
        yield
        return
    row = DemoClock.objects.filter(pk=1).first()
    was = row.as_at if row is not None else None
    DemoClock.objects.update_or_create(pk=1, defaults={"as_at": on})
    clock.forget()
    try:
        yield
    finally:
        if was is None:
            DemoClock.objects.filter(pk=1).delete()
        else:
            DemoClock.objects.filter(pk=1).update(as_at=was)
        clock.forget()
