"""Highlight reports under project control: one report a period, pre-filled with the tolerance
status, spend, milestones due and the top risks and issues; the reports due and overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core import clock
from partnerplan.core.access import Viewer, viewer_for
from partnerplan.portfolio.models import HighlightReport, Milestone
from partnerplan.portfolio.selectors import control as selectors
from partnerplan.portfolio.services.status import highlight_report_create
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BaselineFactory,
    RaidEntryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def december(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2010, 12, 20))


def _report(project, start, end, **kwargs):
    return highlight_report_create(
        actor=None, project=project, period_start=start, period_end=end, confidence="green",
        progress="On track", **kwargs,
    )  # fmt: skip


def test_it_refuses_a_second_report_for_the_same_period_and_saves_nothing():
    project = ActiveProjectFactory.create()
    _report(project, dt.date(2010, 11, 1), dt.date(2010, 11, 30))
    with pytest.raises(ValidationError, match="already a highlight report for 1 November 2010"):
        _report(project, dt.date(2010, 11, 15), dt.date(2010, 12, 14))
    assert HighlightReport.objects.count() == 1
    _report(project, dt.date(2010, 12, 1), dt.date(2010, 12, 31), forecast_end=dt.date(2011, 5, 1))


def test_it_prefills_the_report_with_tolerances_spend_milestones_and_top_risks():
    project = ActiveProjectFactory.create(last_report_end=dt.date(2010, 11, 30))
    baseline = BaselineFactory.create(project=project)
    Milestone.objects.create(baseline=baseline, title="Pilot starts", due_on=dt.date(2011, 1, 10))
    RaidEntryFactory.create(
        project=project, title="No pilot site", likelihood=5, impact=5, residual_likelihood=None,
        residual_impact=None,
    )  # fmt: skip
    RaidEntryFactory.create(project=project, title="Minor", likelihood=1, impact=1)
    initial = selectors.highlight_prefill(viewer=Viewer(), project=project)
    assert initial["period_start"] == dt.date(2010, 12, 1)
    assert "Time: baseline 31 March 2011" in initial["tolerances"]
    assert "Spend to date: £0" in initial["tolerances"]
    assert "Milestones due: Pilot starts (10 January 2011)" in initial["tolerances"]
    assert initial["risks_and_issues"].splitlines()[0] == "Risk: No pilot site (score 25)"


def test_it_lists_the_reports_due_and_overdue_for_the_project_manager(world):
    pm = world.users["pm"].person
    late = ActiveProjectFactory.create(
        title="Late", project_manager=pm, last_report_end=dt.date(2010, 10, 31)
    )
    ActiveProjectFactory.create(
        title="Fine", project_manager=pm, last_report_end=dt.date(2010, 12, 15)
    )
    ActiveProjectFactory.create(title="Not mine", last_report_end=dt.date(2010, 10, 31))
    rows = selectors.highlight_reports_due(viewer=viewer_for(world.users["pm"]))
    assert [(r.project, r.overdue) for r in rows] == [(late, True)]
