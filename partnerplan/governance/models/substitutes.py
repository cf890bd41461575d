"""Substitutes: a partner's named substitute attends a joint-committee meeting in place of one
of its appointed members, and counts in attendance and quorum as that member would
(`governance.services.substitutes.substitute_record`)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.governance.models.meetings import Meeting


class Substitution(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="substitutions")
    member = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    substitute = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="substitute_once_per_member"
            ),
            models.UniqueConstraint(
                fields=["meeting", "substitute"], name="substitute_attends_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.substitute} for {self.member} at {self.meeting}"
