"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django import forms
from django.core.exceptions import ValidationError

from partnerplan.governance import effects, services
from partnerplan.governance.forms import recommendation_form
from partnerplan.governance.forms.recommendations import encode
from partnerplan.governance.models import (
    Decision,
    Meeting,
    MeetingStatus,
    Outcome,
    PowerKind,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PowerFactory,
    RecommendationFactory,
    at,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


GATE_CALLS: list[dict[str, object]] = []


def fake_gate(*, actor, decision, project_id, to_stage):
    GATE_CALLS.append({"decision": str(decision), "project_id": project_id, "to_stage": to_stage})
    if to_stage == "closed":
        raise ValidationError("The project has open risks, so it cannot be closed")


@pytest.fixture
def fake_effects():
    """The gate effect as portfolio declares it, with a handler that only records its calls."""
    real = effects.effect_for("portfolio.gate")
    GATE_CALLS.clear()
    # The handler only records its calls; the check (which looks the project up) is portfolio's.
    effects.register(replace(real, handler=fake_gate, check=None))
    yield
    effects.register(real)


def test_it_refuses_an_effect_nobody_registered(held):
    _meeting, item = held
    item.meeting.status = MeetingStatus.SCHEDULED
    item.meeting.save()
    with pytest.raises(ValidationError, match="not a kind of effect partnerplan knows") as exc:
        services.recommendation_add(
            actor=None, item=item, text="Move it", effect_kind="portfolio.teleport",
            effect_params={"project_id": 1},
        )  # fmt: skip
    assert "'portfolio.teleport' is not a kind of effect partnerplan knows" in message_of(exc)
    assert "finance.call_on_reserves" in message_of(exc) and "portfolio.gate" in message_of(exc)


def test_it_has_the_effects_portfolio_and_finance_register_with_the_powers_they_need():
    gate = effects.effect_for("portfolio.gate")
    call = effects.effect_for("finance.call_on_reserves")
    assert PowerKind.APPROVE_GATE in gate.powers
    assert PowerKind.APPROVE_PIPELINE_ENTRY in gate.powers
    assert call.powers == (PowerKind.CALL_ON_RESERVES,)
    assert [p.name for p in gate.params] == ["project_id", "to_stage"]
    assert {e.kind for e in effects.effects()} >= {"portfolio.gate", "finance.call_on_reserves"}


def test_it_offers_pickers_for_the_registered_effects_instead_of_numbers(picker_registry):
    form = recommendation_form()
    choices = list(form.fields["effect_kind"].choices)  # type: ignore[attr-defined]
    assert ("test.move", "Move a test project") in choices
    # One picker sets the project and its stage; no project number or stage code is typed.
    picker = form.fields["test_move__choice"]
    assert [label for _v, label in picker.choices] == [  # type: ignore[attr-defined]
        "Choose one", "Alpha: into 'Approved'", "Beta: into 'Pipeline'"
    ]  # fmt: skip
    assert "test_move__project_id" not in form.fields
    assert "test_move__to_stage" not in form.fields
    # The other effect: a select per parameter; the amount is the recommendation's own.
    assert isinstance(form.fields["test_call__fund_id"], forms.ChoiceField)
    assert isinstance(form.fields["test_call__to_fund_id"], forms.ChoiceField)
    assert "test_call__amount" not in form.fields
    assert not any(
        isinstance(f, forms.IntegerField) for n, f in form.fields.items() if n.startswith("test_")
    )


def test_it_turns_the_chosen_pickers_into_the_effects_parameters(picker_registry):
    alpha = encode({"project_id": 1, "to_stage": "approved"})
    form = recommendation_form(
        {"text": "Move it", "effect_kind": "test.move", "test_move__choice": alpha,
         "test_call__fund_id": "10"}
    )  # fmt: skip
    assert form.is_valid(), form.errors
    # Only the chosen effect's answers are kept.
    assert form.cleaned_data["effect_params"] == {"project_id": 1, "to_stage": "approved"}
    form = recommendation_form(
        {"text": "Call", "effect_kind": "test.call", "test_call__fund_id": "10",
         "test_call__to_fund_id": "11", "amount": "17500.50", "power": "call_on_reserves"}
    )  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.cleaned_data["effect_params"] == {
        "fund_id": 10, "amount": "17500.50", "to_fund_id": 11
    }  # fmt: skip


def test_it_asks_for_a_missing_choice_on_its_own_field(picker_registry):
    form = recommendation_form({"text": "Move it", "effect_kind": "test.move"})
    assert not form.is_valid()
    assert form.errors["test_move__choice"] == ["Choose what 'move a test project' is about"]
    form = recommendation_form(
        {"text": "Call", "effect_kind": "test.call", "test_call__fund_id": "99"}
    )
    assert not form.is_valid()
    assert form.errors["test_call__fund_id"] == ["Select fund to call on from the list"]
    assert form.errors["test_call__to_fund_id"] == ["Enter or choose fund the money goes to"]


def test_it_checks_effect_parameters(fake_effects, committee):
    body, _m, _c = committee
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=body))
    with pytest.raises(ValidationError, match="project_id must be a whole number") as exc:
        services.recommendation_add(
            actor=None,
            item=item,
            text="Move it",
            effect_kind="portfolio.gate",
            effect_params={"project_id": "x"},
        )
    assert "project_id must be a whole number" in message_of(exc)
    assert "needs to_stage" in message_of(exc)


