"""Money, once: Decimal in, "£85,000" / "£17,500.50" / "-£1,200" out, and whole pence for solvers.

Framework-free (no Django), so the document builders and the planning core use it too. Amounts
are always Decimal (or int); a float is refused.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
PENCE_PER_POUND = 100

__all__ = ["PENNY", "format_money", "from_pence", "to_pence"]


def _decimal(amount: Decimal | int | str) -> Decimal:
    if isinstance(amount, float):
        raise TypeError("money must be Decimal or int, never float")
    return Decimal(amount)


def format_money(amount: Decimal | int | str | None, *, none: str = "") -> str:
    """£85,000 for whole pounds, £17,500.50 with pence, -£1,200 for a negative sum.

    `none` is what nothing is shown as: "" in tables, "no limit" for a delegation without one.
    """
    if amount is None or amount == "":
        return none
    value = _decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == value.to_integral_value():
        return f"{sign}£{int(value):,}"
    return f"{sign}£{value:,.2f}"


def pennies(amount: Decimal | int | float | None) -> Decimal:
    """A sum the database gave back, to the penny. SQLite adds DecimalFields as floating point
    (+£0.01, +£20,000 and -£20,000 come back as 0.00999999999839929): every sum of money read
    from the database goes through this before it is compared."""
    if amount is None:
        return Decimal(0).quantize(PENNY)
    return Decimal(str(amount)).quantize(PENNY, rounding=ROUND_HALF_UP)


def to_pence(amount: Decimal | int) -> int:
    """Pounds to whole pence (half a penny rounds up), for integer solvers."""
    return int((_decimal(amount) * PENCE_PER_POUND).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_pence(pence: int) -> Decimal:
    """Whole pence back to pounds with two decimal places."""
    return (Decimal(pence) / PENCE_PER_POUND).quantize(PENNY)
