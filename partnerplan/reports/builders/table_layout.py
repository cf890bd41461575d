"""Table column widths worked out from the cells' text, so no word or amount is broken.

Framework-free. Text is measured with Arial's character widths (Liberation Sans, its metric
twin, has the same ones; they are Helvetica's standard widths), so a width computed here holds
in Word, in LibreOffice and in the PDF alike.

For each column: its *minimum* is the widest unbreakable piece of any cell (a word, an amount
such as "£318,990", "N/a"), its *maximum* the widest line of any cell; both include the cell's
padding. The widths are then, as a browser lays out an automatic table:

- the author's relative ``column_widths`` when given, otherwise the maximums when they all fit,
  otherwise each column's minimum plus a share of the room left in proportion to how much more
  it would like;
- then any column below its minimum is widened to it, taking the width from the columns that
  have room to spare, so no column is ever narrower than its longest word.

Only when the minimums together are wider than the page (a table of many long words in
portrait) can a word still be broken; ``TableLayout.fits`` then says so, and the Word builder
puts such a table on a landscape page first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "MONEY",
    "Cell",
    "TableLayout",
    "is_money",
    "layout_columns",
    "money_columns",
    "text_width_pt",
]

# Advance widths in thousandths of an em, for the characters below (printable ASCII, then a
# few more a report uses). Any other character counts as the widest capital ("W").
_CHARS = "".join(chr(code) for code in range(32, 127)) + "£€–—‘’“”…×é•·°½¼¾"
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 "
    "833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 "
    "556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 "
    "334 260 334 584 556 556 556 1000 222 222 333 333 1000 584 556 350 278 400 834 834 834"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 "
    "722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 "
    "556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 "
    "280 389 584 556 556 556 1000 278 278 500 500 1000 584 556 350 278 400 834 834 834"
)
_WIDTHS = {
    False: dict(zip(_CHARS, map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(_CHARS, map(int, _BOLD.split()), strict=True)),
}
_UNKNOWN = 944
# Measured text is widened a little: kerning and a renderer's rounding never make it wider
# than this.
_SAFETY = 1.04

# An amount of money as ``core.money.format_money`` writes it: £85,000, £17,500.50, -£1,200
# (optionally with k or m: £85k, £1.2m).
MONEY = re.compile(r"^[-−]?£\d{1,3}(?:,\d{3})*(?:\.\d+)?[km]?$|^[-−]?£\d+(?:\.\d+)?[km]?$")


def is_money(text: str) -> bool:
    """True for a cell holding only an amount ("£318,990", "-£1,200")."""
    return bool(MONEY.match(text.strip()))


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` set in Arial at ``size_pt``, in points."""
    widths = _WIDTHS[bold]
    units = sum(widths.get(char, _UNKNOWN) for char in text)
    return units * size_pt / 1000


@dataclass(frozen=True)
class Cell:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class TableLayout:
    """Column widths in points, and whether every column is at least its longest word."""

    widths_pt: tuple[float, ...]
    minimums_pt: tuple[float, ...]
    fits: bool


def _measure(cells: Sequence[Cell], size_pt: float, padding_pt: float) -> tuple[float, float]:
    """(minimum, maximum) width of a column holding ``cells``."""
    shortest = longest = 0.0
    for cell in cells:
        for line in cell.text.split("\n"):
            words = line.split()
            if not words:
                continue
            widest_word = max(text_width_pt(w, size_pt, bold=cell.bold) for w in words)
            shortest = max(shortest, widest_word)
            longest = max(longest, text_width_pt(" ".join(words), size_pt, bold=cell.bold))
    return shortest * _SAFETY + padding_pt, longest * _SAFETY + padding_pt


def layout_columns(
    rows: Sequence[Sequence[Cell]],
    available_pt: float,
    *,
    size_pt: float,
    padding_pt: float,
    weights: Sequence[float] | None = None,
) -> TableLayout:
    """Widths for the columns of ``rows`` (every row the same length) within ``available_pt``."""
    columns = max((len(row) for row in rows), default=0)
    if columns == 0:
        return TableLayout((), (), True)
    measured = [
        _measure([row[i] for row in rows if i < len(row)], size_pt, padding_pt)
        for i in range(columns)
    ]
    minimums = [low for low, _ in measured]
    maximums = [max(high, low) for low, high in measured]
    if sum(minimums) > available_pt:
        # Even the longest words do not fit side by side: share the width by the minimums.
        scale = available_pt / sum(minimums)
        return TableLayout(tuple(m * scale for m in minimums), tuple(minimums), False)
    if weights is not None and len(weights) == columns and sum(weights) > 0:
        total = sum(weights)
        wanted = [available_pt * w / total for w in weights]
    elif sum(maximums) <= available_pt:
        scale = available_pt / sum(maximums)
        wanted = [m * scale for m in maximums]
    else:
        room = available_pt - sum(minimums)
        extra = [high - low for low, high in zip(minimums, maximums, strict=True)]
        wanted = [low + room * more / sum(extra) for low, more in zip(minimums, extra, strict=True)]
    return TableLayout(tuple(_at_least(wanted, minimums)), tuple(minimums), True)


def _at_least(wanted: list[float], minimums: list[float]) -> list[float]:
    """``wanted`` with every column raised to its minimum, the total kept (it must allow)."""
    widths = list(wanted)
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < minimums[i] - 1e-9]
        if not short:
            break
        needed = sum(minimums[i] - widths[i] for i in short)
        for i in short:
            widths[i] = minimums[i]
        spare = {i: widths[i] - minimums[i] for i in range(len(widths)) if i not in short}
        room = sum(spare.values())
        for i, slack in spare.items():
            widths[i] -= needed * slack / room if room else 0
    return widths


def money_columns(body: Sequence[Sequence[str]], columns: int) -> tuple[bool, ...]:
    """Which columns hold only amounts (ignoring empty cells): their headers align right too."""
    flags = []
    for index in range(columns):
        values = [row[index].strip() for row in body if index < len(row) and row[index].strip()]
        flags.append(bool(values) and all(is_money(v) for v in values))
    return tuple(flags)
