"""Helpers every app's services use: saving with an actor, and refusing to delete used records."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from partnerplan.core.models import ArchivableModel
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
    obj.archived_at = timezone.now()
    obj.archive_reason = reason.strip()
    save_with_actor(obj, actor, validate=False)


def restore(obj: ArchivableModel, *, actor: Actor) -> None:
    if not obj.is_archived:
        raise ValidationError(f"{obj} is not archived.")
    obj.archived_at = None
    obj.archive_reason = ""
    save_with_actor(obj, actor, validate=False)
