"""Partner organisations and the people who work for them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from partnerplan.core import clock
from partnerplan.core.models import ArchivableModel, TimeStampedModel, Visibility, VisibleModel


class PartnerKind(models.TextChoices):
    COUNTY = "county", "County council"
    DISTRICT = "district", "District or borough council"
    CITY = "city", "City council"
    POLICE = "police", "Police"
    FIRE = "fire", "Fire and rescue"
    HEALTH = "health", "Health"
    VOLUNTARY = "voluntary", "Voluntary sector"
    OFFICE = "office", "Partnership office"


class MembershipStatus(models.TextChoices):
    MEMBER = "member", "Member"
    NOTICE = "notice", "Notice of resignation given"
    LEFT = "left", "Left the partnership"
    PROSPECTIVE = "prospective", "Not yet joined"


class Partner(TimeStampedModel, ArchivableModel, VisibleModel):
    name = models.CharField(max_length=200)
    abbreviation = models.CharField(
        max_length=12, help_text="A short name, such as SCC or LDC. Each partner has its own."
    )
    kind = models.CharField(max_length=16, choices=PartnerKind.choices)
    joined_on = models.DateField("date joined", null=True, blank=True)
    notice_given_on = models.DateField("date notice of resignation given", null=True, blank=True)
    left_on = models.DateField("date left", null=True, blank=True)
    website = models.URLField(max_length=300, blank=True)
    notes = models.TextField(max_length=4000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("abbreviation"), name="partner_abbreviation_unique_ci"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})"

    def membership_status(self, on: dt.date | None = None) -> MembershipStatus:
        on = on or clock.today()
        if self.left_on and self.left_on <= on:
            return MembershipStatus.LEFT
        if self.notice_given_on and self.notice_given_on <= on:
            return MembershipStatus.NOTICE
        if self.joined_on and self.joined_on > on:
            return MembershipStatus.PROSPECTIVE
        return MembershipStatus.MEMBER


class Role(models.Model):
    """A role a person holds in the partnership's work (reference data, loaded by migration)."""

    OFFICER = "officer"
    COUNCILLOR = "councillor"
    CHIEF_EXECUTIVE = "chief_executive"
    DIRECTOR = "director"
    PROJECT_MANAGER = "project_manager"

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Person(TimeStampedModel, ArchivableModel, VisibleModel):
    honorific = models.CharField(
        max_length=20, blank=True, help_text="For example Cllr, Dr or Ms. Optional."
    )
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    job_title = models.CharField(max_length=200, blank=True)
    partner = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        help_text="The partner this person works for now. Earlier partners are kept.",
    )
    roles = models.ManyToManyField(Role, blank=True, related_name="people")
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    notes = models.TextField(max_length=4000, blank=True)
    is_demo = models.BooleanField(
        default=False, editable=False, help_text="Invented for the demo partnership."
    )

    history = HistoricalRecords(m2m_fields=[roles])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        parts = [self.honorific, self.first_name, self.last_name]
        return " ".join(p for p in parts if p)


class Affiliation(models.Model):
    """A spell of a person working for a partner. The open spell is the current one."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="affiliations")
    job_title = models.CharField(max_length=200, blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_on__isnull=True),
                name="affiliation_one_open_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.partner.abbreviation}"


__all__ = ["Affiliation", "Partner", "PartnerKind", "Person", "Role", "Visibility"]
