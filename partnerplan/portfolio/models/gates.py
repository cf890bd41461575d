"""Gates passed and review outcomes recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel

if TYPE_CHECKING:
    pass

from partnerplan.portfolio.models.choices import ReviewOutcomeKind
from partnerplan.portfolio.models.programmes import Stage
from partnerplan.portfolio.models.projects import Project


class DecisionReference(models.Model):
    """Which body decided, at which meeting or under which delegation, and when.

    A decision recorded in partnerplan is linked (`decision`, or `officer_decision` for one
    taken under a delegation) and the text fields are copied from it; a decision taken before
    partnerplan was in use is recorded from the papers with `recorded_from_papers` set.
    """

    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The body's decision on a recommendation.",
    )
    officer_decision = models.ForeignKey(
        "governance.OfficerDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A decision taken under a delegation.",
    )
    recorded_from_papers = models.BooleanField(
        "decided before partnerplan was in use",
        default=False,
        help_text="Recorded from the papers of a decision that partnerplan does not hold.",
    )

    deciding_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave blank for a decision by an office holder under delegation.",
    )
    decision_reference = models.CharField(
        "meeting or delegated decision",
        max_length=300,
        help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
    )
    decided_on = models.DateField("date decided")

    class Meta:
        abstract = True


class GatePassage(TimeStampedModel, DecisionReference):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_passages")
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.project}: into {self.to_stage} on {self.decided_on:%-d %B %Y}"


class ReviewOutcome(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reviews")
    outcome = models.CharField(max_length=32, choices=ReviewOutcomeKind.choices)
    is_proposal = models.BooleanField(
        "proposed, not yet decided",
        default=False,
        help_text="A proposal in a report, awaiting the decision.",
    )
    keeper = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="lead partner keeping the watching brief",
    )
    deciding_body = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField("report, meeting or decision", max_length=300)
    dated = models.DateField("date")
    note = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-dated", "-id"]

    def __str__(self) -> str:
        prefix = "Proposed: " if self.is_proposal else ""
        return f"{prefix}{self.get_outcome_display()}"
