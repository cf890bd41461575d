"""Bids: their lifecycle, and a secured bid posted as income."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    BidStatus,
    FundKind,
)
from partnerplan.finance.selectors import fund_balance, ledger_problems
from partnerplan.finance.tests.factories import (
    BidFactory,
    FundFactory,
    GreenLightBidFactory,
    RejectedBidFactory,
)
from partnerplan.finance.tests.services._helpers import MARCH, _count
from partnerplan.governance.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def test_a_secured_bid_becomes_income_on_its_fund(actor):
    stream = FundFactory.create(kind=FundKind.EXTERNAL, funder="RIEP")
    bid = GreenLightBidFactory.create(fund=stream, amount=Decimal("100000"))
    services.bid_secure(
        actor=actor, bid=bid, on=dt.date(2010, 11, 1), award_reference="RIEP award letter",
        authority_body=stream.owner_body,
    )  # fmt: skip
    bid.refresh_from_db()
    assert bid.status == BidStatus.SECURED
    assert bid.income is not None and bid.income.kind == "income"
    assert fund_balance(fund=stream, on=MARCH) == Decimal("100000.00")
    assert ledger_problems() == []


def test_a_bid_follows_its_lifecycle_and_refuses_wrong_moves(actor):
    bid = services.bid_create(actor=actor, title="Life Events", funder="RIEP", amount="35000")
    assert bid.status == BidStatus.DRAFT
    with pytest.raises(ValidationError, match="is draft: it cannot become green light"):
        services.bid_green_light(actor=actor, bid=bid, on=MARCH)
    services.bid_submit(actor=actor, bid=bid, on=MARCH)
    services.bid_green_light(actor=actor, bid=bid, on=MARCH)
    services.bid_withdraw(actor=actor, bid=bid, on=MARCH)
    with pytest.raises(ValidationError, match="is withdrawn: it cannot become secured"):
        services.bid_secure(
            actor=actor, bid=bid, on=MARCH, award_reference="x", authority_body=BodyFactory.create()
        )
    with pytest.raises(ValidationError, match="is rejected"):
        services.bid_submit(actor=actor, bid=RejectedBidFactory.create(), on=MARCH)


def test_securing_a_bid_without_a_fund_posts_nothing(actor):
    bid = GreenLightBidFactory.create()
    before = _count()
    with pytest.raises(ValidationError, match="Choose the fund"):
        services.bid_secure(
            actor=actor, bid=bid, on=MARCH, award_reference="x", authority_body=BodyFactory.create()
        )
    bid.refresh_from_db()
    assert bid.status == BidStatus.GREEN_LIGHT
    assert _count() == before


def test_it_refuses_a_bid_without_funder_or_with_a_bad_amount(actor):
    with pytest.raises(ValidationError, match="Enter the funder"):
        services.bid_create(actor=actor, title="x", funder=" ", amount="10")
    with pytest.raises(ValidationError, match="more than £0"):
        services.bid_create(actor=actor, title="x", funder="RIEP", amount="0")
    BidFactory.create()
