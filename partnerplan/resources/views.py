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
from django.urls import reverse
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


def _posted(request: HttpRequest) -> Any:
    """The form data on a POST, even an empty one (so it is validated, not shown afresh)."""
    return request.POST if request.method == "POST" else None


# --- Pool ------------------------------------------------------------------------------------


@login_required
@require_GET
def pool_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    left = request.GET.get("left") == "1"
    members = selectors.pool_list(viewer=viewer, include_archived=left)
    return render(
        request,
        "resources/pool_list.html",
        _ctx(members=members, left=left, can_add=can(viewer, "resources.manage_pool")),
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
            can_manage=can(viewer, "resources.manage_pool", member),
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


def _confirm(
    request: HttpRequest,
    *,
    heading: str,
    text: str,
    button: str,
    cancel_url: str,
    error: str = "",
    caption: str = "",
) -> HttpResponse:
    return render(
        request,
        "resources/confirm.html",
        _ctx(heading=heading, text=text, button=button, cancel_url=cancel_url, error=error,
             caption=caption),
    )  # fmt: skip


def _message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    member = selectors.member_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_pool", member)
    initial = {
        name: getattr(member, name)
        for name in ("days_per_week", "available_from", "available_until", "cost_rate_per_day",
                     "notes")
    }  # fmt: skip
    initial["home_partner"] = member.home_partner_id
    initial["skills"] = [s.pk for s in member.skills.all()]
    form = forms.MemberEditForm(
        _posted(request),
        initial=initial,
        partners=visible(Partner.objects.filter(archived_at__isnull=True), viewer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(actor=request.user, member=member, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"{member} has been changed.")
            return redirect("resources:member-detail", pk=member.pk)
    return render(request, "resources/member_edit.html", _ctx(form=form, member=member))


@login_required
@require_http_methods(["GET", "POST"])
def member_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Take someone out of the pool (or bring them back)."""
    viewer = viewer_for(request.user)
    member = selectors.member_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_pool", member)
    form = forms.LeavePoolForm(_posted(request))
    if request.method == "POST":
        if member.is_archived:
            services.member_restore(actor=request.user, member=member)
            messages.success(request, f"{member} is back in the pool.")
            return redirect("resources:member-detail", pk=member.pk)
        if form.is_valid():
            try:
                services.member_archive(actor=request.user, member=member, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, f"{member} has left the pool.")
                return redirect("resources:member-detail", pk=member.pk)
    return render(request, "resources/member_archive.html", _ctx(form=form, member=member))


def _spell_form(
    request: HttpRequest,
    row: Any,
    form_class: Any,
    fields: tuple[str, ...],
    service: Any,
    key: str,
    template: str,
    done: str,
) -> HttpResponse:
    viewer = viewer_for(request.user)
    member = row.member
    require(viewer, "resources.change_member", member)
    form = form_class(_posted(request), initial={n: getattr(row, n) for n in fields})
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, **{key: row}, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("resources:member-detail", pk=member.pk)
    return render(request, template, _ctx(form=form, member=member, row=row))


def _spell_delete(
    request: HttpRequest, row: Any, service: Any, key: str, what: str
) -> HttpResponse:
    viewer = viewer_for(request.user)
    member = row.member
    require(viewer, "resources.change_member", member)
    if request.method == "POST":
        service(actor=request.user, **{key: row})
        messages.success(request, f"The {what} has been removed.")
        return redirect("resources:member-detail", pk=member.pk)
    return _confirm(
        request,
        heading=f"Remove this {what}?",
        caption=str(member),
        text=f"{row}. The change is kept in the history.",
        button=f"Remove {what}",
        cancel_url=reverse("resources:member-detail", args=[member.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def availability_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.availability_detail(viewer=viewer_for(request.user), pk=pk)
    return _spell_form(
        request, row, forms.AvailabilityForm, ("starts_on", "ends_on", "days_per_week"),
        services.availability_update, "availability", "resources/availability_edit.html",
        "The availability has been changed.",
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def availability_delete(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.availability_detail(viewer=viewer_for(request.user), pk=pk)
    return _spell_delete(
        request, row, services.availability_delete, "availability", "spell of availability"
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.leave_detail(viewer=viewer_for(request.user), pk=pk)
    return _spell_form(
        request, row, forms.LeaveForm, ("starts_on", "ends_on", "note"), services.leave_update,
        "leave", "resources/leave_edit.html", "The leave has been changed.",
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def leave_delete(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.leave_detail(viewer=viewer_for(request.user), pk=pk)
    return _spell_delete(request, row, services.leave_delete, "leave", "leave")


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
    form = forms.DemandForm(_posted(request))
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
        _posted(request),
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
        _posted(request),
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


@login_required
@require_http_methods(["GET", "POST"])
def demand_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    demand = selectors.demand_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", demand.project)
    initial = {n: getattr(demand, n) for n in ("title", "days_per_week", "starts_on", "months",
                                              "source")}  # fmt: skip
    initial["skill"] = demand.skill_id
    form = forms.DemandForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.demand_update(actor=request.user, demand=demand, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The role has been changed.")
            return redirect("resources:project-demand", pk=demand.project_id)
    return render(
        request, "resources/demand_edit.html", _ctx(form=form, project=demand.project, row=demand)
    )


@login_required
@require_http_methods(["GET", "POST"])
def demand_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    demand = selectors.demand_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", demand.project)
    if request.method == "POST":
        services.demand_delete(actor=request.user, demand=demand)
        messages.success(request, f"The role {demand.title} has been removed.")
        return redirect("resources:project-demand", pk=demand.project_id)
    booked = demand.assignments.count()
    return _confirm(
        request,
        heading=f"Remove the role {demand.title}?",
        caption=demand.project.title,
        text=f"{demand.title}: {demand.days_per_week.normalize():f} days a week of "
        f"{demand.skill.name}, {demand.months} months from {demand.starts_on:%B %Y}."
        + (f" Its {booked} booking{'s' if booked != 1 else ''} will be removed too." if booked
           else ""),
        button="Remove role",
        cancel_url=reverse("resources:project-demand", args=[demand.project_id]),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    row = selectors.assignment_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.assign", row)
    form = forms.AssignmentEditForm(
        _posted(request),
        initial={n: getattr(row, n) for n in ("days_per_week", "starts_on", "ends_on")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.assignment_update(
                actor=request.user, assignment=row, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"The booking of {row.member} has been changed.")
            if outcome.warning:
                messages.warning(request, outcome.warning)
            return redirect("resources:project-demand", pk=row.demand.project_id)
    return render(request, "resources/assignment_edit.html", _ctx(form=form, row=row))


@login_required
@require_http_methods(["GET", "POST"])
def assignment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    row = selectors.assignment_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.assign", row)
    if request.method == "POST":
        services.assignment_delete(actor=request.user, assignment=row)
        messages.success(request, f"The booking of {row.member} has been removed.")
        return redirect("resources:project-demand", pk=row.demand.project_id)
    return _confirm(
        request,
        heading=f"Remove the booking of {row.member}?",
        caption=row.demand.project.title,
        text=f"{row.member} as {row.demand.title}, {row.days_per_week.normalize():f} days a "
        f"week from {row.starts_on:%-d %B %Y} to {row.ends_on:%-d %B %Y}.",
        button="Remove booking",
        cancel_url=reverse("resources:project-demand", args=[row.demand.project_id]),
    )


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
        _ctx(
            run=run,
            view=selectors.run_view(run) if run.status == "done" else None,
            can_book=can(viewer, "resources.assign", run),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def run_book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book this plan: the run's assignments become bookings (one service, all or nothing)."""
    viewer = viewer_for(request.user)
    run = selectors.run_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.assign", run)
    error = ""
    if request.method == "POST":
        try:
            booked = services.run_book(actor=request.user, run=run)
        except ValidationError as exc:
            error = _message(exc)
        else:
            moved = len(booked.moved)
            messages.success(
                request,
                f"The plan has been booked: {len(booked.created)} new booking"
                f"{'s' if len(booked.created) != 1 else ''}"
                + (f", {moved} role{'s' if moved != 1 else ''} moved to the planned months"
                   if moved else "") + ".",
            )  # fmt: skip
            for warning in booked.warnings:
                messages.warning(request, warning)
            return redirect("resources:run-detail", pk=run.pk)
    view = selectors.run_view(run) if run.status == "done" else None
    return render(
        request,
        "resources/run_book.html",
        _ctx(run=run, plan=view["plans"][0] if view and view["plans"] else None, error=error),
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


# --- Task networks: one project's tasks under its own resource limits ---------------------


@login_required
@require_GET
def task_network(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    project = selectors.task_network(viewer=viewer, pk=pk)
    return _task_network_page(request, project, can(viewer, "resources.manage_demand", project))


def _task_network_page(
    request: HttpRequest,
    project: Any,
    can_change: bool,
    form: forms.TaskScheduleForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The tasks page, with the latest schedule and (for the project's team) the form that
    schedules the tasks again: blank, or as posted with its errors."""
    schedule = selectors.latest_task_schedule(project)
    if can_change and form is None:
        form = forms.TaskScheduleForm(
            initial={"starts_on": schedule.starts_on if schedule else None}
        )
    return render(
        request,
        "resources/task_network.html",
        _ctx(
            project=project,
            schedule=schedule,
            view=selectors.task_schedule_view(schedule, project) if schedule else None,
            can_change=can_change,
            form=form,
        ),
        status=status,
    )


def _task_form(request: HttpRequest, project: Any, task: Any = None) -> forms.TaskForm:
    others = project.tasks.all() if task is None else project.tasks.exclude(pk=task.pk)
    initial: dict[str, Any] = {}
    if task is not None:
        initial = {"name": task.name, "weeks": task.weeks, "after": list(task.after.all())}
        initial.update({f"need_{n.resource_id}": n.amount for n in task.needs.all()})
    return forms.TaskForm(
        _posted(request),
        initial=initial,
        others=others.order_by("pk"),
        resources=project.task_resources.order_by("name"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.task_network(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", project)
    form = _task_form(request, project)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_create(actor=request.user, project=project, **form.service_data())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The task has been added.")
            return redirect("resources:task-network", pk=project.pk)
    return render(
        request,
        "resources/task_form.html",
        _ctx(form=form, project=project, heading="Add a task"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    task = selectors.task_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", task.project)
    form = _task_form(request, task.project, task)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_update(actor=request.user, task=task, **form.service_data())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The task has been changed.")
            return redirect("resources:task-network", pk=task.project_id)
    return render(
        request,
        "resources/task_form.html",
        _ctx(form=form, project=task.project, heading=f"Change the task {task.name}", row=task),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    task = selectors.task_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", task.project)
    if request.method == "POST":
        services.task_delete(actor=request.user, task=task)
        messages.success(request, f"The task {task.name} has been removed.")
        return redirect("resources:task-network", pk=task.project_id)
    waiting = task.followers.count()
    return _confirm(
        request,
        heading=f"Remove the task {task.name}?",
        caption=task.project.title,
        text=f"{task.name}: {task.weeks} week{'s' if task.weeks != 1 else ''}."
        + (f" {waiting} task{'s' if waiting != 1 else ''} that start after it will no longer "
           "wait for it." if waiting else ""),
        button="Remove task",
        cancel_url=reverse("resources:task-network", args=[task.project_id]),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_resource_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.task_network(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", project)
    form = forms.TaskResourceForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.task_resource_create(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The resource has been added.")
            return redirect("resources:task-network", pk=project.pk)
    return render(
        request,
        "resources/task_resource_form.html",
        _ctx(form=form, project=project, heading="Add a resource the tasks share"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    resource = selectors.task_resource_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", resource.project)
    form = forms.TaskResourceForm(
        _posted(request), initial={"name": resource.name, "capacity": resource.capacity}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.task_resource_update(
                actor=request.user, resource=resource, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The resource has been changed.")
            return redirect("resources:task-network", pk=resource.project_id)
    return render(
        request,
        "resources/task_resource_form.html",
        _ctx(
            form=form,
            project=resource.project,
            heading=f"Change the resource {resource.name}",
            row=resource,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_resource_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    resource = selectors.task_resource_detail(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", resource.project)
    if request.method == "POST":
        services.task_resource_delete(actor=request.user, resource=resource)
        messages.success(request, f"The resource {resource.name} has been removed.")
        return redirect("resources:task-network", pk=resource.project_id)
    needing = resource.needs.count()
    return _confirm(
        request,
        heading=f"Remove the resource {resource.name}?",
        caption=resource.project.title,
        text=f"{resource.name}: {resource.capacity} at any one time."
        + (f" {needing} task{'s' if needing != 1 else ''} that need it will no longer need "
           "it." if needing else ""),
        button="Remove resource",
        cancel_url=reverse("resources:task-network", args=[resource.project_id]),
    )  # fmt: skip


@login_required
@require_http_methods(["POST"])
def task_schedule_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Schedule the tasks: queue a snapshot for the worker, then show its progress."""
    viewer = viewer_for(request.user)
    project = selectors.task_network(viewer=viewer, pk=pk)
    require(viewer, "resources.manage_demand", project)
    form = forms.TaskScheduleForm(request.POST)
    if form.is_valid():
        try:
            schedule = services.task_schedule_create(
                actor=request.user, project=project, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The tasks are being scheduled. This page shows progress.")
            return redirect("resources:task-schedule", pk=schedule.pk)
    return _task_network_page(request, project, True, form, status=400)


@login_required
@require_GET
def task_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    schedule = selectors.task_schedule_detail(viewer=viewer, pk=pk)
    if schedule.is_finished:
        return redirect("resources:task-network", pk=schedule.project_id)
    return render(
        request, "resources/task_schedule.html", _ctx(schedule=schedule, project=schedule.project)
    )


@login_required
@require_GET
def task_schedule_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the schedule page polls (htmx, every 2 seconds)."""
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    schedule = selectors.task_schedule_progress(viewer=viewer, pk=pk)
    response = render(request, "resources/_task_progress.html", {"schedule": schedule})
    if schedule.is_finished:
        response["HX-Redirect"] = reverse("resources:task-network", args=[schedule.project_id])
    return response
