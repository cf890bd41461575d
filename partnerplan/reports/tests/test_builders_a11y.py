"""The council's basic accessibility checks catch documents that fail them."""

from __future__ import annotations

import io

from docx import Document as open_docx
from weasyprint import HTML

from partnerplan.reports.builders.a11y import check_docx, check_pdf
from partnerplan.reports.tests.test_builders_validate import PNG


def _codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_it_flags_a_careless_word_file():
    word = open_docx()
    word.core_properties.title = ""
    word.add_paragraph("Just text in Normal style.")
    word.add_table(rows=2, cols=2)
    word.add_picture(io.BytesIO(PNG))
    out = io.BytesIO()
    word.save(out)
    # python-docx's template sets a language (en-US), so only the other four fail.
    assert _codes(check_docx(out.getvalue())) == [
        "no_title",
        "no_headings",
        "table_without_header",
        "image_without_alt",
    ]


def test_it_says_so_when_the_file_is_not_word():
    assert _codes(check_docx(b"%PDF-1.7")) == ["unreadable"]


def test_it_flags_an_untagged_pdf_without_title():
    pdf = HTML(string="<p>No title, no language, no tags.</p>").write_pdf()
    assert _codes(check_pdf(pdf)) == ["no_title", "no_language", "not_tagged"]


def test_it_flags_a_tagged_pdf_with_a_bare_table_and_image():
    html = (
        '<html lang="en-GB"><title>T</title><p>No heading.</p>'
        "<table><tr><td>a</td></tr></table>"
        '<img src="data:image/png;base64,'
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4//8/AwAI/AL+p5qgoAAAAABJRU5ErkJggg=="
        '"></html>'
    )
    pdf = HTML(string=html).write_pdf(pdf_tags=True)
    assert _codes(check_pdf(pdf)) == ["no_headings", "table_without_header", "image_without_alt"]


def test_it_says_so_when_the_pdf_cannot_be_read():
    assert _codes(check_pdf(b"PK\x03\x04")) == ["unreadable"]
