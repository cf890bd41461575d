from __future__ import annotations

from decimal import Decimal

from django import template

from partnerplan.finance.services import money

register = template.Library()


@register.filter
def pounds(value: Decimal | None) -> str:
    """£1,234 or £1,234.50; blank for nothing."""
    return "" if value is None else money(Decimal(value))
