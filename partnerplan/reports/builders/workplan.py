"""The work plan as a spreadsheet (.xlsx) through openpyxl.

A bold header row that stays in view when scrolling, an autofilter, column widths, dates as real
dates and money as numbers in a £ format. Money must arrive as ``Decimal`` (or int), never float;
openpyxl writes a Decimal's digits exactly into the file, and Excel then holds it as its usual
double-precision number, which is exact to the penny for any sum a council handles. Text is
always stored as text, and text a spreadsheet would run as a formula ("=", "+", "-", "@", tab,
carriage return first) gets an apostrophe in front (`core.exports.neutralise`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from partnerplan.core.exports import neutralise

from .problems import DocumentError, Problem
from .text import clean

__all__ = ["Column", "build_workplan_xlsx"]

ColumnKind = Literal["text", "date", "money", "integer", "percent"]
_FORMATS: dict[str, str] = {
    "date": "dd/mm/yyyy",
    "money": '"£"#,##0.00;[Red]-"£"#,##0.00',
    "integer": "#,##0",
    "percent": "0%",
}


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    kind: ColumnKind = "text"
    width: float | None = None  # in characters; None picks one from the heading and kind


def build_workplan_xlsx(
    rows: Sequence[Mapping[str, object]],
    columns: Sequence[Column],
    *,
    title: str = "Work plan",
    sheet_name: str = "Work plan",
    author: str = "partnerplan",
) -> bytes:
    problems = _check(rows, columns)
    if problems:
        raise DocumentError(problems)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _sheet_name(sheet_name)
    book.properties.title = clean(title)
    book.properties.creator = clean(author)
    book.properties.language = "en-GB"
    bold = Font(bold=True)
    for index, column in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=index, value=clean(column.heading))
        cell.font = bold
        cell.data_type = "s"
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width or _default_width(column)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_number, row in enumerate(rows, 2):
        for index, column in enumerate(columns, 1):
            value = row.get(column.key)
            cell = sheet.cell(row=row_number, column=index)
            if value is None or value == "":
                continue
            if column.kind == "text":
                cell.value = neutralise(clean(str(value)))
                cell.data_type = "s"  # never a formula, whatever the text begins with
                cell.alignment = wrap
            else:
                cell.value = value
                cell.number_format = _FORMATS[column.kind]
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _check(rows: Sequence[Mapping[str, object]], columns: Sequence[Column]) -> list[Problem]:
    problems: list[Problem] = []
    if not columns:
        problems.append(Problem("no_columns", "Work plan", "Choose at least one column."))
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys):
        problems.append(Problem("duplicate_column", "Work plan", "Two columns have the same key."))
    for row_number, row in enumerate(rows, 2):
        for column in columns:
            value = row.get(column.key)
            if value is None or value == "" or column.kind == "text":
                continue
            message = _type_problem(column.kind, value)
            if message:
                problems.append(
                    Problem("bad_value", f"Row {row_number}, column '{column.heading}'", message)
                )
    return problems


def _type_problem(kind: ColumnKind, value: object) -> str:
    if kind == "money":
        if isinstance(value, float):
            return "Money must be given as a Decimal, not a float, so that pennies are exact."
        if not isinstance(value, Decimal | int) or isinstance(value, bool):
            return f"Expected an amount of money, got {type(value).__name__}."
    elif kind == "date":
        if not isinstance(value, dt.date):
            return f"Expected a date, got {type(value).__name__}."
    elif kind in ("integer", "percent") and (
        isinstance(value, bool) or not isinstance(value, int | Decimal | float)
    ):
        return f"Expected a number, got {type(value).__name__}."
    return ""


def _default_width(column: Column) -> float:
    base = {"text": 30.0, "date": 12.0, "money": 14.0, "integer": 10.0, "percent": 10.0}
    return max(base[column.kind], len(column.heading) + 4)


def _sheet_name(name: str) -> str:
    # Excel forbids []:*?/\ in sheet names and allows at most 31 characters.
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in clean(name)).strip("'")
    return (cleaned or "Work plan")[:31]
