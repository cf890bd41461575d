"""Planner run pages: the list and a run in fixed queries, the run from the form (immediate
backend), its htmx progress fragment, and booking its plan from the page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import override_settings

from partnerplan.resources.models import (
    Assignment,
    PlanRun,
    RunStatus,
)
from partnerplan.resources.tests.builders import (
    IMMEDIATE,
    planned_run,
)
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    CommittedProjectPlanningFactory,
    DonePlanRunFactory,
    PlanScenarioFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    RunningPlanRunFactory,
)

pytestmark = pytest.mark.django_db


def test_it_lists_runs_and_shows_a_run_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(3):
        DonePlanRunFactory.create()
    run = DonePlanRunFactory.create()
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(5, "The run list"):
        client.get("/resources/runs/")
    # 8: the page, and (2) the check for solves whose worker died (services.solves_fail_stale)
    with assert_queries(8, "A run's page"):
        response = client.get(f"/resources/runs/{run.pk}/")
    assert "Proven the best plan." in response.content.decode()


def test_it_polls_a_running_run_and_refreshes_when_done(world):
    run = RunningPlanRunFactory.create()
    client = world.client("officer")
    html = client.get(f"/resources/runs/{run.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert "40% done" in html
    run.status = RunStatus.DONE
    run.save()
    response = client.get(f"/resources/runs/{run.pk}/progress/", HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"
    assert "hx-trigger" not in response.content.decode()


@override_settings(TASKS=IMMEDIATE)
def test_it_runs_the_planner_from_the_form(world, django_capture_on_commit_callbacks):
    member = PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    first = RoleDemandFactory.create(project__title="Life Events")
    CommittedProjectPlanningFactory.create(project=first.project)
    AssignmentFactory.create(demand=first, member=member)
    second = RoleDemandFactory.create(project__title="Customer Access")
    ProjectPlanningFactory.create(project=second.project, deadline=dt.date(2011, 6, 30))
    scenario = PlanScenarioFactory.create(
        name="Another PM", money_change=None, add_skill=first.skill, add_days_per_week=3
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("pm").post(
            "/resources/runs/new/",
            {"name": "Staffing 2011", "starts_on_day": "1", "starts_on_month": "1",
             "starts_on_year": "2011", "months": "12", "time_limit_s": "5",
             "scenarios": [scenario.pk], "frontier": "on"},
        )  # fmt: skip
    run = PlanRun.objects.get()
    assert response.status_code == 302
    assert run.status == RunStatus.DONE, run.error
    html = world.client("pm").get(f"/resources/runs/{run.pk}/").content.decode()
    assert "What must wait" in html
    assert "Customer Access" in html
    assert "Scenarios side by side" in html
    assert "Cost-value frontier" in html


def test_it_refuses_a_run_with_nothing_to_plan_and_shows_why(world):
    response = world.client("admin").post(
        "/resources/runs/new/",
        {"name": "Empty", "starts_on_day": "1", "starts_on_month": "1", "starts_on_year": "2011",
         "months": "12", "time_limit_s": "5"},
    )  # fmt: skip
    assert response.status_code == 400  # a refused form
    assert "No project has any role demand to plan" in response.content.decode()
    assert not PlanRun.objects.exists()


def test_it_books_from_the_run_page_and_shows_refusals_on_the_form(world):
    run, free, _first, second = planned_run(world)
    client = world.client("admin")
    page = client.get(f"/resources/runs/{run.pk}/").content.decode()
    assert f"/resources/runs/{run.pk}/book/" in page
    other = AssignmentFactory.create(demand=second, member=free)
    response = client.post(f"/resources/runs/{run.pk}/book/")
    assert response.status_code == 400  # a refused form
    refused = response.content.decode()
    assert "There is a problem" in refused
    assert "have changed since this run" in refused
    other.delete()
    response = client.post(f"/resources/runs/{run.pk}/book/", follow=True)
    html = response.content.decode()
    assert "The plan has been booked: 1 new booking" in html
    assert "This plan was booked on" in html
    assert Assignment.objects.filter(demand=second, member=free).exists()


def test_it_shows_the_booking_page_in_a_fixed_number_of_queries(world, assert_queries):
    run, *_ = planned_run(world)
    client = world.client("admin")
    client.get("/resources/")
    # session, user, viewer (person + roles, bodies), the run, its scenarios
    with assert_queries(6, "The Book this plan page"):
        response = client.get(f"/resources/runs/{run.pk}/book/")
    assert "Who the plan assigns" in response.content.decode()
