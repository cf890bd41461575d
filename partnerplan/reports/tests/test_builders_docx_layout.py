"""Word output in the house style: A4, fonts, headings, table widths, money, landscape pages."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from hypothesis import given
from hypothesis import strategies as st

from partnerplan.reports.builders import Appendix, Paragraph, Section, Table
from partnerplan.reports.builders import styles as house
from partnerplan.reports.builders.docx_builder import WIDE_TABLE_COLUMNS, build_docx
from partnerplan.reports.builders.docx_style import CELL_PADDING_PT, TABLE_TEXT_STYLE
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.builders.table_layout import (
    Cell,
    is_money,
    layout_columns,
    text_width_pt,
)
from partnerplan.reports.seed_report import full_report, reduced_report

EMU_PER_PT = 12700


@pytest.fixture(scope="module")
def full_docx() -> bytes:
    return build_docx(prepare_document(full_report(), accept={"figure_mismatch"}))


def _open(data: bytes):
    return open_docx(io.BytesIO(data))


TOLERANCE = Cm(0.01)


def _close(length, expected) -> bool:
    return abs(int(length) - int(expected)) <= int(TOLERANCE)


def test_it_lays_out_a4_in_the_house_margins(full_docx):
    first = _open(full_docx).sections[0]
    assert _close(first.page_width, Cm(21.0))
    assert _close(first.page_height, Cm(29.7))
    top, right, bottom, left = (Cm(v) for v in house.MARGIN_CM)
    assert _close(first.top_margin, top) and _close(first.bottom_margin, bottom)
    assert _close(first.left_margin, left) and _close(first.right_margin, right)


def test_it_sets_arial_everywhere_with_black_headings_in_three_sizes(full_docx):
    word = _open(full_docx)
    fonts = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    assert fonts.get(qn("w:ascii")) == "Arial"
    assert fonts.get(qn("w:hAnsi")) == "Arial"
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over Arial
    black = RGBColor.from_string(house.TEXT.upper())
    assert word.styles["Normal"].font.size == Pt(house.BODY_PT)
    assert word.styles["Title"].font.size == Pt(house.TITLE_PT)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = word.styles[name]
        assert style.font.name == "Arial", name
        assert style.font.bold is True, name
        assert style.font.color.rgb == black, name
        assert style.font.color.theme_color is None, name
    sizes = [word.styles[f"Heading {n}"].font.size for n in (1, 2, 3)]
    assert sizes == [Pt(house.HEADING_PT[n]) for n in (1, 2, 3)]
    assert sizes == sorted(sizes, reverse=True)


def test_it_numbers_paragraphs_in_bold_on_a_hanging_indent(full_docx):
    word = _open(full_docx)
    para = next(p for p in word.paragraphs if p.text.startswith("4.9\t"))
    assert para.runs[0].bold is True
    fmt = para.style.paragraph_format
    assert fmt.first_line_indent == -fmt.left_indent


def _cell_width_pt(table, column: int) -> float:
    return int(table._tbl.tblGrid.gridCol_lst[column].w) / EMU_PER_PT


def test_no_table_cell_is_narrower_than_its_longest_word_or_amount(full_docx):
    word = _open(full_docx)
    assert len(word.tables) == 2
    checked = 0
    for table in word.tables:
        for row in table.rows:
            for column, cell in enumerate(row.cells):
                room = _cell_width_pt(table, column) - 2 * CELL_PADDING_PT
                for para in cell.paragraphs:
                    for run in para.runs:
                        for token in run.text.split():
                            width = text_width_pt(token, house.TABLE_PT, bold=bool(run.bold))
                            assert width <= room, (token, width, room)
                            checked += 1
    assert checked > 500


def test_the_columns_fill_the_text_width_of_their_page(full_docx):
    word = _open(full_docx)
    for table in word.tables:
        total = sum(int(c.w) for c in table._tbl.tblGrid.gridCol_lst)
        section = (
            next(s for s in word.sections if s.orientation == WD_ORIENT.LANDSCAPE)
            if len(table.columns) >= WIDE_TABLE_COLUMNS
            else word.sections[0]
        )
        text_width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
        assert abs(total - text_width) < Cm(0.05)
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_it_aligns_amounts_and_their_headings_right_and_words_left(full_docx):
    word = _open(full_docx)
    forecast = next(t for t in word.tables if t.rows[0].cells[3].text == "Amount")
    header = forecast.rows[0].cells
    assert [c.paragraphs[0].alignment for c in header][3:] == [2, 2]  # RIGHT
    assert header[1].paragraphs[0].alignment is None
    for row in forecast.rows[1:]:
        for cell in row.cells:
            para = cell.paragraphs[0]
            assert para.style.name == TABLE_TEXT_STYLE
            if is_money(cell.text):
                assert para.alignment == 2, cell.text
            else:
                assert para.alignment is None, cell.text
    assert is_money(forecast.rows[-1].cells[4].text)


def test_it_puts_an_appendix_with_a_wide_table_on_landscape_pages(full_docx):
    word = _open(full_docx)
    orientations = [s.orientation for s in word.sections]
    # The body portrait, Appendix A landscape, Appendices B and C portrait again.
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = word.sections[1]
    assert _close(landscape.page_width, Cm(29.7))
    assert _close(landscape.page_height, Cm(21.0))
    # The section break is the last paragraph before Appendix A; its heading opens the section.
    body = word.element.body
    breaks = [
        p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    ]
    assert len(breaks) == 2
    following = breaks[0].getnext()
    assert "Appendix A" in "".join(t.text for t in following.iter(qn("w:t")))
    # No page break before a heading that already starts a new page (no blank page).
    assert following.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is None
    # Each section's footer has the page number at the right edge of its own page.
    for section in word.sections:
        tab = section.footer.paragraphs[0].paragraph_format.tab_stops
        right = [t.position for t in tab if t.alignment == 2]  # RIGHT
        width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
        assert right and abs(int(right[-1]) - width) < Cm(0.01)


def test_it_turns_a_wide_table_in_a_section_to_landscape_and_back():
    wide = Table(
        "Six columns",
        (tuple(f"Heading {n}" for n in range(WIDE_TABLE_COLUMNS)),),
        (tuple(f"value {n}" for n in range(WIDE_TABLE_COLUMNS)),),
    )
    doc = reduced_report(
        sections=(Section("Detail", (Paragraph("Before."), wide, Paragraph("After."))),),
    )
    word = _open(build_docx(prepare_document(doc)))
    orientations = [s.orientation for s in word.sections]
    assert orientations[:3] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]


def test_a_narrow_appendix_stays_portrait_on_a_new_page():
    narrow = Table("Two columns", (("Item", "Amount"),), (("Call", "£85,000"),))
    doc = reduced_report(appendices=(Appendix("Money", (narrow,)),))
    word = _open(build_docx(prepare_document(doc)))
    assert [s.orientation for s in word.sections] == [WD_ORIENT.PORTRAIT]
    heading = next(p for p in word.paragraphs if p.text.startswith("Appendix A"))
    assert heading.paragraph_format.page_break_before is True


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("£318,990", True),
        ("-£1,200", True),
        ("£17,500.50", True),
        ("£85k", True),
        ("£1.2m", True),
        ("318,990", False),
        ("About £85,000", False),
        ("N/a", False),
        ("", False),
    ],
)
def test_it_knows_an_amount_when_it_sees_one(text, money):
    assert is_money(text) is money


def test_it_measures_text_as_arial_does():
    # Arial's digits are all 556/1000 em wide (tabular), so amounts line up when right-aligned.
    assert text_width_pt("0123456789", 10) == pytest.approx(55.6)
    assert text_width_pt("£318,990", 9) < text_width_pt("£318,990", 9, bold=True) + 0.01


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC£0123456789,/", min_size=1, max_size=14)


@given(
    rows=st.lists(
        st.lists(st.lists(WORDS, min_size=0, max_size=8).map(" ".join), min_size=3, max_size=3),
        min_size=1,
        max_size=6,
    ),
    available=st.floats(min_value=150, max_value=800),
    weights=st.one_of(st.none(), st.tuples(*(st.floats(0.2, 5),) * 3)),
)
def test_every_column_is_at_least_its_longest_word_when_the_words_fit(rows, available, weights):
    cells = [[Cell(text) for text in row] for row in rows]
    layout = layout_columns(cells, available, size_pt=9, padding_pt=9, weights=weights)
    assert sum(layout.widths_pt) == pytest.approx(available, rel=1e-6)
    if layout.fits:
        for width, minimum in zip(layout.widths_pt, layout.minimums_pt, strict=True):
            assert width >= minimum - 1e-6
        for row in rows:
            for width, text in zip(layout.widths_pt, row, strict=True):
                for word in text.split():
                    assert text_width_pt(word, 9) <= width - 9 + 1e-6
    else:
        assert sum(layout.minimums_pt) > available
