"""Programmes, their stages, workstreams and service areas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel, VisibleModel

if TYPE_CHECKING:
    pass

from partnerplan.portfolio.models.choices import BusinessCaseStage, ConfidenceScale


class Programme(TimeStampedModel, ArchivableModel, VisibleModel):
    """A programme: the partnership's own work plan, or another body's (such as the Leaders
    and Chief Executives Group's eight workstreams)."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    owner_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text="The body that owns this programme.",
    )
    description = models.TextField(max_length=4000, blank=True)
    confidence_scale = models.CharField(
        "delivery confidence scale",
        max_length=8,
        choices=ConfidenceScale.choices,
        default=ConfidenceScale.FIVE,
    )
    report_every_days = models.PositiveSmallIntegerField(
        "highlight reports expected every (days)",
        default=31,
        help_text="A project whose last highlight report is older than this is overdue.",
    )
    dca_valid_days = models.PositiveSmallIntegerField(
        "a delivery confidence assessment is current for (days)",
        default=92,
        help_text="The OBC and FBC gates need an assessment no older than this.",
    )
    is_partnership_plan = models.BooleanField(
        "the partnership's own work plan",
        default=False,
        help_text="Projects of the partnership's own work plan can be scored and ranked.",
    )

    history = HistoricalRecords()
    exempt_entitled_bodies_path = "owner_body"

    class Meta:
        ordering = ["-is_partnership_plan", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Stage(TimeStampedModel):
    """A stage of a programme's lifecycle. Entering it is a gate."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField()
    requires_business_case = models.CharField(
        "business case needed to enter",
        max_length=4,
        choices=BusinessCaseStage.choices,
        blank=True,
        help_text="The gate into this stage needs an approved business case of this stage "
        "(or a later one).",
    )
    expects_reports = models.BooleanField(
        "highlight reports expected", default=False, help_text="Projects in this stage report."
    )
    is_final = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="stage_code_unique"),
            models.UniqueConstraint(fields=["programme", "order"], name="stage_order_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Workstream(TimeStampedModel, ArchivableModel):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="workstreams")
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    name = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    leads = models.ManyToManyField(
        "partners.Person", blank=True, related_name="led_workstreams", verbose_name="lead people"
    )
    lead_partners = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="led_workstreams"
    )
    lead_note = models.CharField(
        "leads as described",
        max_length=300,
        blank=True,
        help_text="How the leads are described, if not only by name (for example 'Districts "
        "and County').",
    )

    history = HistoricalRecords(m2m_fields=[leads, lead_partners])

    class Meta:
        ordering = ["programme", "number", "name"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}" if self.number else self.name


class ServiceArea(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
