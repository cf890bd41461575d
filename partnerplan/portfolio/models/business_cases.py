"""Business cases and their versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel

if TYPE_CHECKING:
    pass

from partnerplan.portfolio.models.choices import FIVE_CASES, REQUIRED_CASES, BusinessCaseStage
from partnerplan.portfolio.models.projects import (
    Project,
)


class BusinessCase(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="business_cases")
    stage = models.CharField(max_length=4, choices=BusinessCaseStage.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="business_case_stage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} for {self.project}"


class BusinessCaseVersion(TimeStampedModel):
    business_case = models.ForeignKey(
        BusinessCase, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField()
    strategic = models.TextField("strategic case", max_length=20000, blank=True)
    economic = models.TextField("economic case", max_length=20000, blank=True)
    commercial = models.TextField("commercial case", max_length=20000, blank=True)
    financial = models.TextField("financial case", max_length=20000, blank=True)
    management = models.TextField("management case", max_length=20000, blank=True)
    options = models.TextField(
        "options considered",
        max_length=10000,
        blank=True,
        help_text="One option a line, including business as usual or do minimum, with why "
        "each was kept or dropped.",
    )
    preferred_option = models.CharField(max_length=300, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approval_reference = models.CharField(max_length=300, blank=True)
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="business_cases_approved",
    )
    prior_decision = models.ForeignKey(
        "governance.PriorDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="business_cases_approved",
    )
    authority_use = models.ForeignKey(
        "governance.AuthorityUse",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="business_cases_approved",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["business_case", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["business_case", "number"], name="business_case_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.business_case}, version {self.number}"

    @property
    def is_approved(self) -> bool:
        return self.approved_on is not None

    @property
    def required_cases(self) -> list[str]:
        return REQUIRED_CASES[self.business_case.stage]

    @property
    def missing_cases(self) -> list[str]:
        return [name for name in self.required_cases if not getattr(self, name).strip()]

    @property
    def completeness(self) -> int:
        """Per cent of the five cases and the options that are filled in."""
        parts = [*FIVE_CASES, "options"]
        done = sum(1 for name in parts if getattr(self, name).strip())
        return round(100 * done / len(parts))
