"""The programme dashboard."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core.access import viewer_for
from partnerplan.portfolio import selectors
from partnerplan.portfolio.selectors.dashboard import programme_dashboard as build
from partnerplan.portfolio.views._common import NAV


@require_GET
def programme_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "portfolio/programme_dashboard.html",
        {"programme": programme, "dash": build(viewer=viewer, programme=programme), **NAV},
    )
