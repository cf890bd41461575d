"""Services of the resources app: plain-English validation, over-allocation flagged,
translation into the planning core, and planner runs in the background (immediate backend)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from partnerplan.core.access import viewer_for
from partnerplan.partners.tests.factories import PersonFactory
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import calendar as cal
from partnerplan.resources import services, translate
from partnerplan.resources.models import (
    Assignment,
    Availability,
    Leave,
    PlanRun,
    PlanScenario,
    PoolMember,
    RoleDemand,
    RunStatus,
)
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    AvailabilityFactory,
    CommittedProjectPlanningFactory,
    DonePlanRunFactory,
    LeaveFactory,
    PlanRunFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    skill,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

pytestmark = pytest.mark.django_db


def _admin(world):
    return world.users["admin"]


def test_it_adds_a_pool_member(world):
    person = PersonFactory.create(partner=world.alpha)
    member = services.member_create(
        actor=_admin(world),
        person=person,
        home_partner=world.alpha,
        skills=[skill(), skill("procurement")],
        days_per_week=Decimal(3),
        cost_rate_per_day=Decimal(250),
    )
    assert member.skills.count() == 2
    assert member.history.first().history_user == _admin(world)


def test_it_refuses_availability_over_five_days_a_week(world):
    person = PersonFactory.create(partner=world.alpha)
    with pytest.raises(ValidationError) as exc:
        services.member_create(
            actor=_admin(world),
            person=person,
            home_partner=world.alpha,
            skills=[skill()],
            days_per_week=Decimal(6),
        )
    assert "5 or fewer" in exc.value.message_dict["days_per_week"][0]
    assert not PoolMember.objects.exists()
    member = PoolMemberFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.availability_add(
            actor=None, member=member, starts_on=dt.date(2011, 1, 1), days_per_week=Decimal("5.5")
        )
    assert "a working week has 5 days" in exc.value.message_dict["days_per_week"][0]
    assert not Availability.objects.exists()


def test_it_refuses_a_pool_member_without_skills_or_twice(world):
    member = PoolMemberFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.member_create(
            actor=None,
            person=member.person,
            home_partner=world.alpha,
            skills=[skill()],
            days_per_week=Decimal(2),
        )
    assert "already in the pool" in exc.value.message_dict["person"][0]
    with pytest.raises(ValidationError) as exc:
        services.member_create(
            actor=None,
            person=PersonFactory.create(),
            home_partner=world.alpha,
            skills=[],
            days_per_week=Decimal(2),
        )
    assert "at least one skill" in exc.value.message_dict["skills"][0]


def test_it_refuses_dates_out_of_order(world):
    member = PoolMemberFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.leave_add(
            actor=None, member=member, starts_on=dt.date(2011, 5, 1), ends_on=dt.date(2011, 4, 1)
        )
    assert "must be the same as or after its start" in exc.value.message_dict["ends_on"][0]
    assert not Leave.objects.exists()


def test_it_refuses_demand_without_a_skill(world):
    project = ProjectFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.demand_create(
            actor=None,
            project=project,
            skill=None,
            title="Project manager",
            days_per_week=Decimal(3),
            starts_on=dt.date(2011, 1, 1),
            months=6,
        )
    assert "Choose the skill this role needs" in exc.value.message_dict["skill"][0]
    assert not RoleDemand.objects.exists()


def test_it_refuses_demand_of_no_months_or_too_many_days(world):
    with pytest.raises(ValidationError) as exc:
        services.demand_create(
            actor=None,
            project=ProjectFactory.create(),
            skill=skill(),
            title="Project manager",
            days_per_week=Decimal(7),
            starts_on=dt.date(2011, 1, 1),
            months=0,
        )
    assert set(exc.value.message_dict) == {"days_per_week", "months"}


def test_it_flags_over_allocation_but_books_it(world):
    member = PoolMemberFactory.create(days_per_week=Decimal(3))
    AssignmentFactory.create(member=member)  # 3 days a week, January to June 2011
    second = RoleDemandFactory.create(days_per_week=Decimal(2))
    outcome = services.assignment_create(actor=None, demand=second, member=member)
    assert Assignment.objects.filter(member=member).count() == 2
    assert len(outcome.over_allocated) == 6
    assert "over-allocated in January 2011 to June 2011 (5 of 3 days a week)" in outcome.warning


def test_it_refuses_to_book_someone_without_the_skill(world):
    member = PoolMemberFactory.create(skills=[skill("finance")])
    demand = RoleDemandFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.assignment_create(actor=None, demand=demand, member=member)
    assert "does not have the skill" in exc.value.message_dict["member"][0]


def test_it_counts_availability_spells_and_leave_by_month():
    calendar = cal.MemberCalendar(
        days_per_week=Decimal(3),
        spells=(cal.Spell(dt.date(2011, 4, 1), dt.date(2011, 4, 30), Decimal(1)),),
        leave=((dt.date(2011, 8, 1), dt.date(2011, 8, 5)),),
    )
    assert cal.month_availability(calendar, dt.date(2011, 3, 1)).net == Decimal(3)
    assert cal.month_availability(calendar, dt.date(2011, 4, 1)).net == Decimal(1)
    august = cal.month_availability(calendar, dt.date(2011, 8, 1))
    # A week of leave of someone lent 3 days a week takes 3 days of pool time.
    assert august.leave_days == Decimal(3)
    assert august.net == Decimal("2.31")


def test_it_refuses_a_scenario_that_changes_nothing_or_forces_both_ways(world):
    with pytest.raises(ValidationError) as exc:
        services.scenario_create(actor=None, name="Nothing")
    assert "must change something" in exc.value.messages[0]
    project = ProjectFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.scenario_create(actor=None, name="Both", force_in=[project], force_out=[project])
    assert "both in and out" in exc.value.message_dict["force_out"][0]
    assert not PlanScenario.objects.exists()


def _two_projects(world):
    member = PoolMemberFactory.create(days_per_week=Decimal(3), home_partner=world.alpha)
    first = RoleDemandFactory.create(project__title="Life Events", days_per_week=Decimal(3))
    CommittedProjectPlanningFactory.create(project=first.project, value=Decimal(5))
    AssignmentFactory.create(demand=first, member=member)
    second = RoleDemandFactory.create(project__title="Customer Access", days_per_week=Decimal(3))
    ProjectPlanningFactory.create(project=second.project, value=Decimal(8))
    return member, first.project, second.project


def test_it_translates_records_into_a_planning_problem(world):
    member, committed, candidate = _two_projects(world)
    built = translate.build_problem(
        viewer=viewer_for(_admin(world)), starts_on=dt.date(2011, 1, 1), months=12
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

    admin = _admin(world)
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


@override_settings(TASKS=IMMEDIATE)
def test_it_runs_the_planner_in_the_background(world, django_capture_on_commit_callbacks):
    _member, committed, candidate = _two_projects(world)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=_admin(world),
            viewer=viewer_for(_admin(world)),
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
    _member, _committed, candidate = _two_projects(world)
    ProjectPlanningFactory._meta.model.objects.filter(project=candidate).update(
        deadline=dt.date(2011, 6, 30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=None,
            viewer=viewer_for(_admin(world)),
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
    member, _committed, candidate = _two_projects(world)
    ProjectPlanningFactory._meta.model.objects.filter(project=candidate).update(
        deadline=dt.date(2011, 6, 30)
    )
    extra = services.scenario_create(
        actor=None, name="One more PM", add_skill=skill(), add_days_per_week=Decimal(3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=None,
            viewer=viewer_for(_admin(world)),
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
    with pytest.raises(ValidationError) as exc:
        services.run_create(
            actor=None,
            viewer=viewer_for(_admin(world)),
            name="Empty",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
        )
    assert "No project has any role demand" in exc.value.messages[0]
    assert not PlanRun.objects.exists()


def test_it_refuses_a_scenario_changing_money_when_the_run_has_none(world):
    _two_projects(world)
    scenario = services.scenario_create(actor=None, name="More money", money_change=Decimal(1000))
    with pytest.raises(ValidationError) as exc:
        services.run_create(
            actor=None,
            viewer=viewer_for(_admin(world)),
            name="x",
            starts_on=dt.date(2011, 1, 1),
            months=12,
            time_limit_s=5,
            scenarios=[scenario],
        )
    assert "set the money available on the run" in exc.value.messages[0]


def test_it_refuses_bad_run_settings(world):
    with pytest.raises(ValidationError) as exc:
        services.run_create(
            actor=None,
            viewer=viewer_for(_admin(world)),
            name="",
            starts_on=dt.date(2011, 1, 1),
            months=0,
            time_limit_s=0,
            money=Decimal(-1),
        )
    assert set(exc.value.message_dict) == {"name", "months", "time_limit_s", "money"}


def test_it_refuses_the_wrong_run_transition():
    run = DonePlanRunFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.run_start(run=run)
    assert "is done: it cannot become running" in exc.value.messages[0]


def test_it_records_a_failed_run(world):
    run = PlanRunFactory.create(inputs={"problem": {"broken": True}})
    services.run_execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert "stopped with an error" in run.error


def test_it_reports_availability_changes_and_leave_to_the_planner(world):
    member = PoolMemberFactory.create(days_per_week=Decimal(3))
    AvailabilityFactory.create(member=member)
    LeaveFactory.create(member=member)
    RoleDemandFactory.create()
    built = translate.build_problem(
        viewer=viewer_for(_admin(world)), starts_on=dt.date(2011, 1, 1), months=12
    )
    planned = next(m for m in built.problem.members if m.id == f"m{member.pk}")
    assert planned.availability[dt.date(2011, 4, 1)] == Decimal(1)
    assert planned.leave_days[dt.date(2011, 8, 1)] == Decimal(6)
