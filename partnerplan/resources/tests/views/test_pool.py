"""Pool pages: pinned query counts, changes and removals of members, availability and leave,
refused forms (400) with the reason and nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from partnerplan.resources.models import (
    Availability,
    Leave,
    PoolMember,
)
from partnerplan.resources.tests.builders import (
    day_of,
    pool_with_bookings,
)
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    AvailabilityFactory,
    LeaveFactory,
    PoolMemberFactory,
    skill,
)

pytestmark = pytest.mark.django_db


def test_it_lists_the_pool_in_a_fixed_number_of_queries(world, assert_queries):
    pool_with_bookings(world, 3)
    client = world.client("officer")
    client.get("/resources/")  # warm the session
    # session, user, viewer (person + roles, bodies), members, skills, availability, leave
    with assert_queries(8, "The pool list"):
        response = client.get("/resources/")
    assert response.status_code == 200
    pool_with_bookings(world, 3)
    with assert_queries(8, "The pool list with more members"):
        client.get("/resources/")


def test_it_lists_people_who_left_the_pool_on_request(world, assert_queries):
    member = PoolMemberFactory.create(home_partner=world.alpha, archived_at=dt.datetime.now(dt.UTC))
    PoolMemberFactory.create(home_partner=world.alpha)
    client = world.client("officer")
    client.get("/resources/")
    assert "Left the pool" not in client.get("/resources/").content.decode()
    with assert_queries(8, "The pool list with people who have left"):
        html = client.get("/resources/?left=1").content.decode()
    assert str(member.person) in html and "Left the pool" in html


def test_it_shows_a_pool_member_in_a_fixed_number_of_queries(world, assert_queries):
    member = pool_with_bookings(world, 1)[0]
    AssignmentFactory.create(member=member)
    client = world.client("officer")
    client.get("/resources/")
    # +1 since issue 18: the time actuals against the bookings, read once.
    with assert_queries(10, "A pool member's page"):
        response = client.get(f"/resources/pool/{member.pk}/")
    assert response.status_code == 200
    assert "Over-allocated" in response.content.decode()


def test_it_refuses_availability_over_five_days_and_shows_why(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    response = world.client("officer").post(
        f"/resources/pool/{member.pk}/availability/",
        {"starts_on_day": "1", "starts_on_month": "4", "starts_on_year": "2011",
         "days_per_week": "6"},
    )  # fmt: skip
    assert response.status_code == 400  # a refused form
    html = response.content.decode()
    assert "There is a problem" in html
    assert "a working week has 5 days" in html
    assert not Availability.objects.exists()


def test_it_changes_a_pool_members_details(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    client = world.client("admin")
    page = client.get(f"/resources/pool/{member.pk}/change/").content.decode()
    assert 'value="3"' in page  # the current days a week
    response = client.post(
        f"/resources/pool/{member.pk}/change/",
        {"home_partner": world.alpha.pk, "skills": [skill().pk], "days_per_week": "2.5",
         "cost_rate_per_day": "300"},
    )  # fmt: skip
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.days_per_week == Decimal("2.5")
    assert member.cost_rate_per_day == Decimal(300)


def test_it_refuses_a_pool_member_change_without_skills_and_saves_nothing(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    response = world.client("admin").post(
        f"/resources/pool/{member.pk}/change/",
        {"home_partner": world.alpha.pk, "days_per_week": "6", "cost_rate_per_day": ""},
    )
    assert response.status_code == 400  # a refused form
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose at least one skill" in html
    assert "a working week has 5 days" in html
    member.refresh_from_db()
    assert member.days_per_week == Decimal(3)


def test_it_refuses_to_take_someone_still_booked_out_of_the_pool(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    AssignmentFactory.create(member=member, ends_on=dt.date.today() + dt.timedelta(days=30))
    response = world.client("admin").post(
        f"/resources/pool/{member.pk}/leave-pool/", {"reason": "Back to the district"}
    )
    assert response.status_code == 400  # a refused form
    html = response.content.decode()
    assert "is still booked" in html
    assert "end or remove those bookings" in html
    member.refresh_from_db()
    assert not member.is_archived


def test_it_takes_someone_out_of_the_pool_and_brings_them_back(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    AssignmentFactory.create(member=member)  # in 2011: over
    client = world.client("admin")
    response = client.post(
        f"/resources/pool/{member.pk}/leave-pool/", {"reason": "Back to the district"}
    )
    assert response.status_code == 302
    assert PoolMember.objects.get(pk=member.pk).is_archived
    assert member.pk not in [m.pk for m in client.get("/resources/").context["members"]]
    client.post(f"/resources/pool/{member.pk}/leave-pool/", {})
    assert not PoolMember.objects.get(pk=member.pk).is_archived


def test_it_refuses_to_take_someone_out_without_a_reason(world):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    response = world.client("admin").post(f"/resources/pool/{member.pk}/leave-pool/", {})
    assert response.status_code == 400  # a refused form
    assert "Say why they are leaving the pool" in response.content.decode()
    assert not PoolMember.objects.get(pk=member.pk).is_archived


def test_it_ends_a_spell_of_availability_and_removes_it(world):
    spell = AvailabilityFactory.create(member__home_partner=world.alpha, ends_on=None)
    client = world.client("officer")
    response = client.post(
        f"/resources/availability/{spell.pk}/",
        {**day_of("starts_on", spell.starts_on), **day_of("ends_on", dt.date(2011, 6, 30)),
         "days_per_week": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    spell.refresh_from_db()
    assert spell.ends_on == dt.date(2011, 6, 30)
    assert spell.days_per_week == 1
    assert (
        "Remove this spell of availability?"
        in client.get(f"/resources/availability/{spell.pk}/remove/").content.decode()
    )
    client.post(f"/resources/availability/{spell.pk}/remove/")
    assert not Availability.objects.exists()


def test_it_refuses_a_spell_ending_before_it_starts_and_saves_nothing(world):
    spell = AvailabilityFactory.create(member__home_partner=world.alpha)
    before = (spell.starts_on, spell.ends_on, spell.days_per_week)
    response = world.client("officer").post(
        f"/resources/availability/{spell.pk}/",
        {**day_of("starts_on", dt.date(2011, 6, 1)), **day_of("ends_on", dt.date(2011, 5, 1)),
         "days_per_week": "7"},
    )  # fmt: skip
    assert response.status_code == 400  # a refused form
    html = response.content.decode()
    assert "must be the same as or after its start" in html
    assert "a working week has 5 days" in html
    spell.refresh_from_db()
    assert (spell.starts_on, spell.ends_on, spell.days_per_week) == before


def test_it_changes_and_removes_leave_and_refuses_bad_dates(world):
    leave = LeaveFactory.create(member__home_partner=world.alpha)
    client = world.client("officer")
    bad = client.post(
        f"/resources/leave/{leave.pk}/",
        {
            **day_of("starts_on", dt.date(2011, 6, 1)),
            **day_of("ends_on", dt.date(2011, 5, 1)),
        },
    )
    assert bad.status_code == 400  # a refused form
    assert "The end of the leave must be the same as or after its start" in bad.content.decode()
    assert Leave.objects.get().starts_on == leave.starts_on
    client.post(
        f"/resources/leave/{leave.pk}/",
        {**day_of("starts_on", dt.date(2011, 8, 1)), **day_of("ends_on", dt.date(2011, 8, 12)),
         "note": "Summer"},
    )  # fmt: skip
    assert Leave.objects.get().note == "Summer"
    client.post(f"/resources/leave/{leave.pk}/remove/")
    assert not Leave.objects.exists()


def test_it_refuses_leave_changes_from_another_partners_officer(world):
    leave = LeaveFactory.create(member__home_partner=world.beta)
    response = world.client("officer").get(f"/resources/leave/{leave.pk}/")
    assert response.status_code == 403
