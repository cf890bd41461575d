"""Project control: baselines (dates, cost, scope, milestones), the tolerances the board sets
on them, the change requests that alone change them, and the forecast measured against them.

The forecast of a baseline is the highest of what its sources say (each is a floor of what the
work will take): the latest highlight report's forecast end, cost and products dropped; the
last day booked and the booked cost (resources, for the whole project's baseline); and the
spend to date from the ledger (finance; for a stage, the spend since the stage started). The
apps above portfolio are read through `portfolio.control_sources`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.money import format_money
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body
from partnerplan.portfolio import control_sources
from partnerplan.portfolio.models import (
    Baseline,
    ChangeRequest,
    ChangeState,
    ControlState,
    GatePassage,
    HighlightReport,
    Milestone,
    Project,
    Stage,
    Tolerance,
)
from partnerplan.portfolio.services._common import Errors, _add, _date, _raise
from partnerplan.portfolio.services.gates import is_stopped

ZERO = Decimal(0)


# --- Who the board is, and whether the project is closed ------------------------------------


def board_for(project: Project, stage: Stage | None = None) -> Body | None:
    """The body that approved the stage (the authority of the latest gate into it), or else the
    project's sponsoring body: it sets the stage's tolerances and decides its exceptions."""
    if stage is not None:
        passage = (
            GatePassage.objects.filter(project=project, to_stage=stage)
            .select_related("authority_body", "decision__body")
            .order_by("-authority_date", "-pk")
            .first()
        )
        if passage is not None:
            body = passage.authority_body or (passage.decision.body if passage.decision else None)
            if body is not None:
                return body
    return project.sponsoring_body


def closed_refusal(project: Project) -> str | None:
    """Why nothing more can be planned for `project` (stopped, archived, closed early or
    finished), or None."""
    if is_stopped(project):
        return f"{project} was {project.get_disposition_display().lower()}: it is closed"
    if project.is_archived:
        return f"{project} is archived: restore it first"
    if project.control_state == ControlState.CLOSING:
        return f"{project} was closed early by its board"
    if project.actual_end is not None:
        return f"{project} finished on {_date(project.actual_end)}: it is closed"
    return None


def _money(errors: Errors, name: str, value: Decimal | None, what: str) -> None:
    if value is not None and value < 0:
        _add(errors, name, f"The {what} cannot be less than £0")


# --- Baselines ----------------------------------------------------------------------------


def _fund_name(fund_id: int | None, errors: Errors) -> str:
    if fund_id is None:
        return ""
    names = dict(control_sources.funds(None))
    if fund_id not in names:
        _add(errors, "fund", "Choose a fund from the ledger as the funding source")
        return ""
    return names[fund_id]


@transaction.atomic
def baseline_set(
    *,
    actor: Actor,
    project: Project,
    stage: Stage | None = None,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    capital_cost: Decimal | None = None,
    revenue_cost: Decimal | None = None,
    fund_id: int | None = None,
    scope: str = "",
    demo_note: str = "",
) -> Baseline:
    """Set the baseline of `project` (or of one of its stages) for the first time. Afterwards
    only an approved change request or exception plan changes it."""
    project = Project.objects.select_for_update(of=("self",)).get(pk=project.pk)
    errors: Errors = {}
    closed = closed_refusal(project)
    if closed:
        _add(errors, "starts_on", f"{closed}: it takes no new baseline")
    if stage is not None and stage.programme_id != project.programme_id:
        _add(errors, "stage", f"'{stage}' is a stage of another programme")
    if Baseline.objects.filter(project=project, stage=stage).exists():
        what = f"stage '{stage}'" if stage else "the whole project"
        _add(
            errors,
            "stage",
            f"{project} already has a baseline for {what}: change it by a change request",
        )
    if starts_on is None:
        _add(errors, "starts_on", "Enter the baseline start")
    if ends_on is None:
        _add(errors, "ends_on", "Enter the baseline end")
    if starts_on and ends_on and ends_on < starts_on:
        _add(
            errors,
            "ends_on",
            f"The baseline end must be the same as or after its start ({_date(starts_on)})",
        )
    _money(errors, "capital_cost", capital_cost, "capital cost")
    _money(errors, "revenue_cost", revenue_cost, "revenue cost")
    if not scope.strip():
        _add(errors, "scope", "Enter the scope: the products the baseline delivers, one a line")
    name = _fund_name(fund_id, errors)
    _raise(errors)
    assert starts_on is not None and ends_on is not None
    baseline = Baseline(
        project=project,
        stage=stage,
        starts_on=starts_on,
        ends_on=ends_on,
        capital_cost=capital_cost or ZERO,
        revenue_cost=revenue_cost or ZERO,
        fund_id=fund_id,
        fund_name=name,
        scope=scope.strip(),
        demo_note=demo_note,
    )
    save_with_actor(baseline, actor)
    return baseline


@transaction.atomic
def milestone_add(
    *, actor: Actor, baseline: Baseline, title: str, due_on: dt.date | None
) -> Milestone:
    errors: Errors = {}
    if not title.strip():
        _add(errors, "title", "Enter the milestone")
    if due_on is None:
        _add(errors, "due_on", "Enter the milestone's date")
    elif not baseline.starts_on <= due_on <= baseline.ends_on:
        _add(
            errors,
            "due_on",
            f"The milestone must fall within the baseline, {_date(baseline.starts_on)} to "
            f"{_date(baseline.ends_on)}",
        )
    _raise(errors)
    assert due_on is not None
    milestone = Milestone(baseline=baseline, title=title.strip(), due_on=due_on)
    save_with_actor(milestone, actor)
    return milestone


@transaction.atomic
def milestone_update(
    *,
    actor: Actor,
    milestone: Milestone,
    forecast_on: dt.date | None,
    achieved_on: dt.date | None,
) -> Milestone:
    """The forecast and achieved dates (the baseline date changes only by a change request)."""
    if achieved_on is not None and achieved_on > clock.today():
        _raise({"achieved_on": ["The date achieved cannot be in the future"]})
    milestone.forecast_on = forecast_on
    milestone.achieved_on = achieved_on
    save_with_actor(milestone, actor)
    return milestone


# --- Tolerances ---------------------------------------------------------------------------


def _board_errors(errors: Errors, name: str, baseline: Baseline, body: Body | None) -> None:
    board = board_for(baseline.project, baseline.stage)
    if body is None:
        _add(errors, name, "Choose the board that decided")
    elif board is None:
        _add(
            errors,
            name,
            f"{baseline.project} has no board yet: record the gate into its stage or its "
            "sponsoring body first",
        )
    elif body.pk != board.pk:
        _add(
            errors,
            name,
            f"Only {board}, the board that approved {baseline.label.lower()} of "
            f"{baseline.project}, decides this, not {body}",
        )


@transaction.atomic
def tolerance_set(
    *,
    actor: Actor,
    baseline: Baseline,
    time_days: int | None,
    cost_amount: Decimal | None,
    scope_products: int | None,
    set_by: Body | None,
    reference: str,
    set_on: dt.date | None,
) -> Tolerance:
    """Set (or reset) the tolerances of `baseline`, as its board decided."""
    errors: Errors = {}
    for name, value, words in (
        ("time_days", time_days, "time tolerance"),
        ("cost_amount", cost_amount, "cost tolerance"),
        ("scope_products", scope_products, "scope tolerance"),
    ):
        if value is None:
            _add(errors, name, f"Enter the {words} (0 for none)")
        elif value < 0:
            _add(errors, name, f"The {words} cannot be below zero")
    if scope_products is not None and scope_products > len(baseline.products):
        _add(
            errors,
            "scope_products",
            f"The baseline has {len(baseline.products)} products: the scope tolerance cannot "
            "be more",
        )
    _board_errors(errors, "set_by", baseline, set_by)
    if not reference.strip():
        _add(errors, "reference", "Enter the meeting or decision that set the tolerances")
    if set_on is None:
        _add(errors, "set_on", "Enter the date the tolerances were set")
    elif set_on > clock.today():
        _add(errors, "set_on", "The date set cannot be in the future")
    _raise(errors)
    assert time_days is not None and cost_amount is not None and scope_products is not None
    assert set_by is not None and set_on is not None
    tolerance = Tolerance.objects.filter(baseline=baseline).first() or Tolerance(baseline=baseline)
    tolerance.time_days = time_days
    tolerance.cost_amount = cost_amount
    tolerance.scope_products = scope_products
    tolerance.set_by = set_by
    tolerance.reference = reference.strip()[:500]
    tolerance.set_on = set_on
    save_with_actor(tolerance, actor)
    return tolerance


# --- Change requests ----------------------------------------------------------------------

CHANGEABLE = ("starts_on", "ends_on", "capital_cost", "revenue_cost", "scope")


def _snapshot(baseline: Baseline) -> dict[str, str]:
    return {
        "starts_on": baseline.starts_on.isoformat(),
        "ends_on": baseline.ends_on.isoformat(),
        "capital_cost": str(baseline.capital_cost),
        "revenue_cost": str(baseline.revenue_cost),
        "scope": baseline.scope,
        "version": str(baseline.version),
    }


@transaction.atomic
def change_request_raise(
    *,
    actor: Actor,
    baseline: Baseline,
    reason: str,
    raised_by: Any = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    capital_cost: Decimal | None = None,
    revenue_cost: Decimal | None = None,
    scope: str = "",
) -> ChangeRequest:
    """Ask the board to change `baseline`: only the fields given change."""
    project = Project.objects.get(pk=baseline.project_id)
    errors: Errors = {}
    closed = closed_refusal(project)
    if closed:
        _add(errors, "reason", f"{closed}: its baseline cannot be changed")
    if not reason.strip():
        _add(errors, "reason", "Say why the baseline should change")
    nothing = (starts_on, ends_on, capital_cost, revenue_cost) == (None, None, None, None)
    if nothing and not scope.strip():
        _add(errors, "reason", "Enter what should change: a date, a cost or the scope")
    start = starts_on or baseline.starts_on
    end = ends_on or baseline.ends_on
    if end < start:
        _add(
            errors,
            "ends_on",
            f"The new end must be the same as or after the start ({_date(start)})",
        )
    _money(errors, "capital_cost", capital_cost, "new capital cost")
    _money(errors, "revenue_cost", revenue_cost, "new revenue cost")
    _raise(errors)
    change = ChangeRequest(
        baseline=baseline,
        reason=reason.strip(),
        raised_by=raised_by,
        raised_on=clock.today(),
        starts_on=starts_on,
        ends_on=ends_on,
        capital_cost=capital_cost,
        revenue_cost=revenue_cost,
        scope=scope.strip(),
    )
    save_with_actor(change, actor)
    return change


def _rebaseline(actor: Actor, baseline: Baseline, **new: Any) -> dict[str, str]:
    """Change `baseline` to `new` (the fields given), as a new version; the old values."""
    was = _snapshot(baseline)
    for name, value in new.items():
        if value is not None and value != "":
            setattr(baseline, name, value)
    baseline.version += 1
    save_with_actor(baseline, actor)
    return was


@transaction.atomic
def change_request_decide(
    *,
    actor: Actor,
    change: ChangeRequest,
    approve: bool,
    decided_by: Body | None,
    decision_reference: str,
    decided_on: dt.date | None,
) -> ChangeRequest:
    """The board's decision on a change request: approved, the baseline changes (a new
    version, the old values kept); rejected, nothing changes."""
    change = ChangeRequest.objects.select_for_update(of=("self",)).get(pk=change.pk)
    baseline = (
        Baseline.objects.select_for_update(of=("self",))
        .select_related("project", "stage")
        .get(pk=change.baseline_id)
    )
    errors: Errors = {}
    if change.state != ChangeState.PROPOSED:
        _add(
            errors,
            "approve",
            f"This change request was already {change.get_state_display().lower()}",
        )
    closed = closed_refusal(baseline.project)
    if closed and approve:
        _add(errors, "approve", f"{closed}: its baseline cannot be changed")
    _board_errors(errors, "decided_by", baseline, decided_by)
    if not decision_reference.strip():
        _add(errors, "decision_reference", "Enter the meeting or decision")
    if decided_on is None:
        _add(errors, "decided_on", "Enter the date decided")
    elif decided_on > clock.today():
        _add(errors, "decided_on", "The date decided cannot be in the future")
    elif decided_on < change.raised_on:
        _add(
            errors,
            "decided_on",
            f"The decision cannot be before the request ({_date(change.raised_on)})",
        )
    _raise(errors)
    if approve:
        change.was = _rebaseline(
            actor, baseline, **{name: getattr(change, name) for name in CHANGEABLE}
        )
    change.state = ChangeState.APPROVED if approve else ChangeState.REJECTED
    change.decided_by = decided_by
    change.decision_reference = decision_reference.strip()[:500]
    change.decided_on = decided_on
    save_with_actor(change, actor)
    return change


# --- The forecast against the tolerances --------------------------------------------------


@dataclass(frozen=True)
class Aspect:
    """One tolerance (time, cost or scope) of a baseline against its forecast."""

    name: str  # "time", "cost", "scope"
    baseline: str
    forecast: str
    tolerance: str
    exceeded: bool
    sources: str


@dataclass
class Control:
    baseline: Baseline
    tolerance: Tolerance | None
    forecast_end: dt.date
    forecast_cost: Decimal
    dropped: int
    spend: Decimal
    aspects: list[Aspect] = field(default_factory=list)

    @property
    def exceeded(self) -> list[str]:
        return [a.name for a in self.aspects if a.exceeded]


def measure(
    baseline: Baseline,
    tolerance: Tolerance | None,
    *,
    report: HighlightReport | None,
    spend: Decimal,
    booked: control_sources.Booked | None,
) -> Control:
    """The forecast of `baseline` from its sources, and each tolerance against it."""
    ends: list[tuple[dt.date, str]] = [(baseline.ends_on, "the baseline")]
    costs: list[tuple[Decimal, str]] = [(baseline.cost, "the baseline")]  # type: ignore[list-item]
    dropped = 0
    if report is not None:
        if report.forecast_end:
            ends.append((report.forecast_end, "the highlight report"))
        if report.forecast_cost is not None:
            costs.append((report.forecast_cost, "the highlight report"))
        dropped = report.forecast_products_dropped or 0
    if booked is not None:
        if booked.until:
            ends.append((booked.until, "the bookings"))
        costs.append((booked.cost, "the bookings"))
    costs.append((spend, "the spend to date"))
    end, end_from = max(ends, key=lambda e: e[0])
    cost, cost_from = max(costs, key=lambda c: c[0])
    control = Control(baseline, tolerance, end, cost, dropped, spend)
    late = (end - baseline.ends_on).days
    over = cost - baseline.cost  # type: ignore[operator]
    t = tolerance
    control.aspects = [
        Aspect(
            "time",
            _date(baseline.ends_on),
            _date(end) + (f" ({late} days late)" if late > 0 else ""),
            f"+{t.time_days} days" if t else "not set",
            bool(t and late > t.time_days),
            end_from,
        ),
        Aspect(
            "cost",
            format_money(baseline.cost),  # type: ignore[arg-type]
            format_money(cost) + (f" ({format_money(over)} over)" if over > 0 else ""),
            f"+{format_money(t.cost_amount)}" if t else "not set",
            bool(t and over > t.cost_amount),
            cost_from,
        ),
        Aspect(
            "scope",
            f"{len(baseline.products)} products",
            f"{dropped} dropped" if dropped else "all delivered",
            f"{t.scope_products} may be dropped" if t else "not set",
            bool(t and dropped > t.scope_products),
            "the highlight report" if report is not None else "the baseline",
        ),
    ]
    return control


def current_baseline(baselines: list[Baseline], project: Project) -> Baseline | None:
    """The baseline the project is controlled against: its current stage's, else the whole
    project's."""
    for b in baselines:
        if b.stage_id == project.stage_id:
            return b
    for b in baselines:
        if b.stage_id is None:
            return b
    return None


