"""Word output: styles, numbering, table headers, alt text, properties and templates."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

from partnerplan.reports.builders import DocumentError, Paragraph
from partnerplan.reports.builders.a11y import check_docx
from partnerplan.reports.builders.docx_builder import (
    NUMBERED_PARAGRAPH_STYLE,
    build_docx,
    check_template,
)
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.seed_report import SEED_NUMBERS, full_report, reduced_report

DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


@pytest.fixture(scope="module")
def reduced_docx() -> bytes:
    return build_docx(prepare_document(reduced_report()))


def _open(data: bytes):
    return open_docx(io.BytesIO(data))


def _numbered(word) -> list[str]:
    return [
        p.text.split("\t", 1)[0]
        for p in word.paragraphs
        if p.style.name == NUMBERED_PARAGRAPH_STYLE
    ]


def test_it_uses_real_word_heading_styles(reduced_docx):
    word = _open(reduced_docx)
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Title", "Review of Partnership Work Plan") in styles
    assert ("Heading 1", "1. Purpose of report") in styles
    assert ("Heading 1", "2. Recommendations") in styles
    assert ("Heading 2", "Funding issues") in styles
    assert any(s == "Heading 1" and t.startswith("Appendix A: ") for s, t in styles)
    assert any(s == "Heading 1" and t.startswith("Appendix B: Governance") for s, t in styles)


def test_it_numbers_paragraphs_under_their_sections(reduced_docx):
    numbers = _numbered(_open(reduced_docx))
    assert numbers == [
        *(f"1.{n}" for n in range(1, 7)),
        *(f"2.{n}" for n in range(1, 8)),
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.6",
        "4.1",
        "4.2",
    ]
    word = _open(reduced_docx)
    recommendation = next(p for p in word.paragraphs if p.text.startswith("2.4\t"))
    assert "further call on reserves of £85k" in recommendation.text


def test_it_reproduces_the_seed_reports_own_numbering():
    assert _numbered(_open(build_docx(prepare_document(full_report())))) == SEED_NUMBERS


def test_it_flags_table_header_rows_to_repeat_and_bolds_them(reduced_docx):
    word = _open(reduced_docx)
    assert word.tables
    for table in word.tables:
        first = table.rows[0]
        flag = first._tr.trPr.find(qn("w:tblHeader"))
        assert flag is not None
        assert flag.get(qn("w:val")) == "true"
        assert all(run.bold for cell in first.cells for p in cell.paragraphs for run in p.runs)
        assert (
            table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
        )
        assert table.style.name == "Table Grid"


def test_it_puts_alt_text_on_images(reduced_docx):
    word = _open(reduced_docx)
    doc_prs = list(word.element.body.iter(DOCPR))
    assert len(doc_prs) == 1
    assert "described in the list that follows" in doc_prs[0].get("descr")
    assert doc_prs[0].get("title") == "Governance of the partnership's transformation programme"
    assert len(word.inline_shapes) == 1


def test_it_sets_title_subject_author_and_language(reduced_docx):
    word = _open(reduced_docx)
    props = word.core_properties
    assert props.title == "Review of Partnership Work Plan"
    assert props.subject == "Staffordshire Connects Joint Committee"
    assert props.author == "Andrew Street"
    assert props.language == "en-GB"
    lang = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "en-GB"


def test_it_passes_the_councils_basic_accessibility_checks(reduced_docx):
    assert check_docx(reduced_docx) == []


def test_it_puts_the_exempt_banner_in_every_page_header():
    word = _open(build_docx(prepare_document(reduced_report(exempt_paragraph=3))))
    banner = "EXEMPT — not for publication: Schedule 12A paragraph 3"
    assert all(banner in s.header.paragraphs[0].text for s in word.sections)
    assert word.paragraphs[0].text == banner


def test_it_writes_page_numbers_in_the_footer(reduced_docx):
    footer = _open(reduced_docx).sections[0].footer._element
    instructions = [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_it_refuses_an_invalid_document_and_returns_nothing():
    with pytest.raises(DocumentError, match="has no recommendations") as raised:
        build_docx(prepare_document(reduced_report(recommendations=())))
    assert [p.code for p in raised.value.problems] == ["no_recommendations"]


def _template(*, drop: tuple[str, ...] = (), header: str = "", dotx: bool = False) -> bytes:
    """A council template made from python-docx's default, with sample text and a header."""
    word = open_docx()
    for name in drop:
        word.styles.element.remove(word.styles[name].element)
    word.styles["Normal"].font.name = "Arial"
    word.add_paragraph("Delete this sample text.")
    if header:
        word.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    word.save(out)
    if not dotx:
        return out.getvalue()
    converted = io.BytesIO()
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(converted, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    return converted.getvalue()


def test_it_refuses_a_template_without_the_needed_styles_naming_them():
    template = _template(drop=("Heading 3", "List Bullet"))
    problems = check_template(template)
    assert [p.code for p in problems] == ["template_missing_styles"]
    assert "'Heading 3', 'List Bullet'" in problems[0].message
    with pytest.raises(DocumentError, match="'Heading 3'") as raised:
        build_docx(prepare_document(reduced_report()), template=template)
    assert "'Heading 3'" in str(raised.value)


def test_it_refuses_a_template_that_is_not_a_word_file():
    with pytest.raises(DocumentError, match="could not be opened as a Word document") as raised:
        build_docx(prepare_document(reduced_report()), template=b"not a zip file")
    assert raised.value.problems[0].code == "template_unreadable"


@pytest.mark.parametrize("dotx", [False, True], ids=["docx", "dotx"])
def test_it_uses_a_council_template_keeping_its_styles_and_header(dotx):
    template = _template(header="Staffordshire Connects", dotx=dotx)
    word = _open(build_docx(prepare_document(reduced_report()), template=template))
    assert word.styles["Normal"].font.name == "Arial"
    assert word.sections[0].header.paragraphs[0].text == "Staffordshire Connects"
    assert "Delete this sample text." not in [p.text for p in word.paragraphs]
    assert word.paragraphs[1].style.name == "Title"


def test_it_keeps_a_templates_own_numbered_paragraph_style():
    word = open_docx()
    own = word.styles.add_style(NUMBERED_PARAGRAPH_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    own.font.size = Pt(13)
    out = io.BytesIO()
    word.save(out)
    built = _open(build_docx(prepare_document(reduced_report()), template=out.getvalue()))
    style = built.styles[NUMBERED_PARAGRAPH_STYLE]
    assert style.font.size == Pt(13)
    assert style.paragraph_format.left_indent is None  # ours would have a hanging indent


def test_it_drops_characters_word_cannot_hold():
    doc = reduced_report(purpose=(Paragraph("Bell\x07 and form feed\x0c gone"),))
    word = _open(build_docx(prepare_document(doc)))
    assert any(p.text == "1.1\tBell and form feed gone" for p in word.paragraphs)
