"""Money in documents: Decimal in, "£85,000" out."""

from __future__ import annotations

from decimal import Decimal

__all__ = ["format_money"]


def format_money(amount: Decimal | int) -> str:
    """£85,000 for whole pounds, £17,500.50 with pence, -£1,200 for a negative sum."""
    if isinstance(amount, float):  # pragma: no cover - guarded by the type checker too
        raise TypeError("money must be Decimal or int, never float")
    value = Decimal(amount)
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == value.to_integral_value():
        return f"{sign}£{int(value):,}"
    return f"{sign}£{value.quantize(Decimal('0.01')):,}"
