from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from partnerplan.core.access import PUBLIC_VIEWER
from partnerplan.portfolio import selectors
from partnerplan.portfolio.demo import ONE_PLACE, PLAN
from partnerplan.portfolio.models import (
    Programme,
    ProgrammeLink,
    Project,
    ReviewOutcome,
    Workstream,
)

pytestmark = pytest.mark.django_db


def _load() -> None:
    call_command("load_demo", "--quiet-accounts", stdout=StringIO())


def _overlap():
    return selectors.overlap(
        viewer=PUBLIC_VIEWER,
        side=Programme.objects.get(name=ONE_PLACE),
        other=Programme.objects.get(name=PLAN),
    )


def test_it_loads_the_eight_workstreams_with_their_leads():
    _load()
    workstreams = Workstream.objects.filter(programme__name=ONE_PLACE).order_by("number")
    assert [w.number for w in workstreams] == list(range(1, 9))
    rows = {row.workstream.number: row for row in _overlap()}
    assert rows[1].leads == "Nick Bell (SCC), Ian Thompson (SBC)"
    assert rows[2].leads == "Steve Winterflood, Nina Dawes, Cllr Michael Heenan (SBC)"
    assert {p.last_name for p in workstreams.get(number=3).leads.all()} == {
        "Bell", "Street", "Edwards",
    }  # fmt: skip


def test_it_draws_the_overlap_table_of_appendix_a():
    _load()
    rows = {row.workstream.number: row for row in _overlap()}
    assert rows[1].entries == []  # "None" in Appendix A
    # In Appendix A's order.
    assert [e.project.title for e in rows[2].entries] == [
        "Shared Services and Systems", "Public Protection",
    ]  # fmt: skip
    assert [e.project.title for e in rows[3].entries] == [
        "Customer Knowledge", "Best Practice on Customer Services", "CRM Development Vision",
        "Telephony",
    ]  # fmt: skip
    knowledge = next(e for e in rows[3].entries if e.project.title == "Customer Knowledge")
    assert knowledge.officer_lead == "SOTCC (insight), TBC (overall project), SCC and NBC"
    assert "notice of resignation" in knowledge.comment
    telephony = next(e for e in rows[3].entries if e.project.title == "Telephony")
    assert telephony.officer_lead == "No lead"


def test_it_records_the_dispositions_the_report_proposes():
    _load()
    plan = Project.objects.filter(programme__name=PLAN)
    assert plan.count() == 14
    assert plan.get(title="Streetscene").disposition == "proposed_discontinuation"
    better = plan.get(title="Better Regulation")
    assert better.disposition == "watching_brief" and better.disposition_proposed
    assert ReviewOutcome.objects.get(project=better).keeper.abbreviation == "LDC"
    assert plan.get(title="Life Events").stage.code == "active"
    assert (
        plan.get(title="Multi-partner information and communications web platform").stage.code
        == "proposed"
    )


def test_it_loads_the_work_plan_only_once():
    _load()
    counts = (Project.objects.count(), ProgrammeLink.objects.count(), Workstream.objects.count())
    _load()
    assert (
        Project.objects.count(),
        ProgrammeLink.objects.count(),
        Workstream.objects.count(),
    ) == counts


def test_it_gives_the_active_projects_delivery_confidence_a_risk_and_a_lesson():
    from partnerplan.portfolio.models import ConfidenceAssessment, RaidEntry

    _load()
    asc = Project.objects.get(title="Adult Social Care and Health")
    ratings = list(
        ConfidenceAssessment.objects.filter(project=asc)
        .order_by("assessed_on")
        .values_list("rating", flat=True)
    )
    assert ratings == ["amber_green", "amber_red"]
    assert asc.confidence == "amber_red" and asc.control_state == "awaiting"
    risk = RaidEntry.objects.get(project=asc, kind="risk")
    assert risk.owner_id is not None and risk.escalated_on is not None
    assert RaidEntry.objects.filter(kind="lesson", project__title="Life Events").exists()
    assert ConfidenceAssessment.objects.values("project").distinct().count() == 5
    _load()
    assert ConfidenceAssessment.objects.filter(project=asc).count() == 2
