"""Pool members, availability and leave: plain-English refusals, nothing half-saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.partners.tests.factories import PersonFactory
from partnerplan.resources import calendar as cal
from partnerplan.resources import services
from partnerplan.resources.models import (
    Availability,
    Leave,
    PoolMember,
)
from partnerplan.resources.tests.builders import (
    admin_of,
)
from partnerplan.resources.tests.factories import (
    PoolMemberFactory,
    skill,
)

pytestmark = pytest.mark.django_db


def test_it_adds_a_pool_member(world):
    person = PersonFactory.create(partner=world.alpha)
    member = services.member_create(
        actor=admin_of(world),
        person=person,
        home_partner=world.alpha,
        skills=[skill(), skill("procurement")],
        days_per_week=Decimal(3),
        cost_rate_per_day=Decimal(250),
    )
    assert member.skills.count() == 2
    assert member.history.first().history_user == admin_of(world)


def test_it_refuses_availability_over_five_days_a_week(world):
    person = PersonFactory.create(partner=world.alpha)
    with pytest.raises(ValidationError, match=r"5 or fewer") as exc:
        services.member_create(
            actor=admin_of(world),
            person=person,
            home_partner=world.alpha,
            skills=[skill()],
            days_per_week=Decimal(6),
        )
    assert "5 or fewer" in exc.value.message_dict["days_per_week"][0]
    assert not PoolMember.objects.exists()
    member = PoolMemberFactory.create()
    with pytest.raises(ValidationError, match=r"a working week has 5 days") as exc:
        services.availability_add(
            actor=None, member=member, starts_on=dt.date(2011, 1, 1), days_per_week=Decimal("5.5")
        )
    assert "a working week has 5 days" in exc.value.message_dict["days_per_week"][0]
    assert not Availability.objects.exists()


def test_it_refuses_a_pool_member_without_skills_or_twice(world):
    member = PoolMemberFactory.create()
    with pytest.raises(ValidationError, match=r"already in the pool") as exc:
        services.member_create(
            actor=None,
            person=member.person,
            home_partner=world.alpha,
            skills=[skill()],
            days_per_week=Decimal(2),
        )
    assert "already in the pool" in exc.value.message_dict["person"][0]
    with pytest.raises(ValidationError, match=r"at least one skill") as exc:
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
    with pytest.raises(ValidationError, match=r"must be the same as or after its start") as exc:
        services.leave_add(
            actor=None, member=member, starts_on=dt.date(2011, 5, 1), ends_on=dt.date(2011, 4, 1)
        )
    assert "must be the same as or after its start" in exc.value.message_dict["ends_on"][0]
    assert not Leave.objects.exists()


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
