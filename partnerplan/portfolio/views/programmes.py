"""Programmes, their stages and workstreams."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.partners.selectors import partner_choices
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import programmes as f
from partnerplan.portfolio.services import programmes as services
from partnerplan.portfolio.views._common import NAV, _people

CHANGE = "portfolio.change_programme"


def _programme_url(pk: int) -> str:
    return reverse("portfolio:programme-detail", args=[pk])


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "portfolio/programme_list.html",
        {
            "programmes": selectors.programme_list(viewer=viewer),
            "can_add": can(viewer, "portfolio.add_programme"),
            **NAV,
        },
    )


@require_GET
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "portfolio/programme_detail.html",
        {"programme": programme, "can_change": can(viewer, CHANGE, programme), **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        f.ProgrammeForm(bound(request)),
        rule="portfolio.add_programme",
        act=lambda data: services.programme_create(actor=request.user, **data),
        success=lambda programme: f"{programme} has been added with the default stages.",
        done=lambda programme: _programme_url(programme.pk),
        title="Add a programme",
        cancel=reverse("portfolio:programme-list"),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme_detail(viewer=viewer_for(request.user), pk=pk)
    url = _programme_url(programme.pk)
    return form_page(
        request,
        f.ProgrammeForm(bound(request), instance=programme),
        rule=(CHANGE, programme),
        act=lambda data: services.programme_update(actor=request.user, programme=programme, **data),
        success="Your changes have been saved.",
        done=url,
        title=f"Change {programme}",
        cancel=url,
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def stage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stage = selectors.stage_detail(viewer=viewer_for(request.user), pk=pk)
    programme = stage.programme
    url = _programme_url(programme.pk)
    return form_page(
        request,
        f.StageForm(bound(request), instance=stage),
        rule=(CHANGE, programme),
        act=lambda data: services.stage_update(actor=request.user, stage=stage, **data),
        success="The stage has been changed.",
        done=url,
        title=f"Change the stage '{stage}'",
        caption=str(programme),
        cancel=url,
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def stage_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme_detail(viewer=viewer_for(request.user), pk=pk)
    url = _programme_url(programme.pk)
    return form_page(
        request,
        f.StageAddForm(bound(request), initial={"position": max(programme.stages.count(), 1)}),
        rule=(CHANGE, programme),
        act=lambda data: services.stage_add(actor=request.user, programme=programme, **data),
        success=lambda stage: f"The stage '{stage}' has been added.",
        done=url,
        title="Add a stage",
        caption=str(programme),
        cancel=url,
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def stage_delete(request: HttpRequest, pk: int) -> HttpResponse:
    stage = selectors.stage_detail(viewer=viewer_for(request.user), pk=pk)
    programme = stage.programme
    url = _programme_url(programme.pk)
    return form_page(
        request,
        ConfirmForm(bound(request)),
        rule=(CHANGE, programme),
        act=lambda data: services.stage_remove(actor=request.user, stage=stage),
        success=f"The stage '{stage}' has been removed.",
        done=url,
        title=f"Remove the stage '{stage}'",
        caption=str(programme),
        intro="A stage can be removed only if no project is at it and no gate decision names "
        "it. Later stages move up one place.",
        cancel=url,
        submit="Remove the stage",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def workstream_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    url = _programme_url(programme.pk)
    form = f.WorkstreamForm(
        bound(request), people=_people(viewer), partners=partner_choices(viewer=viewer)
    )
    return form_page(
        request,
        form,
        rule=(CHANGE, programme),
        act=lambda data: services.workstream_create(
            actor=request.user, programme=programme, **data
        ),
        success="The workstream has been added.",
        done=url,
        title="Add a workstream",
        caption=str(programme),
        cancel=url,
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def workstream_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    workstream = selectors.workstream_detail(viewer=viewer, pk=pk)
    url = _programme_url(workstream.programme_id)
    form = f.WorkstreamForm(
        bound(request),
        instance=workstream,
        people=_people(viewer),
        partners=partner_choices(viewer=viewer),
    )
    return form_page(
        request,
        form,
        rule=(CHANGE, workstream.programme),
        act=lambda data: services.workstream_update(
            actor=request.user, workstream=workstream, **data
        ),
        success="Your changes have been saved.",
        done=url,
        title=f"Change {workstream}",
        caption=str(workstream.programme),
        cancel=url,
        context=NAV,
    )
