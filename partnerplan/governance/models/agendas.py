"""Supplementary agendas: items added after the agenda was published, published together
later with their own clear-days check (`services.agenda_supplements`)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel


class SupplementaryAgenda(TimeStampedModel):
    meeting = models.ForeignKey(
        "governance.Meeting", on_delete=models.PROTECT, related_name="supplements"
    )
    number = models.PositiveSmallIntegerField()
    published_on = models.DateField()
    items = models.ManyToManyField("governance.AgendaItem", related_name="supplements")
    published_late = models.BooleanField(default=False)

    history = HistoricalRecords(m2m_fields=[items])

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="supplement_number_unique")
        ]

    def __str__(self) -> str:
        return f"Supplementary agenda {self.number}: {self.meeting}"
