"""Resources pages: pinned query counts, forms with bad input, the planner run from the
browser (immediate backend) and its htmx progress fragment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import override_settings

from partnerplan.resources.models import Availability, PlanRun, RoleDemand, RunStatus
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

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

pytestmark = pytest.mark.django_db


def _pool(world, n=3):
    members = [PoolMemberFactory.create(home_partner=world.alpha) for _ in range(n)]
    for m in members:
        AssignmentFactory.create(member=m)
    return members


def test_it_lists_the_pool_in_a_fixed_number_of_queries(world, assert_queries):
    _pool(world, 3)
    client = world.client("officer")
    client.get("/resources/")  # warm the session
    # session, user, viewer (person + roles, bodies), members, skills, availability, leave
    with assert_queries(8, "The pool list"):
        response = client.get("/resources/")
    assert response.status_code == 200
    _pool(world, 3)
    with assert_queries(8, "The pool list with more members"):
        client.get("/resources/")


def test_it_shows_a_pool_member_in_a_fixed_number_of_queries(world, assert_queries):
    member = _pool(world, 1)[0]
    AssignmentFactory.create(member=member)
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(9, "A pool member's page"):
        response = client.get(f"/resources/pool/{member.pk}/")
    assert response.status_code == 200
    assert "Over-allocated" in response.content.decode()


def test_it_lists_demand_in_a_fixed_number_of_queries(world, assert_queries):
    _pool(world, 3)
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(7, "The demand list"):
        response = client.get("/resources/demand/")
    assert response.content.decode().count("Project manager: 3 days a week") == 3


def test_it_shows_a_projects_demand_in_a_fixed_number_of_queries(world, assert_queries):
    demand = _pool(world, 1)[0].assignments.first().demand
    RoleDemandFactory.create(project=demand.project)
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(7, "A project's resources page"):
        response = client.get(f"/resources/projects/{demand.project_id}/")
    assert response.status_code == 200


def test_it_shows_capacity_with_shortfalls_in_a_fixed_number_of_queries(world, assert_queries):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    AssignmentFactory.create(member=member)
    RoleDemandFactory.create()  # a second 3-day role: the pool is short
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(11, "Capacity against demand"):
        response = client.get("/resources/capacity/?start=2011-01")
    html = response.content.decode()
    assert "Demand is more than capacity in 6 months" in html
    assert "<svg" in html and 'role="img"' in html
    assert "Project management: days a week by month" in html


def test_it_lists_runs_and_shows_a_run_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(3):
        DonePlanRunFactory.create()
    run = DonePlanRunFactory.create()
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(5, "The run list"):
        client.get("/resources/runs/")
    with assert_queries(6, "A run's page"):
        response = client.get(f"/resources/runs/{run.pk}/")
    assert "Proven the best plan." in response.content.decode()


def test_it_lists_scenarios_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(3):
        PlanScenarioFactory.create()
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(8, "The scenario list"):
        response = client.get("/resources/scenarios/")
    assert response.content.decode().count("Changes the money by £20,000") == 3


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


def test_it_refuses_availability_over_five_days_and_shows_why(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    response = world.client("officer").post(
        f"/resources/pool/{member.pk}/availability/",
        {"starts_on_day": "1", "starts_on_month": "4", "starts_on_year": "2011",
         "days_per_week": "6"},
    )  # fmt: skip
    html = response.content.decode()
    assert "There is a problem" in html
    assert "a working week has 5 days" in html
    assert not Availability.objects.exists()


def test_it_refuses_demand_without_a_skill_and_shows_why(world):
    demand = RoleDemandFactory.create()
    response = world.client("admin").post(
        f"/resources/projects/{demand.project_id}/roles/new/",
        {"title": "Project manager", "skill": "", "days_per_week": "3",
         "starts_on_day": "1", "starts_on_month": "9", "starts_on_year": "2010", "months": "6"},
    )  # fmt: skip
    assert "Choose the skill this role needs" in response.content.decode()
    assert RoleDemand.objects.count() == 1


def test_it_warns_of_over_allocation_when_booking(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    AssignmentFactory.create(member=member)
    demand = RoleDemandFactory.create()
    response = world.client("admin").post(
        f"/resources/roles/{demand.pk}/book/", {"member": member.pk}, follow=True
    )
    html = response.content.decode()
    assert "has been booked" in html
    assert "over-allocated in January 2011 to June 2011 (6 of 3 days a week)" in html


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
    assert "No project has any role demand to plan" in response.content.decode()
    assert not PlanRun.objects.exists()
