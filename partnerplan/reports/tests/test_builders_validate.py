"""Bad input: every builder refuses it with a plain-English message and produces nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from partnerplan.reports.builders import (
    Appendix,
    DocumentError,
    Image,
    LiveBlock,
    Paragraph,
    Section,
    Table,
    build_html,
    build_pdf,
    validate_document,
)
from partnerplan.reports.builders.docx_builder import build_docx
from partnerplan.reports.builders.live import missing
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.seed_report import funding_paragraph, reduced_report

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00\x08\xfc\x02\xfe\xa7\x9a\xa0\xa0"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _with_block(block) -> object:
    return reduced_report(sections=(Section("Detail", (Paragraph("Text."), block)),))


def _codes(doc, **kwargs) -> list[str]:
    return [problem.code for problem in validate_document(doc, **kwargs)]


def test_it_accepts_the_seed_report():
    assert validate_document(reduced_report()) == []


def test_it_requires_recommendations_where_the_report_must_make_them():
    problems = validate_document(reduced_report(recommendations=()))
    assert [p.code for p in problems] == ["no_recommendations"]
    assert problems[0].where == "Recommendations"
    assert "must make at least one" in problems[0].message


def test_it_lets_a_caller_waive_recommendations():
    doc = reduced_report(recommendations=())
    assert _codes(doc, require_recommendations=False) == []
    assert _codes(reduced_report(recommendations_required=False, recommendations=())) == []


def test_it_refuses_an_image_without_alt_text():
    problems = validate_document(_with_block(Image(PNG, "image/png", alt="  ", caption="Logo")))
    assert [p.code for p in problems] == ["image_without_alt"]
    assert problems[0].message.startswith("The image 'Logo' has no alt text.")
    assert problems[0].where == "Section 3 (Detail)"


def test_it_refuses_an_empty_title():
    assert _codes(reduced_report(title=" ")) == ["empty_title"]


def test_it_refuses_a_table_without_a_header_row():
    problems = validate_document(_with_block(Table("Projects", (), (("Telephony", "SCC"),))))
    assert [p.code for p in problems] == ["table_without_header"]
    assert "The table 'Projects' has no header row" in problems[0].message


def test_it_refuses_a_ragged_table_and_wrong_widths():
    table = Table("Projects", (("Project", "Lead"),), (("Telephony",),), column_widths=(1,))
    assert _codes(_with_block(table)) == ["table_ragged", "table_widths"]


def test_it_refuses_a_live_block_whose_source_was_deleted():
    problems = validate_document(_with_block(missing("fund", "Partnership reserve")))
    assert [p.code for p in problems] == ["live_source_missing"]
    assert problems[0].message == (
        "The fund 'Partnership reserve' this block shows has been deleted. "
        "Remove the block or choose another fund."
    )


def test_it_looks_inside_live_blocks():
    block = LiveBlock("Pipeline", (Table("Pipeline", (), (("a",),)),))
    problems = validate_document(_with_block(block))
    assert [p.code for p in problems] == ["table_without_header"]
    assert problems[0].where == "Section 3 (Detail), Pipeline"


def test_it_refuses_a_money_figure_the_data_does_not_support():
    # The seed's own sum: £232,290 - £85,000 - £17,500 is £129,790, not the £129,700 it quotes.
    doc = reduced_report(
        sections=(Section("Detail", (Paragraph("Intro."), funding_paragraph(Decimal(129790)))),)
    )
    problems = validate_document(doc)
    assert [p.code for p in problems] == ["figure_mismatch"]
    assert problems[0].where == "Paragraph 3.2"
    assert "gives £129,700 for the March 2011 forecast balance" in problems[0].message
    assert "the data gives £129,790" in problems[0].message
    checked = reduced_report(sections=(Section("Detail", (funding_paragraph(Decimal(129700)),)),))
    assert validate_document(checked) == []


def test_it_refuses_an_exempt_paragraph_outside_schedule_12a():
    assert _codes(reduced_report(exempt_paragraph=8)) == ["bad_exempt_paragraph"]


def test_it_refuses_a_bad_language_tag():
    assert _codes(reduced_report(language="English")) == ["bad_language"]


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"GIF89a", "image/png"),
        (b"<html/>", "image/svg+xml"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "image/svg+xml",
        ),
        (PNG, "image/gif"),
    ],
    ids=["not-png", "not-svg", "svg-with-entity", "wrong-type"],
)
def test_it_refuses_images_it_cannot_trust(data, media_type):
    assert _codes(_with_block(Image(data, media_type, alt="A picture"))) == ["bad_image"]


def test_it_names_the_appendix_a_problem_is_in():
    doc = reduced_report(appendices=(Appendix("Chart", (Image(PNG, "image/png", alt=""),)),))
    assert [p.where for p in validate_document(doc)] == ["Appendix A"]


@pytest.mark.parametrize(
    "build",
    [
        lambda d: build_docx(prepare_document(d)),
        lambda d: build_pdf(prepare_document(d)),
        lambda d: build_html(prepare_document(d)),
        lambda d: build_html(prepare_document(d), standalone=True),
    ],
    ids=["docx", "pdf", "html", "standalone-html"],
)
def test_it_builds_nothing_when_there_is_a_problem(build):
    bad = reduced_report(
        title="",
        recommendations=(),
        sections=(Section("Detail", (missing("fund", "Partnership reserve"),)),),
    )
    result = None
    with pytest.raises(DocumentError, match="The document was not produced because") as raised:
        result = build(bad)
    assert result is None
    assert [p.code for p in raised.value.problems] == [
        "empty_title",
        "no_recommendations",
        "live_source_missing",
    ]
    message = str(raised.value)
    assert message.startswith("The document was not produced because:")
    assert "- Title: The document has no title." in message
