"""Highlight reports and the RAID log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel

if TYPE_CHECKING:
    pass

from partnerplan.portfolio.models.choices import (
    Confidence,
    RaidKind,
    RaidStatus,
    RiskCategory,
    RiskProximity,
    RiskResponse,
)
from partnerplan.portfolio.models.projects import (
    Project,
)


class HighlightReport(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="highlight_reports")
    period_start = models.DateField()
    period_end = models.DateField()
    author = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confidence = models.CharField(
        "overall delivery confidence", max_length=16, choices=Confidence.choices
    )
    progress = models.TextField("progress this period", max_length=6000)
    next_period = models.TextField("work next period", max_length=6000, blank=True)
    tolerances = models.TextField("tolerance status", max_length=3000, blank=True)
    tolerance_forecast_exceeded = models.BooleanField(
        "a tolerance is forecast to be exceeded", default=False
    )
    risks_and_issues = models.TextField("top risks and issues", max_length=3000, blank=True)
    # The forecast at the end of the period, measured against the baseline's tolerances.
    forecast_end = models.DateField("forecast end", null=True, blank=True)
    forecast_cost = models.DecimalField(
        "forecast cost", max_digits=12, decimal_places=2, null=True, blank=True
    )
    forecast_products_dropped = models.PositiveSmallIntegerField(
        "products forecast not to be delivered", null=True, blank=True
    )
    decisions_needed = models.TextField(max_length=3000, blank=True)
    commentary = models.TextField(max_length=3000, blank=True)
    action = models.TextField("action being taken", max_length=3000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-period_end"]

    def __str__(self) -> str:
        return f"{self.project}: {self.period_start:%-d %b %Y} to {self.period_end:%-d %b %Y}"


class RaidEntry(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="raid")
    kind = models.CharField(max_length=12, choices=RaidKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    owner = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField()
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    impact = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.TextField(max_length=3000, blank=True)
    response_type = models.CharField(
        "response type", max_length=12, choices=RiskResponse.choices, blank=True
    )
    proximity = models.CharField(max_length=16, choices=RiskProximity.choices, blank=True)
    category = models.CharField(max_length=16, choices=RiskCategory.choices, blank=True)
    # An issue converted into a risk (or back) keeps the old entry, closed, and links both
    # ways: new.converted_from is the old one, old.converted_to the new ones.
    converted_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="converted_to"
    )
    escalated_on = models.DateField("escalated to the programme on", null=True, blank=True)
    escalation_note = models.CharField("why escalated", max_length=500, blank=True)
    status = models.CharField(max_length=8, choices=RaidStatus.choices, default=RaidStatus.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    closure_note = models.CharField(max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "kind", "-raised_on"]
        verbose_name = "RAID log entry"
        verbose_name_plural = "RAID log entries"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def inherent_score(self) -> int | None:
        if self.likelihood and self.impact:
            return self.likelihood * self.impact
        return None

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood and self.residual_impact:
            return self.residual_likelihood * self.residual_impact
        return None
