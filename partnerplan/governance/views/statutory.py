"""Governance lists kept for the statutory reports: special-urgency decisions for the annual
report to council (per body and municipal year, with a CSV), and exempt items whose exemption
is due for review (for the officers entitled to see exempt information's access log)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core import clock
from partnerplan.core.access import require, viewer_for
from partnerplan.core.exports import SafeCSVWriter
from partnerplan.governance import selectors
from partnerplan.governance.forms.lists import SpecialUrgencyFilterForm
from partnerplan.governance.selectors import cycle
from partnerplan.governance.selectors import interests as interest_selectors
from partnerplan.governance.selectors.statutory import REVIEW_DUE_WITHIN_DAYS, exempt_reviews_due
from partnerplan.governance.views._common import NAV


def _special_urgency(request: HttpRequest) -> dict[str, Any]:
    viewer = viewer_for(request.user)
    years = cycle.special_urgency_years(viewer=viewer)
    form = SpecialUrgencyFilterForm(
        request.GET or None,
        bodies=selectors.body_choices(viewer=viewer),
        years=[(y, cycle.municipal_year_label(y)) for y in years],
    )
    body = year = None
    if form.is_valid():
        body, year = form.cleaned_data["body"], form.cleaned_data["year"]
    return {
        "form": form,
        "body": body,
        "year_label": cycle.municipal_year_label(year) if year is not None else "",
        "exceptions": cycle.special_urgency_list(viewer=viewer, body=body, year=year),
        "query": request.GET.urlencode(),
    }


@require_GET
def special_urgency_list(request: HttpRequest) -> HttpResponse:
    return render(request, "governance/special_urgency.html", {**_special_urgency(request), **NAV})


@require_GET
def special_urgency_csv(request: HttpRequest) -> HttpResponse:
    page = _special_urgency(request)
    name = "special-urgency-decisions"
    if page["year_label"]:
        name += "-" + page["year_label"].replace("/", "-")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    SafeCSVWriter(response).writerows(cycle.special_urgency_rows(page["exceptions"]))
    return response


@login_required
@require_GET
def exempt_reviews(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.view_exempt_log", interest_selectors.legal_officer())
    today = clock.today()
    return render(
        request,
        "governance/exempt_reviews.html",
        {
            "items": exempt_reviews_due(viewer=viewer, today=today),
            "today": today,
            "within": REVIEW_DUE_WITHIN_DAYS,
            **NAV,
        },
    )
