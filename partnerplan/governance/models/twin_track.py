"""Twin-track matters and their tracks."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel, VisibleModel
from partnerplan.governance.models.bodies import Body

# --- Twin track --------------------------------------------------------------------------


class ApprovalRule(models.TextChoices):
    ALL = "all", "Every body must approve"
    ANY = "any", "Any one body may approve"


class Matter(TimeStampedModel, VisibleModel):
    """Something that needs approval on more than one track (seed 4.7-4.8)."""

    title = models.CharField(max_length=300)
    description = models.TextField(max_length=4000, blank=True)
    rule = models.CharField(max_length=4, choices=ApprovalRule.choices, default=ApprovalRule.ALL)
    resolution = models.TextField(
        max_length=4000, blank=True, help_text="How the partnership director resolved a conflict."
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_outcome = models.CharField(
        max_length=10,
        choices=[("proceed", "Go ahead"), ("drop", "Do not go ahead")],
        blank=True,
        help_text="Whether the held-back effects go ahead once the conflict is resolved.",
    )
    subject_params = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the matter is about, in the effect registry's words "
        "(for example {'project_id': 5}).",
    )

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "tracks__body"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class TrackOutcome(models.TextChoices):
    PENDING = "pending", "Awaiting decision"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Track(TimeStampedModel):
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="tracks")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="tracks")
    outcome = models.CharField(
        max_length=10, choices=TrackOutcome.choices, default=TrackOutcome.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    reference = models.CharField(
        max_length=300, blank=True, help_text="The decision, or the outside body's own record."
    )
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tracks",
        help_text="The body's decision in partnerplan that decided this track.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name"]
        constraints = [models.UniqueConstraint(fields=["matter", "body"], name="track_once")]
