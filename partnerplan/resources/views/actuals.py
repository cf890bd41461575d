"""Actuals: a project's bookings month by month, booked against actual, and the form on which
its project manager records the days spent."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.resources import forms
from partnerplan.resources.selectors import actuals as selectors
from partnerplan.resources.selectors import demand as demand_selectors
from partnerplan.resources.services import actuals as services
from partnerplan.resources.views._common import FORM, page

RULE = "resources.record_actuals"


def _url(project_id: int) -> str:
    return reverse("resources:project-actuals", args=[project_id])


@login_required
@require_GET
def project_actuals(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    project = demand_selectors.project_demand(viewer=viewer, pk=pk)
    today = clock.today()
    bookings = [
        (a, selectors.booking_months(a, today=today))
        for a in selectors.project_bookings(project.pk)
    ]
    return render(
        request,
        "resources/project_actuals.html",
        page(project=project, bookings=bookings, can_record=can(viewer, RULE, project)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def actual_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = demand_selectors.project_demand(viewer=viewer, pk=pk)
    bookings = selectors.project_bookings(project.pk)
    months = sorted({m for a in bookings for m in selectors.month_choices(a)}, reverse=True)
    return form_page(
        request, forms.ActualForm(bound(request), bookings=bookings, months=months),
        rule=(RULE, project),
        act=lambda data: services.actual_record(actor=request.user, **data),
        success=lambda a: f"{a.days:g} days recorded for {a.month:%B %Y}.",
        done=_url(project.pk), title="Record the time spent", cancel=_url(project.pk),
        caption=project.title,
        intro="The days the booking actually took in the month. Recording a month again "
        "replaces its figure (the history keeps the old one).",
        template=FORM, context=page(page_title=f"Record the time spent on {project.title}"),
    )  # fmt: skip
