"""Prioritisation methods, criteria, pairwise judgements, scores and rank positions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel

if TYPE_CHECKING:
    pass

from partnerplan.portfolio.models.choices import Weighting
from partnerplan.portfolio.models.projects import (
    Project,
)


class Method(TimeStampedModel, ArchivableModel):
    """A prioritisation method: criteria with weights and scales, owned by a body."""

    name = models.CharField(max_length=200, unique=True)
    owner_body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="prioritisation_methods"
    )
    description = models.TextField(max_length=4000, blank=True)
    weighting = models.CharField(max_length=10, choices=Weighting.choices, default=Weighting.DIRECT)
    consistency_ratio = models.FloatField(null=True, blank=True, editable=False)
    max_consistency_ratio = models.FloatField(
        "highest consistency ratio accepted",
        default=0.10,
        help_text="Saaty's usual threshold is 0.10.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "prioritisation method"

    def __str__(self) -> str:
        return self.name


class Criterion(TimeStampedModel):
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.FloatField(default=1.0, help_text="Relative weight; weights are normalised.")
    scale_min = models.SmallIntegerField("lowest score", default=1)
    scale_max = models.SmallIntegerField("highest score", default=5)
    higher_is_better = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "order", "id"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(fields=["method", "name"], name="criterion_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class PairwiseJudgement(models.Model):
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="judgements")
    first = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.FloatField(help_text="How many times as important first is as second.")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["method", "first", "second"], name="judgement_unique")
        ]

    def __str__(self) -> str:
        return f"{self.first} vs {self.second}: {self.value:g}"


class Score(TimeStampedModel):
    """One partner's score of one project on one criterion of a method."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="scores")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scores")
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.FloatField()

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "partner", "criterion"], name="score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.partner} scored {self.project} {self.value:g} on {self.criterion}"


class RankPosition(models.Model):
    """A hand-adjusted place in a method's ranking (move up / move down)."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="positions")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "position"]
        constraints = [
            models.UniqueConstraint(fields=["method", "project"], name="rank_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.project}"
