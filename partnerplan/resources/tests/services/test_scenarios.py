"""Scenarios: a what-if must change something, and not force a project both ways."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.models import (
    PlanScenario,
)

pytestmark = pytest.mark.django_db


def test_it_refuses_a_scenario_that_changes_nothing_or_forces_both_ways(world):
    with pytest.raises(ValidationError, match=r"must change something") as exc:
        services.scenario_create(actor=None, name="Nothing")
    assert "must change something" in exc.value.messages[0]
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match=r"both in and out") as exc:
        services.scenario_create(actor=None, name="Both", force_in=[project], force_out=[project])
    assert "both in and out" in exc.value.message_dict["force_out"][0]
    assert not PlanScenario.objects.exists()
