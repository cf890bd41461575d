"""Baselines, tolerances and change requests: set once, changed only by an approved change
request (a new version, the old values kept), tolerances set by the board, bad input refused
in plain English with nothing saved; the forecast measured against the tolerances."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core import clock
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio import control_sources
from partnerplan.portfolio.models import Baseline, ChangeRequest, ControlState, Tolerance
from partnerplan.portfolio.selectors import control as selectors
from partnerplan.portfolio.services import control
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BaselineFactory,
    HighlightReportFactory,
    ToleranceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def december(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2010, 12, 20))


def _project(**kwargs):
    return ActiveProjectFactory.create(
        sponsoring_body=BodyFactory.create(name="Strategic Advisory Board"), **kwargs
    )


def _baseline(project, **kwargs):
    data = {
        "starts_on": dt.date(2010, 10, 1),
        "ends_on": dt.date(2011, 3, 31),
        "revenue_cost": Decimal("100000"),
        "scope": "Needs analysis\nPilot",
    } | kwargs
    return control.baseline_set(actor=None, project=project, **data)


def test_it_sets_a_baseline_once_and_refuses_bad_input_saving_nothing():
    project = _project(title="Adult Social Care and Health")
    with pytest.raises(ValidationError, match="The baseline end must be the same as or after"):
        _baseline(project, ends_on=dt.date(2010, 9, 1))
    with pytest.raises(ValidationError, match="The revenue cost cannot be less than £0"):
        _baseline(project, revenue_cost=Decimal("-1"))
    with pytest.raises(ValidationError, match="Enter the scope"):
        _baseline(project, scope=" ")
    with pytest.raises(ValidationError, match="Choose a fund from the ledger"):
        _baseline(project, fund_id=999999)
    assert not Baseline.objects.exists()
    baseline = _baseline(project)
    assert baseline.cost == Decimal("100000") and baseline.products == ["Needs analysis", "Pilot"]
    with pytest.raises(ValidationError, match="already has a baseline for the whole project"):
        _baseline(project)


def test_it_picks_the_funding_source_from_the_ledgers_funds(monkeypatch):
    monkeypatch.setattr(control_sources, "_funds", [lambda viewer: [(7, "RIEP funding")]])
    baseline = _baseline(_project(), fund_id=7)
    assert baseline.fund_name == "RIEP funding"


def test_the_board_sets_tolerances_not_below_zero_and_no_other_body():
    project = _project(title="Life Events")
    baseline = _baseline(project)
    board = project.sponsoring_body
    ok = {"time_days": 30, "cost_amount": Decimal("5000"), "scope_products": 1}
    common = {"reference": "Board, 1 October 2010", "set_on": dt.date(2010, 10, 1)}
    with pytest.raises(ValidationError, match="The time tolerance cannot be below zero"):
        control.tolerance_set(
            actor=None, baseline=baseline, **(ok | {"time_days": -1}), set_by=board, **common
        )
    with pytest.raises(ValidationError, match="The cost tolerance cannot be below zero"):
        control.tolerance_set(
            actor=None,
            baseline=baseline,
            **(ok | {"cost_amount": Decimal("-0.01")}),
            set_by=board,
            **common,
        )
    other = BodyFactory.create(name="Corridor")
    with pytest.raises(ValidationError, match="Only Strategic Advisory Board, the board that"):
        control.tolerance_set(actor=None, baseline=baseline, **ok, set_by=other, **common)
    assert not Tolerance.objects.exists()
    tolerance = control.tolerance_set(actor=None, baseline=baseline, **ok, set_by=board, **common)
    assert tolerance.time_days == 30 and tolerance.set_by == board


def test_a_baseline_changes_only_by_an_approved_change_request_with_its_history():
    project = _project()
    baseline = _baseline(project)
    board = project.sponsoring_body
    change = control.change_request_raise(
        actor=None, baseline=baseline, reason="Pilot extended", ends_on=dt.date(2011, 5, 31)
    )
    baseline.refresh_from_db()
    assert baseline.ends_on == dt.date(2011, 3, 31)  # nothing changes until it is approved
    decided = {"decision_reference": "Board, 20 December", "decided_on": dt.date(2010, 12, 20)}
    control.change_request_decide(
        actor=None, change=change, approve=True, decided_by=board, **decided
    )
    baseline.refresh_from_db()
    assert baseline.ends_on == dt.date(2011, 5, 31) and baseline.version == 2
    assert baseline.history.count() == 2
    change.refresh_from_db()
    assert change.was["ends_on"] == "2011-03-31" and change.state == "approved"
    with pytest.raises(ValidationError, match="already approved"):
        control.change_request_decide(
            actor=None, change=change, approve=False, decided_by=board, **decided
        )
    rejected = control.change_request_raise(
        actor=None, baseline=baseline, reason="More money", revenue_cost=Decimal("150000")
    )
    control.change_request_decide(
        actor=None, change=rejected, approve=False, decided_by=board, **decided
    )
    baseline.refresh_from_db()
    assert baseline.revenue_cost == Decimal("100000") and baseline.version == 2


def test_it_refuses_a_change_request_on_a_closed_project():
    project = _project(title="Streetscene")
    baseline = _baseline(project)
    project.disposition = "discontinued"
    project.save()
    with pytest.raises(ValidationError, match="Streetscene was discontinued: it is closed"):
        control.change_request_raise(
            actor=None, baseline=baseline, reason="Later", ends_on=dt.date(2011, 6, 30)
        )
    assert not ChangeRequest.objects.exists()


def test_the_forecast_takes_the_highest_of_its_sources_and_shows_the_exception(monkeypatch):
    project = _project()
    tolerance = ToleranceFactory.create(baseline=BaselineFactory.create(project=project))
    assert selectors.standing(project) == ControlState.NONE
    monkeypatch.setattr(
        control_sources, "_spend", [lambda ids, on: dict.fromkeys(ids, Decimal("112000"))]
    )
    monkeypatch.setattr(
        control_sources,
        "_booked",
        [
            lambda ids: {
                i: control_sources.Booked(Decimal("5000"), dt.date(2011, 4, 15)) for i in ids
            }
        ],
    )
    result = control.controls_for([project], clock.today())[project.pk]
    assert result.forecast_cost == Decimal("112000") and result.exceeded == ["cost"]
    assert result.forecast_end == dt.date(2011, 4, 15)  # 15 days late: within 30
    HighlightReportFactory.create(
        project=project, forecast_end=dt.date(2011, 6, 30), forecast_products_dropped=1
    )
    result = control.controls_for([project], clock.today())[project.pk]
    assert result.exceeded == ["time", "cost", "scope"]
    assert selectors.standing(project) == ControlState.REPORT_DUE
    assert tolerance.baseline.label == "Whole project"
