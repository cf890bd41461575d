from __future__ import annotations

import datetime as dt
from decimal import Decimal

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
    BenefitActual,
    Dependency,
    GatePassage,
    HighlightReport,
    Project,
    RaidEntry,
    Score,
    Stage,
)
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    ApprovedBusinessCaseVersionFactory,
    BenefitFactory,
    BusinessCaseVersionFactory,
    CriterionFactory,
    MethodFactory,
    PreparingCaseProjectFactory,
    ProgrammeFactory,
    ProjectFactory,
    RaidEntryFactory,
    WorkstreamFactory,
)

pytestmark = pytest.mark.django_db
D = dt.date(2010, 12, 17)


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


def _stage(project, code):
    return Stage.objects.get(programme=project.programme, code=code)


def test_it_gives_a_new_programme_the_seed_stages():
    programme = services.programme_create(actor=None, name="Work Plan", visibility="public")
    assert [s.code for s in programme.stages.all()] == [
        "proposed", "approved", "business-case", "business-case-approved", "active", "closed",
    ]  # fmt: skip


def test_it_refuses_dates_out_of_order_and_saves_nothing():
    programme = ProgrammeFactory.create()
    with pytest.raises(
        ValidationError,
        match="planned end date must be the same as or after the planned start date",
    ) as exc:
        services.project_create(
            actor=None,
            programme=programme,
            title="Telephony",
            planned_start=dt.date(2011, 4, 1),
            planned_end=dt.date(2011, 1, 1),
        )
    assert "planned end date must be the same as or after the planned start date" in _messages(exc)
    assert not Project.objects.filter(title="Telephony").exists()


def test_it_refuses_a_workstream_of_another_programme():
    programme = ProgrammeFactory.create()
    other = WorkstreamFactory.create()
    with pytest.raises(ValidationError, match="add a link instead") as exc:
        services.project_create(actor=None, programme=programme, title="X", workstream=other)
    assert "add a link instead" in _messages(exc)


def test_it_refuses_a_dependency_cycle_naming_the_loop():
    a, b, c = (ProjectFactory.create(title=t) for t in ("CRM", "Telephony", "Mobile Working"))
    programme = a.programme
    Project.objects.filter(pk__in=[b.pk, c.pk]).update(programme=programme)
    services.dependency_add(actor=None, project=a, depends_on=b)
    services.dependency_add(actor=None, project=b, depends_on=c)
    with pytest.raises(ValidationError, match="would make a loop") as exc:
        services.dependency_add(actor=None, project=c, depends_on=a)
    assert "would make a loop" in _messages(exc)
    assert "CRM → Telephony → Mobile Working" in _messages(exc)
    assert Dependency.objects.count() == 2
    with pytest.raises(ValidationError, match="cannot depend on itself"):
        services.dependency_add(actor=None, project=a, depends_on=a)


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


def test_it_refuses_to_approve_an_incomplete_business_case():
    version = BusinessCaseVersionFactory.create(commercial="", financial="")
    with pytest.raises(
        ValidationError, match="fill in the commercial case, the financial case"
    ) as exc:
        services.business_case_version_approve(
            actor=None, version=version, approved_on=D, approval_reference="JC"
        )
    assert "fill in the commercial case, the financial case" in _messages(exc)
    assert version.completeness == 67


def test_it_keeps_an_approved_version_as_approved():
    version = ApprovedBusinessCaseVersionFactory.create()
    with pytest.raises(ValidationError, match="is kept as approved"):
        services.business_case_version_update(actor=None, version=version, strategic="Changed")
    new = services.business_case_new_version(actor=None, business_case=version.business_case)
    assert new.number == 2 and new.strategic == version.strategic and not new.is_approved


def test_it_flags_a_project_whose_benefit_falls_behind_its_profile():
    benefit = BenefitFactory.create()  # 1000 -> 2000 over 2010
    services.benefit_record_actual(
        actor=None, benefit=benefit, measured_on=dt.date(2010, 7, 2), value=Decimal("1500")
    )
    assert not Project.objects.get(pk=benefit.project_id).business_case_at_risk
    services.benefit_record_actual(
        actor=None, benefit=benefit, measured_on=dt.date(2010, 10, 1), value=Decimal("1200")
    )
    assert Project.objects.get(pk=benefit.project_id).business_case_at_risk
    with pytest.raises(ValidationError, match="on or after the baseline date"):
        services.benefit_record_actual(
            actor=None, benefit=benefit, measured_on=dt.date(2009, 1, 1), value=Decimal("1")
        )
    assert BenefitActual.objects.count() == 2


