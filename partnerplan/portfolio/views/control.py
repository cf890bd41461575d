"""Project control: the control page (baselines, tolerances, forecast, change requests,
exceptions) and its forms."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance.selectors import body_choices
from partnerplan.portfolio.forms import control as f
from partnerplan.portfolio.models import Stage
from partnerplan.portfolio.selectors import control as s
from partnerplan.portfolio.services import control, exceptions
from partnerplan.portfolio.views._common import NAV, _project_for

CHANGE = "portfolio.change_project"
BOARD = "portfolio.record_board_decision"


def _control_url(project: Any, anchor: str = "") -> str:
    url = reverse("portfolio:project-control", args=[project.pk])
    return f"{url}#{anchor}" if anchor else url


@require_GET
def project_control(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = s.control_project(viewer=viewer, pk=pk)
    page = s.project_control(viewer=viewer, project=project)
    return render(
        request,
        "portfolio/project_control.html",
        {
            "project": project,
            "page": page,
            "can_change": can(viewer, CHANGE, project),
            "can_board": can(viewer, BOARD, project),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def baseline_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    form = f.BaselineForm(
        bound(request),
        stages=Stage.objects.filter(programme_id=project.programme_id).order_by("order"),
        funds=s.fund_choices(viewer=viewer),
    )
    return form_page(
        request,
        form,
        act=lambda data: control.baseline_set(actor=request.user, project=project, **data),
        success="The baseline has been set. From now on only an approved change request "
        "changes it.",
        done=_control_url(project, "baselines"),
        title="Set a baseline",
        caption=str(project),
        intro="The dates, cost and scope the board approved for the project or a stage.",
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    baseline = s.baseline_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, baseline.project_id, CHANGE)
    return form_page(
        request,
        f.MilestoneForm(bound(request)),
        act=lambda data: control.milestone_add(actor=request.user, baseline=baseline, **data),
        success="The milestone has been added.",
        done=_control_url(project, "baselines"),
        title="Add a milestone",
        caption=f"{project}: {baseline.label}",
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = s.milestone_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, milestone.baseline.project_id, CHANGE)
    form = f.MilestoneUpdateForm(
        bound(request),
        initial={"forecast_on": milestone.forecast_on, "achieved_on": milestone.achieved_on},
    )
    return form_page(
        request,
        form,
        act=lambda data: control.milestone_update(actor=request.user, milestone=milestone, **data),
        success="The milestone has been updated.",
        done=_control_url(project, "baselines"),
        title=f"Update '{milestone.title}'",
        caption=str(project),
        intro="Its baseline date changes only by a change request.",
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tolerance_set(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    baseline = s.baseline_detail(viewer=viewer, pk=pk)
    _viewer, project = _project_for(request, baseline.project_id, BOARD)
    tolerance = getattr(baseline, "tolerance", None)
    initial = {"set_by": control.board_for(project, baseline.stage)}
    if tolerance is not None:
        initial |= {
            n: getattr(tolerance, n) for n in ("time_days", "cost_amount", "scope_products")
        }
    return form_page(
        request,
        f.ToleranceForm(bound(request), bodies=body_choices(viewer=viewer), initial=initial),
        act=lambda data: control.tolerance_set(actor=request.user, baseline=baseline, **data),
        success="The tolerances have been set.",
        done=_control_url(project, "baselines"),
        title="Set the tolerances",
        caption=f"{project}: {baseline.label}",
        intro="As the board that approved the stage set them: time, cost and scope.",
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_request_create(request: HttpRequest, pk: int) -> HttpResponse:
    baseline = s.baseline_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, baseline.project_id, CHANGE)
    author = getattr(request.user, "person", None)
    return form_page(
        request,
        f.ChangeRequestForm(bound(request)),
        act=lambda data: control.change_request_raise(
            actor=request.user, baseline=baseline, raised_by=author, **data
        ),
        success="The change request has been raised for the board to decide.",
        done=_control_url(project, "changes"),
        title="Request a change to the baseline",
        caption=f"{project}: {baseline.label}",
        intro="Fill in only what should change.",
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_request_decide(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    change = s.change_request_detail(viewer=viewer, pk=pk)
    _viewer, project = _project_for(request, change.baseline.project_id, BOARD)
    board = control.board_for(project, change.baseline.stage)
    return form_page(
        request,
        f.ChangeDecideForm(
            bound(request), bodies=body_choices(viewer=viewer), initial={"decided_by": board}
        ),
        act=lambda data: control.change_request_decide(actor=request.user, change=change, **data),
        success="The board's decision has been recorded.",
        done=_control_url(project, "changes"),
        title="Record the board's decision on a change request",
        caption=str(project),
        intro=change.reason,
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def exception_create(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project = _project_for(request, pk, "portfolio.write_highlight_report")
    author = getattr(request.user, "person", None)
    return form_page(
        request,
        f.ExceptionReportForm(bound(request)),
        act=lambda data: exceptions.exception_report_raise(
            actor=request.user, project=project, author=author, **data
        ),
        success="The Exception Report has been sent to the board.",
        done=_control_url(project, "exceptions"),
        title="Write an Exception Report",
        caption=str(project),
        intro="A tolerance is forecast to be exceeded: say why, what follows, the options "
        "and what you recommend.",
        cancel=_control_url(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def exception_decide(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    report = s.exception_detail(viewer=viewer, pk=pk)
    _viewer, project = _project_for(request, report.project_id, BOARD)
    board = s.exception_decider(report)
    who = f"{board}, the project's board," if board else "The Committee"
    return form_page(
        request,
        f.ExceptionDecideForm(
            bound(request),
            authorities=s.exception_authority_choices(viewer=viewer, report=report),
        ),
        act=lambda data: exceptions.exception_decide(actor=request.user, report=report, **data),
        success="The decision has been recorded; the project follows it.",
        done=_control_url(project, "exceptions"),
        title="Record the decision on an Exception Report",
        caption=str(project),
        intro=f"{who} decides: approve an exception plan, continue, close the project, or "
        "refer it to the Committee. Closing early needs the power to withdraw a project.",
        cancel=_control_url(project),
        context=NAV,
    )
