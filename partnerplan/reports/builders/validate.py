"""Checks a document before any builder renders it.

``prepare.prepare_document`` checks a document (with the numbers it works out once) and refuses
to prepare it when a problem is found; the builders render only a prepared document, so a
half-made document is never returned or published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from partnerplan.core.money import format_money

from .model import (
    Block,
    BulletList,
    Document,
    Image,
    LiveBlock,
    LiveBlockMissing,
    Paragraph,
    Subheading,
    Table,
)
from .numbering import NumberedAppendix, NumberedSection, number
from .problems import Problem
from .svg import parse_svg
from .text import plain_text

__all__ = ["problems_in", "validate_document"]

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCHEDULE_12A_PARAGRAPHS = range(1, 8)


def validate_document(
    doc: Document, *, require_recommendations: bool | None = None
) -> list[Problem]:
    """Every problem that stops ``doc`` from being built, in document order.

    ``require_recommendations`` overrides the document's own ``recommendations_required``.
    """
    sections, appendices = number(doc)
    return problems_in(doc, sections, appendices, require_recommendations=require_recommendations)


def problems_in(
    doc: Document,
    sections: tuple[NumberedSection, ...],
    appendices: tuple[NumberedAppendix, ...],
    *,
    require_recommendations: bool | None = None,
) -> list[Problem]:
    """``validate_document`` with the numbers already worked out (``numbering.number(doc)``)."""
    required = (
        doc.recommendations_required if require_recommendations is None else require_recommendations
    )
    problems = list(_check_front(doc))
    if required and not doc.recommendations:
        problems.append(
            Problem(
                "no_recommendations",
                doc.recommendations_heading,
                "The report has no recommendations, but a report of this kind must make at "
                "least one. Add the recommendations the committee is asked to agree.",
            )
        )
    for index, recommendation in enumerate(doc.recommendations, 1):
        problems.extend(_check_block(recommendation, f"Recommendation {index}"))
    for section in sections:
        if not section.heading.strip():
            problems.append(
                Problem("empty_heading", f"Section {section.number}", "Give the section a heading.")
            )
        place = f"Section {section.number} ({section.heading.strip() or 'no heading'})"
        for item in section.items:
            where = f"Paragraph {item.number}" if item.number else place
            problems.extend(_check_block(item.block, where))
    for numbered in appendices:
        where = f"Appendix {numbered.letter}"
        if not numbered.appendix.title.strip():
            problems.append(Problem("empty_heading", where, "Give the appendix a title."))
        for block in numbered.appendix.blocks:
            problems.extend(_check_block(block, where))
    for index, paper in enumerate(doc.background_papers, 1):
        if not paper.strip():
            problems.append(
                Problem("empty_text", f"Background paper {index}", "The entry is empty.")
            )
    return problems


def _check_front(doc: Document) -> Iterator[Problem]:
    if not doc.title.strip():
        yield Problem("empty_title", "Title", "The document has no title. Give it one.")
    if not _LANGUAGE.match(doc.language):
        yield Problem(
            "bad_language",
            "Language",
            f"'{doc.language}' is not a language tag; use one such as 'en-GB' or 'cy-GB'.",
        )
    if doc.exempt_paragraph is not None and doc.exempt_paragraph not in SCHEDULE_12A_PARAGRAPHS:
        yield Problem(
            "bad_exempt_paragraph",
            "Exempt status",
            f"Schedule 12A has paragraphs 1 to 7; {doc.exempt_paragraph} is not one of them.",
        )


def _check_block(block: Block, where: str) -> Iterator[Problem]:  # noqa: C901
    if isinstance(block, Paragraph):
        if not plain_text(block.text).strip():
            yield Problem("empty_text", where, "The paragraph is empty.")
        for figure in block.figures:
            if figure.status == "mismatch":
                expected = format_money(figure.expected, none="nothing")
                actual = format_money(figure.actual, none="nothing")
                yield Problem(
                    "figure_mismatch",
                    where,
                    f"The report gives {expected} for {figure.label}, "
                    f"but the data gives {actual}. Correct the figure or the data.",
                )
    elif isinstance(block, Subheading):
        if not block.text.strip():
            yield Problem("empty_heading", where, "A subheading is empty.")
    elif isinstance(block, BulletList):
        if not block.items or any(not plain_text(item).strip() for item in block.items):
            yield Problem("empty_text", where, "A bulleted list is empty or has an empty item.")
    elif isinstance(block, Table):
        yield from _check_table(block, where)
    elif isinstance(block, Image):
        yield from _check_image(block, where)
    elif isinstance(block, LiveBlockMissing):
        yield Problem(
            "live_source_missing",
            where,
            f"{block.message} Remove the block or choose another {block.source.lower()}.",
        )
    elif isinstance(block, LiveBlock):
        if not block.blocks:
            yield Problem(
                "live_block_empty", where, f"The live block '{block.source}' shows nothing."
            )
        for inner in block.blocks:
            yield from _check_block(inner, f"{where}, {block.source}")


def _check_table(table: Table, where: str) -> Iterator[Problem]:
    name = f"The table '{table.caption}'" if table.caption.strip() else "A table"
    if not table.caption.strip():
        yield Problem("table_without_caption", where, "A table has no caption; give it one.")
    if not table.header_rows or not any(any(c.strip() for c in row) for row in table.header_rows):
        yield Problem(
            "table_without_header",
            where,
            f"{name} has no header row. Add column headings so that screen readers can "
            "announce them.",
        )
        return
    width = len(table.header_rows[-1])
    for index, row in enumerate((*table.header_rows, *table.rows), 1):
        if len(row) != width:
            yield Problem(
                "table_ragged",
                where,
                f"{name}: row {index} has {len(row)} cells but the table has {width} columns.",
            )
    if table.column_widths is not None and (
        len(table.column_widths) != width or any(w <= 0 for w in table.column_widths)
    ):
        yield Problem(
            "table_widths",
            where,
            f"{name}: give one positive width for each of its {width} columns.",
        )


def _check_image(image: Image, where: str) -> Iterator[Problem]:
    label = f"The image '{image.caption}'" if image.caption.strip() else "An image"
    if not image.alt.strip():
        yield Problem(
            "image_without_alt",
            where,
            f"{label} has no alt text. Describe what it shows for people who cannot see it.",
        )
    if image.media_type == "image/png":
        if not image.data.startswith(_PNG_SIGNATURE):
            yield Problem("bad_image", where, f"{label} is not a PNG file.")
    elif image.media_type == "image/svg+xml":
        try:
            parse_svg(image.data)
        except (ParseError, ValueError) as error:
            yield Problem("bad_image", where, f"{label} is not a usable SVG file ({error}).")
    else:
        yield Problem("bad_image", where, f"{label} must be PNG or SVG, not {image.media_type}.")
