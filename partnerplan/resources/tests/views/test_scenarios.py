"""Scenario pages."""

from __future__ import annotations

import pytest

from partnerplan.resources.tests.factories import (
    PlanScenarioFactory,
)

pytestmark = pytest.mark.django_db


def test_it_lists_scenarios_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(3):
        PlanScenarioFactory.create()
    client = world.client("officer")
    client.get("/resources/")
    with assert_queries(8, "The scenario list"):
        response = client.get("/resources/scenarios/")
    assert response.content.decode().count("Changes the money by £20,000") == 3