def _decide_with_effect(committee, to_stage):
    body, members, _c = committee
    meeting = MeetingFactory.create(body=body, starts_at=at(2030, 3, 15))
    item = AgendaItemFactory.create(meeting=meeting, number=3)
    rec = services.recommendation_add(
        actor=None, item=item, text="Move it", effect_kind="portfolio.gate",
        effect_params={"project_id": 7, "to_stage": to_stage},
    )  # fmt: skip
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    meeting.refresh_from_db()
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    return rec


def test_it_applies_the_effect_of_an_approved_recommendation(fake_effects, committee):
    rec = _decide_with_effect(committee, "pipeline")
    services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    assert GATE_CALLS == [
        {
            "decision": "Joint Committee, 15 March 2030, item 3, recommendation 1",
            "project_id": 7,
            "to_stage": "pipeline",
        }
    ]


def test_it_does_not_save_the_decision_when_the_effect_is_refused(fake_effects, committee):
    rec = _decide_with_effect(committee, "closed")
    with pytest.raises(ValidationError, match="open risks") as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
        )
    assert "open risks" in message_of(exc)
    assert not Decision.objects.exists()


def test_it_does_not_apply_the_effect_of_a_rejected_recommendation(fake_effects, committee):
    rec = _decide_with_effect(committee, "pipeline")
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.REJECTED, reasons="No")
    assert GATE_CALLS == []


def test_it_sets_an_effect_only_on_an_undecided_recommendation(fake_effects, committee, held):
    body, members, _c = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    params = {"project_id": 3, "to_stage": "pipeline"}
    services.recommendation_set_effect(
        actor=None, recommendation=rec, effect_kind="portfolio.gate", effect_params=params
    )
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x")
    assert GATE_CALLS[0]["project_id"] == 3
    with pytest.raises(ValidationError, match="has been decided") as exc:
        services.recommendation_set_effect(
            actor=None, recommendation=rec, effect_kind="", effect_params={}
        )
    assert "has been decided" in message_of(exc)


def test_an_approved_gate_recommendation_moves_the_real_project(committee, held):
    """End to end with the portfolio app's handler (no fake): the decision moves the project
    and the gate passage names the decision; a rejected one leaves the project alone."""
    from partnerplan.portfolio.tests.factories import ProjectFactory

    body, members, _c = committee
    meeting, item = held
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    params = {"project_id": project.pk, "to_stage": "approved"}
    rejected = RecommendationFactory.create(
        item=item, text="Approve entry", power=PowerKind.APPROVE_GATE,
        effect_kind="portfolio.gate", effect_params=params,
    )  # fmt: skip
    services.decision_record(
        actor=None, recommendation=rejected, outcome=Outcome.REJECTED, reasons="Not ready"
    )
    project.refresh_from_db()
    assert project.stage.code == "proposed"
    approved = RecommendationFactory.create(
        item=item, text="Approve entry (again)", power=PowerKind.APPROVE_GATE,
        effect_kind="portfolio.gate", effect_params=params,
    )  # fmt: skip
    decision = services.decision_record(
        actor=None, recommendation=approved, outcome=Outcome.APPROVED, reasons="Ready"
    )
    project.refresh_from_db()
    assert project.stage.code == "approved"
    passage = project.gate_passages.get()
    assert passage.authority_reference == str(decision) and passage.authority_body == body


def test_it_types_no_code_when_an_effects_picker_has_nothing_to_offer(picker_registry):
    move = effects.effect_for("test.move")
    effects.register(replace(move, choices=lambda: []))
    form = recommendation_form({"text": "Move it", "effect_kind": "test.move"})
    picker = form.fields["test_move__choice"]
    assert [label for _v, label in picker.choices] == [  # type: ignore[attr-defined]
        "There is nothing to choose now"
    ]
    # The stage is never typed; the project keeps its own select.
    assert "test_move__to_stage" not in form.fields
    assert isinstance(form.fields["test_move__project_id"], forms.ChoiceField)
    assert not form.is_valid()
    assert form.errors["test_move__choice"] == [
        "There is nothing 'move a test project' can be about now"
    ]
