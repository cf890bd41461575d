"""`authority_for`, the question other apps ask before acting: may this body do this, for this
much, on this day?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q

from partnerplan.core import clock
from partnerplan.core.money import format_money
from partnerplan.governance.models import (
    Body,
    Delegation,
    DelegationStatus,
    Power,
    PowerKind,
)

#: How a power or delegation without a financial limit is shown.
NO_LIMIT = "no limit"


@dataclass(frozen=True)
class Authority:
    """The answer to "may `body` use `power` for `amount` on `on`?".

    `allowed` says whether it may; `source` is the Power or Delegation that allows it; `reason`
    says why in plain English; `holders` lists the bodies that could decide instead when it may
    not (escalation)."""

    allowed: bool
    reason: str
    source: Power | Delegation | None = None
    holders: list[Body] = field(default_factory=list)


def power_words(power: str) -> str:
    """A PowerKind in the words of a sentence: "approve a call on reserves"."""
    try:
        return PowerKind(power).label.lower()
    except ValueError:
        return power.replace("_", " ")


def delegation_names(delegation: Delegation, person: Any, on: dt.date) -> bool:
    """Whether `person` held, or sat on, one of the bodies `delegation` was given to on `on`."""
    # One filter() call, so that the person and the dates are conditions on the same
    # membership (chained filters on a many-valued relation would each join their own).
    return Body.objects.filter(
        Q(memberships__started_on__isnull=True) | Q(memberships__started_on__lte=on),
        Q(memberships__ended_on__isnull=True) | Q(memberships__ended_on__gte=on),
        delegations_held=delegation,
        memberships__person=person,
    ).exists()


def _fits(limit: Decimal | None, amount: Decimal | None, used: Decimal = Decimal(0)) -> bool:
    return limit is None or amount is None or used + amount <= limit


def _delegation_used(delegation: Delegation) -> Decimal:
    """What the delegation's account of uses (officer decisions, drawdowns and delegated
    spends, less those given back) adds up to."""
    if not delegation.limit_is_total:
        return Decimal(0)
    total = Decimal(0)
    for use in delegation.uses.all():
        if use.released_at is None:
            total += use.amount or Decimal(0)
    return total


def _delegations_to(body: Body, power: str, on: dt.date) -> list[Delegation]:
    return [
        d
        for d in Delegation.objects.filter(
            to_bodies=body, power=power, status=DelegationStatus.IN_FORCE
        )
        .select_related("from_body")
        .prefetch_related("uses")
        if d.in_force_on(on)
    ]


def authority_for(
    *, body: Body, power: str, amount: Decimal | None = None, on: dt.date | None = None
) -> Authority:
    """Whether `body` may use `power` (a PowerKind value) for `amount` on `on`.

    It may when its own terms of reference hold the power with a limit that covers the amount,
    or when a delegation in force on that day gives it the power within the delegation's limit
    (for a limit that is a total, counting what earlier decisions under it used). Otherwise the
    answer names the bodies that hold the power for that amount."""
    on = on or clock.today()
    label = power_words(power)
    what = f"{label} of {format_money(amount, none=NO_LIMIT)}" if amount is not None else label
    own = Power.objects.filter(body=body, kind=power).first()
    if own is not None and _fits(own.financial_limit, amount):
        return Authority(True, f"{body} may {what}: its terms of reference give it the power.", own)
    near_miss = ""
    if own is not None:
        near_miss = (
            f" Its own power is limited to {format_money(own.financial_limit, none=NO_LIMIT)}."
        )
    for delegation in _delegations_to(body, power, on):
        used = _delegation_used(delegation)
        if _fits(delegation.financial_limit, amount, used):
            return Authority(
                True,
                f"{body} may {what} under the delegation from {delegation.from_body} "
                f"({format_money(delegation.financial_limit, none=NO_LIMIT)}"
                + (
                    f", {format_money(used, none=NO_LIMIT)} already used"
                    if delegation.limit_is_total
                    else ""
                )
                + ").",
                delegation,
            )
        near_miss += (
            f" The delegation from {delegation.from_body} allows up to "
            f"{format_money(delegation.financial_limit, none=NO_LIMIT)}"
            + (
                f" in total, and {format_money(used, none=NO_LIMIT)} has been used"
                if delegation.limit_is_total
                else ""
            )
            + "."
        )
    holders = [
        p.body
        for p in Power.objects.filter(kind=power).exclude(body=body).select_related("body")
        if _fits(p.financial_limit, amount)
    ]
    reason = f"{body} does not have the power to {what}.{near_miss}"
    if holders:
        names = ", ".join(str(b) for b in holders)
        reason += (
            f" It must go to {names}, which {'has' if len(holders) == 1 else 'have'} that power."
        )
    else:
        reason += " No body in partnerplan has that power: check the terms of reference."
    return Authority(False, reason, None, holders)
