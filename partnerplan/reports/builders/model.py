"""The document tree every builder renders.

Plain frozen dataclasses, no framework. The Django side turns its models into these; the
renderers (``build_docx``, ``build_html``, ``build_pdf``) turn them into files.

Paragraph numbers (1.1, 1.2, 2.1 ...) and appendix letters (A, B, C) are never typed by an
author: they are worked out from the order of sections and blocks (see ``numbering.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

__all__ = [
    "Appendix",
    "Block",
    "BulletList",
    "Document",
    "FigureCheck",
    "Image",
    "Inline",
    "LiveBlock",
    "LiveBlockMissing",
    "PageBreak",
    "Paragraph",
    "Run",
    "Section",
    "Subheading",
    "Table",
]


@dataclass(frozen=True)
class Run:
    """A piece of text with simple emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


# Text given as a string may use a tiny safe markup: **bold** and *italic*. Nothing else is
# interpreted (no HTML, no links), so any string from a user is safe to pass.
Inline = str | tuple[Run, ...]


@dataclass(frozen=True)
class FigureCheck:
    """A money figure quoted in a paragraph, with the value the system's data gives.

    ``expected`` is what the author typed (e.g. 129700 for "£129,700"); ``actual`` is what the
    data gives now, or None when it has not been checked. A figure whose two values differ is a
    validation problem: a report is not published with a sum that does not add up.
    """

    label: str
    expected: Decimal
    actual: Decimal | None = None

    @property
    def status(self) -> Literal["checked", "mismatch", "unchecked"]:
        if self.actual is None:
            return "unchecked"
        return "checked" if self.actual == self.expected else "mismatch"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of authored text; numbered (4.1 ...) inside a section unless told not."""

    text: Inline
    numbered: bool = True
    figures: tuple[FigureCheck, ...] = ()


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section: level 2 sits under the section heading, level 3 below it."""

    text: str
    level: Literal[2, 3] = 2


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    """A table. At least one header row is required (councils check for table headers).

    ``column_widths`` are relative weights (e.g. (1, 3, 2)); ``row_headers`` makes the first
    cell of each body row a row header. Cell text may contain line breaks (each line becomes a
    paragraph) and the inline markup.
    """

    caption: str
    header_rows: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    column_widths: tuple[float, ...] | None = None
    row_headers: bool = False


ImageType = Literal["image/png", "image/svg+xml"]


@dataclass(frozen=True)
class Image:
    """A PNG or SVG image. Alt text is required; write ``alt=""`` only to be told off."""

    data: bytes
    media_type: ImageType
    alt: str
    caption: str = ""
    # Width on the page in centimetres; None fits the image within the text width.
    width_cm: float | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class LiveBlockMissing:
    """Stands where a live block was, when the data it showed has gone.

    ``message`` says in plain English what is missing, e.g. "The fund 'Partnership reserve'
    this block shows has been deleted." A document holding one cannot be built.
    """

    source: str
    message: str


@dataclass(frozen=True)
class LiveBlock:
    """Blocks made from the system's current data (a fund forecast, the pipeline ...).

    ``source`` names what it shows, e.g. "Fund forecast: Partnership reserve"; ``as_at`` is when
    the data was read, shown under the block so a reader knows how current it is.
    """

    source: str
    blocks: tuple[ContentBlock, ...]
    as_at: dt.datetime | dt.date | None = None


ContentBlock = Paragraph | Subheading | BulletList | Table | Image | PageBreak
Block = ContentBlock | LiveBlock | LiveBlockMissing


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Appendix:
    """An appendix, lettered A, B, C ... in order. Its paragraphs are not numbered."""

    title: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Document:
    """A committee report or any other document the builders produce.

    The purpose and recommendations become sections 1 and 2 (when present), as in a council
    report; ``sections`` follow from 3. ``exempt_paragraph`` is the paragraph of Part 1 of
    Schedule 12A to the Local Government Act 1972 (1 to 7) under which the report is exempt
    from publication, or None for an open report.
    """

    title: str
    meeting: str = ""
    date: dt.date | None = None
    author: str = ""
    author_role: str = ""
    language: str = "en-GB"
    kind: str = "Report"
    agenda_item: str = ""
    exempt_paragraph: int | None = None
    purpose: tuple[Paragraph, ...] = ()
    recommendations: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    appendices: tuple[Appendix, ...] = ()
    background_papers: tuple[str, ...] = ()
    # Whether this kind of document must carry recommendations (a committee report does;
    # minutes and highlight reports do not).
    recommendations_required: bool = True
    # Whether to print the "Background papers" list (a report must; minutes need not).
    show_background_papers: bool = True
    purpose_heading: str = "Purpose of report"
    recommendations_heading: str = "Recommendations"
    # Extra key-value lines under the title (e.g. "Project", "Period"); shown in order.
    details: tuple[tuple[str, str], ...] = field(default=())
    # Where facts in the tables came from ("DEMO DATA: ...", "Stage recorded as at ..."): the
    # "Sources" note at the end (filled by ``provenance.lift_provenance``).
    sources: tuple[str, ...] = ()
    # The partnership's Word template (reports.house_style), used for the .docx when no
    # template is given to ``build_docx`` (a report's own template overrides it).
    word_template: bytes | None = field(default=None, repr=False)

    @property
    def is_exempt(self) -> bool:
        return self.exempt_paragraph is not None
