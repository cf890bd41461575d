"""Benefits and their measurements."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from partnerplan.core.access import viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import benefits as f
from partnerplan.portfolio.services import benefits as services
from partnerplan.portfolio.views._common import NAV, _back, _people, _project_for

CHANGE = "portfolio.change_project"


@login_required
@require_http_methods(["GET", "POST"])
def benefit_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    return form_page(
        request,
        f.BenefitForm(bound(request), people=_people(viewer)),
        act=lambda data: services.benefit_create(actor=request.user, project=project, **data),
        success="The benefit has been added.",
        done=_back(project, "benefits"),
        title="Add a benefit",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    benefit = selectors.benefit_detail(viewer=viewer_for(request.user), pk=pk)
    viewer, project = _project_for(request, benefit.project_id, CHANGE)
    form = f.BenefitForm(
        bound(request),
        people=_people(viewer),
        initial={name: getattr(benefit, name) for name in services.BENEFIT_FIELDS},
    )
    return form_page(
        request,
        form,
        act=lambda data: services.benefit_update(actor=request.user, benefit=benefit, **data),
        success="Your changes have been saved.",
        done=_back(project, "benefits"),
        title=f"Change '{benefit}'",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_actual(request: HttpRequest, pk: int) -> HttpResponse:
    benefit = selectors.benefit_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, benefit.project_id, CHANGE)
    return form_page(
        request,
        f.BenefitActualForm(bound(request)),
        act=lambda data: services.benefit_record_actual(
            actor=request.user, benefit=benefit, **data
        ),
        success="The measurement has been recorded.",
        done=_back(project, "benefits"),
        title="Record a measurement",
        caption=f"{project}: {benefit}",
        intro=f"Baseline {benefit.baseline} on {benefit.baseline_on:%-d %B %Y}; target "
        f"{benefit.target} by {benefit.target_on:%-d %B %Y}.",
        cancel=_back(project),
        context=NAV,
    )
