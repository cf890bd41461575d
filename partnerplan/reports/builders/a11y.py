"""The basic accessibility checks a council applies to a published document.

Title set, language set, headings used, every table with a header row, every image with alt
text; for a PDF also tagged (a structure tree, marked) and every font embedded (read with
pypdf, ``pdfscan``). These are the checks of Word's Accessibility Checker and of the
PDF/UA-style checks (tagged, title shown, language, fonts embedded) that councils run before
publishing under the Public Sector Bodies Accessibility Regulations 2018. They do not replace a
full WCAG audit.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document as open_docx
from docx.oxml.ns import qn

from .pdfscan import PdfUnreadable, StructElement, scan_pdf
from .problems import Problem

__all__ = ["check_docx", "check_pdf"]

_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def check_docx(data: bytes) -> list[Problem]:
    try:
        word = open_docx(BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a bad file
        return [
            Problem("unreadable", "File", f"Not a readable Word file ({type(error).__name__}).")
        ]
    problems: list[Problem] = []
    if not (word.core_properties.title or "").strip():
        problems.append(Problem("no_title", "Properties", "The document title is not set."))
    if not _docx_language(word):
        problems.append(Problem("no_language", "Properties", "The document language is not set."))
    if not any(_is_heading(p.style.name if p.style is not None else "") for p in word.paragraphs):
        problems.append(Problem("no_headings", "Structure", "No paragraph uses a Heading style."))
    for index, table in enumerate(word.tables, 1):
        first = table.rows[0]._tr if table.rows else None
        header = (
            first.trPr.find(qn("w:tblHeader"))
            if first is not None and first.trPr is not None
            else None
        )
        if header is None or header.get(qn("w:val"), "true") in ("false", "0", "off"):
            problems.append(
                Problem(
                    "table_without_header",
                    f"Table {index}",
                    "The first row is not marked as a header row.",
                )
            )
    for index, doc_pr in enumerate(word.element.body.iter(_DOCPR), 1):
        decorative = any(el.get("val") in ("1", "true") for el in doc_pr.iter(_DECORATIVE))
        if not (doc_pr.get("descr") or "").strip() and not decorative:
            problems.append(
                Problem("image_without_alt", f"Image {index}", "The image has no alt text.")
            )
    return problems


def _is_heading(style_name: str) -> bool:
    return style_name.startswith("Heading ")


def _docx_language(word: object) -> str:
    styles = word.styles.element  # type: ignore[attr-defined]
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None and lang.get(qn("w:val")):
        return str(lang.get(qn("w:val")))
    return str(word.core_properties.language or "")  # type: ignore[attr-defined]


def check_pdf(data: bytes) -> list[Problem]:
    try:
        scan = scan_pdf(data)
        scan.struct_elements()
    except PdfUnreadable as error:
        return [Problem("unreadable", "File", f"The PDF could not be checked: {error}.")]
    problems: list[Problem] = []
    if not (scan.info_string("Title") or "").strip():
        problems.append(Problem("no_title", "Properties", "The document title is not set."))
    if not (scan.catalog_string("Lang") or "").strip():
        problems.append(Problem("no_language", "Properties", "The document language is not set."))
    not_embedded = sorted(font.name for font in scan.fonts() if not font.embedded)
    if not_embedded:
        problems.append(
            Problem(
                "font_not_embedded",
                "Fonts",
                "Fonts not embedded, so the reader's computer may show others: "
                + ", ".join(not_embedded)
                + ".",
            )
        )
    if not scan.tagged:
        problems.append(
            Problem(
                "not_tagged",
                "Structure",
                "The PDF is not tagged, so screen readers cannot follow it.",
            )
        )
        return problems
    elements = scan.struct_elements()
    roles = [element.role for element in elements.values()]
    if not any(role in {"H", "H1", "H2", "H3", "H4", "H5", "H6"} for role in roles):
        problems.append(Problem("no_headings", "Structure", "No headings are tagged."))
    tables = [element for element in elements.values() if element.role == "Table"]
    for index, table in enumerate(tables, 1):
        if not _has_descendant(table, "TH", elements):
            problems.append(
                Problem("table_without_header", f"Table {index}", "The table has no header cells.")
            )
    figures = [element for element in elements.values() if element.role == "Figure"]
    for index, figure in enumerate(figures, 1):
        if not (figure.alt or "").strip():
            problems.append(
                Problem("image_without_alt", f"Image {index}", "The image has no alt text.")
            )
    return problems


def _has_descendant(element: StructElement, role: str, elements: dict[int, StructElement]) -> bool:
    seen: set[int] = set()
    pending = list(element.kids)
    while pending:
        number = pending.pop()
        if number in seen or number not in elements:
            continue
        seen.add(number)
        kid = elements[number]
        if kid.role == role:
            return True
        pending.extend(kid.kids)
    return False
