"""Word (.docx) through python-docx, in the partnership's house style.

What the file looks like (docs/reports.md, "Word documents"): A4 with the PDF's margins, Arial
(``styles``: the same constants as the PDF), black bold headings, paragraph numbers (4.9) in
bold on a hanging indent, tables whose columns are sized from their content (``table_layout``)
so no word or amount is broken, amounts aligned right, header rows repeated on every page, and
each appendix holding a table of six or more columns on landscape pages.

Real Word styles throughout (``docx_style``): "Title", "Subtitle", "Heading 1" for numbered
sections and appendices, "Heading 2"/"Heading 3" for subheadings, "List Bullet", "Table Grid",
"Caption", and our "Numbered Paragraph", "Table Text" and "Source Note". Paragraph numbers are
typed into the paragraph, before a tab, rather than made by a Word numbering definition: they
then survive copy and paste, any template and any edit of another paragraph, and they are the
numbers the report's text and the minutes quote ("see 4.9"), the same as in the PDF.

A council can supply its own template (.docx or .dotx; ``docx_template``): its styles, page
set-up, headers and footers are kept; fields in it (``{{ title }}`` ...) are filled by docxtpl
and the report follows its front matter; a template without fields has its sample text dropped.
It must define the styles in ``REQUIRED_STYLES``.
"""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from io import BytesIO
from typing import Any

from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from jinja2 import TemplateError

from . import styles as house
from .docx_style import (
    CAPTION_STYLE,
    CELL_PADDING_PT,
    CELL_PADDING_VERTICAL_PT,
    NUMBERED_PARAGRAPH_STYLE,
    SOURCE_NOTE_STYLE,
    TABLE_TEXT_STYLE,
    ensure_own_styles,
    set_page,
)
from .docx_template import (
    default_template,
    has_fields,
    merge_fields,
    template_fields,
    template_problems,
)
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
from .numbering import iter_blocks
from .prepared import PreparedDocument
from .problems import DocumentError, Problem
from .svg import svg_size_px, svg_to_png
from .table_layout import Cell, is_money, layout_columns, money_columns
from .text import clean, plain_text, runs_of

__all__ = [
    "CAPTION_STYLE",
    "NUMBERED_PARAGRAPH_STYLE",
    "REQUIRED_STYLES",
    "WIDE_TABLE_COLUMNS",
    "build_docx",
    "check_template",
]

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
# A table with this many columns or more goes on landscape pages (with its appendix).
WIDE_TABLE_COLUMNS = 6
_PX_TO_EMU = 9525  # 914400 EMU per inch / 96 px per inch
_TWIPS_PER_PT = 20
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def build_docx(prepared: PreparedDocument, *, template: bytes | None = None) -> bytes:
    """The prepared document (``prepare_document(doc)``) as Word, in ``template``'s styles.

    No template: the document's ``word_template`` (the partnership's), else the built-in
    default (``docx_template.default_template``). A template
    with fields has them filled (docxtpl) and the report follows its front matter; a template
    without fields lends its styles, page set-up, headers and footers only."""
    doc = prepared.document
    if template is None:
        template = doc.word_template
    if template is not None:
        problems = check_template(template)
        if problems:
            raise DocumentError(problems)
    data = _as_docx(template) if template is not None else default_template()
    try:
        merged = merge_fields(data, doc) if has_fields(data) else None
    except TemplateError as error:  # checked on upload; a document cannot cause it
        problem = Problem("template_bad_field", "Template", f"A field failed: {error.message}.")
        raise DocumentError([problem]) from error
    word = merged.docx if merged is not None else open_docx(BytesIO(data))
    if merged is None:
        _clear_body(word)
    ensure_own_styles(word)
    _set_language(word, doc.language)
    own_footer = _page_furniture(word, doc)
    writer = _Writer(word, prepared, own_footer=own_footer)
    if merged is None:
        writer.front()
    elif doc.exempt_paragraph is not None and "exempt_notice" not in template_fields(data):
        writer.banner_first()
    writer.write()
    _set_properties(word, doc)
    out = BytesIO()
    if merged is not None:
        merged.save(out)
    else:
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
    problems: list[Problem] = []
    missing = [name for name, kind in REQUIRED_STYLES if not _has_style(word, name, kind)]
    if missing:
        problems.append(
            Problem(
                "template_missing_styles",
                "Template",
                "The template lacks the Word styles " + ", ".join(f"'{n}'" for n in missing) + ". "
                "In Word, apply each of these styles once in the template (the text can then be "
                "deleted) and save it again, so that the styles are stored in the file.",
            )
        )
    return problems + template_problems(_as_docx(template))


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


def _page_furniture(word: Any, doc: Document) -> bool:
    """Exempt banner in every page header; the title and "Page N of M" in footers the template
    left empty (the PDF's footer). True when the first footer is ours."""
    ours = False
    for index, section in enumerate(word.sections):
        if doc.exempt_paragraph is not None:
            header = section.header
            para = header.paragraphs[0] if not header.paragraphs[0].text else header.add_paragraph()
            run = para.add_run(exempt_notice(doc.exempt_paragraph))
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(house.WARNING.upper())
        written = _footer(section, doc)
        ours = ours or (index == 0 and written)
    return ours


