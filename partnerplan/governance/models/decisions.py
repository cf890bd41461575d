"""Decisions, votes, officer decisions and the abstract `AuthorisedBy`."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel, VisibleModel
from partnerplan.governance.models.bodies import Body
from partnerplan.governance.models.meetings import Meeting, Recommendation
from partnerplan.governance.models.powers import Delegation

# --- Decisions ---------------------------------------------------------------------------


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    AMENDED = "amended", "Approved as amended"
    REJECTED = "rejected", "Rejected"
    DEFERRED = "deferred", "Deferred"
    NOTED = "noted", "Noted"


APPROVING = frozenset({Outcome.APPROVED, Outcome.AMENDED})


class EffectState(models.TextChoices):
    NONE = "none", "No effect"
    APPLIED = "applied", "Applied"
    HELD = "held", "Held back until every track has decided"
    DROPPED = "dropped", "Dropped: the matter was not approved"
    WAITING = "waiting", "Waiting: it cannot be implemented until the call-in period ends"
    CALLED_IN = "called_in", "Frozen: called in by scrutiny"


class Decision(TimeStampedModel):
    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="decision"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    amended_text = models.TextField(max_length=4000, blank=True)
    reasons = models.TextField(max_length=4000, blank=True)
    options_considered = models.TextField(max_length=4000, blank=True)
    declared_interests = models.TextField(max_length=2000, blank=True)
    decided_on = models.DateField()
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    authority = models.CharField(
        max_length=300, blank=True, help_text="The power or delegation the decision used."
    )
    effect_state = models.CharField(
        max_length=10,
        choices=EffectState.choices,
        default=EffectState.NONE,
        help_text="What became of the recommendation's effect (held back on a twin track).",
    )
    record_published_on = models.DateField(
        "decision record published on",
        null=True,
        blank=True,
        help_text="The written record (decision, reasons, options rejected, interests declared).",
    )
    implement_from = models.DateField(
        "cannot be implemented before",
        null=True,
        blank=True,
        help_text="The end of the call-in period, for a decision that can be called in.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "pk"]

    def __str__(self) -> str:
        rec = self.recommendation
        d = self.decided_on
        return (
            f"{self.body}, {d.day} {d.strftime('%B')} {d.year}, item {rec.item.number}, "
            f"recommendation {rec.number}"
        )

    @property
    def decision_text(self) -> str:
        return self.amended_text if self.outcome == Outcome.AMENDED else self.recommendation.text


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstained"


class Vote(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=VoteChoice.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "person"], name="vote_once")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class OfficerDecision(TimeStampedModel, VisibleModel):
    """A decision taken under a delegation, by an office holder or a body outside a meeting."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.PROTECT, related_name="officer_decisions"
    )
    taken_by = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="officer_decisions")
    decided_by = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="officer_decisions"
    )
    title = models.CharField(max_length=300)
    decision = models.TextField(max_length=4000)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reasons = models.TextField(max_length=4000)
    options_considered = models.TextField(max_length=4000, blank=True)
    declared_interests = models.TextField(max_length=2000, blank=True)
    decided_on = models.DateField()
    subject_params = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the decision is about, in the effect registry's words "
        "(for example {'project_id': 5}).",
    )

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "taken_by"

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        d = self.decided_on
        return f"{self.taken_by}, {d.day} {d.strftime('%B')} {d.year}: {self.title}"


class AuthorisedBy(models.Model):
    """The one "authorised by" cluster for every act that needs authority (a gate passed, a
    movement posted, ...): a decision of a body, a decision taken under a delegation, or, for a
    decision partnerplan does not hold, the body, the reference and the date from the papers.

    Abstract: the models that record such acts inherit it, so the fields have the same names
    everywhere and one function can decide whether the authority covers the act.
    """

    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_uses",
        help_text="The body's decision on a recommendation.",
    )
    officer_decision = models.ForeignKey(
        "governance.OfficerDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_uses",
        help_text="A decision taken under a delegation.",
    )
    authority_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_authorised",
        help_text="The body that decided, for a decision partnerplan does not hold.",
    )
    authority_reference = models.CharField(
        "meeting or decision",
        max_length=500,
        blank=True,
        help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
    )
    authority_date = models.DateField("date decided", null=True, blank=True)
    prior_decision = models.ForeignKey(
        "governance.PriorDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_uses",
        help_text="A decision taken before partnerplan was used, recorded from the papers.",
    )
    authority_use = models.ForeignKey(
        "governance.AuthorityUse",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_acts",
        help_text="The use of the authority this act made (governance.services.authority).",
    )

    class Meta:
        abstract = True