def test_it_refuses_scores_outside_the_scale_and_saves_none():
    method = MethodFactory.create()
    a = CriterionFactory.create(method=method, name="Benefit", scale_min=1, scale_max=5)
    b = CriterionFactory.create(method=method, name="Cost", scale_min=1, scale_max=5)
    project = ProjectFactory.create()
    from partnerplan.partners.tests.factories import PartnerFactory

    partner = PartnerFactory.create()
    with pytest.raises(
        ValidationError, match="The Benefit score must be between 1 and 5; 7 is outside the scale"
    ) as exc:
        services.score_record(
            actor=None, method=method, project=project, partner=partner, values={a.pk: 7, b.pk: 3}
        )
    assert "The Benefit score must be between 1 and 5; 7 is outside the scale" in _messages(exc)
    assert Score.objects.count() == 0
    services.score_record(
        actor=None, method=method, project=project, partner=partner, values={a.pk: 5, b.pk: 3}
    )
    assert Score.objects.count() == 2


def test_it_refuses_inconsistent_pairwise_judgements_with_an_explanation():
    method = MethodFactory.create()
    a, b, c = (CriterionFactory.create(method=method, name=n) for n in ("Fit", "Cost", "Risk"))
    with pytest.raises(ValidationError, match="consistency ratio") as exc:
        services.method_set_pairwise(
            actor=None,
            method=method,
            judgements=[(a.pk, b.pk, 9), (b.pk, c.pk, 9), (c.pk, a.pk, 9)],
        )
    assert "consistency ratio" in _messages(exc).lower()
    method = services.method_set_pairwise(
        actor=None, method=method, judgements=[(a.pk, b.pk, 3), (b.pk, c.pk, 2), (a.pk, c.pk, 6)]
    )
    assert method.weighting == "pairwise"
    assert (method.consistency_ratio or 0) < 0.1
    a.refresh_from_db()
    assert a.weight > 0.5


def test_it_requires_commentary_and_action_for_amber_red_and_red():
    project = ActiveProjectFactory.create()
    data = dict(period_start=D, period_end=D, progress="Slipping", confidence="red")
    with pytest.raises(ValidationError, match="needs commentary") as exc:
        services.highlight_report_create(actor=None, project=project, **data)
    assert "needs commentary" in _messages(exc) and "needs the action" in _messages(exc)
    assert HighlightReport.objects.count() == 0
    services.highlight_report_create(
        actor=None, project=project, commentary="PM left", action="Borrow one", **data
    )
    project.refresh_from_db()
    assert project.confidence == "red" and project.last_report_end == D


def test_it_refuses_a_rating_off_a_three_point_scale():
    project = ActiveProjectFactory.create(programme__confidence_scale="three")
    with pytest.raises(ValidationError, match="not on this programme's three-point scale") as exc:
        services.highlight_report_create(
            actor=None,
            project=project,
            period_start=D,
            period_end=D,
            progress="x",
            confidence="amber_green",
        )
    assert "not on this programme's three-point scale" in _messages(exc)


def test_it_flags_overdue_highlight_reports():
    project = ActiveProjectFactory.create(actual_start=dt.date(2010, 6, 1))
    assert services.is_overdue(project, today=dt.date(2010, 8, 1))
    assert not services.is_overdue(project, today=dt.date(2010, 6, 20))


def test_it_scores_risks_and_closes_entries_keeping_them():
    project = ActiveProjectFactory.create()
    with pytest.raises(ValidationError, match="likelihood must be from 1 to 5") as exc:
        services.raid_create(
            actor=None,
            project=project,
            kind="risk",
            title="X",
            raised_on=D,
            likelihood=6,
            impact=2,
        )
    assert "likelihood must be from 1 to 5" in _messages(exc)
    entry = RaidEntryFactory.create(project=project)
    assert entry.inherent_score == 12
    services.raid_close(actor=None, entry=entry, closed_on=D, note="Manager found")
    assert RaidEntry.objects.get(pk=entry.pk).status == "closed"
    assert entry.history.count() >= 1


def test_it_moves_a_project_up_the_ranking():
    method = MethodFactory.create()
    a, b, c = ProjectFactory.create_batch(3)
    order = services.ranking_move(
        actor=None, method=method, project=c, direction="up", order=[a.pk, b.pk, c.pk]
    )
    assert order == [a.pk, c.pk, b.pk]
    with pytest.raises(ValidationError, match="is already"):
        services.ranking_move(actor=None, method=method, project=a, direction="up", order=order)


def test_it_refuses_a_link_within_the_same_programme():
    workstream = WorkstreamFactory.create()
    project = ProjectFactory.create(programme=workstream.programme)
    with pytest.raises(ValidationError, match="is in the project.s own programme"):
        services.link_create(actor=None, project=project, workstream=workstream, kind="supports")
