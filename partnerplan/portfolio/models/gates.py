"""Gates passed and review outcomes recorded."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.governance.models import AuthorisedBy
from partnerplan.portfolio.models.choices import ReviewOutcomeKind
from partnerplan.portfolio.models.programmes import Stage
from partnerplan.portfolio.models.projects import Project


class AuthorisedFromPapers(AuthorisedBy):
    """Governance's "authorised by" cluster, plus whether the decision was recorded from papers.

    A decision recorded in partnerplan is linked (`decision`, or `officer_decision` for one
    taken under a delegation) and the authority fields are copied from it; a decision taken
    before partnerplan was in use is recorded from the papers with `recorded_from_papers` set.
    The services require the reference and the date (the fields are blank at model level).
    """

    recorded_from_papers = models.BooleanField(
        "decided before partnerplan was in use",
        default=False,
        help_text="Recorded from the papers of a decision that partnerplan does not hold.",
    )

    class Meta:
        abstract = True


class GatePassage(TimeStampedModel, AuthorisedFromPapers):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_passages")
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-authority_date", "-id"]

    def __str__(self) -> str:
        return f"{self.project}: into {self.to_stage} on {self.authority_date:%-d %B %Y}"


class ReviewOutcome(TimeStampedModel, AuthorisedBy):
    """A review outcome; the authority fields say which body's report, meeting or decision.

    The services require the reference and the date (the fields are blank at model level).
    """

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
    note = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-authority_date", "-id"]

    def __str__(self) -> str:
        prefix = "Proposed: " if self.is_proposal else ""
        return f"{prefix}{self.get_outcome_display()}"
