"""Governance pages: actions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    ActionForm,
    ActionUpdateForm,
)
from partnerplan.governance.views._common import (
    NAV,
    _managed_meeting,
    _to_meeting,
)


@login_required
@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.view_actions")
    return render(
        request,
        "governance/my_actions.html",
        {"actions": selectors.my_actions(viewer=viewer), "today": clock.today(), **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    require(viewer, "governance.add_action", meeting)
    form = ActionForm(bound(request), people=selectors.people_choices(viewer=viewer))
    return form_page(
        request,
        form,
        title="Record an action",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        act=lambda d: services.action_create(
            actor=request.user, body=meeting.body, meeting=meeting, **d
        ),
        done=lambda _a: _to_meeting(meeting),
        success="The action has been recorded and its owner told.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    action = selectors.action_for_update(viewer=viewer, pk=pk)
    require(viewer, "governance.update_action", action)
    form = ActionUpdateForm(
        bound(request), initial={"status": action.status, "progress": action.progress}
    )
    return form_page(
        request,
        form,
        title="Update the action",
        caption=action.title,
        cancel=reverse("governance:my-actions"),
        act=lambda d: services.action_update(actor=request.user, action=action, **d),
        done=lambda _a: reverse("governance:my-actions"),
        success="The action has been updated.",
        context=NAV,
    )
