"""Capacity against demand."""

from __future__ import annotations

import pytest

from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    PoolMemberFactory,
    RoleDemandFactory,
)

pytestmark = pytest.mark.django_db


def test_it_shows_capacity_with_shortfalls_in_a_fixed_number_of_queries(world, assert_queries):
    member = PoolMemberFactory.create(home_partner=world.alpha)
    AssignmentFactory.create(member=member)
    RoleDemandFactory.create()  # a second 3-day role: the pool is short
    client = world.client("officer")
    client.get("/resources/")
    # 12: one more to name only the pool members the viewer may see (issue 14's leak crawl).
    with assert_queries(12, "Capacity against demand"):
        response = client.get("/resources/capacity/?start=2011-01")
    html = response.content.decode()
    assert "Demand is more than capacity in 6 months" in html
    assert "<svg" in html and 'role="img"' in html
    assert "Project management: days a week by month" in html
