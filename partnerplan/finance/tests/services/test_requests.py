"""Funding requests: refused or withdrawn once; approved or refused by the decision about them
(which posts the call); a call posted by hand closes the request it answers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    RequestStatus,
)
from partnerplan.finance.selectors import authority_breaks, fund_balance
from partnerplan.finance.tests.decisions import committee, decide
from partnerplan.finance.tests.factories import (
    EarmarkedFundFactory,
    authority,
    fund_with_balance,
)
from partnerplan.finance.tests.services._helpers import MARCH
from partnerplan.governance.effects import effect_for, validate_effect
from partnerplan.governance.models import Outcome
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_pending_request_can_be_refused_or_withdrawn_once(actor):
    reserve = fund_with_balance(actor)
    request = services.request_create(
        actor=actor, fund=reserve, title="CRM", amount="17500", expected_on=MARCH
    )
    services.request_close(actor=actor, request=request, status=RequestStatus.REFUSED)
    with pytest.raises(ValidationError, match="is refused: it cannot be marked withdrawn"):
        services.request_close(actor=actor, request=request, status=RequestStatus.WITHDRAWN)


# --- Decided by the decision about it (the effect "finance.request") ----------------------


def _request(actor, body, **more):
    reserve = fund_with_balance(actor, amount="318990", owner_body=body)
    earmark = EarmarkedFundFactory.create(name="CRM earmark")
    return services.request_create(
        actor=actor, fund=reserve, title="CRM request", amount="20000",
        expected_on=dt.date(2011, 3, 1), to_fund=earmark, **more,
    )  # fmt: skip


def test_it_approves_a_request_by_the_decision_about_it_and_posts_its_call(actor):
    body, members = committee()
    request = _request(actor, body)
    decision = decide(
        actor, body, members, effect_kind="finance.request",
        effect_params={"request_id": request.pk},
    )  # fmt: skip
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert (request.decision, request.decided_on) == (decision, decision.decided_on)
    tx = request.transaction
    assert tx.decision == decision and tx.authority_use.subject_key == "request_id"
    assert tx.effective_on == dt.date(2011, 3, 1)
    assert {(e.account.fund_id, e.amount) for e in tx.entries.all()} == {
        (request.fund_id, Decimal("-20000.00")), (request.to_fund_id, Decimal("20000.00"))
    }  # fmt: skip
    assert authority_breaks() == []


def test_it_refuses_a_request_by_the_decision_that_rejects_it(actor):
    body, members = committee()
    request = _request(actor, body)
    decision = decide(
        actor, body, members, effect_kind="finance.request",
        effect_params={"request_id": request.pk}, outcome=Outcome.REJECTED,
    )  # fmt: skip
    request.refresh_from_db()
    assert (request.status, request.decision, request.transaction) == (
        RequestStatus.REFUSED, decision, None
    )  # fmt: skip


def test_it_refuses_at_once_a_recommendation_on_a_request_that_is_not_pending(actor):
    body, _members = committee()
    request = _request(actor, body)
    services.request_close(actor=actor, request=request, status=RequestStatus.WITHDRAWN)
    with pytest.raises(ValidationError, match="is withdrawn: only a pending request"):
        validate_effect("finance.request", {"request_id": request.pk})


def test_it_offers_the_pending_requests_by_title_and_amount(actor):
    body, _members = committee()
    request = _request(actor, body)
    (param,) = effect_for("finance.request").params
    assert param.choices is not None
    assert (request.pk, f"CRM request: £20,000 from {request.fund.name}") in param.choices()
    services.request_close(actor=actor, request=request, status=RequestStatus.REFUSED)
    assert param.choices() == []


def test_a_call_posted_by_hand_names_the_request_it_answers_and_closes_it(actor):
    body, _members = committee()
    request = _request(actor, body)
    cited = authority(body, reference="Joint Committee, 17 December 2010, item 6")
    with pytest.raises(ValidationError, match="asked for the money to go to CRM earmark"):
        services.call_on_reserves(
            actor=actor, fund=request.fund, amount="20000", purpose="CRM", on=MARCH,
            project=ProjectFactory.create(), authority=cited, request=request,
        )  # fmt: skip
    tx = services.call_on_reserves(
        actor=actor, fund=request.fund, amount="20000", purpose="CRM", on=MARCH,
        to_fund=request.to_fund, authority=cited, request=request,
    )  # fmt: skip
    request.refresh_from_db()
    assert (request.status, request.transaction) == (RequestStatus.APPROVED, tx)
    with pytest.raises(ValidationError, match="is approved: only a pending request"):
        services.call_on_reserves(
            actor=actor, fund=request.fund, amount="20000", purpose="Again", on=MARCH,
            to_fund=request.to_fund, authority=authority(body, "Another"), request=request,
        )  # fmt: skip


def test_a_scenario_counts_an_approved_request_once(actor):
    """The seed's case: £232,290 forecast for March 2011; a £20,000 request approved and its
    call posted leaves £212,290, in the scenario too (not £192,290)."""
    body, members = committee()
    reserve = fund_with_balance(actor, amount="318990", owner_body=body)
    services.call_on_reserves(
        actor=actor, fund=reserve, amount="86700", purpose="Project managers",
        on=dt.date(2011, 1, 31), to_fund=EarmarkedFundFactory.create(),
        authority=authority(body, "Sanctioned at the last meeting"),
    )  # fmt: skip
    request = services.request_create(
        actor=actor, fund=reserve, title="£20k", amount="20000", expected_on=dt.date(2011, 3, 1),
        to_fund=EarmarkedFundFactory.create(),
    )  # fmt: skip
    scenario = services.scenario_create(actor=actor, name="With the request", requests=[request])
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("232290.00")
    assert fund_balance(fund=reserve, on=MARCH, scenario=scenario) == Decimal("212290.00")
    decide(
        actor, body, members, effect_kind="finance.request",
        effect_params={"request_id": request.pk},
    )  # fmt: skip
    assert fund_balance(fund=reserve, on=MARCH) == Decimal("212290.00")
    assert fund_balance(fund=reserve, on=MARCH, scenario=scenario) == Decimal("212290.00")
