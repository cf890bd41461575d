"""Private calendar feeds."""

from __future__ import annotations

import hashlib

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel

# --- Private calendar feeds ----------------------------------------------------------------


def feed_digest(secret: str) -> str:
    """What is kept of a calendar address's secret: its SHA-256, never the secret itself."""
    return hashlib.sha256(secret.encode()).hexdigest()


class CalendarFeed(TimeStampedModel):
    """A person's secret calendar address. The secret is the key: a calendar app that holds the
    address sees what the person may see, without signing in. Only its SHA-256 is kept
    (`token`), in the table and its history, so a copy of the database opens no calendar; the
    address is shown once, when it is made. Making a new address deletes the old row, so the
    old address stops working at once."""

    token = models.CharField(
        primary_key=True, max_length=64, editable=False, help_text="SHA-256 of the secret."
    )
    person = models.OneToOneField(
        "partners.Person", on_delete=models.CASCADE, related_name="calendar_feed"
    )

    history = HistoricalRecords()

    #: The secret itself: set only on the object `calendar_feed_renew` returns, never stored.
    secret: str = ""

    def __str__(self) -> str:
        return f"Calendar address of {self.person}"
