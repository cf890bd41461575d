"""Call-in: scrutiny's power to review an executive decision made but not yet implemented.

A decision that can be called in (its body's `call_in_scope`) cannot be implemented before the
end of the call-in period (`Decision.implement_from`: `call_in_days` clear working days after
its record is published); a valid call-in freezes it until scrutiny's outcome. The rules are
in `governance.services.call_in`.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.governance.models.bodies import Body
from partnerplan.governance.models.decisions import Decision


class CallInOutcome(models.TextChoices):
    PENDING = "", "Awaiting the overview and scrutiny committee"
    NO_ACTION = "no_action", "No further action: the decision can be implemented"
    REFERRED_BACK = "referred_back", "Referred back to the decision-maker"
    REFERRED_TO_COUNCIL = "referred_to_council", "Referred to full council"


class Reconsideration(models.TextChoices):
    PENDING = "", "Not yet reconsidered"
    STANDS = "stands", "The decision stands: it can be implemented"
    CHANGED = "changed", "The decision was changed: it will not be implemented as made"


class CallIn(TimeStampedModel):
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="call_in")
    scrutiny_body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="call_ins")
    members = models.ManyToManyField("partners.Person", related_name="+")
    requested_on = models.DateField()
    reasons = models.TextField(max_length=4000)
    outcome = models.CharField(
        max_length=20, choices=CallInOutcome.choices, blank=True, default=CallInOutcome.PENDING
    )
    outcome_on = models.DateField(null=True, blank=True)
    outcome_notes = models.TextField(max_length=4000, blank=True)
    reconsideration = models.CharField(
        max_length=8, choices=Reconsideration.choices, blank=True, default=Reconsideration.PENDING
    )
    reconsidered_on = models.DateField(null=True, blank=True)
    reconsideration_notes = models.TextField(max_length=4000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_on", "-pk"]

    def __str__(self) -> str:
        return f"Call-in of {self.decision}"
