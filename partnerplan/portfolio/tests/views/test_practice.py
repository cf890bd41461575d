"""The delivery confidence, benefits, RAID entry, lessons, dashboard and reporting pages: query
counts pinned (each the same with more rows), the forms' refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from partnerplan.core import clock
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio import services
from partnerplan.portfolio.models import ConfidenceAssessment, RaidEntry
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BaselineFactory,
    BenefitFactory,
    ConfidenceAssessmentFactory,
    RaidEntryFactory,
    ToleranceFactory,
    WorkstreamFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


@pytest.fixture(autouse=True)
def december(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2010, 12, 20))


def _project(world, **kwargs):
    return ActiveProjectFactory.create(project_manager=world.users["pm"].person, **kwargs)


def test_the_confidence_page_shows_the_scale_definitions_and_history(world, assert_queries):
    project = _project(world)
    for n in range(4):
        ConfidenceAssessmentFactory.create(
            project=project, assessed_on=dt.date(2010, 9 + n % 3, 1 + n)
        )
    client = world.client("pm")
    # session, user, viewer x2, the project, the assessments with their assessors
    with assert_queries(6, "The delivery confidence page"):
        response = client.get(f"/portfolio/projects/{project.pk}/confidence/")
    html = response.content.decode()
    assert "Successful delivery appears unachievable" in html  # Red's definition
    assert html.count("Plan agreed; the pilot site") == 4


def test_the_dca_form_refuses_red_without_commentary_and_saves_nothing(world):
    project = _project(world)
    client = world.client("pm")
    form = client.get(f"/portfolio/projects/{project.pk}/confidence/new/").content.decode()
    assert "Successful" not in form and "commentary_amber_red" in form
    response = client.post(
        f"/portfolio/projects/{project.pk}/confidence/new/",
        {"assessed_on_day": "20", "assessed_on_month": "12", "assessed_on_year": "2010",
         "rating": "red"},
    )  # fmt: skip
    assert any("needs commentary" in m for m in _error_summary(response))
    assert not ConfidenceAssessment.objects.exists()
    response = client.post(
        f"/portfolio/projects/{project.pk}/confidence/new/",
        {"assessed_on_day": "20", "assessed_on_month": "12", "assessed_on_year": "2010",
         "rating": "amber_red", "commentary_amber_red": "Slipping",
         "action_amber_red": "Re-plan"},
    )  # fmt: skip
    assert response.status_code == 302
    saved = ConfidenceAssessment.objects.get()
    assert (saved.commentary, saved.action, saved.assessor) == (
        "Slipping",
        "Re-plan",
        world.users["pm"].person,
    )


def test_the_raid_entry_page_shows_history_and_links(world, assert_queries):
    project = _project(world)
    issue = RaidEntryFactory.create(project=project, kind="issue", title="Supplier late")
    risk = services.raid_convert(
        actor=None, entry=issue, likelihood=2, impact=4, residual_likelihood=1,
        residual_impact=4, proximity="imminent", category="operational", response_type="reduce",
    )  # fmt: skip
    client = world.client("pm")
    # session, user, viewer x2, the entry (its project visible: a subquery), the entries it
    # was converted into, its history
    with assert_queries(7, "A RAID entry's page"):
        response = client.get(f"/portfolio/raid/{issue.pk}/")
    html = response.content.decode()
    assert f"/portfolio/raid/{risk.pk}/" in html and "Converted into the risk" in html
    assert "Converted from the issue" in client.get(f"/portfolio/raid/{risk.pk}/").content.decode()


def test_the_lessons_page_searches_in_a_fixed_number_of_queries(world, assert_queries):
    for n in range(5):
        RaidEntryFactory.create(kind="lesson", title=f"Lesson {n} about pilots")
    client = world.client("officer")
    with assert_queries(6, "The lessons log"):
        response = client.get("/portfolio/lessons/?q=pilots")
    assert response.content.decode().count("about pilots") == 5


def test_the_benefits_page_shows_dis_benefits_separately(world, assert_queries):
    project = _project(world)
    for n in range(3):
        b = BenefitFactory.create(project=project, description=f"Benefit {n}")
        services.benefit_record_actual(
            actor=None, benefit=b, measured_on=dt.date(2010, 6, 1), value=Decimal(1400)
        )
    BenefitFactory.create(project=project, kind="dis_benefit", description="Longer waits")
    client = world.client("pm")
    # session, user, viewer x2, the project, benefits with owners, their measurements
    with assert_queries(7, "The benefits page"):
        response = client.get(f"/portfolio/projects/{project.pk}/benefits/")
    html = response.content.decode()
    assert html.index("Dis-benefits") < html.index("Longer waits")


def test_the_programme_dashboard_in_a_fixed_number_of_queries(world, assert_queries):
    project = _project(world, title="Adult Social Care and Health")
    programme = project.programme
    workstream = WorkstreamFactory.create(programme=programme, name="Health")
    board = BodyFactory.create()
    for n in range(3):
        p = ActiveProjectFactory.create(programme=programme, workstream=workstream, title=f"P{n}")
        ToleranceFactory.create(baseline=BaselineFactory.create(project=p), set_by=board)
        BenefitFactory.create(project=p)
        services.raid_escalate(
            actor=None, entry=RaidEntryFactory.create(project=p), note="Programme-wide"
        )
    client = world.client("officer")
    # session, user, viewer x2, the programme (its stages, workstreams, their leads and lead
    # partners); projects, links; the controls (baselines, reports, spend, bookings); the spend
    # to date (the ledger, read again for the whole project); benefits, open exceptions,
    # escalated entries; the workstreams
    with assert_queries(20, "The programme dashboard"):
        response = client.get(f"/portfolio/programmes/{programme.pk}/dashboard/")
    html = response.content.decode()
    assert "Health" in html and "Escalated risk" in html and "Within tolerance" in html
    detail = client.get(f"/portfolio/programmes/{programme.pk}/").content.decode()
    assert f"/portfolio/programmes/{programme.pk}/dashboard/" in detail


def test_the_board_sets_the_reporting_interval(world):
    project = _project(world)
    client = world.client("admin")
    response = client.post(
        f"/portfolio/projects/{project.pk}/reporting/", {"report_every_days": "3"}
    )
    assert any("every 7 to 92 days" in m for m in _error_summary(response))
    client.post(f"/portfolio/projects/{project.pk}/reporting/", {"report_every_days": "14"})
    project.refresh_from_db()
    assert project.report_every_days == 14
    assert RaidEntry.objects.count() == 0
