"""Public alerts: anyone may subscribe by email to a body's agendas and decisions. A
subscription counts once its address is confirmed (double opt-in); every email carries an
unsubscribe link. The links are signed (`services.alerts`), so no token is stored."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core import clock
from partnerplan.core.models import TimeStampedModel


class AlertSubscription(TimeStampedModel):
    body = models.ForeignKey(
        "governance.Body", on_delete=models.CASCADE, related_name="alert_subscriptions"
    )
    email = models.EmailField()
    agendas = models.BooleanField(default=True)
    decisions = models.BooleanField(default=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "email"]
        constraints = [
            models.UniqueConstraint(fields=["body", "email"], name="alert_subscription_once")
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.body}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class AlertKind(models.TextChoices):
    AGENDA = "agenda", "Agenda published"
    SUPPLEMENT = "supplement", "Supplementary agenda published"
    DECISIONS = "decisions", "Decisions published"


class AlertSent(models.Model):
    """A log of the alerts sent for a meeting (so decisions are announced once each)."""

    meeting = models.ForeignKey(
        "governance.Meeting", on_delete=models.CASCADE, related_name="alerts_sent"
    )
    kind = models.CharField(max_length=12, choices=AlertKind.choices)
    sent_at = models.DateTimeField(default=clock.now)
    recipients = models.PositiveIntegerField(default=0)
    decisions = models.JSONField(default=list, blank=True, help_text="The decisions announced.")

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"
