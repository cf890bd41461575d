"""Powers, delegations and reporting lines between bodies."""

from __future__ import annotations

import datetime as dt

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.governance.models.bodies import Body

# --- Powers, delegations and reporting lines ----------------------------------------------


class PowerKind(models.TextChoices):
    APPROVE_PIPELINE_ENTRY = "approve_pipeline_entry", "Approve entry of a project to the pipeline"
    APPROVE_BUSINESS_CASE = "approve_business_case", "Approve a business case"
    WITHDRAW_OR_REDESIGN = "withdraw_or_redesign", "Withdraw or redesign a project"
    APPROVE_GATE = "approve_gate", "Move a project through a gate"
    CALL_ON_RESERVES = "call_on_reserves", "Approve a call on reserves"
    DRAW_CONTINGENCY = "draw_contingency", "Draw on a contingency"
    APPOINT_PROJECT_EXECUTIVE = "appoint_project_executive", "Appoint project executives"
    APPROVE_WORK_PLAN = "approve_work_plan", "Approve the work plan and its revisions"
    APPROVE_GOVERNANCE = "approve_governance", "Approve governance arrangements"
    DELEGATE = "delegate", "Delegate its powers"
    PROGRAMME_MANAGEMENT = "programme_management", "Manage the transformation programme"
    APPROVE_WORKSTREAM_PROJECT = "approve_workstream_project", "Approve a workstream project"
    APPROVE_BID = "approve_bid", "Approve a bid for external funding"


class Power(TimeStampedModel):
    """One line of a body's terms of reference."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="powers")
    kind = models.CharField(max_length=40, choices=PowerKind.choices)
    description = models.TextField(max_length=2000, blank=True)
    financial_limit = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The most it may approve at once. Blank: no limit.",
    )
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the power comes from (constitution, report)."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["body", "kind"], name="power_one_kind_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.get_kind_display()}"


class DelegationStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    IN_FORCE = "in_force", "In force"
    REVOKED = "revoked", "Revoked"


class Delegation(TimeStampedModel):
    """A power passed from a body to another body or an office holder (a body of kind
    'individual office holder', such as the Partnership Director)."""

    from_body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="delegations_made")
    to_bodies = models.ManyToManyField(
        Body,
        related_name="delegations_held",
        help_text="Each of these may use the delegation (for example the Director or the SAB).",
    )
    power = models.CharField(max_length=40, choices=PowerKind.choices)
    purpose = models.TextField(max_length=2000)
    financial_limit = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    limit_is_total = models.BooleanField(
        "the limit is a total for all decisions under it",
        default=False,
        help_text="For a contingency: every decision taken under it counts against the limit.",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=DelegationStatus.choices, default=DelegationStatus.PROPOSED
    )
    source = models.CharField(max_length=300, blank=True)
    proposed_in = models.ForeignKey(
        "Recommendation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_delegations",
        help_text="The recommendation proposing it: approving it brings the delegation into force.",
    )

    history = HistoricalRecords(m2m_fields=[to_bodies])

    class Meta:
        ordering = ["from_body__name", "-starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_power_display()} delegated by {self.from_body}"

    def in_force_on(self, on: dt.date) -> bool:
        return (
            self.status == DelegationStatus.IN_FORCE
            and (self.starts_on is None or self.starts_on <= on)
            and (self.ends_on is None or self.ends_on >= on)
        )


class LineStyle(models.TextChoices):
    REPORTS_TO = "reports_to", "Reports to"
    TWIN_TRACK = "twin_track", "Also reports to (twin track)"


class ReportingLine(TimeStampedModel):
    source = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="reports_to")
    target = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="reported_to_by")
    style = models.CharField(max_length=12, choices=LineStyle.choices, default=LineStyle.REPORTS_TO)
    label = models.CharField(max_length=100, blank=True)
    ended_on = models.DateField(
        null=True, blank=True, help_text="The last day of the line. Blank: it is current."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["source__name", "target__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                condition=models.Q(ended_on__isnull=True),
                name="reporting_line_unique_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_style_display().lower()} {self.target}"
