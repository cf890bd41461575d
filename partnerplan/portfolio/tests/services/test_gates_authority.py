"""Gates pass only on an authority that covers them (governance's `authority_use`): a body's
decision about this project and stage, a delegated decision about it, or a decision taken
before partnerplan recorded from the papers for a body that held the power; never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance.models import ActKind, AuthorityUse, PowerKind, PriorDecision
from partnerplan.governance.tests.factories import BodyFactory, PowerFactory
from partnerplan.portfolio import services
from partnerplan.portfolio.models import GatePassage, Stage
from partnerplan.portfolio.tests.factories import (
    ApprovedBusinessCaseVersionFactory,
    ConfidenceAssessmentFactory,
    PreparingCaseProjectFactory,
    ProjectFactory,
)
from partnerplan.portfolio.tests.helpers import decide, officer_decision

pytestmark = pytest.mark.django_db


def _stage(project, code):
    return Stage.objects.get(programme=project.programme, code=code)


def _gate(project, code="approved", **authority):
    return services.project_pass_gate(
        actor=None, project=project, to_stage=_stage(project, code), **authority
    )


def _about(project, code="approved"):
    return {"project_id": project.pk, "to_stage": code}


def test_it_moves_a_project_on_a_decision_about_it_of_a_body_with_the_power(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    project = ProjectFactory.create()
    decision = decide(meeting, effect_params=_about(project))
    passage = _gate(project, decision=decision)
    assert passage.decision == decision and not passage.recorded_from_papers
    assert passage.authority_body == body and passage.authority_date == decision.decided_on
    assert passage.authority_reference == str(decision)
    use = passage.authority_use
    assert use.act == ActKind.GATE and use.decision == decision and use.subject_id == project.pk


def test_it_refuses_a_decision_of_a_body_without_the_power_and_names_who_has_it(committee):
    body, meeting = committee
    PowerFactory.create(
        body=BodyFactory.create(name="Leaders Group"), kind=PowerKind.APPROVE_PIPELINE_ENTRY
    )
    project = ProjectFactory.create()
    decision = decide(meeting, effect_params=_about(project))
    with pytest.raises(ValidationError, match="This needs a decision of Leaders Group") as refused:
        _gate(project, decision=decision)
    assert "did not hold the power" in refused.value.message_dict["decision"][0]
    project.refresh_from_db()
    assert project.stage.code == "proposed" and not project.gate_passages.exists()


def test_it_refuses_a_decision_that_did_not_approve(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    decision = decide(meeting, outcome="deferred", effect_params=_about(project))
    with pytest.raises(ValidationError, match="deferred: it authorises nothing"):
        _gate(project, decision=decision)


def test_it_refuses_the_gate_on_another_projects_decision(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    other, project = ProjectFactory.create(), ProjectFactory.create(title="Life Events")
    decision = decide(
        meeting, effect_kind="portfolio.gate", power=PowerKind.APPROVE_GATE,
        effect_params=_about(other),
    )  # fmt: skip
    other.refresh_from_db()
    assert other.stage.code == "approved"  # the decision's own effect moved the other project
    with pytest.raises(ValidationError, match="it is not about Life Events") as refused:
        _gate(project, decision=decision)
    assert refused.value.message_dict["decision"][0].startswith(
        f"{decision} does not allow you to move Life Events into 'Approved into the pipeline'"
    )


def test_it_refuses_the_gate_on_a_decision_about_another_stage(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    decision = decide(meeting, effect_params=_about(project, "business-case"))
    with pytest.raises(ValidationError, match="it approved a different stage"):
        _gate(project, decision=decision)
    assert not GatePassage.objects.exists()


def test_it_refuses_a_decision_older_than_the_business_case_approval(committee):
    body, meeting = committee  # the meeting was held on 17 December 2010
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    project = PreparingCaseProjectFactory.create()
    ConfidenceAssessmentFactory.create(project=project)
    ApprovedBusinessCaseVersionFactory.create(
        business_case__project=project, approved_on=dt.date(2011, 3, 1)
    )
    decision = decide(meeting, effect_params=_about(project, "business-case-approved"))
    with pytest.raises(ValidationError, match="before what it would approve existed"):
        _gate(project, "business-case-approved", decision=decision)


def test_it_refuses_the_same_decision_for_a_second_gate(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create(title="Telephony")
    decision = decide(meeting, effect_params={"project_id": project.pk})
    _gate(project, decision=decision)
    with pytest.raises(ValidationError, match="it has already been used to move Telephony"):
        _gate(project, "business-case", decision=decision)
    assert project.gate_passages.count() == 1


def test_it_passes_the_gate_when_governance_applies_the_decisions_effect(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    decision = decide(
        meeting, power=PowerKind.APPROVE_GATE, effect_kind="portfolio.gate",
        effect_params=_about(project),
    )  # fmt: skip
    passage = project.gate_passages.get()
    assert passage.decision == decision and passage.authority_use.decision == decision


def test_it_moves_a_project_on_a_delegated_decision_about_it(committee):
    body, _meeting = committee
    project = ProjectFactory.create()
    od = officer_decision(body, PowerKind.APPROVE_GATE, _about(project))
    passage = _gate(project, officer_decision=od)
    assert passage.officer_decision == od and passage.authority_use.officer_decision == od
    other = ProjectFactory.create(title="Mobile Working")
    with pytest.raises(ValidationError, match="not about Mobile Working"):
        _gate(other, officer_decision=officer_decision(body, PowerKind.APPROVE_GATE, {}))


def test_it_records_a_decision_from_before_partnerplan_of_a_body_with_the_power():
    body = BodyFactory.create(name="Joint Committee")
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    project = ProjectFactory.create()
    passage = _gate(
        project,
        deciding_body=body,
        decision_reference="Joint Committee, 24 September 2010, minute 12",
        decided_on=dt.date(2010, 9, 24),
    )
    assert passage.recorded_from_papers and passage.decision is None
    prior = passage.prior_decision
    assert prior.body == body and prior.power == PowerKind.APPROVE_PIPELINE_ENTRY
    assert prior.subject_params == {"project_id": project.pk, "to_stage": "approved"}
    assert passage.authority_use.prior_decision == prior
    assert passage.authority_reference == "Joint Committee, 24 September 2010, minute 12"


def test_it_refuses_a_decision_from_before_partnerplan_of_a_body_without_the_power():
    PowerFactory.create(
        body=BodyFactory.create(name="Joint Committee"), kind=PowerKind.APPROVE_PIPELINE_ENTRY
    )
    corridor = BodyFactory.create(name="Corridor")
    project = ProjectFactory.create()
    papers = {"decision_reference": "Chat in corridor", "decided_on": dt.date(2010, 9, 24)}
    with pytest.raises(ValidationError, match="Corridor did not hold the power") as refused:
        _gate(project, deciding_body=corridor, **papers)
    assert (
        "This needs a decision of Joint Committee" in refused.value.message_dict["deciding_body"][0]
    )
    with pytest.raises(ValidationError, match="Choose the body that took the decision") as none:
        _gate(project, **papers)
    assert "This needs a decision of Joint Committee" in none.value.message_dict["deciding_body"][0]
    assert not PriorDecision.objects.exists() and not AuthorityUse.objects.exists()


def test_it_refuses_a_gate_with_no_decision_at_all():
    project = ProjectFactory.create()
    with pytest.raises(
        ValidationError, match="Choose the decision that allows this gate"
    ) as refused:
        _gate(project)
    assert list(refused.value.message_dict) == ["decision"]


def test_it_refuses_two_authorities_at_once(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    decision = decide(meeting, effect_params=_about(project))
    with pytest.raises(ValidationError, match="Choose one authority"):
        _gate(project, decision=decision, deciding_body=body, decided_on=dt.date(2010, 1, 1))
