"""Opening, changing and closing funds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from partnerplan.core.money import format_money, pennies
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    Entry,
    Fund,
    FundKind,
    FundStatus,
)
from partnerplan.finance.services._common import _fail
from partnerplan.finance.services.accounts import account_for_fund
from partnerplan.governance.models import (
    PowerKind,
)
from partnerplan.partners.models import Partner

FUND_FIELDS = {
    "name", "kind", "description", "owner_body", "parent", "delegation", "funder",
    "allow_negative", "visibility", "exempt_paragraph", "earmarked_for", "other_use_approver",
}  # fmt: skip


@transaction.atomic
def fund_create(*, actor: Actor, contributors: Iterable[Partner] = (), **data: Any) -> Fund:
    unknown = set(data) - FUND_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    fund = Fund(**data)
    _validate_fund(fund)
    save_with_actor(fund, actor)
    fund.contributors.set(list(contributors))
    account_for_fund(fund)
    return fund


@transaction.atomic
def fund_update(
    *, actor: Actor, fund: Fund, contributors: Iterable[Partner] | None = None, **data: Any
) -> Fund:
    """Change a fund's details. Its kind cannot change once money has moved through it."""
    unknown = set(data) - FUND_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    fund = Fund.objects.select_for_update(of=("self",)).get(pk=fund.pk)
    old_kind = fund.kind
    for name, value in data.items():
        setattr(fund, name, value)
    if fund.is_closed:
        raise _fail("name", f"{fund} is closed: its details can no longer change")
    if fund.kind != old_kind and Entry.objects.filter(account__fund=fund).exists():
        raise _fail(
            "kind",
            f"Money has already moved through {fund}, so its kind cannot change: close it and "
            "open a new fund instead",
        )
    _validate_fund(fund)
    save_with_actor(fund, actor)
    if contributors is not None:
        fund.contributors.set(list(contributors))
    return fund


def _validate_fund(fund: Fund) -> None:
    fund.name = fund.name.strip()
    errors: dict[str, str] = {}
    if Fund.objects.filter(name__iexact=fund.name).exclude(pk=fund.pk).exists():
        errors["name"] = f"There is already a fund called {fund.name}: choose another name"
    if fund.kind == FundKind.CONTINGENCY and fund.delegation is None:
        errors["delegation"] = "A contingency needs the delegation under which it may be drawn"
    if fund.delegation is not None and fund.delegation.power != PowerKind.DRAW_CONTINGENCY:
        errors["delegation"] = "Choose a delegation of the power to draw on a contingency"
    if fund.kind == FundKind.EXTERNAL and not fund.funder.strip():
        errors["funder"] = "Enter who provides the money for an external funding stream"
    fund.earmarked_for = (fund.earmarked_for or "").strip()
    if fund.kind != FundKind.EARMARKED and (fund.earmarked_for or fund.other_use_approver_id):
        errors["earmarked_for"] = (
            "Only an earmarked reserve has a purpose and someone who may approve another use: "
            "choose 'Earmarked reserve' as its kind, or leave these blank"
        )
    if fund.parent_id is not None and fund.parent_id == fund.pk:
        errors["parent"] = "A fund cannot be held within itself"
    errors.update(fund.clean_visibility())
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def fund_close(*, actor: Actor, fund: Fund, on: dt.date) -> Fund:
    """Close a fund whose balance, actual and committed, is nil. Nothing more can be posted."""
    fund = Fund.objects.select_for_update(of=("self",)).get(pk=fund.pk)
    if fund.is_closed:
        raise _fail("status", f"{fund} is already closed")
    balance = pennies(Entry.objects.filter(account__fund=fund).aggregate(s=Sum("amount"))["s"])
    if balance != 0:
        raise _fail(
            "status",
            f"{fund} still holds {format_money(Decimal(balance))} (including approved calls not "
            "yet paid): move or release it before closing the fund",
        )
    fund.status = FundStatus.CLOSED
    fund.closed_on = on
    save_with_actor(fund, actor)
    return fund
