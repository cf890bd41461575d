"""Book this plan: a finished run's assignments become bookings in one step, refused (with
the reason, nothing saved) if roles or bookings changed since the run."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core.access import viewer_for
from partnerplan.resources import services
from partnerplan.resources.models import Assignment, PlanRun
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    CommittedProjectPlanningFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    RunningPlanRunFactory,
)

pytestmark = pytest.mark.django_db


def _planned(world):
    admin = world.users["admin"]
    busy = PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    free = PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    first = RoleDemandFactory.create(project__title="Life Events")
    CommittedProjectPlanningFactory.create(project=first.project)
    AssignmentFactory.create(demand=first, member=busy)
    second = RoleDemandFactory.create(project__title="Customer Access")
    ProjectPlanningFactory.create(project=second.project, deadline=dt.date(2011, 12, 31))
    run = services.run_create(
        actor=admin,
        viewer=viewer_for(admin),
        name="Staffing 2011",
        starts_on=dt.date(2011, 1, 1),
        months=12,
        time_limit_s=2,
    )
    services.run_execute(run.pk)
    run.refresh_from_db()
    assert run.status == "done", run.error
    return run, free, first, second


def test_it_books_the_plan_as_it_stands_once(world):
    run, free, first, second = _planned(world)
    booked = services.run_book(actor=world.users["admin"], run=run)
    assert [(a.demand_id, a.member_id) for a in booked.created] == [(second.pk, free.pk)]
    new = Assignment.objects.get(demand=second)
    assert new.days_per_week == second.days_per_week
    assert new.starts_on.day == 1 and new.ends_on >= new.starts_on
    assert Assignment.objects.filter(demand=first).count() == 1  # already booked: left alone
    run.refresh_from_db()
    assert run.booked_at is not None and run.booked_by == world.users["admin"]
    with pytest.raises(ValidationError, match="already booked"):
        services.run_book(actor=world.users["admin"], run=run)
    assert Assignment.objects.count() == 2


def test_it_refuses_to_book_when_bookings_changed_since_the_run(world):
    run, free, _first, second = _planned(world)
    AssignmentFactory.create(demand=second, member=free, days_per_week=Decimal(1))
    with pytest.raises(ValidationError, match=f"{free} was booked to Customer Access"):
        services.run_book(actor=world.users["admin"], run=run)
    assert Assignment.objects.count() == 2
    assert PlanRun.objects.get(pk=run.pk).booked_at is None


def test_it_refuses_to_book_when_a_role_changed_since_the_run(world):
    run, _free, _first, second = _planned(world)
    services.demand_update(actor=world.users["admin"], demand=second, skill=second.skill, months=2)
    with pytest.raises(ValidationError, match="the role Project manager on Customer Access was"):
        services.run_book(actor=world.users["admin"], run=run)


def test_it_refuses_to_book_an_unfinished_run(world):
    run = RunningPlanRunFactory.create()
    with pytest.raises(ValidationError, match="only a finished plan can be booked"):
        services.run_book(actor=world.users["admin"], run=run)


def test_it_books_from_the_run_page_and_shows_refusals_on_the_form(world):
    run, free, _first, second = _planned(world)
    client = world.client("admin")
    page = client.get(f"/resources/runs/{run.pk}/").content.decode()
    assert f"/resources/runs/{run.pk}/book/" in page
    other = AssignmentFactory.create(demand=second, member=free)
    refused = client.post(f"/resources/runs/{run.pk}/book/").content.decode()
    assert "There is a problem" in refused
    assert "have changed since this run" in refused
    other.delete()
    response = client.post(f"/resources/runs/{run.pk}/book/", follow=True)
    html = response.content.decode()
    assert "The plan has been booked: 1 new booking" in html
    assert "This plan was booked on" in html
    assert Assignment.objects.filter(demand=second, member=free).exists()


def test_it_shows_the_booking_page_in_a_fixed_number_of_queries(world, assert_queries):
    run, *_ = _planned(world)
    client = world.client("admin")
    client.get("/resources/")
    # session, user, viewer (person + roles, bodies), the run, its scenarios
    with assert_queries(6, "The Book this plan page"):
        response = client.get(f"/resources/runs/{run.pk}/book/")
    assert "Who the plan assigns" in response.content.decode()
