"""Helpers shared by the portfolio's services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

Errors = dict[str, list[str]]


def _apply(obj: Any, allowed: set[str], data: Mapping[str, Any]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _add(errors: Errors, name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


def _date(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"
