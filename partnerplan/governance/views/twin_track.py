"""Governance pages: twin track."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    MatterForm,
    ResolveForm,
    TrackForm,
)
from partnerplan.governance.forms.subjects import subject_choices, subject_value
from partnerplan.governance.views._common import (
    NAV,
)


@require_GET
def matter_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "governance/matter_list.html",
        {
            "matters": selectors.matter_list(viewer=viewer),
            "can_manage": can(viewer, "governance.manage_meetings"),
            **NAV,
        },
    )


@require_GET
def matter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    matter, state = selectors.matter_detail(viewer=viewer, pk=pk)
    about = ""
    if matter.subject_params:
        about = dict(subject_choices(["project_id"], with_effect_choices=False)).get(
            subject_value(matter.subject_params), ""
        )
    return render(
        request,
        "governance/matter_detail.html",
        {
            "matter": matter,
            "state": state,
            "about": about,
            "held": selectors.held_decisions(matter),
            "can_manage": can(viewer, "governance.manage_meetings"),
            "can_resolve": state.conflict and can(viewer, "governance.resolve_conflict", matter),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def matter_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_meetings")
    form = MatterForm(bound(request), bodies=selectors.body_choices(viewer=viewer))
    return form_page(
        request,
        form,
        title="Start a twin-track matter",
        caption="Twin track",
        cancel=reverse("governance:matter-list"),
        act=lambda d: services.matter_create(actor=request.user, **d),
        done=lambda m: reverse("governance:matter-detail", args=[m.pk]),
        success="The matter has been recorded. Link recommendations to it as they are written.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def matter_track(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    matter, _state = selectors.matter_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", matter)
    bodies = selectors.body_choices(viewer=viewer).filter(
        tracks__matter=matter, tracks__outcome="pending"
    )
    back = reverse("governance:matter-detail", args=[matter.pk])
    return form_page(
        request,
        TrackForm(bound(request), bodies=bodies),
        title="Record a decision taken elsewhere",
        caption=str(matter),
        cancel=back,
        intro="For bodies that decide outside partnerplan, such as the Leaders and Chief "
        "Executives Group.",
        act=lambda d: services.matter_record_track(actor=request.user, matter=matter, **d),
        done=lambda _t: back,
        success="The decision on this track has been recorded.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def matter_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    matter, _state = selectors.matter_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.resolve_conflict", matter)
    back = reverse("governance:matter-detail", args=[matter.pk])
    return form_page(
        request,
        ResolveForm(bound(request)),
        title="Resolve the conflict",
        caption=str(matter),
        cancel=back,
        act=lambda d: services.matter_resolve(
            actor=request.user, matter=matter, resolution=d["resolution"], outcome=d["outcome"]
        ),
        done=lambda _m: back,
        success="The resolution has been recorded.",
        context=NAV,
    )
