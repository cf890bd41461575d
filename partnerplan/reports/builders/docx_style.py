"""The partnership's house style in Word, from the constants in ``styles`` (shared with the PDF).

``apply_house_style(word)`` turns python-docx's default document (US Letter, Cambria and blue
Calibri headings) into the house style: A4 with the PDF's margins, Arial throughout (Liberation
Sans, its metric twin, where Arial is not installed), black bold headings in three sizes, and
the styles the builder uses. ``ensure_own_styles(word)`` adds the builder's own styles to any
document (a council's template too) that lacks them, in the house style.

Real Word styles throughout, so a clerk restyles a report by changing a style: "Title",
"Subtitle" (the meeting and the agenda item over the title), "Heading 1" (numbered sections and
appendices), "Heading 2"/"Heading 3" (subheadings), "List Bullet", "Caption" (table and figure
captions), "Table Grid" (tables), and ours: "Numbered Paragraph" (hanging number), "Table Text"
(the text in table cells) and "Source Note" (the "From the system ..." stamp and notes).
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import styles as house

__all__ = [
    "CAPTION_STYLE",
    "CELL_PADDING_PT",
    "NUMBERED_PARAGRAPH_STYLE",
    "SOURCE_NOTE_STYLE",
    "TABLE_TEXT_STYLE",
    "apply_house_style",
    "ensure_own_styles",
    "set_font",
    "set_page",
]

NUMBERED_PARAGRAPH_STYLE = "Numbered Paragraph"
CAPTION_STYLE = "Caption"
TABLE_TEXT_STYLE = "Table Text"
SOURCE_NOTE_STYLE = "Source Note"
# Cell padding left and right (the PDF's 4pt), and above and below.
CELL_PADDING_PT = 4.0
CELL_PADDING_VERTICAL_PT = 2.0
# The hanging indent of a numbered paragraph: the PDF's 3em.
HANGING_PT = house.BODY_PT * 3

_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_page(section: Any, *, landscape: bool = False) -> None:
    """A4 in the house margins, portrait or landscape."""
    width, height = (
        (Cm(house.PAGE_CM[1]), Cm(house.PAGE_CM[0]))
        if landscape
        else (
            Cm(house.PAGE_CM[0]),
            Cm(house.PAGE_CM[1]),
        )
    )
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    top, right, bottom, left = (Cm(value) for value in house.MARGIN_CM)
    section.top_margin, section.right_margin = top, right
    section.bottom_margin, section.left_margin = bottom, left
    section.header_distance = section.footer_distance = Cm(1.0)


def set_font(rpr: Any, name: str) -> None:
    """Name the font of run properties ``rpr`` for every script, dropping theme fonts (which
    would win over a name)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in _THEME_FONTS:
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _drop(element: Any, *tags: str) -> None:
    if element is None:
        return
    for tag in tags:
        for found in element.findall(qn(tag)):
            element.remove(found)


def _restyle(
    style: Any,
    *,
    size: float,
    bold: bool = False,
    color: str = house.TEXT,
    before: float = 0,
    after: float = house.SPACE_AFTER_PT,
    keep_next: bool = False,
) -> None:
    element = style.element
    _drop(element.find(qn("w:pPr")), "w:pBdr", "w:numPr", "w:contextualSpacing")
    _drop(element.find(qn("w:rPr")), "w:rFonts", "w:color", "w:i", "w:iCs", "w:spacing", "w:kern")
    set_font(element.get_or_add_rPr(), house.FONT)
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor.from_string(color.upper())
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if keep_next:
        fmt.keep_with_next = True


def _defaults(word: Any) -> None:
    """Document defaults: Arial at the body size, black, the PDF's spacing."""
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
    set_font(rpr, house.FONT)
    _drop(rpr, "w:sz", "w:szCs")
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(house.BODY_PT * 2)))
        rpr.append(size)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        _drop(ppr_default.find(qn("w:pPr")), "w:spacing")


def apply_house_style(word: Any) -> None:
    """Restyle python-docx's default document into the house style (see the module)."""
    for section in word.sections:
        set_page(section)
    _defaults(word)
    styles = word.styles
    normal = styles["Normal"]
    _restyle(normal, size=house.BODY_PT)
    # The PDF's line height (1.35 of the font size), at least, so images are never clipped.
    normal.paragraph_format.line_spacing = Pt(house.BODY_PT * house.LINE_HEIGHT)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    _restyle(styles["Title"], size=house.TITLE_PT, bold=True, after=12)
    _restyle(styles["Subtitle"], size=12, color=house.SECONDARY, after=4)
    for level, before, after in ((1, 18, 8), (2, 12, 6), (3, 12, 6)):
        _restyle(
            styles[f"Heading {level}"],
            size=house.HEADING_PT[level],
            bold=True,
            before=before,
            after=after,
            keep_next=True,
        )
    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)
    for name in ("Header", "Footer"):
        _restyle(styles[name], size=house.SMALL_PT, color=house.SECONDARY, after=0)
    _restyle(styles[CAPTION_STYLE], size=house.CAPTION_PT, bold=True, after=4, keep_next=True)
    _table_grid(styles["Table Grid"])
    ensure_own_styles(word)


def _table_grid(style: Any) -> None:
    """Rules in the house grey, half a point, as in the PDF."""
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        return
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        return
    for edge in borders:
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), house.RULE.upper())


def _has(word: Any, name: str) -> bool:
    try:
        return bool(word.styles[name].type == WD_STYLE_TYPE.PARAGRAPH)
    except KeyError:
        return False


def ensure_own_styles(word: Any) -> None:
    """Add the builder's own paragraph styles where ``word`` (a template) lacks them."""
    styles = word.styles
    if not _has(word, NUMBERED_PARAGRAPH_STYLE):
        style = styles.add_style(NUMBERED_PARAGRAPH_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.left_indent = Pt(HANGING_PT)
        fmt.first_line_indent = -Pt(HANGING_PT)
        fmt.space_after = Pt(house.SPACE_AFTER_PT)
        fmt.tab_stops.add_tab_stop(Pt(HANGING_PT))
    if not _has(word, CAPTION_STYLE):
        style = styles.add_style(CAPTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(house.CAPTION_PT)
        style.paragraph_format.keep_with_next = True
    if not _has(word, TABLE_TEXT_STYLE):
        style = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(house.TABLE_PT)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(house.TABLE_PT * house.LINE_HEIGHT)
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    if not _has(word, SOURCE_NOTE_STYLE):
        style = styles.add_style(SOURCE_NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(house.TABLE_PT)
        style.font.color.rgb = RGBColor.from_string(house.SECONDARY.upper())
        style.paragraph_format.space_after = Pt(house.SPACE_AFTER_PT)
