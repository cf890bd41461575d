"""Word templates with fields (docxtpl), and provenance notes kept out of tables."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_docx

from partnerplan.reports.builders import DocumentError, LiveBlock, Section, Table, build_html
from partnerplan.reports.builders.docx_builder import build_docx, check_template
from partnerplan.reports.builders.docx_template import FIELDS, default_template, has_fields
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.builders.provenance import split_provenance
from partnerplan.reports.seed_report import reduced_report


def _open(data: bytes):
    return open_docx(io.BytesIO(data))


def _template(*lines: tuple[str, str | None], header: str = "") -> bytes:
    """A council template laid out in Word: the given (text, style) paragraphs."""
    word = _open(default_template())
    body = word.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)
    for text, style in lines:
        word.add_paragraph(text, style=style)
    if header:
        word.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_the_default_template_holds_the_front_matter_as_fields_and_passes_its_own_checks():
    template = default_template()
    assert has_fields(template)
    assert check_template(template) == []
    texts = [p.text for p in _open(template).paragraphs]
    assert "{{ title }}" in texts


def test_it_fills_the_default_templates_fields_from_the_document():
    word = _open(build_docx(prepare_document(reduced_report(agenda_item="Agenda item 5"))))
    styled = [(p.style.name, p.text) for p in word.paragraphs[:5]]
    assert styled == [
        ("Subtitle", "Staffordshire Connects Joint Committee — 17 December 2010"),
        ("Subtitle", "Agenda item 5"),
        ("Title", "Review of Partnership Work Plan"),
        ("Normal", "Report of: Andrew Street, Partnership Director"),
        ("Heading 1", "1. Purpose of report"),
    ]
    assert not any("{{" in p.text or "{%" in p.text for p in word.paragraphs)


def test_it_shows_the_exempt_notice_through_the_templates_field():
    word = _open(build_docx(prepare_document(reduced_report(exempt_paragraph=3))))
    assert word.paragraphs[0].text == "EXEMPT — not for publication: Schedule 12A paragraph 3"
    assert word.paragraphs[0].runs[0].bold


def test_it_merges_a_council_template_laid_out_its_own_way():
    template = _template(
        ("Report to {{ meeting }}", "Subtitle"),
        ("{{ title }}", "Title"),
        ("Author: {{ report_of }} & others", None),
        header="Staffordshire Connects",
    )
    assert check_template(template) == []
    doc = reduced_report(exempt_paragraph=3)
    word = _open(build_docx(prepare_document(doc), template=template))
    texts = [p.text for p in word.paragraphs]
    # The template has no exempt_notice field, so the notice is put first.
    assert texts[:4] == [
        "EXEMPT — not for publication: Schedule 12A paragraph 3",
        "Report to Staffordshire Connects Joint Committee",
        "Review of Partnership Work Plan",
        "Author: Andrew Street, Partnership Director & others",
    ]
    assert texts[4] == "1. Purpose of report"
    assert word.sections[0].header.paragraphs[0].text.startswith("Staffordshire Connects")


def test_it_escapes_the_documents_text_in_the_fields():
    template = _template(("{{ title }}", "Title"))
    doc = reduced_report(title="Roads & <bridges>")
    word = _open(build_docx(prepare_document(doc), template=template))
    assert word.paragraphs[0].text == "Roads & <bridges>"


def test_it_refuses_a_template_with_a_field_partnerplan_does_not_fill():
    problems = check_template(_template(("{{ title }} for {{ council_name }}", "Title")))
    assert [p.code for p in problems] == ["template_unknown_field"]
    assert "{{ council_name }}" in problems[0].message
    assert all(name in problems[0].message for name in FIELDS)


def test_it_refuses_a_broken_field_and_a_template_without_the_title():
    broken = check_template(_template(("{{ title", "Title")))
    assert [p.code for p in broken] == ["template_bad_field"]
    untitled = check_template(_template(("{{ meeting }}", "Title")))
    assert [p.code for p in untitled] == ["template_without_title"]
    with pytest.raises(DocumentError, match=r"put \{\{ title \}\} in it"):
        build_docx(prepare_document(reduced_report()), template=_template(("{{ meeting }}", None)))


def test_a_template_cannot_reach_python_internals():
    template = _template(("{{ title.__class__.__mro__[1].__subclasses__() }}", "Title"))
    problems = check_template(template)
    assert [p.code for p in problems] == ["template_bad_field"]
    with pytest.raises(DocumentError, match="cannot be filled"):
        build_docx(prepare_document(reduced_report()), template=template)


# --- provenance notes -----------------------------------------------------------------------

STAGE = (
    "Stage recorded as at the report of 17 December 2010; the report does not give the "
    "decisions that brought it there."
)


def _provenance_report():
    table = Table(
        caption="Projects",
        header_rows=(("No", "Project", "Amount"),),
        rows=(
            ("1", f"**Customer Access**\nA customer service centre. {STAGE}", "£100,000"),
            ("2", f"**Life Events**\nRegistering births. {STAGE}", "£35,000"),
            ("2 (continued)", f"Registering deaths. {STAGE}", ""),
            ("3", "Reserve brought forward (DEMO DATA: £232,290 + £86,700)", "£318,990"),
        ),
    )
    return reduced_report(
        sections=(Section("Detail", (LiveBlock("Projects", (table,)),)),),
    )


def test_it_splits_provenance_sentences_and_asides_from_a_cells_text():
    assert split_provenance(f"A centre (4.4). {STAGE}") == ("A centre (4.4).", (STAGE,))
    assert split_provenance("Brought forward (DEMO DATA: dates)") == (
        "Brought forward",
        ("DEMO DATA: dates.",),
    )
    assert split_provenance("Secured. DEMO DATA: the rest.") == (
        "Secured.",
        ("DEMO DATA: the rest.",),
    )
    assert split_provenance("No notes here.\nNor here") == ("No notes here.\nNor here", ())


def test_it_moves_provenance_notes_to_the_sources_note_at_the_end_in_word():
    word = _open(build_docx(prepare_document(_provenance_report())))
    table = next(t for t in word.tables if t.rows[0].cells[1].text == "Project")
    cells = " ".join(c.text for row in table.rows for c in row.cells)
    assert "DEMO DATA" not in cells
    assert "Stage recorded" not in cells
    assert "A customer service centre." in cells
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Sources")
    assert texts[start + 1 :] == [
        f"Projects, rows 1 and 2: {STAGE}",
        "Projects, row 3: DEMO DATA: £232,290 + £86,700.",
    ]


def test_it_moves_provenance_notes_to_the_sources_note_in_html_and_so_the_pdf():
    html = build_html(prepare_document(_provenance_report()))
    table, after = html.split("</table>", 1)
    assert "DEMO DATA" not in table
    assert "Stage recorded" not in table
    sources = after.split('<section class="pp-sources">', 1)[1]
    assert "Projects, row 3: DEMO DATA: £232,290 + £86,700." in sources
    assert "Stage recorded as at" in sources
