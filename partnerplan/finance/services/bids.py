"""Bids for outside funding and their lifecycle; a secured bid posts its award as income."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.lifecycle import Lifecycle
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    Bid,
    BidStatus,
    Fund,
)
from partnerplan.finance.services._common import _date, _fail, parse_amount
from partnerplan.finance.services.authority import CitedAuthority, authorise
from partnerplan.finance.services.movements import income_record
from partnerplan.governance.models import ActKind, Body, PowerKind
from partnerplan.governance.services.authority import Act, Subject

BID_FIELDS = {
    "title", "funder", "bidder", "project", "fund", "amount", "submitted_on",
    "decision_expected_on", "notes", "source", "visibility", "exempt_paragraph",
    "needs_approval",
}  # fmt: skip

BID_TRANSITIONS = Lifecycle(
    moves={
        BidStatus.DRAFT: {BidStatus.SUBMITTED, BidStatus.WITHDRAWN},
        BidStatus.SUBMITTED: {
            BidStatus.GREEN_LIGHT,
            BidStatus.SECURED,
            BidStatus.REJECTED,
            BidStatus.WITHDRAWN,
        },
        BidStatus.GREEN_LIGHT: {BidStatus.SECURED, BidStatus.REJECTED, BidStatus.WITHDRAWN},
        # secured, rejected and withdrawn are final
    },
    refusal=lambda source, target: (
        f"The bid is {BidStatus(source).label.lower()}: it cannot become "
        f"{BidStatus(target).label.lower()}"
    ),
)


@transaction.atomic
def bid_create(*, actor: Actor, **data: Any) -> Bid:
    unknown = set(data) - BID_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    data["amount"] = parse_amount(data.get("amount"))
    bid = Bid(**data)
    errors: dict[str, str] = {}
    for name in ("title", "funder"):
        value = getattr(bid, name).strip()
        setattr(bid, name, value)
        if not value:
            errors[name] = f"Enter the {name} of the bid"
    errors.update(bid.clean_visibility())
    if errors:
        raise ValidationError(errors)
    save_with_actor(bid, actor)
    return bid


def _bid_move(bid: Bid, to: str) -> Bid:
    locked = Bid.objects.select_for_update(of=("self",)).get(pk=bid.pk)
    BID_TRANSITIONS.require(locked.status, to)
    locked.status = to
    return locked


@transaction.atomic
def bid_submit(
    *, actor: Actor, bid: Bid, on: dt.date, authority: CitedAuthority | None = None
) -> Bid:
    """Submit a bid. If the funder requires a decision first (`needs_approval`), `authority`
    must be a decision (or a decision recorded from the papers) about this bid, of a body with
    the power to approve bids; it is used once and recorded on the bid."""
    bid = _bid_move(bid, BidStatus.SUBMITTED)
    bid.submitted_on = on
    if bid.needs_approval:
        act = Act(
            kind=ActKind.BID,
            powers=(PowerKind.APPROVE_BID,),
            on=on,
            label=f"submit the bid '{bid}' to {bid.funder}",
            subject=Subject("bid_id", bid.pk, f"the bid '{bid}'"),
            amount=bid.amount,
        )
        fields = authorise(
            actor=actor,
            act=act,
            cited=authority or CitedAuthority(),
            description=f"Bid submitted to {bid.funder}: {bid}",
        )
        for name, value in fields.items():
            setattr(bid, name, value)
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_green_light(*, actor: Actor, bid: Bid, on: dt.date) -> Bid:
    """The funder has indicated it will fund (seed 3.3: a 'green light'); not yet secured."""
    bid = _bid_move(bid, BidStatus.GREEN_LIGHT)
    bid.notes = (bid.notes + f"\nGreen light indicated on {_date(on)}.").strip()
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_reject(*, actor: Actor, bid: Bid, on: dt.date) -> Bid:
    bid = _bid_move(bid, BidStatus.REJECTED)
    bid.decided_on = on
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_withdraw(*, actor: Actor, bid: Bid, on: dt.date) -> Bid:
    bid = _bid_move(bid, BidStatus.WITHDRAWN)
    bid.decided_on = on
    save_with_actor(bid, actor)
    return bid


@transaction.atomic
def bid_secure(
    *,
    actor: Actor,
    bid: Bid,
    on: dt.date,
    amount: Any = None,
    award_reference: str,
    authority_body: Body,
    fund: Fund | None = None,
) -> Bid:
    """The funder has awarded the money: the bid is secured and the award posted as income on
    the bid's fund, authorised by the award (`award_reference`, accepted by `authority_body`)."""
    bid = _bid_move(bid, BidStatus.SECURED)
    fund = fund or bid.fund
    if fund is None:
        raise _fail("fund", "Choose the fund the money goes into")
    value = parse_amount(amount if amount is not None else bid.amount)
    if not award_reference.strip():
        raise _fail("award_reference", "Enter the funder's award reference or letter")
    bid.income = income_record(
        actor=actor,
        fund=fund,
        funder=bid.funder,
        amount=value,
        on=on,
        authority=CitedAuthority(body=authority_body, reference=award_reference, on=on),
        description=f"{bid.funder} award: {bid.title}",
    )
    bid.fund = fund
    bid.secured_amount = value
    bid.decided_on = on
    save_with_actor(bid, actor)
    return bid
