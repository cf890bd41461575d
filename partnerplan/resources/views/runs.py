"""Planner runs: asking for one, following its progress, its answer, and booking its plan."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.resources import forms
from partnerplan.resources.selectors import capacity as capacity_selectors
from partnerplan.resources.selectors import runs as selectors
from partnerplan.resources.services import runs as services
from partnerplan.resources.services.booking import BookedPlan
from partnerplan.resources.services.booking import run_book as book
from partnerplan.resources.services.worker import solves_fail_stale
from partnerplan.resources.views._common import FORM, NAV, page, warn_then
from partnerplan.resources.views.charts import frontier_chart, plan_charts


def _run_url(pk: int) -> str:
    return reverse("resources:run-detail", args=[pk])


@login_required
@require_GET
def run_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    return render(
        request,
        "resources/run_list.html",
        page(runs=selectors.run_list(viewer=viewer)[:50], can_plan=can(viewer, "resources.plan")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def run_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = forms.RunForm(
        bound(request),
        scenarios=selectors.scenario_choices(),
        initial={"starts_on": capacity_selectors.default_start(viewer=viewer), "name": "Pool plan"},
    )
    return form_page(
        request, form, rule="resources.plan",
        act=lambda data: services.run_create(actor=request.user, viewer=viewer, **data),
        # No success banner: queued is not done. The page says whether a worker has it.
        success="",
        done=lambda run: _run_url(run.pk),
        title="Run the planner", cancel=reverse("resources:run-list"),
        intro="The planner chooses which projects with role demand to run, when to start them "
        "and who from the pool staffs them, to get the most priority value within the pool's "
        "time, the money and the deadlines. It runs in the background: you can leave the page.",
        submit="Start the planner", template=FORM, context=NAV,
    )  # fmt: skip


@login_required
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    solves_fail_stale()
    run = selectors.run_detail(viewer=viewer, pk=pk)
    view = selectors.run_view(run, viewer) if run.status == "done" else None
    return render(
        request,
        "resources/run_detail.html",
        page(
            run=run,
            view=view,
            plans=plan_charts(view, today=clock.today()) if view else [],
            frontier=frontier_chart(view) if view and view["frontier"] else None,
            can_book=can(viewer, "resources.assign", run),
        ),
    )


def _booked(booked: BookedPlan) -> str:
    moved = len(booked.moved)
    created = len(booked.created)
    return (
        f"The plan has been booked: {created} new booking{'s' if created != 1 else ''}"
        + (f", {moved} role{'s' if moved != 1 else ''} moved to the planned months" if moved
           else "") + "."
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def run_book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book this plan: the run's assignments become bookings (one service, all or nothing)."""
    viewer = viewer_for(request.user)
    run = selectors.run_detail(viewer=viewer, pk=pk)
    view = selectors.run_view(run, viewer) if run.status == "done" else None
    return form_page(
        request, ConfirmForm(bound(request)), rule=("resources.assign", run),
        act=lambda _data: book(actor=request.user, run=run),
        success=_booked,
        done=lambda booked: warn_then(request, booked.warnings, _run_url(run.pk)),
        title="Book this plan", caption=run.name, submit="Book this plan",
        template="resources/run_book.html",
        context=page(run=run, plan=view["plans"][0] if view and view["plans"] else None),
    )  # fmt: skip


@login_required
@require_GET
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the run page polls (htmx, every 2 seconds) until it is done."""
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    solves_fail_stale()
    run = selectors.run_progress(viewer=viewer, pk=pk)
    response = render(request, "resources/_run_progress.html", {"run": run})
    if run.is_finished:
        # Reload the whole page to show the result.
        response["HX-Refresh"] = "true"
    return response
