"""Projects: the project page, its details, gates and reviews, links, dependencies, board,
documents, and archiving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import Viewer, can, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.history import history_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance.selectors import body_choices
from partnerplan.partners.selectors import partner_choices
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import projects as f
from partnerplan.portfolio.models import Project
from partnerplan.portfolio.selectors import control as control_selectors
from partnerplan.portfolio.selectors.control import state_label
from partnerplan.portfolio.services import gates, projects
from partnerplan.portfolio.services.status import is_overdue
from partnerplan.portfolio.views._common import NAV, _back, _people, _project_for
from partnerplan.portfolio.views.charts import project_pictures

CHANGE = "portfolio.change_project"


@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.project_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "portfolio/project_detail.html",
        {
            "project": project,
            "matters": selectors.project_matters(viewer=viewer, project=project),
            "lead_text": selectors.project_lead_text(project),
            "overdue": is_overdue(project),
            **_control(project),
            "stopped": gates.is_stopped(project),
            "can_change": can(viewer, CHANGE, project),
            "can_gate": can(viewer, "portfolio.pass_gate", project),
            "can_approve": can(viewer, "portfolio.approve_business_case", project),
            "can_report": can(viewer, "portfolio.write_highlight_report", project),
            "history": history_for(project) if can(viewer, "core.view_history") else None,
            **project_pictures(project, today=clock.today()),
            **NAV,
        },
    )


def _control(project: Project) -> dict[str, Any]:
    """The project's standing against its tolerances, for the tag and the Exception Report
    link."""
    state = control_selectors.standing(project)
    return {"control_state": state, "control_label": state_label(state) if state else ""}


def _project_form(request: HttpRequest, viewer: Viewer, **kwargs: Any) -> f.ProjectForm:
    return f.ProjectForm(
        bound(request),
        programmes=selectors.programme_list(viewer=viewer),
        workstreams=selectors.workstream_choices(viewer=viewer),
        partners=partner_choices(viewer=viewer),
        people=_people(viewer),
        bodies=body_choices(viewer=viewer),
        **kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return form_page(
        request,
        _project_form(request, viewer, initial={"programme": request.GET.get("programme")}),
        rule="portfolio.add_project",
        act=lambda data: projects.project_create(actor=request.user, **data),
        success=lambda project: f"{project} has been added at '{project.stage}'.",
        done=lambda project: _back(project),
        title="Add a project",
        cancel=reverse("portfolio:workplan"),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    return form_page(
        request,
        _project_form(request, viewer, instance=project, editing=True),
        act=lambda data: projects.project_update(actor=request.user, project=project, **data),
        success="Your changes have been saved.",
        done=_back(project),
        title=f"Change {project}",
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_gate(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.pass_gate")
    allowed = gates.allowed_gates(project)
    form = f.GateForm(
        bound(request),
        stages=selectors.gate_stages(project),
        authorities=selectors.gate_authority_choices(viewer=viewer, project=project),
        initial={"to_stage": allowed[0].pk if allowed else None},
    )
    intro = f"{project} is at '{project.stage}'. " + (
        f"The next gate is into '{allowed[0]}'." if allowed else "It cannot pass any more gates."
    )
    return form_page(
        request,
        form,
        act=lambda data: gates.project_pass_gate(actor=request.user, project=project, **data),
        success=lambda passage: f"{project} has moved to '{passage.to_stage}'.",
        done=_back(project, "lifecycle"),
        title="Record a gate decision",
        caption=str(project),
        intro=intro,
        cancel=_back(project),
        submit="Record the decision",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_review(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.pass_gate")
    return form_page(
        request,
        f.ReviewForm(
            bound(request),
            partners=partner_choices(viewer=viewer),
            authorities=selectors.review_authority_choices(viewer=viewer, project=project),
        ),
        act=lambda data: gates.project_record_review(actor=request.user, project=project, **data),
        success="The review outcome has been recorded.",
        done=_back(project, "lifecycle"),
        title="Record a review outcome",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_link(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    workstreams = selectors.workstream_choices(viewer=viewer).exclude(
        programme_id=project.programme_id
    )
    return form_page(
        request,
        f.LinkForm(bound(request), workstreams=workstreams),
        act=lambda data: projects.link_create(actor=request.user, project=project, **data),
        success="The link has been added.",
        done=_back(project, "links"),
        title="Link to a workstream of another programme",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_dependency(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    form = f.DependencyForm(
        bound(request), projects=selectors.project_choices(viewer=viewer, exclude=project.pk)
    )
    return form_page(
        request,
        form,
        act=lambda data: projects.dependency_add(actor=request.user, project=project, **data),
        success="The dependency has been added.",
        done=_back(project, "dependencies"),
        title="Add a dependency",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_board_member(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    return form_page(
        request,
        f.BoardMemberForm(bound(request), people=_people(viewer)),
        act=lambda data: projects.board_member_add(actor=request.user, project=project, **data),
        success="The board member has been added.",
        done=_back(project, "people"),
        title="Add a project board member",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_document(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project = _project_for(request, pk, CHANGE)
    return form_page(
        request,
        f.DocumentForm(bound(request)),
        act=lambda data: projects.document_add(actor=request.user, project=project, **data),
        success="The document has been added.",
        done=_back(project, "documents"),
        title="Add a document",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Archive a project, or restore an archived one."""
    _viewer, project = _project_for(request, pk, "portfolio.pass_gate")
    form: forms.Form
    act: Callable[[dict[str, Any]], Project]
    if project.is_archived:
        form = ConfirmForm(bound(request))
        title, submit, done_word = f"Restore {project}", "Restore", "restored"

        def act(data: dict[str, Any]) -> Project:
            return projects.project_restore(actor=request.user, project=project)

    else:
        form = f.ReasonForm(bound(request))
        title, submit, done_word = f"Archive {project}", "Archive", "archived"

        def act(data: dict[str, Any]) -> Project:
            return projects.project_archive(
                actor=request.user, project=project, reason=data["reason"]
            )

    return form_page(
        request,
        form,
        act=act,
        success=f"{project} has been {done_word}.",
        done=_back(project),
        title=title,
        cancel=_back(project),
        submit=submit,
        context=NAV,
    )


def _remove_page(
    request: HttpRequest, obj: Any, project: Project, remove: Callable[[], Any], what: str,
    anchor: str,
) -> HttpResponse:  # fmt: skip
    return form_page(
        request,
        ConfirmForm(bound(request)),
        act=lambda data: remove(),
        success=f"The {what} has been removed.",
        done=_back(project, anchor),
        title=f"Remove the {what}",
        caption=str(project),
        intro=f"{obj}. The removal is kept in the history.",
        cancel=_back(project, anchor),
        submit=f"Remove the {what}",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_delete(request: HttpRequest, pk: int) -> HttpResponse:
    link = selectors.link_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, link.project_id, CHANGE)
    return _remove_page(
        request,
        link,
        project,
        lambda: projects.link_delete(actor=request.user, link=link),
        "link",
        "links",
    )


@login_required
@require_http_methods(["GET", "POST"])
def dependency_delete(request: HttpRequest, pk: int) -> HttpResponse:
    dependency = selectors.dependency_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, dependency.project_id, CHANGE)
    return _remove_page(
        request,
        dependency,
        project,
        lambda: projects.dependency_remove(actor=request.user, dependency=dependency),
        "dependency",
        "dependencies",
    )
