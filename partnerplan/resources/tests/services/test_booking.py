"""Book this plan: a finished run's assignments become bookings in one step, refused (with
the reason, nothing saved) if roles or bookings changed since the run."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.resources import services
from partnerplan.resources.models import (
    Assignment,
    PlanRun,
)
from partnerplan.resources.tests.builders import (
    planned_run,
)
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    RunningPlanRunFactory,
)

pytestmark = pytest.mark.django_db


def test_it_books_the_plan_as_it_stands_once(world):
    run, free, first, second = planned_run(world)
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
    run, free, _first, second = planned_run(world)
    AssignmentFactory.create(demand=second, member=free, days_per_week=Decimal(1))
    with pytest.raises(ValidationError, match=f"{free} was booked to Customer Access"):
        services.run_book(actor=world.users["admin"], run=run)
    assert Assignment.objects.count() == 2
    assert PlanRun.objects.get(pk=run.pk).booked_at is None


def test_it_refuses_to_book_when_a_role_changed_since_the_run(world):
    run, _free, _first, second = planned_run(world)
    services.demand_update(actor=world.users["admin"], demand=second, skill=second.skill, months=2)
    with pytest.raises(ValidationError, match="the role Project manager on Customer Access was"):
        services.run_book(actor=world.users["admin"], run=run)


def test_it_refuses_to_book_an_unfinished_run(world):
    run = RunningPlanRunFactory.create()
    with pytest.raises(ValidationError, match="only a finished plan can be booked"):
        services.run_book(actor=world.users["admin"], run=run)
