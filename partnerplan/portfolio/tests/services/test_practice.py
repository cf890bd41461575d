"""Delivery confidence, the gate rule's missing list, RAID and benefits to practice, the
reporting interval: each bad input refused in plain English, nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core import clock
from partnerplan.core.access import Viewer
from partnerplan.partners.tests.factories import PersonFactory
from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    Benefit,
    ConfidenceAssessment,
    GatePassage,
    RaidEntry,
)
from partnerplan.portfolio.selectors import practice
from partnerplan.portfolio.services.gates import gate_refusal
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    ApprovedBusinessCaseVersionFactory,
    BenefitFactory,
    ConfidenceAssessmentFactory,
    PreparingCaseProjectFactory,
    ProgrammeFactory,
    RaidEntryFactory,
)
from partnerplan.portfolio.tests.services._helpers import _messages

pytestmark = pytest.mark.django_db


def _stage(project, code):
    return project.programme.stages.get(code=code)


def test_it_refuses_a_dca_on_an_unknown_scale_point_and_saves_nothing():
    project = ActiveProjectFactory.create(
        programme=ProgrammeFactory.create(confidence_scale="three")
    )
    with pytest.raises(ValidationError, match="not a point on this programme's three-point") as exc:
        services.dca_record(
            actor=None, project=project, assessed_on=clock.today(), rating="amber_green"
        )
    assert "choose one of Green, Amber, Red" in _messages(exc)
    with pytest.raises(ValidationError, match="'purple' is not a point"):
        services.dca_record(actor=None, project=project, assessed_on=clock.today(), rating="purple")
    assert not ConfidenceAssessment.objects.exists()


def test_it_needs_commentary_and_an_action_for_amber_red_and_red():
    project = ActiveProjectFactory.create()
    with pytest.raises(ValidationError, match="Amber/red assessment needs commentary") as exc:
        services.dca_record(
            actor=None, project=project, assessed_on=clock.today(), rating="amber_red"
        )
    assert "needs the action being taken" in _messages(exc)
    assert not ConfidenceAssessment.objects.exists()
    services.dca_record(
        actor=None, project=project, assessed_on=clock.today(), rating="red",
        commentary="No pilot site", action="Ask Stafford BC",
    )  # fmt: skip
    project.refresh_from_db()
    assert project.confidence == "red"  # the project follows its latest assessment


def test_it_refuses_a_dca_dated_in_the_future():
    project = ActiveProjectFactory.create()
    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.dca_record(
            actor=None,
            project=project,
            assessed_on=clock.today() + dt.timedelta(days=1),
            rating="green",
        )


def test_the_gate_rule_lists_everything_missing_for_the_obc_gate():
    project = PreparingCaseProjectFactory.create(title="CRM")
    to_stage = _stage(project, "business-case-approved")
    today = clock.today()
    refusal = gate_refusal(project, to_stage, today)
    assert refusal is not None
    assert "an approved outline business case" in refusal
    assert "a delivery confidence assessment within the last 92 days (there is none)" in refusal
    ApprovedBusinessCaseVersionFactory.create(business_case__project=project)
    ConfidenceAssessmentFactory.create(project=project, assessed_on=today - dt.timedelta(days=93))
    refusal = gate_refusal(project, to_stage, today)
    assert refusal is not None and "approved" not in refusal.split("without")[1].split(";")[0]
    assert "the latest is of" in refusal  # too old
    ConfidenceAssessmentFactory.create(project=project)
    assert gate_refusal(project, to_stage, today) is None


def test_the_gate_service_uses_the_rule_and_saves_nothing():
    project = PreparingCaseProjectFactory.create(title="CRM")
    ApprovedBusinessCaseVersionFactory.create(business_case__project=project)
    with pytest.raises(ValidationError, match="delivery confidence assessment within the last"):
        services.project_pass_gate(
            actor=None,
            project=project,
            to_stage=_stage(project, "business-case-approved"),
            decision_reference="JC",
            decided_on=dt.date(2010, 12, 17),
        )
    assert not GatePassage.objects.exists()


def test_a_risk_needs_one_owner_scores_proximity_category_and_response():
    project = ActiveProjectFactory.create()
    with pytest.raises(ValidationError, match="exactly one owner") as exc:
        services.raid_create(
            actor=None, project=project, kind="risk", title="No site", raised_on=clock.today(),
            likelihood=3, impact=3,
        )  # fmt: skip
    text = _messages(exc)
    for words in ("residual likelihood", "residual impact", "proximity", "category", "response"):
        assert words in text
    assert not RaidEntry.objects.exists()
    entry = RaidEntryFactory.create(project=project)
    assert (entry.inherent_score, entry.residual_score) == (12, 6)


def test_converting_an_issue_into_a_risk_links_both_ways_and_keeps_the_old():
    project = ActiveProjectFactory.create()
    issue = RaidEntryFactory.create(
        project=project, kind="issue", title="Supplier late", likelihood=None, impact=None,
        residual_likelihood=None, residual_impact=None, raised_on=dt.date(2010, 11, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="A risk needs a likelihood"):
        services.raid_convert(actor=None, entry=issue)
    assert RaidEntry.objects.count() == 1
    risk = services.raid_convert(
        actor=None, entry=issue, likelihood=2, impact=4, residual_likelihood=1,
        residual_impact=4, proximity="imminent", category="operational", response_type="reduce",
    )  # fmt: skip
    issue.refresh_from_db()
    assert risk.converted_from == issue and list(issue.converted_to.all()) == [risk]
    assert issue.status == "closed" and issue.closure_note == "Converted into a risk"
    page = practice.raid_entry_page(viewer=Viewer(is_admin=True), pk=issue.pk)
    assert page.converted_to == [risk] and len(page.history) >= 2
    with pytest.raises(ValidationError, match="its history is kept as it was"):
        services.raid_update(actor=None, entry=issue, title="Changed")
    back = services.raid_convert(actor=None, entry=risk)
    assert back.kind == "issue" and back.converted_from == risk


def test_it_escalates_a_risk_to_the_programme_once():
    entry = RaidEntryFactory.create()
    with pytest.raises(ValidationError, match="Say why the programme needs to know"):
        services.raid_escalate(actor=None, entry=entry, note=" ")
    services.raid_escalate(actor=None, entry=entry, note="Affects three projects")
    with pytest.raises(ValidationError, match="already escalated"):
        services.raid_escalate(actor=None, entry=entry, note="Again")


def test_the_lessons_log_is_searched_across_projects():
    for title in ("Engage districts early", "Book the pilot site first"):
        RaidEntryFactory.create(kind="lesson", title=title, description="From the review.")
    RaidEntryFactory.create(title="A pilot risk")
    found = practice.lessons(viewer=Viewer(is_admin=True), q="pilot")
    assert [e.title for e in found] == ["Book the pilot site first"]
    assert practice.lessons(viewer=Viewer(is_admin=True)).count() == 2


def test_a_benefit_needs_an_owner_and_a_realisation_plan():
    project = ActiveProjectFactory.create()
    data = dict(
        description="Fewer calls", measure="Calls a month", baseline=Decimal(100),
        baseline_on=dt.date(2010, 1, 1), target=Decimal(50), target_on=dt.date(2011, 1, 1),
        tolerance_percent=Decimal(10),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="needs an owner") as exc:
        services.benefit_create(actor=None, project=project, **data)
    assert "needs a realisation plan" in _messages(exc)
    with pytest.raises(ValidationError, match="A dis-benefit needs an owner"):
        services.benefit_create(actor=None, project=project, kind="dis_benefit", **data)
    assert not Benefit.objects.exists()
    services.benefit_create(
        actor=None, project=project, owner=PersonFactory.create(), realisation_plan="Monthly.",
        **data,
    )  # fmt: skip


def test_dis_benefits_are_shown_separately_with_realisation_against_plan():
    project = ActiveProjectFactory.create()
    benefit = BenefitFactory.create(project=project)
    BenefitFactory.create(project=project, kind="dis_benefit", description="Longer waits")
    services.benefit_record_actual(
        actor=None, benefit=benefit, measured_on=dt.date(2010, 7, 2), value=Decimal(1200)
    )
    page = practice.benefits_page(viewer=Viewer(is_admin=True), project=project)
    assert [r.benefit.description for r in page.dis_benefits] == ["Longer waits"]
    (row,) = page.benefits
    (m,) = row.measurements
    assert m.expected == Decimal(1000) + Decimal(1000) * Decimal(182) / Decimal(365)
    assert m.difference < 0


def test_the_board_sets_the_reporting_interval_within_weekly_to_quarterly():
    project = ActiveProjectFactory.create()
    with pytest.raises(ValidationError, match="every 7 to 92 days"):
        services.project_set_reporting(actor=None, project=project, report_every_days=200)
    services.project_set_reporting(actor=None, project=project, report_every_days=14)
    project.refresh_from_db()
    assert project.report_every_days == 14
