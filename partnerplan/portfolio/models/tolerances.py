"""Tolerances: how far a baseline may move before the board must be asked (PRINCE2's manage
by exception), set by the board that approved the stage."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.portfolio.models.baselines import Baseline


class Tolerance(TimeStampedModel):
    baseline = models.OneToOneField(Baseline, on_delete=models.CASCADE, related_name="tolerance")
    time_days = models.PositiveIntegerField(
        "time (days)", help_text="How many days later than the baseline end it may finish."
    )
    cost_amount = models.DecimalField(
        "cost (£)",
        max_digits=12,
        decimal_places=2,
        help_text="How much more than the baseline cost it may cost.",
    )
    scope_products = models.PositiveSmallIntegerField(
        "scope (products)", help_text="How many of the baseline's products may be dropped."
    )
    set_by = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField("meeting or decision", max_length=500)
    set_on = models.DateField("date set")

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Tolerances of {self.baseline}"
