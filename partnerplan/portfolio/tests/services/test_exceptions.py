"""Exceptions: a forecast beyond a tolerance asks for an Exception Report; the board's
decision on it (an exception plan, continue, close, or refer to the Committee) is recorded
through the chain of authority, and the project follows it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core import clock
from partnerplan.governance import services as governance
from partnerplan.governance.models import ActKind, PowerKind
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
    PowerFactory,
)
from partnerplan.portfolio.models import ControlState, ExceptionReport
from partnerplan.portfolio.services import exceptions
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BaselineFactory,
    HighlightReportFactory,
    ToleranceFactory,
)
from partnerplan.portfolio.tests.helpers import decide

pytestmark = pytest.mark.django_db

TEXT = {
    "cause": "The care pathway pilot slipped",
    "consequences": "Ends three months late",
    "options": "Extend, or cut the pilot",
    "recommendation": "Extend to June",
}


@pytest.fixture
def day(monkeypatch):
    today = {"on": dt.date(2010, 12, 1)}
    monkeypatch.setattr(clock, "today", lambda: today["on"])
    return today


def _meeting(body):
    member = BodyMembershipFactory.create(body=body).person
    meeting = HeldMeetingFactory.create(body=body)
    governance.meeting_record_attendance(actor=None, meeting=meeting, present=[member])
    return meeting


@pytest.fixture
def board():
    body = BodyFactory.create(name="Strategic Advisory Board", quorum_minimum=1)
    PowerFactory.create(body=body, kind=PowerKind.PROGRAMME_MANAGEMENT)
    return body, _meeting(body)


def _in_exception(body, title="Life Events"):
    project = ActiveProjectFactory.create(title=title, sponsoring_body=body)
    baseline = BaselineFactory.create(project=project)
    ToleranceFactory.create(baseline=baseline, time_days=30)
    HighlightReportFactory.create(project=project, forecast_end=dt.date(2011, 6, 30))
    return project


def test_it_refuses_an_exception_report_while_within_tolerance(day, board):
    project = ActiveProjectFactory.create(title="Telephony", sponsoring_body=board[0])
    ToleranceFactory.create(baseline=BaselineFactory.create(project=project))
    with pytest.raises(ValidationError, match="within its tolerances"):
        exceptions.exception_report_raise(actor=None, project=project, **TEXT)
    assert not ExceptionReport.objects.exists()


def test_the_board_decides_an_exception_plan_through_the_chain_and_the_baseline_follows(day, board):
    body, meeting = board
    project = _in_exception(body)
    report = exceptions.exception_report_raise(actor=None, project=project, **TEXT)
    assert report.aspects == "time"
    project.refresh_from_db()
    assert project.control_state == ControlState.AWAITING
    with pytest.raises(ValidationError, match="already has an Exception Report waiting"):
        exceptions.exception_report_raise(actor=None, project=project, **TEXT)
    day["on"] = dt.date(2010, 12, 20)
    other = decide(meeting, effect_params={"project_id": project.pk + 1000})
    with pytest.raises(ValidationError, match="it is not about Life Events"):
        exceptions.exception_decide(
            actor=None, report=report, outcome="exception_plan", decision=other,
            plan_ends_on=dt.date(2011, 6, 30),
        )  # fmt: skip
    decision = decide(meeting, effect_params={"project_id": project.pk})
    with pytest.raises(ValidationError, match="Enter the exception plan's end or cost"):
        exceptions.exception_decide(
            actor=None, report=report, outcome="exception_plan", decision=decision
        )
    decided = exceptions.exception_decide(
        actor=None, report=report, outcome="exception_plan", decision=decision,
        plan_ends_on=dt.date(2011, 6, 30), plan_revenue_cost=Decimal("110000"),
    )  # fmt: skip
    assert decided.authority_use.act == ActKind.REVIEW and decided.authority_body == body
    baseline = decided.baseline
    baseline.refresh_from_db()
    assert baseline.ends_on == dt.date(2011, 6, 30) and baseline.version == 2
    project.refresh_from_db()
    assert project.control_state == ControlState.EXCEPTION_PLAN
    with pytest.raises(ValidationError, match="already been decided"):
        exceptions.exception_decide(
            actor=None, report=report, outcome="continue", decision=decision
        )


def test_closing_needs_the_power_to_withdraw_so_the_board_refers_it_to_the_committee(day, board):
    body, meeting = board
    project = _in_exception(body, "Customer Knowledge")
    report = exceptions.exception_report_raise(actor=None, project=project, **TEXT)
    day["on"] = dt.date(2010, 12, 20)
    committee = BodyFactory.create(name="Joint Committee", quorum_minimum=1)
    PowerFactory.create(body=committee, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    PowerFactory.create(body=committee, kind=PowerKind.APPROVE_GATE)
    close = decide(meeting, effect_params={"project_id": project.pk})
    with pytest.raises(ValidationError, match="This needs a decision of Joint Committee"):
        exceptions.exception_decide(actor=None, report=report, outcome="close", decision=close)
    jc_meeting = _meeting(committee)
    jc_early = decide(jc_meeting, effect_params={"project_id": project.pk})
    with pytest.raises(ValidationError, match="only Strategic Advisory Board may approve this"):
        exceptions.exception_decide(actor=None, report=report, outcome="refer", decision=jc_early)
    exceptions.exception_decide(actor=None, report=report, outcome="refer", decision=close)
    project.refresh_from_db()
    assert project.control_state == ControlState.REFERRED
    jc = decide(jc_meeting, effect_params={"project_id": project.pk, "exception": "close"})
    exceptions.exception_decide(actor=None, report=report, outcome="close", decision=jc)
    project.refresh_from_db()
    assert project.control_state == ControlState.CLOSING
    assert project.disposition == "discontinued" and not project.disposition_proposed
