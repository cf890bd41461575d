"""Gates require a real decision: a body's approving decision or a decision under a delegation,
with the power for that gate; a decision from before partnerplan is recorded from the papers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services as governance
from partnerplan.governance.models import Outcome, PowerKind
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
    PowerFactory,
    RecommendationFactory,
)
from partnerplan.portfolio import services
from partnerplan.portfolio.models import Stage
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    body = BodyFactory.create(name="Joint Committee", quorum_minimum=1)
    member = BodyMembershipFactory.create(body=body).person
    meeting = HeldMeetingFactory.create(body=body)
    governance.meeting_record_attendance(actor=None, meeting=meeting, present=[member])
    return body, meeting


def _decide(meeting, outcome=Outcome.APPROVED, **rec):
    recommendation = RecommendationFactory.create(item__meeting=meeting, **rec)
    return governance.decision_record(
        actor=None, recommendation=recommendation, outcome=outcome, reasons="As set out"
    )


def _stage(project, code):
    return Stage.objects.get(programme=project.programme, code=code)


def test_it_moves_a_project_on_a_decision_of_a_body_with_the_power(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    decision = _decide(meeting, text="To approve entry of the project to the pipeline")
    project = ProjectFactory.create()
    passage = services.project_pass_gate(
        actor=None, project=project, to_stage=_stage(project, "approved"), decision=decision
    )
    assert passage.decision == decision and not passage.recorded_from_papers
    assert passage.authority_body == body and passage.authority_date == decision.decided_on
    assert passage.authority_reference == str(decision)


def test_it_refuses_a_decision_of_a_body_without_the_power_and_names_who_has_it(committee):
    body, meeting = committee
    PowerFactory.create(
        body=BodyFactory.create(name="Leaders Group"), kind=PowerKind.APPROVE_PIPELINE_ENTRY
    )
    decision = _decide(meeting)
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match="Leaders Group") as refused:
        services.project_pass_gate(
            actor=None, project=project, to_stage=_stage(project, "approved"), decision=decision
        )
    assert "Leaders Group" in " ".join(refused.value.message_dict["decision"])
    project.refresh_from_db()
    assert project.stage.code == "proposed" and not project.gate_passages.exists()


def test_it_refuses_a_decision_that_did_not_approve(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    decision = _decide(meeting, outcome=Outcome.DEFERRED)
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match="deferred: it allows no gate") as refused:
        services.project_pass_gate(
            actor=None, project=project, to_stage=_stage(project, "approved"), decision=decision
        )
    assert "deferred: it allows no gate" in refused.value.message_dict["decision"][0]


def test_it_refuses_a_decision_about_another_project(committee, monkeypatch):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    other, project = ProjectFactory.create(), ProjectFactory.create()
    decision = _decide(
        meeting,
        effect_kind="portfolio.gate",
        effect_params={"project_id": other.pk, "to_stage": "approved"},
    )
    other.refresh_from_db()
    assert other.stage.code == "approved"  # the decision's own effect moved the other project
    with pytest.raises(ValidationError, match="another project") as refused:
        services.project_pass_gate(
            actor=None, project=project, to_stage=_stage(project, "approved"), decision=decision
        )
    assert "another project" in refused.value.message_dict["decision"][0]


def test_it_links_the_decision_when_governance_applies_the_gate_effect(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_GATE)
    project = ProjectFactory.create()
    decision = _decide(
        meeting,
        power=PowerKind.APPROVE_GATE,
        effect_kind="portfolio.gate",
        effect_params={"project_id": project.pk, "to_stage": "approved"},
    )
    assert project.gate_passages.get().decision == decision


def test_it_records_a_decision_from_before_partnerplan_from_the_papers():
    project = ProjectFactory.create()
    passage = services.project_pass_gate(
        actor=None,
        project=project,
        to_stage=_stage(project, "approved"),
        decision_reference="Joint Committee, 24 September 2010, minute 12",
        decided_on=dt.date(2010, 9, 24),
    )
    assert passage.recorded_from_papers and passage.decision is None


def test_it_refuses_a_gate_with_no_decision_at_all():
    project = ProjectFactory.create()
    with pytest.raises(
        ValidationError, match="Choose the decision that allows this gate"
    ) as refused:
        services.project_pass_gate(
            actor=None, project=project, to_stage=_stage(project, "approved")
        )
    errors = refused.value.message_dict
    assert errors["decision"][0].startswith("Choose the decision that allows this gate")
    assert errors["decided_on"] == ["Enter the date the decision was taken"]
