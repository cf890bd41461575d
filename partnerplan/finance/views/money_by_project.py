"""Money by project and funding source: the table and its CSV and spreadsheet exports."""

from __future__ import annotations

import datetime as dt
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core import clock
from partnerplan.core.access import require, viewer_for
from partnerplan.core.exports import SafeCSVWriter, safe_row
from partnerplan.finance import selectors
from partnerplan.finance.forms import (
    TableFilterForm,
)


def _funding_table(request: HttpRequest) -> tuple[dt.date, selectors.FundingTable]:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    form = TableFilterForm(request.GET or None)
    on = (form.cleaned_data["on"] if form.is_valid() else None) or clock.today()
    return on, selectors.funding_table(viewer=viewer, on=on)


@require_GET
def funding_table(request: HttpRequest) -> HttpResponse:
    on, table = _funding_table(request)
    return render(
        request,
        "finance/funding_table.html",
        {
            "form": TableFilterForm(request.GET or None),
            "on": on,
            "table": table,
            "query": request.GET.urlencode(),
            "nav_finance": True,
        },
    )


@require_GET
def funding_table_csv(request: HttpRequest) -> HttpResponse:
    on, table = _funding_table(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="money-by-project-and-source-{on.isoformat()}.csv"'
    )
    writer = SafeCSVWriter(response)
    for row in table.export_rows():
        writer.writerow(row)
    return response


@require_GET
def funding_table_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    on, table = _funding_table(request)
    book = Workbook()
    sheet = book.active
    sheet.title = "By project and source"
    for i, row in enumerate(table.export_rows()):
        sheet.append(safe_row(row))
        if i == 0:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    for row_cells in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row_cells:
            cell.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="money-by-project-and-source-{on.isoformat()}.xlsx"'
    )
    return response
