"""The roadmap: every project of the work plan by programme over time, coloured (and
patterned) by delivery confidence, with the same filters as the work plan."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core import clock
from partnerplan.core.access import viewer_for
from partnerplan.portfolio import selectors
from partnerplan.portfolio.views._common import NAV
from partnerplan.portfolio.views.charts import roadmap_chart
from partnerplan.portfolio.views.workplan import _filters


@require_GET
def roadmap(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form, filters = _filters(request, viewer)
    projects = list(selectors.workplan(viewer=viewer, filters=filters))
    undated = [p for p in projects if not (p.start and p.end)]
    return render(
        request,
        "portfolio/roadmap.html",
        {
            "form": form,
            "chart": roadmap_chart(projects, today=clock.today()),
            "undated": undated,
            **NAV,
        },
    )
