"""Helpers the services tests share."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

D = dt.date(2010, 12, 17)


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)
