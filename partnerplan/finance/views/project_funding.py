"""The funding panel of a project: the finance app's part of the portfolio's project page,
fetched with htmx (the page itself knows nothing of finance), or a page of its own."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core.access import viewer_for
from partnerplan.finance.selectors.pages import project_funding as funding_for
from partnerplan.portfolio.selectors import project_detail


@require_GET
def project_funding(request: HttpRequest, pk: int) -> HttpResponse:
    """The panel alone for htmx, else a page with a heading and a link back to the project.
    A project the viewer may not see is not found (404), as on the project page."""
    viewer = viewer_for(request.user)
    project = project_detail(viewer=viewer, pk=pk)
    funding = funding_for(viewer=viewer, project=project)
    if getattr(request, "htmx", False):
        return render(request, "finance/_project_funding.html", {"funding": funding})
    return render(
        request,
        "finance/project_funding.html",
        {"project": project, "funding": funding, "nav_finance": True},
    )
