"""Helpers shared by the portfolio's pages."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from partnerplan.core.access import Viewer, require, viewer_for
from partnerplan.core.exports import SafeCSVWriter, safe_row
from partnerplan.partners.selectors import person_list
from partnerplan.portfolio import selectors
from partnerplan.portfolio.models import Project

PAGE_SIZE = 50
NAV = {"nav_portfolio": True}


def _page(request: HttpRequest, items: Any, size: int = PAGE_SIZE) -> Any:
    return Paginator(items, size).get_page(request.GET.get("page"))


def _pages(page: Any) -> dict[str, Any]:
    """Page links for the pagination: the ends and two either side, with ellipses between."""
    return {
        "page_range": list(
            page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ),
        "ellipsis": Paginator.ELLIPSIS,
    }


def _people(viewer: Viewer) -> Any:
    return person_list(viewer=viewer)


def _project_for(request: HttpRequest, pk: int, action: str) -> tuple[Viewer, Project]:
    """The project `pk` as the viewer sees it (404 otherwise), once `action` is allowed."""
    viewer = viewer_for(request.user)
    project = selectors.project_detail(viewer=viewer, pk=pk)
    require(viewer, action, project)
    return viewer, project


def _back(project: Any, anchor: str = "") -> str:
    url = reverse("portfolio:project-detail", args=[project.pk])
    return f"{url}#{anchor}" if anchor else url


def _csv_response(filename: str, header: list[str], rows: Iterable[list[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = SafeCSVWriter(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return response


def _xlsx_response(
    filename: str, title: str, header: list[str], rows: Iterable[list[Any]]
) -> HttpResponse:
    """A spreadsheet written row by row (openpyxl's write-only mode, so thousands of rows stay
    quick), with a bold header row, dates as dates and the header frozen."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for i in range(len(header)):
        sheet.column_dimensions[chr(ord("A") + i)].width = 24
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heading.append(cell)
    sheet.append(safe_row(heading))
    for row in rows:
        out: list[Any] = []
        for value in row:
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "d mmm yyyy"
                out.append(cell)
            else:
                out.append(value)
        sheet.append(safe_row(out))
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
