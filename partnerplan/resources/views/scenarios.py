"""Scenarios: what-ifs to compare with the plan as it stands."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.resources import forms
from partnerplan.resources.selectors import demand as demand_selectors
from partnerplan.resources.selectors import pool as pool_selectors
from partnerplan.resources.selectors import runs as selectors
from partnerplan.resources.services import scenarios as services
from partnerplan.resources.views._common import FORM, NAV, page


@login_required
@require_GET
def scenario_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    return render(
        request,
        "resources/scenario_list.html",
        page(
            scenarios=selectors.scenario_list(viewer=viewer),
            can_plan=can(viewer, "resources.plan"),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = forms.ScenarioForm(
        bound(request),
        projects=demand_selectors.project_choices(viewer=viewer),
        members=pool_selectors.member_choices(viewer=viewer),
    )
    return form_page(
        request, form, rule="resources.plan",
        act=lambda data: services.scenario_create(actor=request.user, **data),
        success=lambda scenario: f"Scenario '{scenario.name}' has been saved.",
        done=reverse("resources:scenario-list"),
        title="Save a scenario", cancel=reverse("resources:scenario-list"),
        intro="A what-if to compare with the plan as it stands: force projects in or out, add "
        "or take out pool members, change the money. Choose it when you start a planner run.",
        template=FORM, context=NAV,
    )  # fmt: skip
