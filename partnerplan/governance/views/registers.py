"""Governance pages: registers."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    ForwardPlanForm,
    OfficerDecisionForm,
    PriorDecisionForm,
)
from partnerplan.governance.forms.subjects import subject_choices, subject_value
from partnerplan.governance.selectors.cycle import entry_rows
from partnerplan.governance.services.authority import prior_decision_record
from partnerplan.governance.views._common import (
    NAV,
    PAGE_SIZE,
)


@require_GET
def decision_register(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = Paginator(selectors.decision_register(viewer=viewer), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "governance/decision_register.html", {"page": page, **NAV})


@require_GET
def officer_decision_register(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = Paginator(selectors.officer_decision_register(viewer=viewer), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    # What each is about, by name; the pickers' choices are read only if a row names a subject.
    labels = dict(subject_choices()) if any(d.subject_params for d in page) else {}
    rows = [(d, labels.get(subject_value(d.subject_params), "")) for d in page]
    return render(
        request,
        "governance/officer_decision_register.html",
        {"page": page, "rows": rows, **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def officer_decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.record_officer_decision", delegation)
    form = OfficerDecisionForm(
        bound(request),
        bodies=delegation.to_bodies.all(),
        people=selectors.people_choices(viewer=viewer),
        initial={"decided_on": clock.today()},
    )
    return form_page(
        request,
        form,
        title="Record a delegated decision",
        caption=str(delegation),
        cancel=reverse("governance:officer-decision-register"),
        intro=delegation.purpose,
        act=lambda d: services.officer_decision_record(
            actor=request.user, delegation=delegation, **d
        ),
        done=lambda _d: reverse("governance:officer-decision-register"),
        success="The delegated decision has been recorded and published in the register.",
        context=NAV,
    )


@require_GET
def prior_decision_register(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = Paginator(selectors.prior_decision_register(viewer=viewer), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    labels = dict(subject_choices())
    rows = [(p, labels.get(subject_value(p.subject_params), "")) for p in page]
    return render(
        request,
        "governance/prior_decision_register.html",
        {
            "page": page,
            "rows": rows,
            "can_record": can(viewer, "governance.manage_bodies"),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def prior_decision_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_bodies")
    bodies = selectors.body_choices(viewer=viewer)
    initial = {}
    body_pk = request.GET.get("body", "")
    if body_pk.isdigit():
        initial["body"] = int(body_pk)
    form = PriorDecisionForm(bound(request), bodies=bodies, initial=initial)
    return form_page(
        request,
        form,
        title="Record a decision taken before partnerplan",
        caption="Decisions from the papers",
        cancel=reverse("governance:prior-decision-register"),
        intro="For a decision partnerplan does not hold: the body must have held the power on "
        "the date it decided. Once recorded it is cited like any other decision, once for "
        "each kind of act.",
        act=lambda d: prior_decision_record(actor=request.user, **d),
        done=lambda _p: reverse("governance:prior-decision-register"),
        success="The decision has been recorded.",
        context=NAV,
    )


@require_GET
def forward_plan(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "governance/forward_plan.html",
        {
            "rows": entry_rows(selectors.forward_plan(viewer=viewer)),
            "can_manage": can(viewer, "governance.manage_meetings"),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def forward_plan_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_meetings")
    form = ForwardPlanForm(bound(request), bodies=selectors.body_choices(viewer=viewer))
    return form_page(
        request,
        form,
        title="Add a decision to the forward plan",
        caption="Forward plan",
        cancel=reverse("governance:forward-plan"),
        intro="Notice is given today. A key decision needs 28 clear days' notice; with less, "
        "record a general exception or special urgency on the entry's page before it is taken.",
        act=lambda d: services.forward_plan_add(actor=request.user, **d),
        done=lambda _e: reverse("governance:forward-plan"),
        success="The forward plan has been updated.",
        context=NAV,
    )
