"""Private meetings of an executive body (2012 Regulations, regulation 5): the notice of
intention to hold part of a meeting in private, at least 28 clear days ahead, and the second
notice, at least 5 clear days ahead, listing the representations received and the response; or,
when the meeting is urgent, the agreement that it cannot reasonably be deferred. The rule is
`governance.services.private_meetings.private_item_refusal`.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel
from partnerplan.governance.models.meetings import AgendaItem, Meeting


class PrivateMeetingNotice(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="private_notices")
    items = models.ManyToManyField(AgendaItem, related_name="private_notices", blank=True)
    reasons = models.TextField(
        "why it will be held in private", max_length=2000, help_text="Regulation 5(2)."
    )
    intention_published_on = models.DateField(
        "notice of intention published on",
        null=True,
        blank=True,
        help_text="At least 28 clear days before the meeting.",
    )
    final_notice_published_on = models.DateField(
        "second notice published on",
        null=True,
        blank=True,
        help_text="At least 5 clear days before the meeting.",
    )
    representations = models.TextField(
        "representations received",
        max_length=4000,
        blank=True,
        help_text="About why the meeting should be open; 'None' if there were none.",
    )
    response = models.TextField("the response to them", max_length=4000, blank=True)
    urgency_agreed_by = models.ForeignKey(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Urgency (regulation 5(6)): the chair of the overview and scrutiny committee "
        "(or of the council) agreed the meeting is urgent and cannot reasonably be deferred.",
    )
    urgency_agreed_on = models.DateField(null=True, blank=True)
    urgency_reason = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__starts_at", "pk"]

    def __str__(self) -> str:
        return f"Notice of a private meeting: {self.meeting}"
