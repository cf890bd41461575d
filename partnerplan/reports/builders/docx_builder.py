"""Word (.docx) through python-docx.

Real Word styles throughout: "Title" for the title, "Heading 1" for numbered sections and
appendices, "Heading 2"/"Heading 3" for subheadings, "List Bullet" for lists, "Table Grid" for
tables and "Caption" for captions. Paragraph numbers (4.9) are typed into the paragraph, before
a tab, in a hanging-indent style of our own ("Numbered Paragraph"), rather than made by a Word
numbering definition: they then survive copy and paste, any template, and python-docx's habit of
continuing "List Number" across lists.

A council can supply its own template (.docx or .dotx); its body text is dropped and its styles,
page set-up, headers and footers are kept. It must define the styles in ``REQUIRED_STYLES``.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO
from typing import Any

from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from .html_builder import exempt_notice, format_date
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
from .prepared import PreparedDocument
from .problems import DocumentError, Problem
from .svg import svg_size_px, svg_to_png
from .text import clean, runs_of

__all__ = ["NUMBERED_PARAGRAPH_STYLE", "REQUIRED_STYLES", "build_docx", "check_template"]

# Styles a council template must define (Word only saves a built-in style in a file once it has
# been used or changed, so a template may lack one even though Word lists it).
REQUIRED_STYLES: tuple[tuple[str, WD_STYLE_TYPE], ...] = (
    ("Normal", WD_STYLE_TYPE.PARAGRAPH),
    ("Title", WD_STYLE_TYPE.PARAGRAPH),
    ("Heading 1", WD_STYLE_TYPE.PARAGRAPH),
    ("Heading 2", WD_STYLE_TYPE.PARAGRAPH),
    ("Heading 3", WD_STYLE_TYPE.PARAGRAPH),
    ("List Bullet", WD_STYLE_TYPE.PARAGRAPH),
    ("Table Grid", WD_STYLE_TYPE.TABLE),
)
# Our own styles: used from the template when it defines them, otherwise added.
NUMBERED_PARAGRAPH_STYLE = "Numbered Paragraph"
CAPTION_STYLE = "Caption"
_HANGING_INDENT = Cm(1.27)
_PX_TO_EMU = 9525  # 914400 EMU per inch / 96 px per inch
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def build_docx(prepared: PreparedDocument, *, template: bytes | None = None) -> bytes:
    """The prepared document (``prepare_document(doc)``) as Word, in ``template``'s styles."""
    doc = prepared.document
    word = _open_template(template)
    _clear_body(word)
    _ensure_own_styles(word)
    _set_language(word, doc.language)
    _set_properties(word, doc)
    _page_furniture(word, doc)
    _Writer(word, prepared).write()
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def check_template(template: bytes) -> list[Problem]:
    """Problems that stop ``template`` being used; empty when it is fit to use."""
    try:
        word = open_docx(BytesIO(_as_docx(template)))
    except Exception as error:  # python-docx raises many kinds for a bad file
        return [
            Problem(
                "template_unreadable",
                "Template",
                f"The template could not be opened as a Word document ({type(error).__name__}). "
                "Save it from Word as a .docx or .dotx file.",
            )
        ]
    missing = [name for name, kind in REQUIRED_STYLES if not _has_style(word, name, kind)]
    if not missing:
        return []
    return [
        Problem(
            "template_missing_styles",
            "Template",
            "The template lacks the Word styles " + ", ".join(f"'{n}'" for n in missing) + ". "
            "In Word, apply each of these styles once in the template (the text can then be "
            "deleted) and save it again, so that the styles are stored in the file.",
        )
    ]


def _open_template(template: bytes | None) -> Any:
    if template is None:
        return open_docx()
    problems = check_template(template)
    if problems:
        raise DocumentError(problems)
    return open_docx(BytesIO(_as_docx(template)))


