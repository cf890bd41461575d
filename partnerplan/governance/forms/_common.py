"""Pieces the governance forms share: the London time zone, Schedule 12A paragraphs, times."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django import forms

from partnerplan.core.models import SCHEDULE_12A

LONDON = ZoneInfo("Europe/London")


PARAGRAPHS = [("", "Not exempt")] + [(str(v), label) for v, label in SCHEDULE_12A.choices]


def _time(value: str, label: str) -> dt.time:
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", value or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise forms.ValidationError(f"{label} must be a time like 10:00 or 14:30")
    return dt.time(int(match[1]), int(match[2]))
