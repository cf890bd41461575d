"""The resources demo: a pool marked DEMO DATA, the seed's project-manager demand, and a real
question for the planner."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from partnerplan.core.access import viewer_for
from partnerplan.core.models import User
from partnerplan.resources import services
from partnerplan.resources.demo import SCENARIO
from partnerplan.resources.models import (
    Assignment,
    PlanScenario,
    PoolMember,
    RoleDemand,
    RunStatus,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

pytestmark = pytest.mark.django_db


def _load() -> None:
    call_command("load_demo", "--quiet-accounts", stdout=StringIO())


def test_it_loads_the_pool_and_the_seeds_demand_once():
    _load()
    _load()
    assert PoolMember.objects.count() == 3
    assert all(m.is_demo for m in PoolMember.objects.all())
    demand = {d.project.title: d for d in RoleDemand.objects.select_related("project")}
    assert set(demand) == {
        "Adult Social Care and Health",
        "Life Events",
        "Shared Services and Systems",
        "Customer Knowledge",
    }
    one_place = demand["Shared Services and Systems"]
    assert one_place.months == 6
    assert one_place.days_per_week == Decimal(3)
    assert "6 months project management 3 days per week" in one_place.source
    assert Assignment.objects.count() == 2
    assert PlanScenario.objects.filter(name=SCENARIO).count() == 1


def test_it_loads_a_scheduled_task_network_for_customer_knowledge():
    from partnerplan.resources.models import ProjectTask, TaskSchedule
    from partnerplan.resources.selectors import task_schedule_view

    _load()
    _load()
    assert ProjectTask.objects.count() == 8
    (schedule,) = TaskSchedule.objects.select_related("project")
    assert schedule.project.title == "Customer Knowledge"
    assert schedule.status == RunStatus.DONE, schedule.error
    view = task_schedule_view(schedule)
    assert view is not None and not view.changed_since
    # one project manager and one business analyst: the business case reaches the Programme
    # Board in 14 weeks, 2 more than the longest chain of tasks alone (12 weeks): the manager
    # cannot test the market and draft the business case at once
    assert (view.weeks, view.chain_weeks, view.proven) == (14, 12, True)


@override_settings(TASKS=IMMEDIATE)
def test_it_gives_the_planner_a_real_question(django_capture_on_commit_callbacks):
    _load()
    director = User.objects.get(username="director")
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=director,
            viewer=viewer_for(director),
            name="Can the pool staff more projects?",
            starts_on=dt.date(2010, 11, 1),
            months=18,
            time_limit_s=5,
            scenarios=PlanScenario.objects.filter(name=SCENARIO),
        )
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    base, extra = run.result["plans"]
    # 2 days a week of project management are free until the active projects end in
    # September 2011: the Workstream 2 role waits until then; Customer Access misses its
    # January 2011 deadline and is deferred, with what would let it in.
    starts = {s["title"]: s["start"] for s in base["scheduled"]}
    assert starts["Shared Services and Systems"] == "2011-10-01"
    assert [d["title"] for d in base["deferred"]] == ["Customer Knowledge"]
    assert any("project management" in s for s in base["deferred"][0]["suggestions"])
    # With one more project manager both go ahead, and Workstream 2 starts much sooner.
    extra_starts = {s["title"]: s["start"] for s in extra["scheduled"]}
    assert "Customer Knowledge" in extra_starts
    assert extra_starts["Shared Services and Systems"] < "2011-10-01"
