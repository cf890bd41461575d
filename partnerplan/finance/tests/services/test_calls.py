"""Calls on reserves posted by the governance effect of a decision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    RequestStatus,
)
from partnerplan.finance.selectors import fund_balance
from partnerplan.finance.tests.factories import (
    EarmarkedFundFactory,
    FundingRequestFactory,
    fund_with_balance,
)
from partnerplan.finance.tests.services._helpers import MARCH, _count
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_governance_effect_posts_the_call_naming_the_decision(actor):
    reserve = fund_with_balance(actor, amount="300000")
    contingency = EarmarkedFundFactory.create()
    request = FundingRequestFactory.create(
        fund=reserve, to_fund=contingency, amount=Decimal("85000")
    )

    class Decided:  # duck-typed: what governance passes
        body = reserve.owner_body
        decided_on = dt.date(2010, 12, 17)

        def __str__(self):
            return "Joint Committee, 17 December 2010, item 3, recommendation 4"

    tx = services.reserve_call_from_decision(
        actor=actor, decision=Decided(), fund_id=reserve.pk, to_fund_id=contingency.pk,
        amount="85000.00", purpose="Contingency (2.4)", pay_on="2011-01-31", request_id=request.pk,
    )  # fmt: skip
    assert tx.authority_reference == "Joint Committee, 17 December 2010, item 3, recommendation 4"
    assert tx.authority_date == dt.date(2010, 12, 17)
    assert tx.effective_on == dt.date(2011, 1, 31)
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.transaction == tx
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("215000.00")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"fund_id": 999999, "amount": "10", "to_fund_id": None}, "There is no fund"),
        ({"amount": "-10"}, "more than £0"),
        ({"amount": "10", "colour": "red"}, "does not take colour"),
        ({"amount": "10", "pay_on": "soon"}, "is not a date"),
        ({"amount": "10", "to_fund_id": None}, "a fund or a project, not both"),
    ],
)
def test_the_governance_effect_refuses_bad_parameters(actor, params, message):
    reserve = fund_with_balance(actor, amount="300000")
    earmark = EarmarkedFundFactory.create()
    decision = type(
        "D", (), {"body": reserve.owner_body, "decided_on": MARCH, "__str__": lambda s: "D"}
    )()
    kwargs = {"fund_id": reserve.pk, "to_fund_id": earmark.pk, "purpose": "x", **params}
    if kwargs["to_fund_id"] is None:
        del kwargs["to_fund_id"]
    before = _count()
    with pytest.raises(ValidationError, match=message):
        services.reserve_call_from_decision(actor=actor, decision=decision, **kwargs)
    assert _count() == before


def test_the_governance_effect_accepts_a_real_decision(actor):
    from partnerplan.governance.models import Decision, Outcome
    from partnerplan.governance.tests.factories import MeetingFactory, RecommendationFactory

    reserve = fund_with_balance(actor, amount="300000")
    meeting = MeetingFactory.create(body=reserve.owner_body)
    rec = RecommendationFactory.create(item__meeting=meeting)
    decision = Decision.objects.create(
        recommendation=rec, meeting=meeting, body=reserve.owner_body, outcome=Outcome.APPROVED,
        decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip
    tx = services.reserve_call_from_decision(
        actor=actor, decision=decision, fund_id=reserve.pk, amount="17500",
        project_id=ProjectFactory.create().pk, purpose="CRM",
    )  # fmt: skip
    assert tx.decision == decision
    assert "Decision:" in tx.authority_text
