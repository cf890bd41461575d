"""Benefits and their measurements."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel

if TYPE_CHECKING:
    pass

from partnerplan.portfolio.models.choices import BenefitKind
from partnerplan.portfolio.models.projects import Project


class Benefit(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="benefits")
    kind = models.CharField(max_length=12, choices=BenefitKind.choices, default=BenefitKind.BENEFIT)
    description = models.CharField(max_length=300)
    measure = models.CharField(max_length=200, help_text="What is measured, and in what unit.")
    baseline = models.DecimalField(max_digits=14, decimal_places=2)
    baseline_on = models.DateField("baseline date")
    target = models.DecimalField(max_digits=14, decimal_places=2)
    target_on = models.DateField("target date")
    owner = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    realisation_plan = models.TextField(
        "realisation plan",
        max_length=4000,
        blank=True,
        help_text="How and when the benefit will be realised, and who will measure it.",
    )
    tolerance_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        help_text="How far behind the profile (as a share of the change from baseline to "
        "target) a measurement may be before the benefit is behind.",
    )
    is_behind = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "target_on"]

    def __str__(self) -> str:
        return self.description


class BenefitActual(TimeStampedModel):
    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="actuals")
    measured_on = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["benefit", "measured_on"]

    def __str__(self) -> str:
        return f"{self.benefit}: {self.value} on {self.measured_on}"
