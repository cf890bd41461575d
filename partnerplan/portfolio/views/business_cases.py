"""Business cases: starting one, filling in a version, approving it, starting a new version."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from partnerplan.core.access import viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import business_cases as f
from partnerplan.portfolio.models import BusinessCaseVersion
from partnerplan.portfolio.services import business_cases as services
from partnerplan.portfolio.views._common import NAV, _back, _project_for

CHANGE = "portfolio.change_project"


def _version_url(version: BusinessCaseVersion) -> str:
    return reverse("portfolio:bc-version-edit", args=[version.pk])


@login_required
@require_http_methods(["GET", "POST"])
def business_case_create(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project = _project_for(request, pk, CHANGE)
    return form_page(
        request,
        f.BusinessCaseCreateForm(bound(request)),
        act=lambda data: services.business_case_create(actor=request.user, project=project, **data),
        success="The business case has been started.",
        done=_version_url,
        title="Start a business case",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def bc_version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.business_case_version_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, version.business_case.project_id, CHANGE)
    form = f.BusinessCaseVersionForm(
        bound(request), initial={name: getattr(version, name) for name in services.CASE_FIELDS}
    )
    return form_page(
        request,
        form,
        act=lambda data: services.business_case_version_update(
            actor=request.user, version=version, **data
        ),
        success="The business case has been saved.",
        done=_back(project, "business-case"),
        title=f"{version.business_case.get_stage_display()}, version {version.number}",
        caption=str(project),
        intro="Fill in the five cases. Approved versions are kept as approved.",
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def bc_version_approve(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.business_case_version_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(
        request, version.business_case.project_id, "portfolio.approve_business_case"
    )
    return form_page(
        request,
        f.ApproveForm(
            bound(request), decisions=selectors.business_case_authority_choices(version=version)
        ),
        act=lambda data: services.business_case_version_approve(
            actor=request.user, version=version, **data
        ),
        success="The approval has been recorded.",
        done=_back(project, "business-case"),
        title="Record the approval of a business case",
        caption=f"{project}: {version}",
        intro=f"This version is {version.completeness}% complete.",
        cancel=_back(project),
        submit="Record the approval",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def bc_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.business_case_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, case.project_id, CHANGE)
    return form_page(
        request,
        ConfirmForm(bound(request)),
        act=lambda data: services.business_case_new_version(actor=request.user, business_case=case),
        success=lambda version: f"Version {version.number} has been started.",
        done=_version_url,
        title="Start a new version",
        caption=f"{project}: {case}",
        intro="The new version starts as a copy of the latest one.",
        cancel=_back(project),
        submit="Start a new version",
        context=NAV,
    )
