"""Capacity against demand, twelve months at a time."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core.access import require, viewer_for
from partnerplan.resources.planning.months import add_months
from partnerplan.resources.selectors import capacity as selectors
from partnerplan.resources.views._common import page
from partnerplan.resources.views.charts import capacity_charts


def _month_param(value: str | None) -> dt.date | None:
    try:
        year, month = (int(x) for x in (value or "").split("-")[:2])
        return dt.date(year, month, 1)
    except ValueError:
        return None


@login_required
@require_GET
def capacity(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    start = _month_param(request.GET.get("start")) or selectors.default_start(viewer=viewer)
    capacity = selectors.capacity(viewer=viewer, start=start, count=12)
    return render(
        request,
        "resources/capacity.html",
        page(
            capacity=capacity,
            skills=capacity_charts(capacity),
            earlier=add_months(start, -12).strftime("%Y-%m"),
            later=add_months(start, 12).strftime("%Y-%m"),
        ),
    )
