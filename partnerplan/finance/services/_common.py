"""What every finance service shares: amounts of money, dates in words, refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from partnerplan.core.money import PENNY, format_money

MAX_AMOUNT = Decimal("999999999999.99")


def _date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def parse_amount(value: Any, field: str = "amount") -> Decimal:
    """An amount of money: a Decimal (or text or whole number) of more than £0 with at most two
    decimal places. Floats are refused: they cannot hold pounds and pence exactly."""
    if isinstance(value, (bool, float)):
        raise _fail(
            field, "Give the amount as a Decimal or as text (such as 85000.00), not a float"
        )
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _fail(field, "Enter an amount")
    try:
        text = str(value).strip().replace(",", "").removeprefix("£")
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        raise _fail(
            field, f"'{value}' is not an amount of money: enter pounds, like 17500.00"
        ) from None
    if not amount.is_finite():
        raise _fail(field, "Enter an amount of money in pounds, like 17500.00")
    if amount <= 0:
        raise _fail(field, "The amount must be more than £0")
    if amount != amount.quantize(PENNY):
        raise _fail(field, "The amount can have at most two decimal places (pounds and pence)")
    if amount > MAX_AMOUNT:
        raise _fail(field, f"The amount must be no more than {format_money(MAX_AMOUNT)}")
    return amount.quantize(PENNY)
