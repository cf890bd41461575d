"""Overlap between two programmes: each workstream of one and the projects of the other
linked to it (and the exports)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core.access import viewer_for
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import overlap as f
from partnerplan.portfolio.models import Programme
from partnerplan.portfolio.views._common import NAV, _csv_response, _xlsx_response


def _overlap(request: HttpRequest) -> tuple[Any, Programme | None, Programme | None, list[Any]]:
    viewer = viewer_for(request.user)
    programmes = selectors.programme_list(viewer=viewer)
    form = f.OverlapForm(request.GET or None, programmes=programmes)
    side = other = None
    if form.is_valid():
        side, other = form.cleaned_data["side"], form.cleaned_data["other"]
    else:
        listed = list(programmes)
        partnership = next((p for p in listed if p.is_partnership_plan), None)
        outside = next((p for p in listed if not p.is_partnership_plan), None)
        side, other = outside, partnership
        if side and other:
            form = f.OverlapForm(initial={"side": side, "other": other}, programmes=programmes)
    rows = selectors.overlap(viewer=viewer, side=side, other=other) if side and other else []
    return form, side, other, rows


OVERLAP_COLUMNS = ["No", "Workstream", "Leads", "Related project", "Officer lead", "Comment"]


def _overlap_table(rows: list[Any]) -> Iterable[list[Any]]:
    for row in rows:
        number = row.workstream.number or ""
        if not row.entries:
            yield [number, row.workstream.name, row.leads, "None", "N/a", "N/a"]
        for i, entry in enumerate(row.entries):
            first = i == 0
            yield [
                number if first else "",
                row.workstream.name if first else "",
                row.leads if first else "",
                entry.project.title,
                entry.officer_lead,
                entry.comment,
            ]


@require_GET
def overlap(request: HttpRequest) -> HttpResponse:
    form, side, other, rows = _overlap(request)
    return render(
        request,
        "portfolio/overlap.html",
        {
            "form": form,
            "side": side,
            "other": other,
            "rows": rows,
            "query": request.GET.urlencode(),
            **NAV,
        },
    )


@require_GET
def overlap_csv(request: HttpRequest) -> HttpResponse:
    _form, _side, _other, rows = _overlap(request)
    return _csv_response("overlap.csv", OVERLAP_COLUMNS, _overlap_table(rows))


@require_GET
def overlap_xlsx(request: HttpRequest) -> HttpResponse:
    _form, _side, _other, rows = _overlap(request)
    return _xlsx_response("overlap.xlsx", "Overlap", OVERLAP_COLUMNS, _overlap_table(rows))
