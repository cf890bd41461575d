"""Exception Reports and the board's decision on them."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.portfolio.models.baselines import Baseline
from partnerplan.portfolio.models.choices import ExceptionOutcome
from partnerplan.portfolio.models.gates import AuthorisedFromPapers
from partnerplan.portfolio.models.projects import Project


class ExceptionReport(TimeStampedModel, AuthorisedFromPapers):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="exceptions")
    baseline = models.ForeignKey(Baseline, on_delete=models.PROTECT, related_name="exceptions")
    raised_on = models.DateField()
    author = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aspects = models.CharField("tolerances forecast to be exceeded", max_length=300)
    cause = models.TextField(max_length=4000)
    consequences = models.TextField(max_length=4000)
    options = models.TextField(max_length=4000)
    recommendation = models.TextField(max_length=4000)
    lessons = models.TextField(max_length=4000, blank=True)
    outcome = models.CharField(max_length=16, choices=ExceptionOutcome.choices, blank=True)
    referred = models.BooleanField(default=False)
    decided_on = models.DateField(null=True, blank=True)
    decision_note = models.TextField(max_length=3000, blank=True)
    # An approved exception plan replaces the baseline with these.
    plan_ends_on = models.DateField("exception plan end", null=True, blank=True)
    plan_capital_cost = models.DecimalField(
        "exception plan capital cost", max_digits=12, decimal_places=2, null=True, blank=True
    )
    plan_revenue_cost = models.DecimalField(
        "exception plan revenue cost", max_digits=12, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return f"Exception Report of {self.raised_on:%-d %B %Y} ({self.aspects})"

    @property
    def is_open(self) -> bool:
        return self.outcome in ("", ExceptionOutcome.REFER)
