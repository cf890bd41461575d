"""Semantic, accessible HTML using GOV.UK Design System classes.

``build_html(prepared)`` gives a fragment to embed in a Django page (the page supplies the GOV.UK
Frontend CSS); ``build_html(prepared, standalone=True)`` (or ``standalone_html(prepared,
fragment)``) gives a whole document with its own print CSS, which is what the PDF is made from.
``prepared`` is a ``PreparedDocument`` (``prepare_document(doc)``): checked and numbered.
Every piece of text is escaped; images are ``<img>`` elements with data: URLs, so an SVG's
scripts can never run.
"""

from __future__ import annotations

import base64
import datetime as dt
from html import escape

from .model import (
    Block,
    BulletList,
    Document,
    Image,
    Inline,
    LiveBlock,
    LiveBlockMissing,
    PageBreak,
    Paragraph,
    Subheading,
    Table,
)
from .numbering import NumberedAppendix, NumberedSection
from .prepared import PreparedDocument
from .styles import PRINT_CSS
from .table_layout import is_money, money_columns
from .text import clean, runs_of

# An appendix holding a table of this many columns or more is printed on landscape pages
# (as in Word: docx_builder.WIDE_TABLE_COLUMNS).
WIDE_TABLE_COLUMNS = 6

__all__ = ["build_html", "exempt_notice", "format_date", "standalone_html", "standalone_page"]


def build_html(prepared: PreparedDocument, *, standalone: bool = False) -> str:
    fragment = document_fragment(prepared)
    if not standalone:
        return fragment
    return standalone_html(prepared, fragment)


def standalone_html(prepared: PreparedDocument, fragment: str) -> str:
    """The whole page around ``fragment``, the fragment ``build_html(prepared)`` gave."""
    doc = prepared.document
    return standalone_page(
        title=doc.title,
        language=doc.language,
        body=fragment,
        author=doc.author,
        subject=doc.meeting,
        created=doc.date,
    )


def format_date(value: dt.date | dt.datetime) -> str:
    """17 December 2010 (GOV.UK style); with a time, 17 December 2010 at 10:30."""
    text = f"{value.day} {value:%B %Y}"
    if isinstance(value, dt.datetime):
        text += f" at {value:%H:%M}"
    return text


def exempt_notice(paragraph: int) -> str:
    return f"EXEMPT — not for publication: Schedule 12A paragraph {paragraph}"


def standalone_page(
    *,
    title: str,
    language: str,
    body: str,
    author: str = "",
    subject: str = "",
    created: dt.date | None = None,
    extra_css: str = "",
) -> str:
    meta = [f'<meta name="author" content="{_e(author)}">'] if author else []
    if subject:
        meta.append(f'<meta name="description" content="{_e(subject)}">')
    if created:
        meta.append(f'<meta name="dcterms.created" content="{created.isoformat()}">')
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n{''.join(meta)}\n"
        f"<style>{PRINT_CSS}{WIDTH_CSS}{extra_css}</style>\n</head>\n"
        f'<body class="govuk-template__body">\n{body}\n</body>\n</html>\n'
    )


def document_fragment(prepared: PreparedDocument, *, anchor: str = "doc") -> str:
    """The document as an ``<article>``; ``anchor`` prefixes ids so a pack can hold many."""
    doc = prepared.document
    sections, appendices = prepared.sections, prepared.appendices
    exempt = doc.exempt_paragraph is not None
    classes = "pp-document pp-document--exempt" if exempt else "pp-document"
    parts = [f'<article class="{classes}" id="{_e(anchor)}" lang="{_e(doc.language)}">']
    # The banner is also what the PDF repeats at the top of each page (CSS string-set).
    banner = exempt_notice(doc.exempt_paragraph) if doc.exempt_paragraph is not None else ""
    if banner:
        parts.append(
            '<div class="govuk-warning-text pp-banner" role="note">'
            f'<strong class="govuk-warning-text__text">{_e(banner)}</strong></div>'
        )
    else:
        parts.append('<div class="pp-banner" aria-hidden="true"></div>')
    parts.append(_front(doc))
    parts.extend(_section(section, anchor) for section in sections)
    parts.append(_back(doc))
    parts.extend(_appendix(appendix, anchor) for appendix in appendices)
    if doc.sources:
        parts.append(_sources(doc.sources))
    parts.append("</article>")
    return "\n".join(parts)


