"""Delivery confidence assessments (DCAs): the project's confidence on the partnership's scale,
recorded with a date so that its history shows as a trend, and so that a gate can ask for a
current one."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.portfolio.models.choices import Confidence
from partnerplan.portfolio.models.projects import Project


class ConfidenceAssessment(TimeStampedModel):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="confidence_assessments"
    )
    assessed_on = models.DateField("date assessed")
    rating = models.CharField("delivery confidence", max_length=16, choices=Confidence.choices)
    assessor = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField("basis of the assessment", max_length=3000, blank=True)
    commentary = models.TextField(max_length=3000, blank=True)
    action = models.TextField("action being taken", max_length=3000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-assessed_on", "-id"]
        verbose_name = "delivery confidence assessment"

    def __str__(self) -> str:
        return f"{self.project}: {self.get_rating_display()} on {self.assessed_on:%-d %b %Y}"
