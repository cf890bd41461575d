"""Planner runs: translation of the records into the planning core, runs in the background
(immediate backend), and refused settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from partnerplan.core.access import viewer_for
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services, translate
from partnerplan.resources.models import (
    PlanRun,
    RunStatus,
)
from partnerplan.resources.tests.builders import (
    IMMEDIATE,
    admin_of,
    two_projects,
)
from partnerplan.resources.tests.factories import (
    AvailabilityFactory,
    LeaveFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    skill,
)

pytestmark = pytest.mark.django_db


def test_it_translates_records_into_a_planning_problem(world):
    member, committed, candidate = two_projects(world)
    built = translate.build_problem(
        viewer=viewer_for(admin_of(world)), starts_on=dt.date(2011, 1, 1), months=12
    )
    by_id = {p.id: p for p in built.problem.projects}
    fixed = by_id[f"p{committed.pk}"]
    assert fixed.fixed_start == dt.date(2011, 1, 1)
    assert fixed.roles[0].member_id == f"m{member.pk}"
    assert fixed.roles[0].skill == "project management"
    assert by_id[f"p{candidate.pk}"].earliest_start == dt.date(2011, 1, 1)
    assert by_id[f"p{candidate.pk}"].value == Decimal(8)


def test_it_gives_the_planner_the_money_coming_into_a_fund_month_by_month(world):
    from partnerplan.finance import services as finance
    from partnerplan.finance.tests.factories import authority, fund_with_balance

    admin = admin_of(world)
    fund = fund_with_balance(admin, amount="10000", on=dt.date(2010, 12, 1))
    demand = RoleDemandFactory.create(project__title="Life Events")
    ProjectPlanningFactory.create(project=demand.project, fund=fund)
    other = ProjectFactory.create(title="Already running")
    authority_ = authority(fund.owner_body)
    finance.contribution_record(
        actor=admin, fund=fund, partner=world.alpha, amount="20000", on=dt.date(2011, 3, 15),
        authority=authority_,
    )  # fmt: skip
    finance.call_on_reserves(
        actor=admin, fund=fund, amount="4000", purpose="Project manager", on=dt.date(2011, 2, 1),
        project=other, authority=authority_,
    )  # fmt: skip
    finance.contribution_record(
        actor=admin, fund=fund, partner=world.alpha, amount="5000", on=dt.date(2012, 3, 1),
        authority=authority_,
    )  # fmt: skip
    built = translate.build_problem(
        viewer=viewer_for(admin), starts_on=dt.date(2011, 1, 1), months=12
    )
    (planned,) = [f for f in built.problem.funds if f.id == f"f{fund.pk}"]
    assert planned.opening_balance == Decimal("10000.00")
    # the contribution arrives in March; the call to another project is the planner's own
    # business (it decides project spend), and money after the horizon is left out
    assert planned.inflows == {dt.date(2011, 3, 1): Decimal("20000.00")}


def test_it_reports_availability_changes_and_leave_to_the_planner(world):
    member = PoolMemberFactory.create(days_per_week=Decimal(3))
    AvailabilityFactory.create(member=member)
    LeaveFactory.create(member=member)
    RoleDemandFactory.create()
    built = translate.build_problem(
        viewer=viewer_for(admin_of(world)), starts_on=dt.date(2011, 1, 1), months=12
    )
    planned = next(m for m in built.problem.members if m.id == f"m{member.pk}")
    assert planned.availability[dt.date(2011, 4, 1)] == Decimal(1)
    assert planned.leave_days[dt.date(2011, 8, 1)] == Decimal(6)


@override_settings(TASKS=IMMEDIATE)
def test_it_runs_the_planner_in_the_background(world, django_capture_on_commit_callbacks):
    _member, committed, candidate = two_projects(world)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=admin_of(world),
            viewer=viewer_for(admin_of(world)),
            name="Can we staff Customer Access?",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
            frontier=True,
        )
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.progress == 100
    plan = run.result["plans"][0]
    assert plan["status"] == "OPTIMAL"
    scheduled = {s["project_id"]: s for s in plan["scheduled"]}
    assert scheduled[f"p{committed.pk}"]["start"] == "2011-01-01"
    # One member, 3 days a week: Customer Access waits until Life Events ends in June.
    assert scheduled[f"p{candidate.pk}"]["start"] == "2011-07-01"
    assert run.result["frontier"]


@override_settings(TASKS=IMMEDIATE)
def test_it_says_what_would_let_a_deferred_project_in(world, django_capture_on_commit_callbacks):
    _member, _committed, candidate = two_projects(world)
    ProjectPlanningFactory._meta.model.objects.filter(project=candidate).update(
        deadline=dt.date(2011, 6, 30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=None,
            viewer=viewer_for(admin_of(world)),
            name="Deadline",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
        )
    run.refresh_from_db()
    deferred = run.result["plans"][0]["deferred"]
    assert [d["project_id"] for d in deferred] == [f"p{candidate.pk}"]
    assert any("project management" in s for s in deferred[0]["suggestions"])


@override_settings(TASKS=IMMEDIATE)
def test_it_compares_scenarios_side_by_side(world, django_capture_on_commit_callbacks):
    member, _committed, candidate = two_projects(world)
    ProjectPlanningFactory._meta.model.objects.filter(project=candidate).update(
        deadline=dt.date(2011, 6, 30)
    )
    extra = services.scenario_create(
        actor=None, name="One more PM", add_skill=skill(), add_days_per_week=Decimal(3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=None,
            viewer=viewer_for(admin_of(world)),
            name="With scenarios",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
            scenarios=[extra],
        )
    run.refresh_from_db()
    rows = {r["name"]: r for r in run.result["comparison"]}
    assert rows["One more PM"]["added"] == [f"p{candidate.pk}"]


def test_it_refuses_a_run_with_nothing_to_plan(world):
    with pytest.raises(ValidationError, match=r"No project has any role demand") as exc:
        services.run_create(
            actor=None,
            viewer=viewer_for(admin_of(world)),
            name="Empty",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
        )
    assert "No project has any role demand" in exc.value.messages[0]
    assert not PlanRun.objects.exists()


def test_it_refuses_a_scenario_changing_money_when_the_run_has_none(world):
    two_projects(world)
    scenario = services.scenario_create(actor=None, name="More money", money_change=Decimal(1000))
    with pytest.raises(ValidationError, match=r"set the money available on the run") as exc:
        services.run_create(
            actor=None,
            viewer=viewer_for(admin_of(world)),
            name="x",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
            scenarios=[scenario],
        )
    assert "set the money available on the run" in exc.value.messages[0]


def test_it_refuses_bad_run_settings(world):
    with pytest.raises(ValidationError, match="Enter a name for the run") as exc:
        services.run_create(
            actor=None,
            viewer=viewer_for(admin_of(world)),
            name="",
            starts_on=dt.date(2011, 1, 1),
            months=0,
            time_limit_s=0,
            money=Decimal(-1),
        )
    assert set(exc.value.message_dict) == {"name", "months", "time_limit_s", "money"}