def _front(doc: Document) -> str:
    lines: list[str] = ['<header class="pp-document__header">']
    caption = " — ".join(
        part for part in (doc.meeting, format_date(doc.date) if doc.date else "") if part
    )
    if caption:
        lines.append(f'<p class="govuk-caption-l pp-meeting">{_e(caption)}</p>')
    if doc.agenda_item:
        lines.append(f'<p class="govuk-caption-m pp-item">{_e(doc.agenda_item)}</p>')
    lines.append(f'<h1 class="govuk-heading-l pp-title">{_e(doc.title)}</h1>')
    details = list(doc.details)
    if doc.author:
        who = ", ".join(part for part in (doc.author, doc.author_role) if part)
        details.insert(0, ("Report of" if doc.kind == "Report" else "Author", who))
    if details:
        lines.append('<dl class="govuk-summary-list pp-details">')
        for key, value in details:
            lines.append(
                '<div class="govuk-summary-list__row">'
                f'<dt class="govuk-summary-list__key">{_e(key)}</dt>'
                f'<dd class="govuk-summary-list__value">{_e(value)}</dd></div>'
            )
        lines.append("</dl>")
    lines.append("</header>")
    return "\n".join(lines)


def _section(section: NumberedSection, anchor: str) -> str:
    parts = [
        f'<section class="pp-section" id="{_e(anchor)}-section-{section.number}">',
        f'<h2 class="govuk-heading-m">{_e(section.title)}</h2>',
    ]
    for item in section.items:
        parts.append(_block(item.block, item.number, anchor))
    parts.append("</section>")
    return "\n".join(parts)


def _appendix(numbered: NumberedAppendix, anchor: str) -> str:
    wide = " pp-appendix--wide" if _is_wide(numbered.appendix.blocks) else ""
    parts = [
        f'<section class="pp-appendix{wide}" id="{_e(anchor)}-appendix-{numbered.letter.lower()}">',
        f'<h2 class="govuk-heading-m">{_e(numbered.title)}</h2>',
    ]
    parts.extend(_block(block, None, anchor) for block in numbered.appendix.blocks)
    parts.append("</section>")
    return "\n".join(parts)


def _sources(sources: tuple[str, ...]) -> str:
    """The Sources note: where facts in the tables came from (``provenance``)."""
    items = "".join(f'<p class="govuk-body-s">{_e(source)}</p>' for source in sources)
    return f'<section class="pp-sources"><h2 class="govuk-heading-s">Sources</h2>{items}</section>'


def _back(doc: Document) -> str:
    parts: list[str] = []
    if doc.author and doc.kind == "Report":
        who = ", ".join(part for part in (doc.author, doc.author_role) if part)
        parts.append(f'<p class="govuk-body pp-author">Report author: {_e(who)}</p>')
    if doc.show_background_papers:
        parts.append('<section class="pp-background-papers">')
        parts.append('<h2 class="govuk-heading-m">Background papers</h2>')
        if doc.background_papers:
            items = "".join(f"<li>{_e(paper)}</li>" for paper in doc.background_papers)
            parts.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        else:
            parts.append('<p class="govuk-body">None.</p>')
        parts.append("</section>")
    return "\n".join(parts)


def _block(block: Block, paragraph_number: str | None, anchor: str) -> str:  # noqa: C901
    if isinstance(block, Paragraph):
        text = _inline(block.text)
        if paragraph_number is None:
            return f'<p class="govuk-body">{text}</p>'
        slug = paragraph_number.replace(".", "-")
        return (
            f'<p class="govuk-body pp-para" id="{_e(anchor)}-para-{slug}">'
            f'<span class="pp-para__number">{_e(paragraph_number)}</span>{text}</p>'
        )
    if isinstance(block, Subheading):
        if block.level == 2:
            return f'<h3 class="govuk-heading-s">{_e(block.text)}</h3>'
        return f'<h4 class="govuk-heading-s pp-heading-minor">{_e(block.text)}</h4>'
    if isinstance(block, BulletList):
        items = "".join(f"<li>{_inline(item)}</li>" for item in block.items)
        return f'<ul class="govuk-list govuk-list--bullet">{items}</ul>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Image):
        return _image(block)
    if isinstance(block, PageBreak):
        return '<div class="pp-page-break"></div>'
    if isinstance(block, LiveBlock):
        inner = "\n".join(_block(b, None, anchor) for b in block.blocks)
        stamp = f"From the system: {block.source}"
        if block.as_at is not None:
            stamp += f", as at {format_date(block.as_at)}"
        return (
            f'<div class="pp-live">{inner}\n'
            f'<p class="govuk-body-s pp-live__stamp">{_e(stamp)}.</p></div>'
        )
    if isinstance(block, LiveBlockMissing):  # pragma: no cover - refused by validation
        raise AssertionError("a missing live block reached the renderer")
    raise TypeError(f"unknown block {type(block).__name__}")  # pragma: no cover


