"""Pages for the pool, demand, capacity, planner runs and scenarios. Each view: read the form,
call one service, redirect. Every page needs sign-in (the pool's cost rates and availability
are internal to the partnership)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for, visible
from partnerplan.core.forms import apply_validation_error
from partnerplan.finance.models import Fund
from partnerplan.partners.models import Partner, Person
from partnerplan.resources import forms, selectors, services
from partnerplan.resources.planning.months import add_months, first_of_month

NAV = {"nav_resources": True}


def _ctx(**kw: Any) -> dict[str, Any]:
    return {**NAV, **kw}


# --- Pool ------------------------------------------------------------------------------------


@login_required
@require_GET
def pool_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    members = selectors.pool_list(viewer=viewer)
    return render(
        request,
        "resources/pool_list.html",
        _ctx(members=members, can_add=can(viewer, "resources.manage_pool")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.manage_pool")
    form = forms.PoolMemberForm(
        request.POST or None,
        people=visible(
            Person.objects.filter(archived_at__isnull=True, pool_membership__isnull=True), viewer
        ).order_by("last_name", "first_name"),
        partners=visible(Partner.objects.filter(archived_at__isnull=True), viewer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"{member} has been added to the pool.")
            return redirect("resources:member-detail", pk=member.pk)
    return render(request, "resources/member_form.html", _ctx(form=form))


@login_required
@require_GET
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    member = selectors.member_detail(viewer=viewer, pk=pk)
    today = first_of_month(timezone.localdate())
    assignments = member.visible_assignments  # type: ignore[attr-defined]
    start = min([a.starts_on for a in assignments] + [today])
    start = max(first_of_month(start), add_months(today, -12))
    calendar = services.member_calendar(member)
    from partnerplan.resources import calendar as cal

    bookings = [(a.starts_on, a.ends_on, a.days_per_week) for a in assignments]
    months = []
    for month in cal.months_from(start, 12):
        available = cal.month_availability(calendar, month).net
        booked = cal.load_in_month(bookings, month)
        months.append({"month": month, "available": available, "booked": booked})
    return render(
        request,
        "resources/member_detail.html",
        _ctx(
            member=member,
            assignments=assignments,
            months=months,
            can_change=can(viewer, "resources.change_member", member),
        ),
    )


def _member_sub_form(
    request: HttpRequest, pk: int, form_class: Any, service: Any, template: str, done: str
) -> HttpResponse:
    viewer = viewer_for(request.user)
    member = selectors.member_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.change_member", member)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, member=member, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("resources:member-detail", pk=member.pk)
    return render(request, template, _ctx(form=form, member=member))


@login_required
@require_http_methods(["GET", "POST"])
def availability_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _member_sub_form(
        request, pk, forms.AvailabilityForm, services.availability_add,
        "resources/availability_form.html", "The availability has been saved.",
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def leave_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _member_sub_form(
        request, pk, forms.LeaveForm, services.leave_add, "resources/leave_form.html",
        "The leave has been saved.",
    )  # fmt: skip


# --- Demand ----------------------------------------------------------------------------------


@login_required
@require_GET
def demand_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    return render(
        request,
        "resources/demand_list.html",
        _ctx(projects=selectors.demand_list(viewer=viewer)),
    )


@login_required
@require_GET
def project_demand(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    project = selectors.project_demand(viewer=viewer, pk=pk)
    return render(
        request,
        "resources/project_demand.html",
        _ctx(
            project=project,
            planning=getattr(project, "planning", None),
            can_change=can(viewer, "resources.manage_demand", project),
            can_assign=can(viewer, "resources.assign"),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def demand_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.project_demand(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", project)
    form = forms.DemandForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.demand_create(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The role has been added.")
            return redirect("resources:project-demand", pk=project.pk)
    return render(request, "resources/demand_form.html", _ctx(form=form, project=project))


@login_required
@require_http_methods(["GET", "POST"])
def planning_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.project_demand(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", project)
    current = getattr(project, "planning", None)
    initial = {}
    if current is not None:
        initial = {
            name: getattr(current, name)
            for name in ("committed", "earliest_start", "deadline", "value", "cost_per_month")
        }
        initial["fund"] = current.fund_id
    form = forms.PlanningForm(
        request.POST or None,
        initial=initial,
        funds=visible(Fund.objects.filter(archived_at__isnull=True), viewer).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.planning_set(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The planning settings have been saved.")
            return redirect("resources:project-demand", pk=project.pk)
    return render(request, "resources/planning_form.html", _ctx(form=form, project=project))


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    demand = selectors.demand_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.assign", demand)
    form = forms.AssignmentForm(
        request.POST or None,
        members=selectors.member_choices().filter(skills=demand.skill_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.assignment_create(
                actor=request.user, demand=demand, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"{outcome.assignment.member} has been booked.")
            if outcome.warning:
                messages.warning(request, outcome.warning)
            return redirect("resources:project-demand", pk=demand.project_id)
    return render(request, "resources/assignment_form.html", _ctx(form=form, demand=demand))


# --- Capacity --------------------------------------------------------------------------------


def _month_param(value: str | None) -> dt.date | None:
    try:
        year, month = (int(x) for x in (value or "").split("-")[:2])
        return dt.date(year, month, 1)
    except ValueError:
        return None


@login_required
@require_GET
def capacity(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    start = _month_param(request.GET.get("start")) or selectors.default_start(viewer=viewer)
    result = selectors.capacity(viewer=viewer, start=start, count=12)
    return render(
        request,
        "resources/capacity.html",
        _ctx(
            capacity=result,
            earlier=add_months(start, -12).strftime("%Y-%m"),
            later=add_months(start, 12).strftime("%Y-%m"),
        ),
    )


# --- Runs ------------------------------------------------------------------------------------


@login_required
@require_GET
def run_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    return render(
        request,
        "resources/run_list.html",
        _ctx(runs=selectors.run_list(viewer=viewer)[:50], can_plan=can(viewer, "resources.plan")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def run_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.plan")
    form = forms.RunForm(
        request.POST or None,
        scenarios=selectors.scenario_choices(),
        initial={"starts_on": selectors.default_start(viewer=viewer), "name": "Pool plan"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = services.run_create(actor=request.user, viewer=viewer, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The planner has started. This page shows its progress.")
            return redirect("resources:run-detail", pk=run.pk)
    return render(request, "resources/run_form.html", _ctx(form=form))


@login_required
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    run = selectors.run_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "resources/run_detail.html",
        _ctx(run=run, view=selectors.run_view(run) if run.status == "done" else None),
    )


@login_required
@require_GET
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the run page polls (htmx, every 2 seconds) until it is done."""
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    run = selectors.run_progress(viewer=viewer, pk=pk)
    response = render(request, "resources/_run_progress.html", {"run": run})
    if run.is_finished:
        # Reload the whole page to show the result.
        response["HX-Refresh"] = "true"
    return response


# --- Scenarios -------------------------------------------------------------------------------


@login_required
@require_GET
def scenario_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    return render(
        request,
        "resources/scenario_list.html",
        _ctx(
            scenarios=selectors.scenario_list(viewer=viewer),
            can_plan=can(viewer, "resources.plan"),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.plan")
    form = forms.ScenarioForm(
        request.POST or None,
        projects=selectors.project_choices(viewer=viewer),
        members=selectors.member_choices(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            scenario = services.scenario_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Scenario '{scenario.name}' has been saved.")
            return redirect("resources:scenario-list")
    return render(request, "resources/scenario_form.html", _ctx(form=form))