def _as_docx(data: bytes) -> bytes:
    """A .dotx is a .docx with another content type; python-docx opens only the latter."""
    with zipfile.ZipFile(BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if _DOTX_MAIN.encode() not in types:
            return data
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(_DOTX_MAIN.encode(), _DOCX_MAIN.encode())
                target.writestr(item, content)
        return out.getvalue()


def _has_style(word: Any, name: str, kind: WD_STYLE_TYPE) -> bool:
    try:
        return bool(word.styles[name].type == kind)
    except KeyError:
        return False


def _clear_body(word: Any) -> None:
    """Drop a template's sample text, keeping the final section properties (page set-up)."""
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _ensure_own_styles(word: Any) -> None:
    styles = word.styles
    if not _has_style(word, NUMBERED_PARAGRAPH_STYLE, WD_STYLE_TYPE.PARAGRAPH):
        style = styles.add_style(NUMBERED_PARAGRAPH_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.left_indent = _HANGING_INDENT
        fmt.first_line_indent = -_HANGING_INDENT
        fmt.space_after = Pt(6)
        fmt.tab_stops.add_tab_stop(_HANGING_INDENT)
    if not _has_style(word, CAPTION_STYLE, WD_STYLE_TYPE.PARAGRAPH):
        style = styles.add_style(CAPTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(9)


def _set_language(word: Any, language: str) -> None:
    """Set the language for spelling and screen readers in the document defaults."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang_element(rpr, language)
    # A template's Normal style may name another language; make it agree.
    normal_rpr = word.styles["Normal"].element.find(qn("w:rPr"))
    if normal_rpr is not None and normal_rpr.find(qn("w:lang")) is not None:
        _set_lang_element(normal_rpr, language)


def _set_lang_element(rpr: Any, language: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def _set_properties(word: Any, doc: Document) -> None:
    props = word.core_properties
    props.title = clean(doc.title)
    props.subject = clean(doc.meeting)
    props.author = clean(doc.author) or "partnerplan"
    props.last_modified_by = clean(doc.author) or "partnerplan"
    props.category = clean(doc.kind)
    props.language = doc.language
    props.keywords = "exempt" if doc.is_exempt else ""
    props.comments = ""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
    props.revision = 1


def _page_furniture(word: Any, doc: Document) -> None:
    """Exempt banner in every page header; "Page N of M" in footers the template left empty."""
    for section in word.sections:
        if doc.exempt_paragraph is not None:
            header = section.header
            para = header.paragraphs[0] if not header.paragraphs[0].text else header.add_paragraph()
            run = para.add_run(exempt_notice(doc.exempt_paragraph))
            run.bold = True
        footer = section.footer
        if any(p.text.strip() for p in footer.paragraphs):
            continue
        para = footer.paragraphs[0]
        para.add_run("Page ")
        _add_field(para, "PAGE")
        para.add_run(" of ")
        _add_field(para, "NUMPAGES")


def _add_field(paragraph: Any, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Writer:
    def __init__(self, word: Any, prepared: PreparedDocument) -> None:
        self.word = word
        self.prepared = prepared
        self.doc = prepared.document
        section = word.sections[-1]
        self.text_width = Emu(
            int(section.page_width) - int(section.left_margin) - int(section.right_margin)
        )
        self.image_count = 0

    def write(self) -> None:
        doc = self.doc
        if doc.exempt_paragraph is not None:
            self.word.add_paragraph().add_run(exempt_notice(doc.exempt_paragraph)).bold = True
        caption = " — ".join(
            part for part in (doc.meeting, format_date(doc.date) if doc.date else "") if part
        )
        if caption:
            self.word.add_paragraph().add_run(clean(caption)).bold = True
        if doc.agenda_item:
            self.word.add_paragraph(clean(doc.agenda_item))
        self.word.add_paragraph(clean(doc.title), style="Title")
        details = list(doc.details)
        if doc.author:
            who = ", ".join(part for part in (doc.author, doc.author_role) if part)
            details.insert(0, ("Report of" if doc.kind == "Report" else "Author", who))
        for key, value in details:
            para = self.word.add_paragraph()
            para.add_run(clean(f"{key}: ")).bold = True
            para.add_run(clean(value))
        for section in self.prepared.sections:
            self.word.add_paragraph(clean(section.title), style="Heading 1")
            for item in section.items:
                self.block(item.block, item.number)
        self.back_matter()
        for appendix in self.prepared.appendices:
            para = self.word.add_paragraph(clean(appendix.title), style="Heading 1")
            para.paragraph_format.page_break_before = True
            for block in appendix.appendix.blocks:
                self.block(block, None)

    def back_matter(self) -> None:
        doc = self.doc
        if doc.author and doc.kind == "Report":
            who = ", ".join(part for part in (doc.author, doc.author_role) if part)
            self.word.add_paragraph(clean(f"Report author: {who}"))
        if doc.show_background_papers:
            self.word.add_paragraph("Background papers", style="Heading 1")
            if doc.background_papers:
                for paper in doc.background_papers:
                    self.word.add_paragraph(clean(paper), style="List Bullet")
            else:
                self.word.add_paragraph("None.")

    def block(self, block: Block, paragraph_number: str | None) -> None:  # noqa: C901
        if isinstance(block, Paragraph):
            if paragraph_number is None:
                self.inline(self.word.add_paragraph(), block.text)
            else:
                para = self.word.add_paragraph(style=NUMBERED_PARAGRAPH_STYLE)
                para.add_run(f"{paragraph_number}\t").bold = True
                self.inline(para, block.text)
        elif isinstance(block, Subheading):
            self.word.add_paragraph(clean(block.text), style=f"Heading {block.level}")
        elif isinstance(block, BulletList):
            for item in block.items:
                self.inline(self.word.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, PageBreak):
            self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, LiveBlock):
            for inner in block.blocks:
                self.block(inner, None)
            stamp = f"From the system: {block.source}"
            if block.as_at is not None:
                stamp += f", as at {format_date(block.as_at)}"
            run = self.word.add_paragraph().add_run(clean(stamp + "."))
            run.italic = True
            run.font.size = Pt(8)
        elif isinstance(block, LiveBlockMissing):  # pragma: no cover - refused by validation
            raise AssertionError("a missing live block reached the renderer")

    def inline(self, para: Any, text: Inline) -> None:
        for run in runs_of(text):
            added = para.add_run(run.text)
            if run.bold:
                added.bold = True
            if run.italic:
                added.italic = True

    def table(self, table: Table) -> None:
        self.word.add_paragraph(
            clean(table.caption), style=CAPTION_STYLE
        ).paragraph_format.keep_with_next = True
        columns = len(table.header_rows[-1])
        grid = self.word.add_table(rows=0, cols=columns)
        grid.style = self.word.styles["Table Grid"]
        tbl_pr = grid._tbl.tblPr
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), clean(table.caption))
        tbl_pr.append(caption)
        widths = self.column_widths(table, columns)
        if widths is not None:
            grid.autofit = False
            # LibreOffice and Word's layout read the grid; the cell widths alone are not enough.
            for grid_column, width in zip(grid._tbl.tblGrid.gridCol_lst, widths, strict=True):
                grid_column.w = width
        for row_index, values in enumerate((*table.header_rows, *table.rows)):
            is_header = row_index < len(table.header_rows)
            row = grid.add_row()
            if is_header:
                tr_pr = row._tr.get_or_add_trPr()
                flag = OxmlElement("w:tblHeader")
                flag.set(qn("w:val"), "true")
                tr_pr.append(flag)
            for col_index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                bold = is_header or (table.row_headers and col_index == 0)
                if widths is not None:
                    cell.width = widths[col_index]
                for line_index, line in enumerate(value.split("\n")):
                    para = cell.paragraphs[0] if line_index == 0 else cell.add_paragraph()
                    for run in runs_of(line):
                        added = para.add_run(run.text)
                        added.bold = True if bold else (run.bold or None)
                        added.italic = run.italic or None
        self.word.add_paragraph()

    def column_widths(self, table: Table, columns: int) -> list[Emu] | None:
        if table.column_widths is None:
            return None
        total = sum(table.column_widths)
        return [Emu(int(int(self.text_width) * w / total)) for w in table.column_widths]

    def image(self, image: Image) -> None:
        if image.media_type == "image/svg+xml":
            width_px, _ = svg_size_px(image.data)
            png = svg_to_png(image.data, scale=2.0)
            natural = Emu(int(width_px * _PX_TO_EMU))
        else:
            png = image.data
            natural = None
        wanted = Cm(image.width_cm) if image.width_cm else natural
        para = self.word.add_paragraph()
        para.paragraph_format.keep_with_next = bool(image.caption)
        shape = para.add_run().add_picture(BytesIO(png), width=wanted)
        if int(shape.width) > int(self.text_width):
            ratio = int(self.text_width) / int(shape.width)
            shape.height = Emu(int(int(shape.height) * ratio))
            shape.width = self.text_width
        self.image_count += 1
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", clean(image.alt))
        doc_pr.set("title", clean(image.caption or image.alt))
        doc_pr.set("name", f"Image {self.image_count}")
        if image.caption:
            self.word.add_paragraph(clean(image.caption), style=CAPTION_STYLE)
