"""PDF output and agenda packs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess

import pytest

from partnerplan.reports.builders import (
    AgendaCover,
    AgendaEntry,
    DocumentError,
    Paragraph,
    Section,
    build_meeting_packs,
    build_pack,
    build_pdf,
    split_for_publication,
)
from partnerplan.reports.builders.a11y import check_pdf
from partnerplan.reports.builders.pdfscan import scan_pdf
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.seed_report import reduced_report

COVER = AgendaCover(
    body="Staffordshire Connects Joint Committee",
    date=dt.datetime(2010, 12, 17, 10, 0),
    venue="Council Chamber, Lichfield",
    opening_items=(AgendaEntry("Apologies for absence"), AgendaEntry("Declarations of interest")),
)
SECRET_HEADING = "Terms offered by the preferred supplier"


def _exempt_report():
    return reduced_report(
        title="Telephony contract award",
        exempt_paragraph=3,
        sections=(Section(SECRET_HEADING, (Paragraph("The supplier offered £1.2m."),)),),
    )


def _outline_titles(pdf: bytes) -> set[str]:
    """Bookmark titles: WeasyPrint makes one per heading, so they show what the PDF holds."""
    return scan_pdf(pdf).outline_titles()


def _text(pdf: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    command = [pdftotext, "-layout", str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return build_pdf(prepare_document(reduced_report()))


@pytest.fixture(scope="module")
def packs():
    documents = [reduced_report(), _exempt_report(), reduced_report(title="Pipeline review")]
    return build_meeting_packs(documents, cover=COVER)


def test_it_makes_a_tagged_pdf_with_title_and_language(report_pdf):
    assert report_pdf.startswith(b"%PDF-")
    scan = scan_pdf(report_pdf)
    assert scan.info_string("Title") == "Review of Partnership Work Plan"
    assert scan.info_string("Author") == "Andrew Street"
    assert scan.catalog_string("Lang") == "en-GB"
    assert check_pdf(report_pdf) == []


def test_it_tags_the_diagram_with_its_alt_text(report_pdf):
    figures = [e for e in scan_pdf(report_pdf).struct_elements().values() if e.role == "Figure"]
    assert len(figures) == 1
    assert figures[0].alt.startswith("Governance of the partnership's transformation programme")


def test_it_is_a4_with_page_numbers(report_pdf, tmp_path):
    text = _text(report_pdf, tmp_path)
    assert "Page 1 of " in text
    assert set(scan_pdf(report_pdf).page_sizes()) <= {(595.28, 841.89), (841.89, 595.28)}
    assert scan_pdf(report_pdf).page_sizes()[0] == (595.28, 841.89)


def test_it_repeats_the_exempt_banner_on_every_page(tmp_path):
    text = _text(build_pdf(prepare_document(reduced_report(exempt_paragraph=3))), tmp_path)
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 1
    assert all("EXEMPT — not for publication: Schedule 12A paragraph 3" in p for p in pages)


def test_it_refuses_an_invalid_document():
    with pytest.raises(DocumentError, match="has no recommendations"):
        build_pdf(prepare_document(reduced_report(recommendations=())))


def test_it_leaves_exempt_reports_out_of_the_public_pack(packs):
    public = _outline_titles(packs.public)
    assert "Agenda" in public
    assert "Review of Partnership Work Plan" in public
    assert "Pipeline review" in public
    assert "Telephony contract award" in public  # its place is kept, by title only
    assert "1. Not for publication" in public
    assert f"3. {SECRET_HEADING}" not in public
    restricted = _outline_titles(packs.restricted)
    assert f"3. {SECRET_HEADING}" in restricted
    assert "Pipeline review" not in restricted


def test_it_says_why_an_item_is_withheld(packs, tmp_path):
    text = " ".join(_text(packs.public, tmp_path).split())
    assert "exempt information as described in paragraph 3 of Part 1 of Schedule 12A" in text
    assert "The supplier offered" not in text
    assert "RESTRICTED PACK" in _text(packs.restricted, tmp_path)


def test_it_numbers_agenda_items_after_the_opening_items(packs, tmp_path):
    text = " ".join(_text(packs.public, tmp_path).split())
    assert "Apologies for absence" in text
    assert "Agenda item 3" in text
    assert "Agenda item 5" in text
    assert check_pdf(packs.public) == []


def test_it_has_no_restricted_pack_when_nothing_is_exempt():
    assert split_for_publication([reduced_report()]) == ((reduced_report(),), ())


def test_it_refuses_an_exempt_report_in_a_public_pack_and_names_the_item():
    with pytest.raises(DocumentError, match="cannot go into the public pack") as raised:
        build_pack([reduced_report(), _exempt_report()], cover=COVER)
    problem = raised.value.problems[0]
    assert problem.code == "exempt_in_public_pack"
    assert problem.where == "Item 4"
    assert "Telephony contract award" in problem.message


def test_it_builds_no_pack_when_any_report_is_bad():
    with pytest.raises(DocumentError, match="has no recommendations") as raised:
        build_pack([reduced_report(), reduced_report(recommendations=())], cover=COVER)
    assert (
        raised.value.problems[0].where
        == "Item 4 (Review of Partnership Work Plan), Recommendations"
    )


# --- the agenda cover ----------------------------------------------------------------------

FULL_COVER = dataclasses.replace(
    COVER,
    members=("Cllr Brian Edwards (Chair), Staffordshire County Council",),
    substitutes=("Cllr Jo Bloggs for Cllr Daniel Cook",),
    apologies=("Cllr Mary Smith",),
    declarations=("Item 3: Cllr Daniel Cook declared a personal interest (governor).",),
    exempt_declarations=("Item 4: Cllr Ann Lee declared a pecuniary interest (the supplier).",),
)


@pytest.fixture(scope="module")
def full_packs():
    return build_meeting_packs([reduced_report(), _exempt_report()], cover=FULL_COVER)


def test_it_puts_time_venue_membership_apologies_and_declarations_on_the_cover(
    full_packs, tmp_path
):
    cover = _text(full_packs.public, tmp_path).split("\f", 1)[0]
    for words in (
        "17 December 2010",
        "10.00am",
        "Council Chamber, Lichfield",
        "Cllr Brian Edwards (Chair), Staffordshire County Council",
        "Cllr Jo Bloggs for Cllr Daniel Cook",
        "Cllr Mary Smith",
        "Members are asked to declare",
        "Item 3: Cllr Daniel Cook declared",
    ):
        assert words in " ".join(cover.split()), words
    assert "Ann Lee" not in _text(full_packs.public, tmp_path)
    assert "Item 4: Cllr Ann Lee declared" in _text(full_packs.restricted, tmp_path)


def test_it_gives_each_report_its_page_in_the_contents(full_packs, tmp_path):
    pages = _text(full_packs.public, tmp_path).split("\f")
    cover = " ".join(pages[0].split())
    page = int(cover.split("Review of Partnership Work Plan", 1)[1].split("page ", 1)[1].split()[0])
    assert "Review of Partnership Work Plan" in pages[page - 1]
