"""The control page and its forms: baselines, tolerances, change requests, Exception Reports."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerplan.core import clock
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio.models import Baseline, ChangeRequest, ExceptionReport, Milestone
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BaselineFactory,
    HighlightReportFactory,
    ToleranceFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


@pytest.fixture(autouse=True)
def december(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2010, 12, 20))


def _project(world):
    return ActiveProjectFactory.create(
        title="Life Events",
        project_manager=world.users["pm"].person,
        sponsoring_body=BodyFactory.create(name="Strategic Advisory Board"),
    )


def test_it_shows_the_control_page_in_a_fixed_number_of_queries(world, assert_queries):
    project = _project(world)
    for stage in (None, project.stage):
        baseline = BaselineFactory.create(project=project, stage=stage)
        ToleranceFactory.create(baseline=baseline)
        for n in range(3):
            Milestone.objects.create(baseline=baseline, title=f"M{n}", due_on=baseline.starts_on)
            ChangeRequest.objects.create(
                baseline=baseline, reason="r", raised_on=baseline.starts_on
            )
    HighlightReportFactory.create(project=project, forecast_end=dt.date(2011, 12, 31))
    ExceptionReport.objects.create(
        project=project, baseline=baseline, raised_on=baseline.starts_on, aspects="time",
        cause="c", consequences="c", options="o", recommendation="r",
    )  # fmt: skip
    project.control_state = "awaiting"
    project.save()
    client = world.client("pm")
    # session, user, viewer x2, the project; baselines (with stage, tolerance and its body), their
    # milestones, change requests; controls: baselines, reports, spend, bookings, the spend
    # before the stage; gate into the stage; the exceptions.
    with assert_queries(15, "The control page"):
        response = client.get(f"/portfolio/projects/{project.pk}/control/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Forecast to exceed tolerance" not in html  # an exception is with the board
    assert "Exception Report with the board" in html and "Exceeded" in html


def test_the_project_page_asks_for_an_exception_report_when_a_tolerance_is_exceeded(world):
    project = _project(world)
    ToleranceFactory.create(baseline=BaselineFactory.create(project=project))
    HighlightReportFactory.create(project=project, forecast_end=dt.date(2011, 12, 31))
    client = world.client("pm")
    html = client.get(f"/portfolio/projects/{project.pk}/").content.decode()
    assert "Forecast to exceed tolerance: Exception Report needed" in html
    assert f"/portfolio/projects/{project.pk}/exceptions/new/" in html
    response = client.post(
        f"/portfolio/projects/{project.pk}/exceptions/new/",
        {"cause": "Pilot slipped", "consequences": "Late", "options": "Extend",
         "recommendation": "Extend"},
    )  # fmt: skip
    assert response.status_code == 302
    assert ExceptionReport.objects.get(project=project).aspects == "time"


def test_it_refuses_a_baseline_ending_before_it_starts_and_saves_nothing(world):
    project = _project(world)
    response = world.client("pm").post(
        f"/portfolio/projects/{project.pk}/baselines/new/",
        {
            "stage": "", "starts_on_day": "1", "starts_on_month": "4", "starts_on_year": "2011",
            "ends_on_day": "1", "ends_on_month": "3", "ends_on_year": "2011",
            "revenue_cost": "1000", "scope": "Pilot",
        },
    )  # fmt: skip
    assert response.status_code == 400
    assert _error_summary(response) == [
        "The baseline end must be the same as or after its start (1 April 2011)"
    ]
    assert not Baseline.objects.exists()


def test_it_refuses_tolerances_below_zero(world):
    project = _project(world)
    baseline = BaselineFactory.create(project=project)
    response = world.client("admin").post(
        f"/portfolio/baselines/{baseline.pk}/tolerances/",
        {
            "time_days": "-5", "cost_amount": "100", "scope_products": "0",
            "set_by": str(project.sponsoring_body.pk), "reference": "Board",
            "set_on_day": "1", "set_on_month": "12", "set_on_year": "2010",
        },
    )  # fmt: skip
    assert response.status_code == 400
    assert "The time tolerance cannot be below zero" in _error_summary(response)
