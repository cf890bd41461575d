"""Calls on reserves use their authority once, through governance's `authority_use`: by the
effect of a decision about the fund, or by hand on a decision, a delegated decision or a
decision recorded from the papers (a reference becomes a PriorDecision first)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import LedgerTransaction, RequestStatus
from partnerplan.finance.selectors import authority_breaks, fund_balance
from partnerplan.finance.tests.decisions import committee, decide, decision_without_effect
from partnerplan.finance.tests.factories import (
    EarmarkedFundFactory,
    FundingRequestFactory,
    authority,
    fund_with_balance,
)
from partnerplan.finance.tests.services._helpers import MARCH, _count
from partnerplan.governance.models import ActKind, PowerKind, PriorDecision
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jc():
    return committee()


def _call_effect(reserve, earmark, **more):
    return {
        "fund_id": reserve.pk, "to_fund_id": earmark.pk, "amount": "85000.00",
        "purpose": "Contingency (2.4)", **more,
    }  # fmt: skip


def test_it_posts_the_call_a_decision_approves_and_records_its_use(actor, jc):
    body, members = jc
    reserve = fund_with_balance(actor, amount="300000", owner_body=body)
    earmark = EarmarkedFundFactory.create()
    request = FundingRequestFactory.create(fund=reserve, to_fund=earmark, amount=Decimal("85000"))
    decision = decide(
        actor, body, members, effect_kind="finance.call_on_reserves",
        effect_params=_call_effect(reserve, earmark, pay_on="2011-01-31", request_id=request.pk),
        amount=Decimal("85000"), power=PowerKind.CALL_ON_RESERVES,
    )  # fmt: skip
    tx = LedgerTransaction.objects.get(decision=decision)
    assert tx.effective_on == dt.date(2011, 1, 31)
    assert tx.authority_use.act == ActKind.CALL
    assert tx.authority_use.decision == decision
    assert tx.authority_use.subject_id == reserve.pk
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert (request.transaction, request.decision) == (tx, decision)
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("215000.00")
    assert authority_breaks() == []


def test_it_refuses_a_second_call_on_one_decision(actor, jc):
    body, members = jc
    reserve = fund_with_balance(actor, amount="300000", owner_body=body)
    earmark = EarmarkedFundFactory.create()
    decision = decide(
        actor, body, members, effect_kind="finance.call_on_reserves",
        effect_params=_call_effect(reserve, earmark),
    )  # fmt: skip
    before = _count()
    with pytest.raises(ValidationError, match="has already been used to call on reserves"):
        services.call_on_reserves(
            actor=actor, fund=reserve, amount="85000", purpose="Again", on=MARCH,
            to_fund=earmark, authority=services.CitedAuthority(decision=decision),
        )  # fmt: skip
    assert _count() == before


def test_it_refuses_a_call_on_a_decision_about_another_fund(actor, jc):
    body, members = jc
    reserve = fund_with_balance(actor, amount="300000", owner_body=body)
    other = fund_with_balance(actor, amount="300000", owner_body=body)
    earmark = EarmarkedFundFactory.create()
    decision = decide(
        actor, body, members, effect_kind="finance.call_on_reserves",
        effect_params=_call_effect(reserve, earmark),
    )  # fmt: skip
    with pytest.raises(ValidationError, match=f"it is not about {other.name}"):
        services.call_on_reserves(
            actor=actor, fund=other, amount="100", purpose="Elsewhere", on=MARCH,
            to_fund=earmark, authority=services.CitedAuthority(decision=decision),
        )  # fmt: skip


def test_it_refuses_a_call_on_a_decision_whose_effect_names_no_fund(actor, jc):
    body, _members = jc
    reserve = fund_with_balance(actor, amount="300000", owner_body=body)
    unrelated = decision_without_effect(body, power=PowerKind.CALL_ON_RESERVES)
    before = _count()
    with pytest.raises(ValidationError, match=f"it is not about {reserve.name}") as exc:
        services.call_on_reserves(
            actor=actor, fund=reserve, amount="100", purpose="Any decision", on=MARCH,
            to_fund=EarmarkedFundFactory.create(),
            authority=services.CitedAuthority(decision=unrelated),
        )  # fmt: skip
    assert "does not allow you to call £100 on" in str(exc.value)
    assert _count() == before


def test_it_refuses_a_call_by_a_decision_that_used_another_power(actor):
    body, members = committee("Programme Board", powers=(PowerKind.APPROVE_GATE,))
    reserve = fund_with_balance(actor, amount="300000")
    with pytest.raises(ValidationError, match="not a power for this") as exc:
        decide(
            actor, body, members, effect_kind="finance.call_on_reserves",
            effect_params=_call_effect(reserve, EarmarkedFundFactory.create()),
            amount=Decimal("85000"), power=PowerKind.APPROVE_GATE,
        )  # fmt: skip
    assert "the power to approve a call on reserves." in str(exc.value)
    assert not LedgerTransaction.objects.filter(description="Contingency (2.4)").exists()


def test_it_records_a_reference_from_the_papers_as_a_decision_and_uses_it_once(actor):
    reserve = fund_with_balance(actor, amount="300000")
    earmark = EarmarkedFundFactory.create()
    cited = authority(reserve.owner_body, reference="JC, 24 September 2010, item 4")
    tx = services.call_on_reserves(
        actor=actor, fund=reserve, amount="86700", purpose="Project managers", on=MARCH,
        to_fund=earmark, authority=cited,
    )  # fmt: skip
    prior = PriorDecision.objects.get(reference="JC, 24 September 2010, item 4")
    assert prior.power == PowerKind.CALL_ON_RESERVES
    assert prior.subject_params == {"fund_id": reserve.pk}
    assert (tx.prior_decision, tx.authority_use.prior_decision) == (prior, prior)
    assert "Decision recorded from the papers" in tx.authority_text
    with pytest.raises(ValidationError, match="has already been used"):
        services.call_on_reserves(
            actor=actor, fund=reserve, amount="100", purpose="Twice", on=MARCH,
            to_fund=earmark, authority=cited,
        )  # fmt: skip


def test_it_refuses_a_reference_of_a_body_without_the_power_and_names_who_holds_it(actor):
    reserve = fund_with_balance(actor, amount="300000")
    corridor = BodyFactory.create(name="Chat in the corridor")
    before = _count()
    with pytest.raises(ValidationError, match="does not have the power") as exc:
        services.call_on_reserves(
            actor=actor, fund=reserve, amount="100", purpose="Corridor", on=MARCH,
            to_fund=EarmarkedFundFactory.create(),
            authority=authority(corridor, reference="We agreed it over coffee"),
        )  # fmt: skip
    assert "authority_body" in exc.value.message_dict
    assert str(reserve.owner_body) in str(exc.value)
    assert _count() == before
    assert not PriorDecision.objects.filter(body=corridor).exists()


def test_it_refuses_a_call_with_no_body_and_says_who_may_decide(actor):
    reserve = fund_with_balance(actor, amount="300000")
    with pytest.raises(ValidationError, match="the body that authorised it") as exc:
        services.call_on_reserves(
            actor=actor, fund=reserve, amount="100", purpose="Nobody", on=MARCH,
            to_fund=EarmarkedFundFactory.create(),
            authority=services.CitedAuthority(reference="chat in corridor", on=MARCH),
        )  # fmt: skip
    assert f"This needs a decision of {reserve.owner_body}" in str(exc.value)


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
def test_the_governance_effect_refuses_bad_parameters(actor, jc, params, message):
    body, _members = jc
    reserve = fund_with_balance(actor, amount="300000", owner_body=body)
    earmark = EarmarkedFundFactory.create()
    decision = decision_without_effect(body)
    kwargs = {"fund_id": reserve.pk, "to_fund_id": earmark.pk, "purpose": "x", **params}
    if kwargs["to_fund_id"] is None:
        del kwargs["to_fund_id"]
    before = _count()
    with pytest.raises(ValidationError, match=message):
        services.reserve_call_from_decision(actor=actor, decision=decision, **kwargs)
    assert _count() == before


def test_the_governance_effect_pays_a_project(actor, jc):
    body, members = jc
    reserve = fund_with_balance(actor, amount="300000", owner_body=body)
    project = ProjectFactory.create()
    decision = decide(
        actor, body, members, effect_kind="finance.call_on_reserves",
        effect_params={"fund_id": reserve.pk, "project_id": project.pk, "amount": "17500"},
    )  # fmt: skip
    tx = LedgerTransaction.objects.get(decision=decision)
    assert "Decision:" in tx.authority_text
    assert {e.account.project_id for e in tx.entries.all()} == {None, project.pk}