def controls_for(projects: list[Project], today: dt.date) -> dict[int, Control]:
    """The current baseline's control of each project, in a fixed number of queries (baselines
    with tolerances, latest reports, spend, bookings, and the spend before each stage)."""
    ids = [p.pk for p in projects]
    by_project: dict[int, list[Baseline]] = {}
    for b in (
        Baseline.objects.filter(project_id__in=ids)
        .select_related("tolerance", "stage")
        .order_by("pk")
    ):
        by_project.setdefault(b.project_id, []).append(b)
    latest: dict[int, HighlightReport] = {}
    for r in HighlightReport.objects.filter(project_id__in=ids).order_by("period_end", "pk"):
        latest[r.project_id] = r
    spend = control_sources.spend(ids, today)
    booked = control_sources.booked(ids)
    out: dict[int, Control] = {}
    for project in projects:
        baseline = current_baseline(by_project.get(project.pk, []), project)
        if baseline is None:
            continue
        spent = spend.get(project.pk, ZERO)
        if baseline.stage_id is not None:
            before = control_sources.spend([project.pk], baseline.starts_on - dt.timedelta(days=1))
            spent -= before.get(project.pk, ZERO)
        tolerance = getattr(baseline, "tolerance", None)
        out[project.pk] = measure(
            baseline,
            tolerance,
            report=latest.get(project.pk),
            spend=spent,
            booked=booked.get(project.pk) if baseline.stage_id is None else None,
        )
    return out


def control_state(project: Project, control: Control | None) -> str:
    """What the project page says: the board's decision where it took one, else whether the
    forecast asks for an Exception Report."""
    exceeded = control is not None and bool(control.exceeded)
    if project.control_state == ControlState.EXCEPTION_PLAN and exceeded:
        # The exception plan is the baseline now: exceeding it is a new exception.
        return ControlState.REPORT_DUE
    if project.control_state:
        return project.control_state
    if control is not None and control.exceeded:
        return ControlState.REPORT_DUE
    return ControlState.NONE