def _footer(section: Any, doc: Document) -> bool:
    """Write the footer if the template left it empty; True if written."""
    footer = section.footer
    if (
        any(p.text.strip() for p in footer.paragraphs)
        or footer._element.find(f".//{qn('w:fldSimple')}") is not None
    ):
        return False
    para = footer.paragraphs[0]
    width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
    tabs = para.paragraph_format.tab_stops
    # The style's tab stops (a template's, for another page width) give way to one at the
    # right margin, so the page number sits at the right edge of portrait and landscape pages.
    style = para.style
    while style is not None:
        for stop in style.paragraph_format.tab_stops:
            tabs.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        style = style.base_style
    tabs.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT)
    para.add_run(clean(doc.title) + "\t")
    para.add_run("Page ")
    _add_field(para, "PAGE")
    para.add_run(" of ")
    _add_field(para, "NUMPAGES")
    return True


def _add_field(paragraph: Any, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _is_wide(table: Table) -> bool:
    return len(table.header_rows[-1]) >= WIDE_TABLE_COLUMNS


def _has_wide_table(blocks: tuple[Block, ...]) -> bool:
    return any(isinstance(b, Table) and _is_wide(b) for b in iter_blocks(blocks))


class _Writer:
    def __init__(self, word: Any, prepared: PreparedDocument, *, own_footer: bool) -> None:
        self.word = word
        self.own_footer = own_footer
        self.style_ids: dict[str, str] = {}
        self.prepared = prepared
        self.doc = prepared.document
        self.image_count = 0
        self.landscape = False
        # Whether the last thing written started a new page (a section break).
        self.fresh_page = False

    def add(self, text: str, style: str | None) -> Any:
        """A paragraph in ``style`` (set by its id: python-docx looks a name up slowly)."""
        para = self.word.add_paragraph(text)
        if style is not None:
            self.restyle(para, style)
        return para

    def restyle(self, para: Any, style: str) -> None:
        style_id = self.style_ids.get(style)
        if style_id is None:
            style_id = self.style_ids[style] = self.word.styles[style].style_id
        para._p.get_or_add_pPr().style = style_id

    @property
    def text_width(self) -> Emu:
        section = self.word.sections[-1]
        return Emu(int(section.page_width) - int(section.left_margin) - int(section.right_margin))

    def banner_first(self) -> None:
        """The exempt notice above a template's own front matter that does not show it."""
        assert self.doc.exempt_paragraph is not None
        body = self.word.element.body
        para = self.word.add_paragraph()
        para.add_run(exempt_notice(self.doc.exempt_paragraph)).bold = True
        body.remove(para._p)
        body.insert(0, para._p)

    def front(self) -> None:
        """The front matter, for a template without fields (the default template has them)."""
        doc = self.doc
        if doc.exempt_paragraph is not None:
            self.word.add_paragraph().add_run(exempt_notice(doc.exempt_paragraph)).bold = True
        caption = " — ".join(
            part for part in (doc.meeting, format_date(doc.date) if doc.date else "") if part
        )
        subtitle = "Subtitle" if _has_paragraph_style(self.word, "Subtitle") else None
        if caption:
            self.add(clean(caption), subtitle)
        if doc.agenda_item:
            self.add(clean(doc.agenda_item), subtitle)
        self.add(clean(doc.title), "Title")
        details = list(doc.details)
        if doc.author:
            who = ", ".join(part for part in (doc.author, doc.author_role) if part)
            details.insert(0, ("Report of" if doc.kind == "Report" else "Author", who))
        for key, value in details:
            para = self.word.add_paragraph()
            para.add_run(clean(f"{key}: ")).bold = True
            para.add_run(clean(value))

    def write(self) -> None:
        for section in self.prepared.sections:
            self.add(clean(section.title), "Heading 1")
            self.fresh_page = False
            for item in section.items:
                self.block(item.block, item.number)
        self.back_matter()
        for appendix in self.prepared.appendices:
            self.orient(landscape=_has_wide_table(appendix.appendix.blocks))
            para = self.add(clean(appendix.title), "Heading 1")
            if not self.fresh_page:
                para.paragraph_format.page_break_before = True
            self.fresh_page = False
            for block in appendix.appendix.blocks:
                self.block(block, None)
        if self.doc.sources:
            self.orient(landscape=False)
            self.add("Sources", "Heading 2")
            for source in self.doc.sources:
                self.add(clean(source), SOURCE_NOTE_STYLE)

    def orient(self, *, landscape: bool) -> None:
        """Start a new section, on a new page, when the orientation changes."""
        if landscape == self.landscape:
            return
        body = self.word.element.body
        final = body.find(qn("w:sectPr"))
        last = final.getprevious()
        if last is None or last.tag != qn("w:p"):
            last = self.word.add_paragraph()._p
        # The section so far ends with its last paragraph (a copy of the section properties
        # there); the final properties now describe the new section, which inherits the
        # headers and footers unless it has its own.
        last.get_or_add_pPr().append(copy.deepcopy(final))
        for reference in final.findall(qn("w:headerReference")):
            final.remove(reference)
        for reference in final.findall(qn("w:footerReference")):
            final.remove(reference)
        section = self.word.sections[-1]
        set_page(section, landscape=landscape)
        if self.own_footer:
            # Its own footer, so the page number sits at the right edge of the wider page.
            section.footer.is_linked_to_previous = False
            _footer(section, self.doc)
        self.landscape = landscape
        self.fresh_page = True

    def back_matter(self) -> None:
        doc = self.doc
        if doc.author and doc.kind == "Report":
            who = ", ".join(part for part in (doc.author, doc.author_role) if part)
            self.word.add_paragraph(clean(f"Report author: {who}"))
        if doc.show_background_papers:
            self.add("Background papers", "Heading 1")
            if doc.background_papers:
                for paper in doc.background_papers:
                    self.add(clean(paper), "List Bullet")
            else:
                self.word.add_paragraph("None.")

    def block(self, block: Block, paragraph_number: str | None) -> None:  # noqa: C901
        self.fresh_page = False
        if isinstance(block, Paragraph):
            if paragraph_number is None:
                self.inline(self.word.add_paragraph(), block.text)
            else:
                para = self.add("", NUMBERED_PARAGRAPH_STYLE)
                para.add_run(f"{paragraph_number}\t").bold = True
                self.inline(para, block.text)
        elif isinstance(block, Subheading):
            self.add(clean(block.text), f"Heading {block.level}")
        elif isinstance(block, BulletList):
            for item in block.items:
                self.inline(self.add("", "List Bullet"), item)
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
            self.add(clean(stamp + "."), SOURCE_NOTE_STYLE)
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
        # A wide table in a section (an appendix is turned as a whole) gets landscape pages.
        turn = _is_wide(table) and not self.landscape
        if turn:
            self.orient(landscape=True)
        self.add(clean(table.caption), CAPTION_STYLE)
        columns = len(table.header_rows[-1])
        grid = self.word.add_table(rows=0, cols=columns)
        grid.style = self.word.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        tbl_pr = grid._tbl.tblPr
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), clean(table.caption))
        tbl_pr.append(caption)
        widths = self.column_widths(table, columns)
        _fix_layout(grid, widths)
        money = money_columns(table.rows, columns)
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
                cell.width = widths[col_index]
                if is_header:
                    _shade(cell, house.HEADER_FILL)
                right = money[col_index] if is_header else is_money(value)
                for line_index, line in enumerate(value.split("\n")):
                    para = cell.paragraphs[0] if line_index == 0 else cell.add_paragraph()
                    self.restyle(para, TABLE_TEXT_STYLE)
                    if right:
                        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    for run in runs_of(line):
                        added = para.add_run(run.text)
                        added.bold = True if bold else (run.bold or None)
                        added.italic = run.italic or None
        spacer = self.word.add_paragraph()
        spacer.paragraph_format.space_after = Pt(4)
        if turn:
            self.orient(landscape=False)

    def column_widths(self, table: Table, columns: int) -> list[Emu]:
        """Widths from the cells' text (``table_layout``): no word or amount is broken."""
        header_count = len(table.header_rows)
        rows = [
            [
                Cell(
                    plain_text(value) if "*" in value else value,
                    bold=index < header_count or (table.row_headers and col == 0) or "**" in value,
                )
                for col, value in enumerate(values)
            ]
            for index, values in enumerate((*table.header_rows, *table.rows))
        ]
        available = int(self.text_width) / 12700  # EMU per point
        layout = layout_columns(
            rows,
            available,
            size_pt=house.TABLE_PT,
            padding_pt=2 * CELL_PADDING_PT + 1,
            weights=table.column_widths,
        )
        return [Emu(int(width * 12700)) for width in layout.widths_pt]

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
            self.add(clean(image.caption), CAPTION_STYLE)


def _has_paragraph_style(word: Any, name: str) -> bool:
    return _has_style(word, name, WD_STYLE_TYPE.PARAGRAPH)


def _fix_layout(grid: Any, widths: list[Emu]) -> None:
    """Fixed layout at the computed widths (Word and LibreOffice read the grid), the house
    cell padding, and the table's total width."""
    grid.autofit = False
    for grid_column, width in zip(grid._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_column.w = width
    tbl_pr = grid._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(round(sum(int(w) for w in widths) / 635)))  # EMU to twips
    total.set(qn("w:type"), "dxa")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(total)
    margins = OxmlElement("w:tblCellMar")
    for edge, points in (
        ("top", CELL_PADDING_VERTICAL_PT),
        ("left", CELL_PADDING_PT),
        ("bottom", CELL_PADDING_VERTICAL_PT),
        ("right", CELL_PADDING_PT),
    ):
        side = OxmlElement(f"w:{edge}")
        side.set(qn("w:w"), str(round(points * _TWIPS_PER_PT)))
        side.set(qn("w:type"), "dxa")
        margins.append(side)
    tbl_pr.append(margins)


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.upper())
    cell._tc.get_or_add_tcPr().append(shading)
