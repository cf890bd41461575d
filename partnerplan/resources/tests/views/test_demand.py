"""Demand pages: roles, planning settings and bookings, with pinned query counts and refused
forms (400)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from partnerplan.resources.models import (
    Assignment,
    RoleDemand,
)
from partnerplan.resources.tests.builders import (
    day_of,
    pool_with_bookings,
)
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    PoolMemberFactory,
    RoleDemandFactory,
    skill,
)

pytestmark = pytest.mark.django_db


def test_it_lists_demand_in_a_fixed_number_of_queries(world, assert_queries):
    pool_with_bookings(world, 3)
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(7, "The demand list"):
        response = client.get("/resources/demand/")
    assert response.content.decode().count("Project manager: 3 days a week") == 3


def test_it_shows_a_projects_demand_in_a_fixed_number_of_queries(world, assert_queries):
    demand = pool_with_bookings(world, 1)[0].assignments.first().demand
    RoleDemandFactory.create(project=demand.project)
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(7, "A project's resources page"):
        response = client.get(f"/resources/projects/{demand.project_id}/")
    assert response.status_code == 200


def test_it_refuses_demand_without_a_skill_and_shows_why(world):
    demand = RoleDemandFactory.create()
    response = world.client("admin").post(
        f"/resources/projects/{demand.project_id}/roles/new/",
        {"title": "Project manager", "skill": "", "days_per_week": "3",
         "starts_on_day": "1", "starts_on_month": "9", "starts_on_year": "2010", "months": "6"},
    )  # fmt: skip
    assert response.status_code == 400  # a refused form
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


def test_it_changes_a_role_and_refuses_a_skill_its_bookings_lack(world):
    booking = AssignmentFactory.create()
    demand = booking.demand
    client = world.client("admin")
    base = {
        "title": "Project manager",
        "days_per_week": "2",
        **day_of("starts_on", demand.starts_on),
        "months": "4",
    }
    refused = client.post(
        f"/resources/roles/{demand.pk}/", {**base, "skill": skill("procurement").pk}
    )
    assert refused.status_code == 400  # a refused form
    assert "do not have Procurement" in refused.content.decode() or "does not have" in (
        refused.content.decode()
    )
    assert RoleDemand.objects.get().months == demand.months
    ok = client.post(f"/resources/roles/{demand.pk}/", {**base, "skill": demand.skill_id})
    assert ok.status_code == 302
    assert RoleDemand.objects.get().months == 4


def test_it_removes_a_role_with_its_bookings(world):
    booking = AssignmentFactory.create()
    client = world.client("admin")
    page = client.get(f"/resources/roles/{booking.demand_id}/remove/").content.decode()
    assert "Its 1 booking will be removed too" in page
    client.post(f"/resources/roles/{booking.demand_id}/remove/")
    assert not RoleDemand.objects.exists()
    assert not Assignment.objects.exists()


def test_it_changes_a_booking_warns_of_over_allocation_and_removes_it(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    booking = AssignmentFactory.create(member=member, days_per_week=Decimal(1))
    client = world.client("admin")
    response = client.post(
        f"/resources/bookings/{booking.pk}/",
        {"days_per_week": "4", **day_of("starts_on", booking.starts_on),
         **day_of("ends_on", booking.ends_on)},
        follow=True,
    )  # fmt: skip
    html = response.content.decode()
    assert "has been changed" in html
    assert "is now over-allocated" in html
    client.post(f"/resources/bookings/{booking.pk}/remove/")
    assert not Assignment.objects.exists()


def test_it_refuses_a_booking_change_with_bad_dates_and_saves_nothing(world):
    booking = AssignmentFactory.create()
    response = world.client("admin").post(
        f"/resources/bookings/{booking.pk}/",
        {"days_per_week": "2", **day_of("starts_on", dt.date(2011, 6, 1)),
         **day_of("ends_on", dt.date(2011, 1, 1))},
    )  # fmt: skip
    assert response.status_code == 400  # a refused form
    assert "The end of the booking must be the same as or after its start" in (
        response.content.decode()
    )
    assert Assignment.objects.get().days_per_week == booking.days_per_week
