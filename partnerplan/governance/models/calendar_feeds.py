"""Private calendar feeds."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel

# --- Private calendar feeds ----------------------------------------------------------------


class CalendarFeed(TimeStampedModel):
    """A person's secret calendar address. The token is the key: a calendar app that holds the
    address sees what the person may see, without signing in. Making a new address deletes the
    old row, so the old address stops working at once."""

    token = models.CharField(primary_key=True, max_length=64, editable=False)
    person = models.OneToOneField(
        "partners.Person", on_delete=models.CASCADE, related_name="calendar_feed"
    )

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Calendar address of {self.person}"
