"""Gates in order, the business case a gate needs, and review outcomes."""

from __future__ import annotations

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
from partnerplan.portfolio.models import (
    GatePassage,
    Stage,
)
from partnerplan.portfolio.tests.factories import (
    ApprovedBusinessCaseVersionFactory,
    BusinessCaseVersionFactory,
    ConfidenceAssessmentFactory,
    PreparingCaseProjectFactory,
    ProjectFactory,
)
from partnerplan.portfolio.tests.services._helpers import D, _messages

pytestmark = pytest.mark.django_db


def _stage(project, code):
    return Stage.objects.get(programme=project.programme, code=code)


def test_it_moves_a_project_through_the_next_gate_recording_the_decision():
    project = ProjectFactory.create()
    body = BodyFactory.create()
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    passage = services.project_pass_gate(
        actor=None,
        project=project,
        to_stage=_stage(project, "approved"),
        deciding_body=body,
        decision_reference="Joint Committee, 17 December 2010",
        decided_on=D,
    )
    project.refresh_from_db()
    assert project.stage.code == "approved"
    assert passage.from_stage.code == "proposed" and passage.authority_body == body


def test_it_refuses_a_wrong_transition_with_the_reason():
    project = ProjectFactory.create(title="Life Events")
    with pytest.raises(ValidationError, match="it can only move to") as exc:
        services.project_pass_gate(
            actor=None,
            project=project,
            to_stage=_stage(project, "active"),
            decision_reference="JC",
            decided_on=D,
        )
    assert (
        "Life Events is at 'Proposed': it can only move to 'Approved into the pipeline' next, "
        "not straight to 'Active'" in _messages(exc)
    )
    assert GatePassage.objects.count() == 0


def test_it_refuses_a_gate_without_its_required_business_case():
    project = PreparingCaseProjectFactory.create(title="CRM")
    BusinessCaseVersionFactory.create(business_case__project=project)  # not approved
    with pytest.raises(ValidationError, match="without an approved outline business case") as exc:
        services.project_pass_gate(
            actor=None,
            project=project,
            to_stage=_stage(project, "business-case-approved"),
            decision_reference="JC",
            decided_on=D,
        )
    assert "without an approved outline business case" in _messages(exc)
    # It also lists the current delivery confidence assessment the gate needs.
    assert "a delivery confidence assessment within the last 92 days (there is none)" in (
        _messages(exc)
    )
    ConfidenceAssessmentFactory.create(project=project)
    ApprovedBusinessCaseVersionFactory.create(
        business_case__project=project, business_case__stage="fbc"
    )
    body = BodyFactory.create()
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    services.project_pass_gate(
        actor=None,
        project=project,
        to_stage=_stage(project, "business-case-approved"),
        deciding_body=body,
        decision_reference="JC",
        decided_on=D,
    )


def test_it_passes_a_gate_for_a_governance_decision():
    project = ProjectFactory.create()
    body = BodyFactory.create(name="Joint Committee", quorum_minimum=1)
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    member = BodyMembershipFactory.create(body=body).person
    meeting = HeldMeetingFactory.create(body=body)
    governance.meeting_record_attendance(actor=None, meeting=meeting, present=[member])
    recommendation = RecommendationFactory.create(
        item__meeting=meeting,
        text="To approve entry of the project to the pipeline",
        effect_params={"project_id": project.pk},
    )
    decision = governance.decision_record(
        actor=None, recommendation=recommendation, outcome=Outcome.APPROVED, reasons="As set out"
    )
    passage = services.project_gate_by_decision(
        actor=None, decision=decision, project_id=project.pk, to_stage="approved"
    )
    assert passage.authority_reference == str(decision) and passage.authority_body == body
    with pytest.raises(ValidationError, match="it can only move to"):
        services.project_gate_by_decision(
            actor=None, decision=decision, project_id=project.pk, to_stage="closed"
        )
    with pytest.raises(ValidationError, match="has no stage 'nowhere'"):
        services.project_gate_by_decision(
            actor=None, decision=decision, project_id=project.pk, to_stage="nowhere"
        )


def test_it_stops_gates_for_a_withdrawn_project():
    project = ProjectFactory.create(title="Streetscene")
    body = BodyFactory.create()
    PowerFactory.create(body=body, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    services.project_record_review(
        actor=None, project=project, outcome="withdrawn", reference="JC", dated=D,
        deciding_body=body,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="was withdrawn") as exc:
        services.project_pass_gate(
            actor=None,
            project=project,
            to_stage=_stage(project, "approved"),
            decision_reference="JC",
            decided_on=D,
        )
    assert "was withdrawn" in _messages(exc)
    with pytest.raises(ValidationError, match="no further review outcome can be recorded"):
        services.project_record_review(
            actor=None, project=project, outcome="retained", reference="JC", dated=D
        )


def test_it_needs_a_keeper_for_a_watching_brief():
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match="lead partner who keeps the watching brief") as exc:
        services.project_record_review(
            actor=None, project=project, outcome="watching_brief", reference="r", dated=D
        )
    assert "lead partner who keeps the watching brief" in _messages(exc)


def test_it_needs_a_reference_and_a_date_for_a_review():
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match="Enter the report, meeting or decision") as exc:
        services.project_record_review(
            actor=None, project=project, outcome="retained", reference=" ", dated=None
        )
    assert exc.value.message_dict["reference"] == ["Enter the report, meeting or decision"]
    assert exc.value.message_dict["dated"] == ["This field cannot be null."]
    assert not project.reviews.exists()
