"""factory_boy factories for funds, requests, scenarios and bids, including lifecycle states.

Ledger transactions are made through the services (they must balance and name an authority):
`fund_with_balance` posts an opening balance.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from partnerplan.core.models import Visibility
from partnerplan.finance import services
from partnerplan.finance.models import (
    Bid,
    BidStatus,
    Fund,
    FundingRequest,
    FundKind,
    FundStatus,
    Scenario,
)
from partnerplan.governance.models import Body, Power, PowerKind
from partnerplan.governance.tests.factories import BodyFactory, DelegationFactory


def with_power(body: Body, kind: str = PowerKind.CALL_ON_RESERVES) -> Body:
    """`body`, holding `kind` in its terms of reference (a fund's owner approves calls on it)."""
    Power.objects.get_or_create(body=body, kind=kind)
    return body


class ReserveOwnerFactory(BodyFactory):
    """A body that holds the power to approve a call on reserves."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def call_power(self, create, extracted, **kwargs):
        if create:
            with_power(self)


class FundFactory(factory.django.DjangoModelFactory[Fund]):
    class Meta:
        model = Fund

    name = factory.Sequence(lambda n: f"Fund {n}")
    kind = FundKind.RESERVE
    owner_body = factory.SubFactory(ReserveOwnerFactory)
    visibility = Visibility.PARTNERSHIP


class EarmarkedFundFactory(FundFactory):
    kind = FundKind.EARMARKED


class ContingencyFundFactory(FundFactory):
    kind = FundKind.CONTINGENCY
    delegation = factory.SubFactory(
        DelegationFactory, financial_limit=Decimal("85000"), limit_is_total=True
    )


class ClosedFundFactory(FundFactory):
    status = FundStatus.CLOSED
    closed_on = dt.date(2011, 3, 31)


class FundingRequestFactory(factory.django.DjangoModelFactory[FundingRequest]):
    class Meta:
        model = FundingRequest

    fund = factory.SubFactory(FundFactory)
    title = factory.Sequence(lambda n: f"Request {n}")
    amount = Decimal("17500.00")
    expected_on = dt.date(2011, 3, 1)


class ScenarioFactory(factory.django.DjangoModelFactory[Scenario]):
    class Meta:
        model = Scenario
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Scenario {n}")

    @factory.post_generation
    def requests(self, create, extracted, **kwargs):
        if create and extracted:
            self.requests.set(extracted)


class BidFactory(factory.django.DjangoModelFactory[Bid]):
    class Meta:
        model = Bid

    title = factory.Sequence(lambda n: f"Bid {n}")
    funder = "RIEP"
    amount = Decimal("35000.00")
    visibility = Visibility.PARTNERSHIP


class SubmittedBidFactory(BidFactory):
    status = BidStatus.SUBMITTED
    submitted_on = dt.date(2010, 11, 1)


class GreenLightBidFactory(SubmittedBidFactory):
    status = BidStatus.GREEN_LIGHT


class RejectedBidFactory(SubmittedBidFactory):
    status = BidStatus.REJECTED
    decided_on = dt.date(2010, 12, 1)


def authority(body=None, reference="Test authority", on=dt.date(2010, 4, 1)):
    """A decision taken before partnerplan, given by body, reference and date. For a call on
    reserves it is recorded as a decision (the body must hold the power: the default does)."""
    return services.CitedAuthority(
        body=body or ReserveOwnerFactory.create(), reference=reference, on=on
    )


def fund_with_balance(actor, amount="100000.00", on=dt.date(2010, 4, 1), **kwargs) -> Fund:
    fund = FundFactory.create(**kwargs)
    services.opening_balance_record(
        actor=actor,
        fund=fund,
        amount=Decimal(amount),
        on=on,
        authority=authority(fund.owner_body),
        description="Opening balance",
    )
    return fund
