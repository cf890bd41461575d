"""Baselines and the change requests that alone may change them (PRINCE2's stage and project
plans: dates, cost, scope and milestones, as the board approved them)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.portfolio.models.programmes import Stage
from partnerplan.portfolio.models.projects import Project


class CostKind(models.TextChoices):
    CAPITAL = "capital", "Capital"
    REVENUE = "revenue", "Revenue"


class Baseline(TimeStampedModel):
    """The approved plan of a project (`stage` blank) or of one of its stages.

    Set once; afterwards only an approved change request (or an approved exception plan)
    changes it, each time a new `version`, the earlier values kept in its history."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="baselines")
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField("start")
    ends_on = models.DateField("end")
    capital_cost = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    revenue_cost = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    # The funding source, one of the ledger's funds (finance is above portfolio: its id and
    # name are kept, offered by the registry in portfolio.control_sources).
    fund_id = models.PositiveIntegerField(null=True, blank=True)
    fund_name = models.CharField("funding source", max_length=200, blank=True)
    scope = models.TextField("scope and products", max_length=4000, help_text="One product a line.")
    version = models.PositiveSmallIntegerField(default=1)
    demo_note = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "stage__order"]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="baseline_one_per_stage"),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(stage__isnull=True),
                name="baseline_one_per_project",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.stage or 'whole project'}"

    @property
    def cost(self) -> object:
        return self.capital_cost + self.revenue_cost

    @property
    def products(self) -> list[str]:
        return [line.strip() for line in self.scope.splitlines() if line.strip()]

    @property
    def label(self) -> str:
        return f"Stage '{self.stage}'" if self.stage_id else "Whole project"


class Milestone(TimeStampedModel):
    baseline = models.ForeignKey(Baseline, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField("baseline date")
    forecast_on = models.DateField("forecast date", null=True, blank=True)
    achieved_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class ChangeState(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class ChangeRequest(TimeStampedModel):
    """A request to change a baseline: what it would become and why; approved (by the board
    that owns the baseline) it changes the baseline, rejected it changes nothing."""

    baseline = models.ForeignKey(Baseline, on_delete=models.CASCADE, related_name="change_requests")
    reason = models.TextField(max_length=3000)
    raised_by = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField()
    starts_on = models.DateField("new start", null=True, blank=True)
    ends_on = models.DateField("new end", null=True, blank=True)
    capital_cost = models.DecimalField(
        "new capital cost", max_digits=12, decimal_places=2, null=True, blank=True
    )
    revenue_cost = models.DecimalField(
        "new revenue cost", max_digits=12, decimal_places=2, null=True, blank=True
    )
    scope = models.TextField("new scope and products", max_length=4000, blank=True)
    state = models.CharField(max_length=10, choices=ChangeState.choices, default="proposed")
    decided_by = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_reference = models.CharField(max_length=500, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    # What the baseline was before an approved change (for the record on the page).
    was = models.JSONField(default=dict, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return f"Change request of {self.raised_on:%-d %B %Y}: {self.reason[:60]}"
