"""The chain of authority: decisions taken before partnerplan was used, and the one account of
every use of an authority (a decision, a delegated decision, a prior decision or a delegation).

Every act that needs authority (a gate passed, a business case approved, a review outcome, a
call on reserves, a spend from an earmark, a contingency drawdown, a bid submitted) is recorded
as an `AuthorityUse` by `governance.services.authority.authority_use`, which decides whether the
authority covers the act and, under a row lock, that it has not been used up.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel, Visibility, VisibleModel
from partnerplan.governance.models.bodies import Body
from partnerplan.governance.models.powers import Delegation, PowerKind


class PriorDecision(TimeStampedModel, VisibleModel):
    """A decision taken before partnerplan was used (or by a body whose meetings partnerplan
    does not run), recorded from the papers: the body that held the power, the date, the
    reference, and what it is about. Once recorded it is cited like any other decision.

    It carries its own visibility (core.access.visible): a decision about a restricted record
    (a fund seen by named partners only, say) is seen only by those who may see that record
    (`governance.services.authority.prior_decision_record` copies it)."""

    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="prior_decisions")
    power = models.CharField(max_length=40, choices=PowerKind.choices)
    decided_on = models.DateField("date decided")
    reference = models.CharField(
        "meeting or decision",
        max_length=500,
        help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
    )
    title = models.CharField("what was decided", max_length=300)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    subject_params = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the decision is about, in the effect registry's words "
        "(for example {'project_id': 5}).",
    )

    history = HistoricalRecords()

    # An exempt decision from the papers is seen by the members of the body that took it.
    exempt_entitled_bodies_path = "body"

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        d = self.decided_on
        return f"{self.body}, {d.day} {d.strftime('%B')} {d.year}: {self.reference}"


class ActKind(models.TextChoices):
    GATE = "gate", "Pass a gate"
    BUSINESS_CASE = "business_case", "Approve a business case"
    REVIEW = "review", "Record a review outcome"
    CALL = "call", "Call on reserves"
    EARMARK_SPEND = "earmark_spend", "Spend from an earmarked reserve"
    DRAWDOWN = "drawdown", "Draw on a contingency"
    OFFICER_DECISION = "officer_decision", "Decide under a delegation"
    REQUEST = "request", "Decide a funding request"
    BID = "bid", "Submit a bid"


class AuthorityUse(TimeStampedModel):
    """One use of one authority for one act. The uses of a delegation are its account: their
    amounts (less released ones) may never exceed its limit."""

    act = models.CharField(max_length=20, choices=ActKind.choices)
    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="uses",
    )
    officer_decision = models.ForeignKey(
        "governance.OfficerDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="uses",
    )
    prior_decision = models.ForeignKey(
        PriorDecision, null=True, blank=True, on_delete=models.PROTECT, related_name="uses"
    )
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.PROTECT, related_name="uses"
    )
    subject_key = models.CharField(max_length=40, blank=True)
    subject_id = models.PositiveIntegerField(null=True, blank=True)
    subject_label = models.CharField(max_length=300, blank=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    used_on = models.DateField()
    description = models.CharField(max_length=500)
    released_at = models.DateTimeField(null=True, blank=True)
    release_reason = models.CharField(max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["used_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="authority_use_names_one_authority",
                condition=(
                    Q(
                        decision__isnull=False,
                        officer_decision__isnull=True,
                        prior_decision__isnull=True,
                        delegation__isnull=True,
                    )
                    | Q(
                        decision__isnull=True,
                        officer_decision__isnull=False,
                        prior_decision__isnull=True,
                        delegation__isnull=True,
                    )
                    | Q(
                        decision__isnull=True,
                        officer_decision__isnull=True,
                        prior_decision__isnull=False,
                        delegation__isnull=True,
                    )
                    | Q(
                        decision__isnull=True,
                        officer_decision__isnull=True,
                        prior_decision__isnull=True,
                        delegation__isnull=False,
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_act_display()}: {self.description}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None
