"""Demand: the roles a project needs from the pool, its planning settings, and bookings."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.resources import forms
from partnerplan.resources.selectors import demand as selectors
from partnerplan.resources.selectors import pool as pool_selectors
from partnerplan.resources.services import assignments as assignment_services
from partnerplan.resources.services import demand as services
from partnerplan.resources.views._common import CONFIRM, FORM, NAV, page, warn_then


def _project_url(project_id: int) -> str:
    return reverse("resources:project-demand", args=[project_id])


@login_required
@require_GET
def demand_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    return render(
        request, "resources/demand_list.html", page(projects=selectors.demand_list(viewer=viewer))
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
        page(
            project=project,
            planning=getattr(project, "planning", None),
            can_change=can(viewer, "resources.manage_demand", project),
            can_assign=can(viewer, "resources.assign"),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def demand_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_demand(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, forms.DemandForm(bound(request)),
        rule=("resources.manage_demand", project),
        act=lambda data: services.demand_create(actor=request.user, project=project, **data),
        success="The role has been added.", done=_project_url(project.pk),
        title="Add a role the project needs", cancel=_project_url(project.pk),
        caption=project.title,
        intro='For example, the report\'s "6 months project management 3 days per week": role '
        "Project manager, skill Project management, 3 days a week, 6 months.",
        template=FORM, context=page(page_title=f"Add a role to {project.title}"),
    )  # fmt: skip


PLANNING_INITIAL = ("committed", "earliest_start", "deadline", "value", "cost_per_month")


@login_required
@require_http_methods(["GET", "POST"])
def planning_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.project_demand(viewer=viewer, pk=pk)
    current = getattr(project, "planning", None)
    initial: dict[str, Any] = {}
    if current is not None:
        initial = {name: getattr(current, name) for name in PLANNING_INITIAL}
        initial["fund"] = current.fund_id
    form = forms.PlanningForm(
        bound(request), initial=initial, funds=selectors.fund_choices(viewer=viewer)
    )
    return form_page(
        request, form, rule=("resources.manage_demand", project),
        act=lambda data: services.planning_set(actor=request.user, project=project, **data),
        success="The planning settings have been saved.", done=_project_url(project.pk),
        title="Planning settings", cancel=_project_url(project.pk), caption=project.title,
        template=FORM, context=page(page_title=f"Planning settings of {project.title}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    demand = selectors.demand_detail(viewer=viewer, pk=pk)
    done = _project_url(demand.project_id)
    form = forms.AssignmentForm(
        bound(request),
        members=pool_selectors.member_choices(viewer=viewer, skill_id=demand.skill_id),
    )
    return form_page(
        request, form, rule=("resources.assign", demand),
        act=lambda data: assignment_services.assignment_create(
            actor=request.user, demand=demand, **data
        ),
        success=lambda outcome: f"{outcome.assignment.member} has been booked.",
        done=lambda outcome: warn_then(request, [outcome.warning], done),
        title="Book someone from the pool", cancel=done,
        caption=f"{demand.title}, {demand.project.title}", submit="Book",
        template="resources/assignment_form.html",
        context=page(demand=demand, page_title=f"Book someone as {demand.title}"),
    )  # fmt: skip


DEMAND_INITIAL = ("title", "days_per_week", "starts_on", "months", "source")


@login_required
@require_http_methods(["GET", "POST"])
def demand_edit(request: HttpRequest, pk: int) -> HttpResponse:
    demand = selectors.demand_detail(viewer=viewer_for(request.user), pk=pk)
    initial: dict[str, Any] = {n: getattr(demand, n) for n in DEMAND_INITIAL}
    initial["skill"] = demand.skill_id
    project = demand.project
    return form_page(
        request, forms.DemandForm(bound(request), initial=initial),
        rule=("resources.manage_demand", project),
        act=lambda data: services.demand_update(actor=request.user, demand=demand, **data),
        success="The role has been changed.", done=_project_url(project.pk),
        title="Change a role the project needs", cancel=_project_url(project.pk),
        caption=project.title, template=FORM,
        context=page(page_title=f"Change the role {demand.title} of {project.title}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def demand_delete(request: HttpRequest, pk: int) -> HttpResponse:
    demand = selectors.demand_detail(viewer=viewer_for(request.user), pk=pk)
    project = demand.project
    booked = demand.assignments.count()
    return form_page(
        request, ConfirmForm(bound(request)),
        rule=("resources.manage_demand", project),
        act=lambda _data: services.demand_delete(actor=request.user, demand=demand),
        success=f"The role {demand.title} has been removed.", done=_project_url(project.pk),
        title=f"Remove the role {demand.title}?", caption=project.title,
        intro=f"{demand.title}: {demand.days_per_week.normalize():f} days a week of "
        f"{demand.skill.name}, {demand.months} months from {demand.starts_on:%B %Y}."
        + (f" Its {booked} booking{'s' if booked != 1 else ''} will be removed too." if booked
           else ""),
        submit="Remove role", cancel=_project_url(project.pk), template=CONFIRM, context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = pool_selectors.assignment_detail(viewer=viewer_for(request.user), pk=pk)
    done = _project_url(row.demand.project_id)
    form = forms.AssignmentEditForm(
        bound(request),
        initial={n: getattr(row, n) for n in ("days_per_week", "starts_on", "ends_on")},
    )
    return form_page(
        request, form, rule=("resources.assign", row),
        act=lambda data: assignment_services.assignment_update(
            actor=request.user, assignment=row, **data
        ),
        success=f"The booking of {row.member} has been changed.",
        done=lambda outcome: warn_then(request, [outcome.warning], done),
        title="Change a booking", cancel=done,
        caption=f"{row.member} as {row.demand.title}, {row.demand.project.title}",
        intro="To end the booking early, change Until. Booking someone beyond their time is "
        "allowed: the page will say so.",
        template=FORM, context=page(page_title=f"Change the booking of {row.member}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def assignment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    row = pool_selectors.assignment_detail(viewer=viewer_for(request.user), pk=pk)
    done = _project_url(row.demand.project_id)
    return form_page(
        request, ConfirmForm(bound(request)), rule=("resources.assign", row),
        act=lambda _data: assignment_services.assignment_delete(
            actor=request.user, assignment=row
        ),
        success=f"The booking of {row.member} has been removed.", done=done,
        title=f"Remove the booking of {row.member}?", caption=row.demand.project.title,
        intro=f"{row.member} as {row.demand.title}, {row.days_per_week.normalize():f} days a "
        f"week from {row.starts_on:%-d %B %Y} to {row.ends_on:%-d %B %Y}.",
        submit="Remove booking", cancel=done, template=CONFIRM, context=NAV,
    )  # fmt: skip
