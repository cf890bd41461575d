"""Benefit pages."""

from __future__ import annotations

from partnerplan.portfolio.tests.factories import (
    BenefitFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


def test_it_refuses_a_benefit_whose_target_date_comes_first(world):
    benefit = BenefitFactory.create(project__project_manager=world.users["pm"].person)
    response = world.client("pm").post(
        f"/portfolio/benefits/{benefit.pk}/edit/",
        {
            "description": "Calls", "measure": "Calls a month", "baseline": "10",
            "baseline_on_day": "1", "baseline_on_month": "1", "baseline_on_year": "2011",
            "target": "20", "target_on_day": "1", "target_on_month": "1",
            "target_on_year": "2010", "tolerance_percent": "10",
        },
    )  # fmt: skip
    assert any("target date must be after the baseline date" in m for m in _error_summary(response))
    benefit.refresh_from_db()
    assert benefit.description == "Fewer avoidable contacts"