def _numeric(money: tuple[bool, ...], index: int, kind: str) -> str:
    """GOV.UK's class for a right-aligned header of a column of amounts."""
    return f" govuk-table__{kind}--numeric" if index < len(money) and money[index] else ""


def _is_wide(blocks: tuple[Block, ...]) -> bool:
    """Whether the blocks hold a table of ``WIDE_TABLE_COLUMNS`` or more (looking into live
    blocks), so the appendix goes on landscape pages."""
    for block in blocks:
        inner = block.blocks if isinstance(block, LiveBlock) else (block,)
        for item in inner:
            if (
                isinstance(item, Table)
                and item.header_rows
                and len(item.header_rows[-1]) >= WIDE_TABLE_COLUMNS
            ):
                return True
    return False


def _table(table: Table) -> str:
    parts = ['<table class="govuk-table pp-table">']
    caption_class = "govuk-table__caption govuk-table__caption--s"
    parts.append(f'<caption class="{caption_class}">{_e(table.caption)}</caption>')
    if table.column_widths:
        total = sum(table.column_widths)
        cols = "".join(
            f'<col class="pp-w-{_width_step(100 * w / total)}">' for w in table.column_widths
        )
        parts.append(f"<colgroup>{cols}</colgroup>")
    columns = len(table.header_rows[-1]) if table.header_rows else 0
    money = money_columns(table.rows, columns)
    parts.append('<thead class="govuk-table__head">')
    for row in table.header_rows:
        headers = "".join(
            f'<th scope="col" class="govuk-table__header{_numeric(money, i, "header")}">'
            f"{_cell(cell)}</th>"
            for i, cell in enumerate(row)
        )
        parts.append(f'<tr class="govuk-table__row">{headers}</tr>')
    parts.append('</thead>\n<tbody class="govuk-table__body">')
    for row in table.rows:
        cells = []
        for index, cell in enumerate(row):
            if index == 0 and table.row_headers:
                cells.append(f'<th scope="row" class="govuk-table__header">{_cell(cell)}</th>')
            else:
                numeric = " govuk-table__cell--numeric" if is_money(cell) else ""
                cells.append(f'<td class="govuk-table__cell{numeric}">{_cell(cell)}</td>')
        parts.append(f'<tr class="govuk-table__row">{"".join(cells)}</tr>')
    parts.append("</tbody>\n</table>")
    # A wide table scrolls in its own focusable, labelled region on a narrow screen, so the
    # page itself reflows (WCAG 1.4.10); print ignores the region.
    region = (
        f'<div class="pp-table-scroll" role="region" aria-label="{_e(table.caption or "Table")}" '
        'tabindex="0">'
    )
    return region + "\n".join(parts) + "</div>"


def _image(image: Image) -> str:
    encoded = base64.b64encode(image.data).decode("ascii")
    # A class, not a style attribute: the page's Content-Security-Policy drops inline styles.
    width = f" pp-cm-{_cm_step(image.width_cm)}" if image.width_cm else ""
    img = (
        f'<img class="pp-figure__image{width}" src="data:{image.media_type};base64,{encoded}" '
        f'alt="{_e(image.alt)}">'
    )
    caption = (
        f'<figcaption class="govuk-body-s pp-figure__caption">{_e(image.caption)}</figcaption>'
        if image.caption
        else ""
    )
    return f'<figure class="pp-figure">{img}{caption}</figure>'


# Column widths and image widths are classes (the served page's Content-Security-Policy drops
# style attributes): columns in steps of 5%, images in whole centimetres up to 30.
WIDTH_CSS = "".join(f".pp-w-{n} {{ width: {n}%; }}" for n in range(5, 101, 5)) + "".join(
    f".pp-cm-{n} {{ width: {n}cm; max-width: 100%; }}" for n in range(1, 31)
)


def _width_step(percent: float) -> int:
    return min(100, max(5, 5 * round(percent / 5)))


def _cm_step(width_cm: float) -> int:
    return min(30, max(1, round(width_cm)))


def _cell(text: str) -> str:
    return "<br>".join(_inline(line) for line in text.split("\n"))


def _inline(text: Inline) -> str:
    out: list[str] = []
    for run in runs_of(text):
        piece = _e(run.text)
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def _e(text: str) -> str:
    return escape(clean(text), quote=True)
