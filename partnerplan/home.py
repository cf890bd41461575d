"""The home page: project-level, because what it shows comes from every app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core.access import viewer_for
from partnerplan.partners import selectors as partner_selectors


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    context = {
        "nav_home": True,
        "summary": partner_selectors.partnership_summary(viewer=viewer),
    }
    return render(request, "core/home.html", context)
