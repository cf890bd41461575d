"""Base models shared by every app: the user, timestamps, archiving and visibility."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class User(AbstractUser):
    """A sign-in account. What the person behind it may see comes from core.access."""

    person = models.OneToOneField(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
        help_text="The person in the directory this account belongs to.",
    )
    is_partnership_admin = models.BooleanField(
        "partnership administrator",
        default=False,
        help_text="May create and change partners, people and every partnership record.",
    )
    oidc_subject = models.CharField(max_length=255, blank=True, db_index=True)
    oidc_tenant = models.CharField(max_length=64, blank=True)

    class Meta:
        db_table = "core_user"


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ArchivableModel(models.Model):
    """Records other records point at are archived, not deleted, so their history stays whole."""

    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    archive_reason = models.CharField(max_length=500, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Visibility(models.TextChoices):
    """Who may see a record. The rules live in core.access.visible_q, and nowhere else."""

    PUBLIC = "public", "Public"
    PARTNERSHIP = "partnership", "Everyone in the partnership"
    PARTNERS = "partners", "Named partners only"
    EXEMPT = "exempt", "Exempt (not for publication)"


class SCHEDULE_12A(models.IntegerChoices):  # noqa: N801 - the statute's own name
    """Local Government Act 1972, Schedule 12A, Part 1: descriptions of exempt information."""

    P1 = 1, "1. Information relating to any individual"
    P2 = 2, "2. Information which is likely to reveal the identity of an individual"
    P3 = 3, "3. Financial or business affairs of any particular person (including the authority)"
    P4 = 4, "4. Consultations or negotiations in connection with any labour relations matter"
    P5 = 5, "5. Information in respect of which legal professional privilege could be maintained"
    P6 = 6, "6. Information revealing that the authority proposes to give a notice or make an order"
    P7 = (
        7,
        "7. Action taken in connection with the prevention, investigation or prosecution of crime",
    )


class VisibleModel(models.Model):
    """A record that carries its own visibility.

    `shared_with` names the partners who may see a "named partners only" record. An exempt
    record cites its Schedule 12A paragraph; who is entitled to exempt records of a kind is
    declared by the model's `exempt_entitled_bodies_path` and decided in core.access.
    """

    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.PARTNERSHIP
    )
    shared_with = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="+",
        help_text="For records visible to named partners only.",
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=SCHEDULE_12A.choices, null=True, blank=True
    )

    # A lookup path from this model to the governance bodies whose members may see it when
    # it is exempt (for example "meeting__body" on an agenda item). None: administrators only.
    exempt_entitled_bodies_path: str | None = None

    class Meta:
        abstract = True

    def clean_visibility(self) -> dict[str, Any]:
        errors: dict[str, Any] = {}
        if self.visibility == Visibility.EXEMPT and not self.exempt_paragraph:
            errors["exempt_paragraph"] = (
                "Choose the paragraph of Schedule 12A that makes this record exempt"
            )
        if self.visibility != Visibility.EXEMPT and self.exempt_paragraph:
            errors["exempt_paragraph"] = (
                "Only exempt records cite a Schedule 12A paragraph: "
                "clear it or make the record exempt"
            )
        return errors


class DemoClock(models.Model):
    """The as-at date of a demonstration installation (one row; see core.clock)."""

    as_at = models.DateField("as at")
    moved_at = models.DateTimeField(default=timezone.now, editable=False)
    moved_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        db_table = "core_demo_clock"

    def __str__(self) -> str:
        return f"As at {self.as_at:%d %B %Y}"
