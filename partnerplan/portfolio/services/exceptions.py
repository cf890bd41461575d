"""Exception Reports and the board's decision on them, recorded through the chain of
authority (`portfolio.acts.exception_act`, checked and recorded by governance's
`authority_use`); the project's control state follows the decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body, Decision, OfficerDecision
from partnerplan.portfolio.acts import exception_act
from partnerplan.portfolio.models import (
    ControlState,
    ExceptionOutcome,
    ExceptionReport,
    HighlightReport,
    Project,
    ReviewOutcomeKind,
)
from partnerplan.portfolio.services import control as c
from partnerplan.portfolio.services._authority import Fields, Given, cite, grant_problems
from partnerplan.portfolio.services._common import Errors, _add, _date, _raise

EXCEPTION_TEXT = ("cause", "consequences", "options", "recommendation")
EXCEPTION_FIELDS = Fields()
_STATE_AFTER = {
    ExceptionOutcome.EXCEPTION_PLAN: ControlState.EXCEPTION_PLAN,
    ExceptionOutcome.CONTINUE: ControlState.CONTINUING,
    ExceptionOutcome.CLOSE: ControlState.CLOSING,
    ExceptionOutcome.REFER: ControlState.REFERRED,
}


def open_exception(project: Project) -> ExceptionReport | None:
    return (
        ExceptionReport.objects.filter(project=project, outcome__in=["", ExceptionOutcome.REFER])
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def exception_report_raise(
    *,
    actor: Actor,
    project: Project,
    author: Any = None,
    cause: str = "",
    consequences: str = "",
    options: str = "",
    recommendation: str = "",
    lessons: str = "",
) -> ExceptionReport:
    """The project manager's Exception Report, when the forecast exceeds a tolerance of the
    current baseline (or the latest highlight report says one is forecast to be exceeded)."""
    project = Project.objects.select_for_update(of=("self",)).get(pk=project.pk)
    today = clock.today()
    control = c.controls_for([project], today).get(project.pk)
    errors: Errors = {}
    closed = c.closed_refusal(project)
    if closed:
        _add(errors, "cause", closed)
    if control is None:
        _add(errors, "cause", f"{project} has no baseline: set one before reporting an exception")
    latest = HighlightReport.objects.filter(project=project).order_by("-period_end", "-pk").first()
    flagged = latest is not None and latest.tolerance_forecast_exceeded
    aspects = control.exceeded if control is not None else []
    if control is not None and not aspects and not flagged:
        _add(
            errors,
            "cause",
            f"{project}'s forecast is within its tolerances: an Exception Report is needed only "
            "when one is forecast to be exceeded",
        )
    if open_exception(project) is not None:
        _add(errors, "cause", f"{project} already has an Exception Report waiting for a decision")
    texts = {
        "cause": cause,
        "consequences": consequences,
        "options": options,
        "recommendation": recommendation,
    }
    for name, value in texts.items():
        if not value.strip():
            _add(errors, name, f"Enter the {name}")
    _raise(errors)
    assert control is not None
    report = ExceptionReport(
        project=project,
        baseline=control.baseline,
        raised_on=today,
        author=author,
        aspects=", ".join(aspects) or "as the highlight report forecasts",
        lessons=lessons.strip(),
        **{k: v.strip() for k, v in texts.items()},
    )
    save_with_actor(report, actor)
    project.control_state = ControlState.AWAITING
    save_with_actor(project, actor, validate=False)
    return report


def exception_board(report: ExceptionReport) -> Body | None:
    """Who decides: the board that approved the stage, until it refers the exception to the
    Committee (then any body holding the power)."""
    if report.referred:
        return None
    return c.board_for(report.project, report.baseline.stage)


def _plan_errors(
    errors: Errors,
    report: ExceptionReport,
    ends_on: dt.date | None,
    capital: Decimal | None,
    revenue: Decimal | None,
) -> None:
    """What is wrong with the exception plan that is to replace the baseline."""
    if ends_on is None and capital is None and revenue is None:
        _add(
            errors,
            "plan_ends_on",
            "Enter the exception plan's end or cost: it replaces the baseline",
        )
    start = report.baseline.starts_on
    if ends_on is not None and ends_on < start:
        _add(
            errors,
            "plan_ends_on",
            f"The exception plan's end must be after the start ({_date(start)})",
        )
    for name, value in (("plan_capital_cost", capital), ("plan_revenue_cost", revenue)):
        if value is not None and value < 0:
            _add(errors, name, "The exception plan's cost cannot be less than £0")


@transaction.atomic
def exception_decide(
    *,
    actor: Actor,
    report: ExceptionReport,
    outcome: str,
    decision: Decision | None = None,
    officer_decision: OfficerDecision | None = None,
    deciding_body: Body | None = None,
    decision_reference: str = "",
    decided_on: dt.date | None = None,
    note: str = "",
    plan_ends_on: dt.date | None = None,
    plan_capital_cost: Decimal | None = None,
    plan_revenue_cost: Decimal | None = None,
) -> ExceptionReport:
    """Record the board's decision on `report` (approve an exception plan, continue, close the
    project, or refer to the Committee) on the authority given; the project follows it."""
    report = (
        ExceptionReport.objects.select_for_update(of=("self",))
        .select_related("project", "baseline__stage")
        .get(pk=report.pk)
    )
    project = Project.objects.select_for_update(of=("self",)).get(pk=report.project_id)
    baseline = report.baseline
    today = clock.today()
    errors: Errors = {}
    if outcome not in ExceptionOutcome.values:
        _raise({"outcome": ["Choose the board's decision"]})
    if not report.is_open:
        _add(errors, "outcome", "This Exception Report has already been decided")
    elif outcome == ExceptionOutcome.REFER and report.referred:
        _add(errors, "outcome", "This exception has already been referred to the Committee")
    board = exception_board(report)
    act = exception_act(project, outcome, on=today, raised_on=report.raised_on)
    if board is not None and outcome != ExceptionOutcome.CLOSE:
        # Closing early needs the power to withdraw a project, which the board may not hold.
        act = replace(act, approver=board)
    given = Given(decision, officer_decision, deciding_body, decision_reference, decided_on)
    for name, messages in grant_problems(act, given, EXCEPTION_FIELDS, "this decision").items():
        for message in messages:
            _add(errors, name, message)
    if outcome == ExceptionOutcome.EXCEPTION_PLAN:
        _plan_errors(errors, report, plan_ends_on, plan_capital_cost, plan_revenue_cost)
    _raise(errors)
    cited = cite(
        actor=actor,
        act=act,
        given=given,
        fields=EXCEPTION_FIELDS,
        subject_params={"project_id": project.pk, "exception": outcome},
    )
    report.decision = cited.grant.decision
    report.officer_decision = cited.grant.officer_decision
    report.prior_decision = cited.grant.prior_decision
    report.recorded_from_papers = cited.grant.prior_decision is not None
    report.authority_use = cited.use
    report.authority_body = cited.body
    report.authority_reference = cited.reference
    report.authority_date = cited.decided_on
    report.outcome = outcome
    report.decided_on = today
    report.decision_note = note.strip()
    if outcome == ExceptionOutcome.REFER:
        report.referred = True
    if outcome == ExceptionOutcome.EXCEPTION_PLAN:
        report.plan_ends_on = plan_ends_on
        report.plan_capital_cost = plan_capital_cost
        report.plan_revenue_cost = plan_revenue_cost
        c._rebaseline(
            actor,
            baseline,
            ends_on=plan_ends_on,
            capital_cost=plan_capital_cost,
            revenue_cost=plan_revenue_cost,
        )
    save_with_actor(report, actor)
    project.control_state = _STATE_AFTER[ExceptionOutcome(outcome)]
    if outcome == ExceptionOutcome.CLOSE:
        project.disposition = ReviewOutcomeKind.DISCONTINUED
        project.disposition_proposed = False
    save_with_actor(project, actor, validate=False)
    return report
