"""Roles a project needs: refused without a skill, months or sensible days."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.models import (
    RoleDemand,
)
from partnerplan.resources.tests.factories import (
    skill,
)

pytestmark = pytest.mark.django_db


def test_it_refuses_demand_without_a_skill(world):
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match=r"Choose the skill this role needs") as exc:
        services.demand_create(
            actor=None,
            project=project,
            skill=None,
            title="Project manager",
            days_per_week=Decimal(3),
            starts_on=dt.date(2011, 1, 1),
            months=6,
        )
    assert "Choose the skill this role needs" in exc.value.message_dict["skill"][0]
    assert not RoleDemand.objects.exists()


def test_it_refuses_demand_of_no_months_or_too_many_days(world):
    with pytest.raises(ValidationError, match="Enter how many months the role lasts") as exc:
        services.demand_create(
            actor=None,
            project=ProjectFactory.create(),
            skill=skill(),
            title="Project manager",
            days_per_week=Decimal(7),
            starts_on=dt.date(2011, 1, 1),
            months=0,
        )
    assert set(exc.value.message_dict) == {"days_per_week", "months"}
