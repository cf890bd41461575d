"""Scenarios: the pending requests a forecast assumes approved."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.finance import selectors, services
from partnerplan.finance.forms import (
    ScenarioForm,
)
from partnerplan.finance.views._common import (
    FORM,
    cancel,
    page,
    poster,
)


@login_required
@require_GET
def scenario_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    return render(
        request,
        "finance/scenario_list.html",
        {
            "scenarios": selectors.scenario_list(viewer=viewer),
            "can_post": can(viewer, "finance.post"),
            "nav_finance": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request, ScenarioForm(bound(request)), rule="finance.post",
        act=lambda d: services.scenario_create(actor=request.user, **d),
        success=lambda made: f"The scenario '{made.name}' is saved.",
        done=reverse("finance:scenario-list"), title="Name a scenario",
        submit="Save the scenario", cancel=cancel(), template=FORM, context=page(),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def scenario_edit(request: HttpRequest, pk: int) -> HttpResponse:
    poster(request)
    scenario = selectors.scenario_detail(pk=pk)
    initial = {
        "name": scenario.name,
        "description": scenario.description,
        "requests": [r.pk for r in scenario.requests.all()],
    }
    return form_page(
        request, ScenarioForm(bound(request), initial=initial),
        act=lambda d: services.scenario_update(actor=request.user, scenario=scenario, **d),
        success=lambda saved: f"The scenario '{saved.name}' is saved.",
        done=reverse("finance:scenario-list"),
        title=f"Change the scenario '{scenario.name}'", submit="Save the scenario",
        cancel=cancel(), template=FORM, context=page(),
    )  # fmt: skip
