"""Key decisions (2012 Regulations, Part 3): which recommendations and delegated decisions are
key decisions, the forward-plan notice each carries out, and the exceptions on file when the
notice was too short (the general exception, regulation 10, and special urgency, regulation 11).

Whether a key decision may be taken is decided by one function,
`governance.services.key_decisions.key_decision_refusal`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.governance.models.decisions import OfficerDecision
from partnerplan.governance.models.forward_plan import ExceptionKind, ForwardPlanEntry
from partnerplan.governance.models.meetings import Recommendation


class KeyDecision(TimeStampedModel):
    """A recommendation (decided at a meeting) or a delegated decision that is a key decision,
    and the forward-plan entry that gave notice of it."""

    recommendation = models.OneToOneField(
        Recommendation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="key_decision",
    )
    officer_decision = models.OneToOneField(
        OfficerDecision,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="key_decision",
    )
    entry = models.ForeignKey(
        ForwardPlanEntry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="key_decisions",
        verbose_name="forward plan entry",
    )
    why_key = models.CharField(
        "why it is a key decision",
        max_length=300,
        blank=True,
        help_text="For example 'spending over the partnership's threshold' or 'affects two or "
        "more wards'.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="key_decision_names_one_decision",
                condition=(
                    Q(recommendation__isnull=False, officer_decision__isnull=True)
                    | Q(recommendation__isnull=True, officer_decision__isnull=False)
                ),
            )
        ]

    def __str__(self) -> str:
        what = self.recommendation or self.officer_decision
        return f"Key decision: {what}"


class ChairRole(models.TextChoices):
    """Whose agreement or notice counts (regulation 11: the chair of the relevant overview and
    scrutiny committee; failing that, the chair, then the vice-chair, of the council)."""

    SCRUTINY_CHAIR = "scrutiny_chair", "Chair of the overview and scrutiny committee"
    COUNCIL_CHAIR = "council_chair", "Chair of the council"
    COUNCIL_VICE_CHAIR = "council_vice_chair", "Vice-chair of the council"


class KeyDecisionException(TimeStampedModel):
    """A general exception or a special-urgency agreement on file for a forward-plan entry."""

    entry = models.ForeignKey(ForwardPlanEntry, on_delete=models.CASCADE, related_name="exceptions")
    kind = models.CharField(max_length=16, choices=ExceptionKind.choices)
    reasons = models.TextField(
        max_length=2000,
        help_text="General exception: why 28 days' notice is impracticable. Special urgency: "
        "why the decision is urgent and cannot reasonably be deferred.",
    )
    chair = models.ForeignKey(
        "partners.Person",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The chair informed (general exception) or who agreed (special urgency).",
    )
    chair_role = models.CharField(
        max_length=20, choices=ChairRole.choices, default=ChairRole.SCRUTINY_CHAIR
    )
    chair_informed_on = models.DateField(
        "chair informed on", null=True, blank=True, help_text="General exception: in writing."
    )
    agreed_on = models.DateField(
        "urgency agreed on", null=True, blank=True, help_text="Special urgency."
    )
    notice_published_on = models.DateField(
        "notice published on",
        help_text="General exception: the notice, at least five clear days before the "
        "decision. Special urgency: the notice of the agreement and its reasons.",
    )
    reported_to_council_on = models.DateField(
        "reported to council on",
        null=True,
        blank=True,
        help_text="Special-urgency decisions are reported to council at least once a year.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["notice_published_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.entry}"
