"""The delegated (officer) decision form: what it is about, from the effects' pickers, and
citing the decision for that subject (and only for it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from partnerplan.governance.forms.subjects import subject_value
from partnerplan.governance.models import ActKind, OfficerDecision, PowerKind
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    Subject,
    authority_refusal,
    authority_use,
)
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    PowerFactory,
)
from partnerplan.governance.tests.helpers import error_list

pytestmark = pytest.mark.django_db


def _delegation(world, power):
    PowerFactory.create(body=world.body, kind=power)
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    holder = BodyMembershipFactory.create(body=director).person
    delegation = DelegationFactory.create(
        from_body=world.body, to_bodies=[director], power=power, starts_on=dt.date(2011, 1, 1)
    )
    return delegation, director, holder


def _form(director, holder, **extra):
    data = {"taken_by": director.pk, "decided_by": holder.pk, "title": "Alpha into approval",
            "decision": "Approve", "reasons": "The business case is sound",
            "options_considered": "None", "declared_interests": "None",
            "decided_on_day": "1", "decided_on_month": "2", "decided_on_year": "2011"}  # fmt: skip
    return {**data, **extra}


def _gate(project_id, label, to_stage="approved"):
    return Act(kind=ActKind.GATE, powers=(PowerKind.APPROVE_GATE,), on=dt.date(2011, 3, 1),
               label=f"move {label} into '{to_stage}'", subject=Subject("project_id", project_id,
               label), terms={"to_stage": to_stage})  # fmt: skip


def test_it_asks_what_a_delegated_decision_is_about_and_cites_it_for_that_gate_only(
    world, picker_registry
):
    delegation, director, holder = _delegation(world, PowerKind.APPROVE_GATE)
    client = world.client("admin")
    url = f"/governance/delegations/{delegation.pk}/decide/"
    html = client.get(url).content.decode()
    # The registered effects' pickers, by name: a project and its stage, a fund; never numbers.
    assert "What is it about" in html
    assert "Move a test project: Alpha: into &#x27;Approved&#x27;" in html
    assert "General reserve" in html
    alpha = subject_value({"project_id": 1, "to_stage": "approved"})
    response = client.post(url, _form(director, holder, subject_params=alpha))
    assert response.status_code == 302
    decision = OfficerDecision.objects.get()
    assert decision.subject_params == {"project_id": 1, "to_stage": "approved"}
    grant = Grant(officer_decision=decision)
    assert authority_refusal(act=_gate(1, "Alpha"), grant=grant) is None
    assert "it is not about Beta" in (authority_refusal(act=_gate(2, "Beta"), grant=grant) or "")
    assert "it approved a different stage" in (
        authority_refusal(act=_gate(1, "Alpha", to_stage="pipeline"), grant=grant) or ""
    )
    # The register says what it is about, by name.
    html = world.client("public").get("/governance/delegated-decisions/").content.decode()
    assert "About: Move a test project: Alpha: into &#x27;Approved&#x27;" in html


def test_it_cites_a_delegated_decision_about_a_fund_for_a_call_on_that_fund(world, picker_registry):
    delegation, director, holder = _delegation(world, PowerKind.CALL_ON_RESERVES)
    client = world.client("admin")
    response = client.post(
        f"/governance/delegations/{delegation.pk}/decide/",
        _form(director, holder, title="Call on the general reserve", amount="5000",
              subject_params=subject_value({"fund_id": 10})),
    )  # fmt: skip
    assert response.status_code == 302
    decision = OfficerDecision.objects.get()
    assert decision.subject_params == {"fund_id": 10}

    def call(fund_id, label):
        return Act(kind=ActKind.CALL, powers=(PowerKind.CALL_ON_RESERVES,), on=dt.date(2011, 3, 1),
                   label=f"call £5,000 on {label}", subject=Subject("fund_id", fund_id, label),
                   amount=Decimal("5000"))  # fmt: skip

    grant = Grant(officer_decision=decision)
    assert "it is not about Contingency" in (
        authority_refusal(act=call(11, "Contingency"), grant=grant) or ""
    )
    use = authority_use(actor=None, act=call(10, "General reserve"), grant=grant)
    assert use.officer_decision == decision
    with pytest.raises(Exception, match="already been used"):
        authority_use(actor=None, act=call(10, "General reserve"), grant=grant)


def test_it_records_a_delegated_decision_about_nothing_in_partnerplan(world, picker_registry):
    delegation, director, holder = _delegation(world, PowerKind.APPROVE_GATE)
    response = world.client("admin").post(
        f"/governance/delegations/{delegation.pk}/decide/",
        _form(director, holder, subject_params=""),
    )
    assert response.status_code == 302
    assert OfficerDecision.objects.get().subject_params == {}


def test_it_refuses_a_subject_that_is_not_one_of_the_choices(world, picker_registry):
    delegation, director, holder = _delegation(world, PowerKind.APPROVE_GATE)
    response = world.client("admin").post(
        f"/governance/delegations/{delegation.pk}/decide/",
        _form(director, holder, subject_params='{"project_id": 99}'),
    )
    assert response.status_code == 400
    assert error_list(response) == ["Select what is it about from the list"]
    assert not OfficerDecision.objects.exists()


def test_it_shows_the_delegated_decision_form_in_a_fixed_number_of_queries(
    world, assert_queries, picker_registry
):
    delegation, director, _holder = _delegation(world, PowerKind.APPROVE_GATE)
    for _ in range(3):
        BodyMembershipFactory.create(body=director)
    url = f"/governance/delegations/{delegation.pk}/decide/"
    client = world.client("admin")
    # session, user, viewer x2, the delegation with its bodies and decisions, the bodies and the
    # people to choose from (the effects' pickers here read no table)
    with assert_queries(9, url):
        response = client.get(url)
    assert response.status_code == 200
