"""Highlight report pages."""

from __future__ import annotations

from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


def test_it_needs_commentary_for_a_red_report_on_the_page(world):
    project = ActiveProjectFactory.create(project_manager=world.users["pm"].person)
    response = world.client("pm").post(
        f"/portfolio/projects/{project.pk}/highlight-reports/new/",
        {
            "period_start_day": "1", "period_start_month": "11", "period_start_year": "2010",
            "period_end_day": "30", "period_end_month": "11", "period_end_year": "2010",
            "confidence": "red", "progress": "Behind",
        },
    )  # fmt: skip
    messages = _error_summary(response)
    assert "A red report needs commentary: say why" in messages
    assert project.highlight_reports.count() == 0
