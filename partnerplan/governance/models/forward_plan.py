"""The forward plan and actions."""

from __future__ import annotations

import datetime as dt

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core import clock
from partnerplan.core.models import SCHEDULE_12A, TimeStampedModel
from partnerplan.governance.models.bodies import Body
from partnerplan.governance.models.decisions import Decision
from partnerplan.governance.models.meetings import Meeting

# --- Forward plan and actions ------------------------------------------------------------


class PlanStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ExceptionKind(models.TextChoices):
    """The two ways to take a key decision without 28 clear days' notice (2012 Regulations):
    the general exception (regulation 10) and special urgency (regulation 11)."""

    GENERAL = "general", "General exception"
    SPECIAL_URGENCY = "special_urgency", "Special urgency"


class ForwardPlanEntry(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="forward_plan")
    title = models.CharField(max_length=300)
    description = models.TextField(max_length=4000, blank=True)
    decision_due = models.DateField()
    notice_given_on = models.DateField()
    is_key = models.BooleanField("key decision", default=True)
    in_private = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=SCHEDULE_12A.choices, null=True, blank=True
    )
    documents = models.TextField(
        "documents to be submitted",
        max_length=2000,
        blank=True,
        help_text="The reports and background papers the decision-maker will have, and how to "
        "ask for them (regulation 9).",
    )
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.PLANNED)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plan"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["decision_due", "pk"]
        verbose_name_plural = "forward plan entries"

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class Action(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="governance_actions"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    progress = models.TextField(max_length=4000, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, on: dt.date | None = None) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < (on or clock.today())
