"""Finance pages: funds (balance, forecast chart and table, scenarios, figure check,
movements, bids), the bids register, partner contributions and exports of movements."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from partnerplan.core.access import can, require, viewer_for
from partnerplan.finance import selectors
from partnerplan.finance.chart import forecast_svg
from partnerplan.finance.forms import BidFilterForm, ForecastForm, MovementFilterForm
from partnerplan.finance.models import Entry, Fund

PAGE_SIZE = 50


@require_GET
def fund_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "finance/fund_list.html",
        {"funds": list(selectors.fund_list(viewer=viewer)), "nav_finance": True},
    )


def _filters(request: HttpRequest) -> tuple[MovementFilterForm, selectors.MovementFilters]:
    form = MovementFilterForm(request.GET or None)
    if form.is_valid():
        return form, selectors.MovementFilters(**form.cleaned_data)
    return form, selectors.MovementFilters()


def _other_side(entry: Entry) -> str:
    others = [str(e.account) for e in entry.transaction.entries.all() if e.pk != entry.pk]
    return ", ".join(others)


@require_GET
def fund_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    fund = selectors.fund_detail(viewer=viewer, pk=pk)
    today = timezone.localdate()
    scenarios = selectors.scenarios_for(fund=fund)
    form = ForecastForm(request.GET or None, scenarios=[(str(s.pk), s.name) for s in scenarios])
    on = today
    chosen = None
    check = None
    if form.is_valid():
        on = form.cleaned_data["on"] or today
        chosen = next((s for s in scenarios if str(s.pk) == form.cleaned_data["scenario"]), None)
        if form.cleaned_data["figure"]:
            check = selectors.figure_check(
                text_or_figure=form.cleaned_data["figure"], fund=fund, on=on, scenario=chosen
            )
    position = selectors.fund_position(fund=fund, on=on, scenario=chosen)
    first = (
        Entry.objects.filter(account__fund=fund)
        .order_by("transaction__effective_on")
        .values_list("transaction__effective_on", flat=True)
        .first()
    )
    start = max(first or on, on - dt.timedelta(days=730))
    series = selectors.forecast_series(
        fund=fund, start=min(start, on), end=max(on, today), scenarios=scenarios
    )
    may_see_ledger = can(viewer, "finance.view_ledger")
    movements: Any = None
    filter_form, filters = _filters(request)
    if may_see_ledger:
        movements = Paginator(
            selectors.fund_movements(fund=fund, filters=filters), PAGE_SIZE
        ).get_page(request.GET.get("page"))
        for entry in movements:
            entry.other_side = _other_side(entry)
    return render(
        request,
        "finance/fund_detail.html",
        {
            "fund": fund,
            "form": form,
            "on": on,
            "position": position,
            "check": check,
            "comparison": selectors.compare_scenarios(fund=fund, on=on, scenarios=scenarios),
            "chart": mark_safe(forecast_svg(series)),  # noqa: S308 - built from escaped text
            "series": series,
            "rows": _table(series),
            "requests": list(selectors.fund_requests(fund=fund)),
            "bids": list(selectors.bid_list(viewer=viewer).filter(fund=fund)),
            "movements": movements,
            "filter_form": filter_form,
            "may_see_ledger": may_see_ledger,
            "query": request.GET.urlencode(),
            "nav_finance": True,
        },
    )


def _export_rows(request: HttpRequest, pk: int) -> tuple[Fund, list[list[Any]]]:
    viewer = viewer_for(request.user)
    fund = selectors.fund_detail(viewer=viewer, pk=pk)
    require(viewer, "finance.view_ledger")
    _form, filters = _filters(request)
    rows: list[list[Any]] = []
    for e in selectors.fund_movements(fund=fund, filters=filters):
        tx = e.transaction
        rows.append(
            [
                tx.effective_on,
                tx.get_kind_display(),
                tx.get_basis_display(),
                tx.description,
                _other_side(e),
                e.amount,
                tx.authority_text,
                str(tx.posted_by),
                timezone.localtime(tx.created_at).strftime("%Y-%m-%d %H:%M"),
                "yes" if getattr(e, "reversed", False) else "",
            ]
        )
    return fund, rows


HEADERS = [
    "Date", "Kind", "Paid or approved", "Description", "From or to", "Amount (£)", "Authority",
    "Posted by", "Posted at", "Reversed",
]  # fmt: skip


@require_GET
def movements_csv(request: HttpRequest, pk: int) -> HttpResponse:
    fund, rows = _export_rows(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fund-{fund.pk}-movements.csv"'
    writer = csv.writer(response)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([r.isoformat() if isinstance(r, dt.date) else r for r in row])
    return response


@require_GET
def movements_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    fund, rows = _export_rows(request, pk)
    book = Workbook()
    sheet = book.active
    sheet.title = "Movements"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([float(r) if isinstance(r, Decimal) else r for r in row[:5]] + row[5:])
    for (cell,) in sheet.iter_rows(min_row=2, min_col=6, max_col=6):
        cell.number_format = "#,##0.00"
    for (cell,) in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
        cell.number_format = "dd/mm/yyyy"
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="fund-{fund.pk}-movements.xlsx"'
    return response


@require_GET
def bid_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = BidFilterForm(request.GET or None)
    filters = selectors.BidFilters(**form.cleaned_data) if form.is_valid() else None
    bids = list(selectors.bid_list(viewer=viewer, filters=filters))
    return render(
        request,
        "finance/bid_list.html",
        {"form": form, "bids": bids, "totals": selectors.bid_totals(bids), "nav_finance": True},
    )


@require_GET
def contributions(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    return render(
        request,
        "finance/contributions.html",
        {"rows": selectors.partner_contributions(viewer=viewer), "nav_finance": True},
    )


def _table(series: selectors.ForecastSeries) -> list[tuple[dt.date, list[Decimal]]]:
    return [(day, [line[i] for _n, line in series.lines]) for i, day in enumerate(series.days)]
