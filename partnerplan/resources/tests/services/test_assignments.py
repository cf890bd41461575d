"""Bookings: over-allocation flagged but booked; the role's skill required."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.resources import services
from partnerplan.resources.models import (
    Assignment,
)
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    PoolMemberFactory,
    RoleDemandFactory,
    skill,
)

pytestmark = pytest.mark.django_db


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
    with pytest.raises(ValidationError, match=r"does not have the skill") as exc:
        services.assignment_create(actor=None, demand=demand, member=member)
    assert "does not have the skill" in exc.value.message_dict["member"][0]
