"""Another use of an earmarked reserve needs its named approver; a bid the funder requires a
decision on needs one to be submitted; the call-on-reserves effect offers pickers and refuses a
closed fund or a missing destination at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import BidStatus, FundKind
from partnerplan.finance.tests.decisions import committee, decide
from partnerplan.finance.tests.factories import (
    BidFactory,
    ClosedFundFactory,
    authority,
    fund_with_balance,
    with_power,
)
from partnerplan.finance.tests.services._helpers import MARCH, _count
from partnerplan.governance.effects import effect_for, validate_effect
from partnerplan.governance.models import ActKind, PowerKind, PriorDecision
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def earmark(actor):
    fund = fund_with_balance(
        actor, amount="20000", kind=FundKind.EARMARKED, name="CRM earmark",
        earmarked_for="CRM team elements",
    )  # fmt: skip
    return fund


def _spend(actor, fund, cited, other_purpose=True, amount="5000"):
    return services.spend_record(
        actor=actor, fund=fund, amount=amount, on=MARCH, description="Website",
        authority=cited, other_purpose=other_purpose,
    )  # fmt: skip


def test_it_refuses_another_use_of_an_earmark_with_no_approver_named(actor, earmark):
    before = _count()
    with pytest.raises(
        ValidationError, match="Name who may approve another use of CRM earmark on its page first"
    ):
        _spend(actor, earmark, authority(earmark.owner_body))
    assert _count() == before


def test_it_spends_an_earmark_for_its_purpose_on_the_ordinary_authority(actor, earmark):
    tx = _spend(actor, earmark, authority(earmark.owner_body), other_purpose=False)
    assert tx.authority_use is None


def test_another_use_of_an_earmark_needs_a_decision_of_its_approver(actor, earmark):
    approver = with_power(BodyFactory.create(name="Leaders and Chief Executives"))
    services.fund_update(actor=actor, fund=earmark, other_use_approver=approver)
    before = _count()
    with pytest.raises(ValidationError, match="only Leaders and Chief Executives may approve"):
        _spend(actor, earmark, authority(earmark.owner_body, "Owner's say-so"))
    assert _count() == before
    tx = services.release_record(
        actor=actor, from_fund=earmark, to_fund=fund_with_balance(actor), amount="5000",
        on=MARCH, description="Back to reserves", other_purpose=True,
        authority=authority(approver, "LCEG, 1 March 2011"),
    )  # fmt: skip
    assert tx.authority_use.act == ActKind.EARMARK_SPEND
    assert tx.prior_decision.body == approver
    with pytest.raises(ValidationError, match="has already been used"):
        _spend(actor, earmark, authority(approver, "LCEG, 1 March 2011"))


def test_the_fund_keeps_its_earmark_only_on_an_earmarked_reserve(actor):
    reserve = fund_with_balance(actor)
    with pytest.raises(ValidationError, match="Only an earmarked reserve has a purpose"):
        services.fund_update(actor=actor, fund=reserve, earmarked_for="Anything")


# --- Bids --------------------------------------------------------------------------------


def test_a_bid_that_needs_approval_is_submitted_only_with_a_decision_about_it(actor):
    bid = BidFactory.create(needs_approval=True, amount=Decimal("275000"))
    with pytest.raises(ValidationError, match="power to approve a bid for external funding"):
        services.bid_submit(actor=actor, bid=bid, on=dt.date(2010, 10, 1))
    corridor = BodyFactory.create(name="Corridor")
    with pytest.raises(ValidationError, match="does not have the power to approve a bid"):
        services.bid_submit(
            actor=actor, bid=bid, on=dt.date(2010, 10, 1),
            authority=authority(corridor, "Nodded through"),
        )  # fmt: skip
    lceg = with_power(BodyFactory.create(name="LCEG"), PowerKind.APPROVE_BID)
    submitted = services.bid_submit(
        actor=actor, bid=bid, on=dt.date(2010, 10, 1),
        authority=authority(lceg, "LCEG, 20 September 2010", on=dt.date(2010, 9, 20)),
    )  # fmt: skip
    assert submitted.status == BidStatus.SUBMITTED
    assert submitted.authority_use.act == ActKind.BID
    assert submitted.prior_decision == PriorDecision.objects.get(body=lceg)
    assert submitted.prior_decision.subject_params == {"bid_id": bid.pk}


def test_a_bid_that_needs_no_approval_is_submitted_as_before(actor):
    bid = BidFactory.create()
    assert services.bid_submit(actor=actor, bid=bid, on=MARCH).authority_use is None


# --- The call-on-reserves effect's pickers and checks ------------------------------------


def test_the_call_effect_offers_funds_and_projects_by_name(actor, earmark):
    closed = ClosedFundFactory.create(name="Old fund")
    project = ProjectFactory.create(title="Life Events")
    params = {p.name: p.choices for p in effect_for("finance.call_on_reserves").params}
    offer_funds, offer_projects = params["fund_id"], params["project_id"]
    assert offer_funds is not None and offer_projects is not None
    funds = offer_funds()
    assert (earmark.pk, "CRM earmark") in funds
    assert closed.pk not in [pk for pk, _ in funds]
    assert (project.pk, "Life Events") in offer_projects()
    assert params["to_fund_id"] == offer_funds


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("closed", "Old fund is closed"),
        ("nowhere", "Choose where the money goes"),
        ("both", "one of them, not both"),
        ("itself", "to a different fund"),
    ],
)
def test_the_call_effect_refuses_a_closed_fund_or_a_missing_destination_at_once(
    actor, earmark, where, message
):
    closed = ClosedFundFactory.create(name="Old fund")
    project = ProjectFactory.create()
    params = {
        "closed": {"fund_id": closed.pk, "to_fund_id": earmark.pk},
        "nowhere": {"fund_id": earmark.pk},
        "both": {"fund_id": earmark.pk, "to_fund_id": closed.pk, "project_id": project.pk},
        "itself": {"fund_id": earmark.pk, "to_fund_id": earmark.pk},
    }[where]
    with pytest.raises(ValidationError, match=message):
        validate_effect("finance.call_on_reserves", {**params, "amount": "100"})


def test_a_recommendation_on_a_closed_fund_is_refused_when_it_is_written(actor):
    body, members = committee()
    closed = ClosedFundFactory.create(name="Old fund")
    with pytest.raises(ValidationError, match="Old fund is closed"):
        decide(
            actor, body, members, effect_kind="finance.call_on_reserves",
            effect_params={"fund_id": closed.pk, "project_id": ProjectFactory.create().pk,
                           "amount": "100"},
        )  # fmt: skip
