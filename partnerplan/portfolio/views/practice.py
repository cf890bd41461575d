"""Delivery confidence, RAID entries (their page, conversion, escalation), the lessons log,
benefits against their realisation plans and the board's reporting interval."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import status as f
from partnerplan.portfolio.forms.confidence import ConfidenceAssessmentForm
from partnerplan.portfolio.models import ConfidenceAssessment, RaidKind, RaidStatus
from partnerplan.portfolio.selectors import practice as s
from partnerplan.portfolio.services import confidence, raid, status
from partnerplan.portfolio.views._common import NAV, _page, _pages, _people, _project_for

CHANGE = "portfolio.change_project"
BOARD = "portfolio.record_board_decision"


def _url(name: str, pk: int) -> str:
    return reverse(f"portfolio:{name}", args=[pk])


@require_GET
def project_confidence(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = s.project_for_page(viewer=viewer, pk=pk)
    return render(
        request,
        "portfolio/project_confidence.html",
        {
            "project": project,
            "page": s.confidence_page(viewer=viewer, project=project),
            "can_change": can(viewer, CHANGE, project),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def dca_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)

    def save(data: dict[str, Any]) -> ConfidenceAssessment:
        if data.get("assessor") is None:
            data["assessor"] = getattr(request.user, "person", None)
        return confidence.dca_record(actor=request.user, project=project, **data)

    return form_page(
        request,
        ConfidenceAssessmentForm(
            bound(request),
            scale=selectors.scale_choices(project.programme),
            people=_people(viewer),
        ),
        act=save,
        success="The delivery confidence assessment has been recorded.",
        done=_url("project-confidence", project.pk),
        title="Record a delivery confidence assessment",
        caption=str(project),
        intro="On the partnership's scale (the definitions are on the delivery confidence "
        "page). Amber/Red and Red need commentary and the action being taken.",
        cancel=_url("project-confidence", project.pk),
        context=NAV,
    )


@require_GET
def raid_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = s.raid_entry_page(viewer=viewer, pk=pk)
    entry = page.entry
    return render(
        request,
        "portfolio/raid_detail.html",
        {
            "project": entry.project,
            "page": page,
            "entry": entry,
            "can_change": can(viewer, CHANGE, entry.project),
            "is_open": entry.status == RaidStatus.OPEN,
            "convertible": entry.kind in raid.CONVERTIBLE,
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_convert(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.raid_entry_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, entry.project_id, CHANGE)
    to_risk = entry.kind == RaidKind.ISSUE
    words = "a risk" if to_risk else "an issue"
    return form_page(
        request,
        f.RaidConvertForm(bound(request), to_risk=to_risk),
        act=lambda data: raid.raid_convert(actor=request.user, entry=entry, **data),
        success=f"'{entry.title}' is now {words}. The old entry is closed and links to it.",
        done=lambda new: _url("raid-detail", new.pk),
        title=f"Convert '{entry.title}' into {words}",
        caption=str(project),
        intro="The old entry is closed with its history kept; each links to the other.",
        cancel=_url("raid-detail", entry.pk),
        submit=f"Convert into {words}",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_escalate(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.raid_entry_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, entry.project_id, CHANGE)
    return form_page(
        request,
        f.RaidEscalateForm(bound(request)),
        act=lambda data: raid.raid_escalate(actor=request.user, entry=entry, **data),
        success=f"'{entry.title}' has been escalated to {project.programme}.",
        done=_url("raid-detail", entry.pk),
        title=f"Escalate '{entry.title}' to the programme",
        caption=str(project),
        intro="It shows on the programme dashboard until it is closed.",
        cancel=_url("raid-detail", entry.pk),
        submit="Escalate",
        context=NAV,
    )


@require_GET
def lessons(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = f.LessonSearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    page = _page(request, s.lessons(viewer=viewer, q=q))
    return render(
        request,
        "portfolio/lessons.html",
        {"form": form, "q": q, "page": page, **_pages(page), **NAV},
    )


@require_GET
def project_benefits(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = s.project_for_page(viewer=viewer, pk=pk)
    return render(
        request,
        "portfolio/project_benefits.html",
        {
            "project": project,
            "page": s.benefits_page(viewer=viewer, project=project),
            "can_change": can(viewer, CHANGE, project),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_reporting(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project = _project_for(request, pk, BOARD)
    return form_page(
        request,
        f.ReportingForm(bound(request), initial={"report_every_days": project.report_every_days}),
        act=lambda data: status.project_set_reporting(actor=request.user, project=project, **data),
        success="The reporting interval has been saved.",
        done=reverse("portfolio:project-control", args=[project.pk]),
        title="How often the board wants highlight reports",
        caption=str(project),
        intro=f"The programme asks for one every {project.programme.report_every_days} days "
        "unless the board sets otherwise for this project.",
        cancel=reverse("portfolio:project-control", args=[project.pk]),
        context=NAV,
    )
