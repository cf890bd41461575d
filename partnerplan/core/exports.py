"""Spreadsheet and CSV exports that cannot carry formula injection.

A cell whose text begins with "=", "+", "-", "@", a tab or a carriage return is run as a formula
(or a DDE command) by Excel and LibreOffice when the file is opened. Every text cell of every
export goes through `neutralise`, which puts an apostrophe in front of such text (the usual
defence, OWASP "CSV injection"); numbers and dates are written as numbers and dates. No Django
here: the framework-free document builders use it too.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """`value`, with text that a spreadsheet would run as a formula made inert."""
    if isinstance(value, str) and value.startswith(DANGEROUS_FIRST):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(v) for v in values]


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


class SafeCSVWriter:
    """`csv.writer` whose every text cell goes through `neutralise`."""

    def __init__(self, stream: _Writable) -> None:
        self._writer = csv.writer(stream)

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow(safe_row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
