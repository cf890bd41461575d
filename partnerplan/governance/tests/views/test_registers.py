from __future__ import annotations

import datetime as dt

import pytest

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
)
from partnerplan.governance.tests.helpers import busy_meeting


def test_it_lists_decisions_in_a_fixed_number_of_queries(world, assert_queries):
    busy_meeting(world.body)  # six decisions, with named votes
    client = world.client("public")
    # count, decisions (with body, meeting and item); the public has no session
    with assert_queries(2, "The decision register"):
        response = client.get("/governance/decisions/")
    assert response.status_code == 200
    assert (
        "Body" not in response.content.decode() or "recommendation 2" in response.content.decode()
    )


@pytest.fixture
def registers(world):
    """A few rows in every register, so that an N+1 query would show."""
    from decimal import Decimal

    from partnerplan.governance.models import PowerKind

    director = BodyFactory.create(name="Director", kind="office_holder")
    holder = BodyMembershipFactory.create(body=director).person
    services.power_add(actor=None, body=world.body, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(from_body=world.body, to_bodies=[director])
    services.reporting_line_add(actor=None, source=director, target=world.body)
    for n in range(3):
        services.officer_decision_record(
            actor=None, delegation=delegation, taken_by=director, decided_by=holder, title=f"D{n}",
            decision="Spend", reasons="Needed", amount=Decimal(1000),
            options_considered="None", declared_interests="None",
            decided_on=dt.date(2011, 1, 3),
        )  # fmt: skip
        services.forward_plan_add(
            actor=None, body=world.body, title=f"F{n}", decision_due=dt.date(2030, 6, 1),
            notice_given_on=dt.date(2030, 1, 1),
        )  # fmt: skip
        services.matter_create(
            actor=None, title=f"M{n}", bodies=[world.body, director], visibility=Visibility.PUBLIC
        )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/governance/delegated-decisions/", 2),  # count, decisions with bodies and people
        ("/governance/forward-plan/", 2),  # entries with bodies and meetings; exceptions
        ("/governance/matters/", 2),  # matters, tracks with bodies
        ("/governance/structure/", 4),  # bodies, reporting lines, delegations, their bodies
    ],
)
def test_it_shows_registers_in_a_fixed_number_of_queries(
    world, registers, assert_queries, url, expected
):
    client = world.client("public")
    with assert_queries(expected, url):
        response = client.get(url)
    assert response.status_code == 200
