"""The partnership's statutory officers: the equivalents of a council's Section 151 officer
(finance) and Monitoring Officer (legal), named from the directory. Reports are cleared by them
before they go on a published agenda; the legal officer grants dispensations and sees who opened
exempt reports."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel


class OfficerRole(models.TextChoices):
    FINANCE = "finance", "Finance officer (Section 151 equivalent)"
    LEGAL = "legal", "Legal officer (Monitoring Officer equivalent)"


class StatutoryOfficer(TimeStampedModel):
    role = models.CharField(max_length=8, choices=OfficerRole.choices, unique=True)
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["role"]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person}"
