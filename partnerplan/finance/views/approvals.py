"""A funding request's page (who decided it, and the call posted for it), and the
administrators' reconciliation of the ledger to the approvals."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core.access import can, require, viewer_for
from partnerplan.finance import selectors
from partnerplan.finance.views._common import NAV


@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    funding_request = selectors.request_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "finance/request_detail.html",
        {
            "req": funding_request,
            "can_post": can(viewer, "finance.post"),
            "may_see_ledger": can(viewer, "finance.view_ledger"),
            **NAV,
        },
    )


@login_required
@require_GET
def reconciliation(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "finance.post")
    breaks = selectors.authority_breaks()
    return render(request, "finance/reconciliation.html", {"breaks": breaks, **NAV})
