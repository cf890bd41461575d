"""What the resources services share: the limits, the plain-English checks of days a week and
of dates in order, and the error collector they fill before refusing (a ValidationError keyed by
field)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError

from partnerplan.core.models import User
from partnerplan.core.types import Actor

MAX_DAYS = Decimal(5)
MAX_TIME_LIMIT_S = 600
MAX_MONTHS = 60


def _errors() -> dict[str, list[str]]:
    return {}


def _add(errors: dict[str, list[str]], name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


def _check_days(errors: dict[str, list[str]], value: Decimal | None, what: str) -> None:
    if value is None:
        _add(errors, "days_per_week", f"Enter how many days a week {what}")
    elif value < 0:
        _add(errors, "days_per_week", "Days a week cannot be negative")
    elif value > MAX_DAYS:
        _add(
            errors,
            "days_per_week",
            f"Days a week must be 5 or fewer: a working week has 5 days ({value:g} was given)",
        )


def _check_order(
    errors: dict[str, list[str]],
    start: dt.date | None,
    end: dt.date | None,
    end_field: str,
    what: str,
) -> None:
    if start and end and end < start:
        _add(
            errors,
            end_field,
            f"The end of the {what} must be the same as or after its start "
            f"({end:%-d %B %Y} is before {start:%-d %B %Y})",
        )


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _signed_in(actor: Actor) -> User | None:
    """The account of `actor`, for "asked for by" and "booked by" (None for the system)."""
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def _unexpected(data: dict[str, object], allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
