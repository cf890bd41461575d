"""HTML output: escaping, GOV.UK classes, accessible tables and images."""

from __future__ import annotations

import datetime as dt
import re

from partnerplan.reports.builders import (
    Appendix,
    Image,
    LiveBlock,
    Paragraph,
    Run,
    Section,
    Table,
    build_html,
)
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.seed_report import reduced_report

HOSTILE = '<script>alert("x")</script>'


def test_it_escapes_every_piece_of_text():
    doc = reduced_report(
        title=f"Title {HOSTILE}",
        meeting="Joint <b>Committee</b>",
        author='Andrew "Street"',
        purpose=(Paragraph(f"Purpose {HOSTILE} with **bold <i>**"),),
        sections=(
            Section(
                f"Heading {HOSTILE}",
                (
                    Paragraph((Run("<img src=x onerror=alert(1)>", bold=True),)),
                    Table(f"Caption {HOSTILE}", ((f"Head {HOSTILE}",),), ((f"Cell {HOSTILE}",),)),
                ),
            ),
        ),
        appendices=(
            Appendix(
                f"Appendix {HOSTILE}",
                (
                    Image(
                        reduced_report().appendices[1].blocks[0].blocks[0].data,
                        "image/svg+xml",
                        alt='A "quoted" <alt>',
                    ),
                ),
            ),
        ),
        background_papers=(f"Paper {HOSTILE}",),
    )
    html = build_html(prepare_document(doc), standalone=True)
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "<b>Committee" not in html
    assert "<i>" not in html
    # title twice, a table caption twice (its scroll region is named after it), once elsewhere
    assert html.count("&lt;script&gt;") == 10
    assert 'alt="A &quot;quoted&quot; &lt;alt&gt;"' in html
    assert "<strong>bold &lt;i&gt;</strong>" in html


def test_it_uses_headings_in_order_with_govuk_classes():
    html = build_html(prepare_document(reduced_report()))
    headings = re.findall(r'<(h[1-4]) class="([^"]+)">([^<]+)<', html)
    assert headings[0] == ("h1", "govuk-heading-l pp-title", "Review of Partnership Work Plan")
    assert ("h2", "govuk-heading-m", "2. Recommendations") in headings
    assert ("h3", "govuk-heading-s", "Funding issues") in headings
    assert (
        '<p class="govuk-body pp-para" id="doc-para-2-7"><span class="pp-para__number">2.7</span>'
        in html
    )


def test_it_gives_tables_a_caption_and_scoped_header_cells():
    doc = reduced_report(
        sections=(
            Section(
                "Money",
                (
                    Table(
                        "Reserve",
                        (("Fund", "Balance"),),
                        (("Partnership reserve", "£129,790"),),
                        row_headers=True,
                    ),
                ),
            ),
        )
    )
    html = build_html(prepare_document(doc))
    table = html[html.index('<table class="govuk-table pp-table">') :]
    table = table[: table.index("</table>")]
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">Reserve</caption>' in table
    )
    assert '<th scope="col" class="govuk-table__header">Fund</th>' in table
    assert '<th scope="row" class="govuk-table__header">Partnership reserve</th>' in table
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">£129,790</td>' in table
    assert '<thead class="govuk-table__head">' in table


def test_it_gives_a_standalone_page_its_language_title_and_print_css():
    html = build_html(prepare_document(reduced_report(language="cy-GB")), standalone=True)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="cy-GB">' in html
    assert "<title>Review of Partnership Work Plan</title>" in html
    assert '<meta name="author" content="Andrew Street">' in html
    assert "size: A4" in html
    fragment = build_html(prepare_document(reduced_report()))
    assert fragment.startswith('<article class="pp-document" id="doc" lang="en-GB">')
    assert "<html" not in fragment


def test_it_embeds_images_as_data_urls_with_alt_text():
    html = build_html(prepare_document(reduced_report()))
    image = re.search(r"<img [^>]+>", html)
    assert image is not None
    assert 'src="data:image/svg+xml;base64,' in image.group(0)
    assert 'alt="Governance of the partnership' in image.group(0)
    assert "<svg" not in html  # never inline: an SVG's scripts must not run in the page


def test_it_stamps_live_blocks_with_their_source_and_time():
    doc = reduced_report(
        sections=(
            Section(
                "Pipeline",
                (
                    LiveBlock(
                        "Pipeline",
                        (Paragraph("Three projects wait.", numbered=False),),
                        dt.datetime(2010, 12, 9, 9, 30),
                    ),
                ),
            ),
        )
    )
    html = build_html(prepare_document(doc))
    assert "From the system: Pipeline, as at 9 December 2010 at 09:30." in html


def test_it_shows_the_exempt_banner_first():
    html = build_html(prepare_document(reduced_report(exempt_paragraph=1)))
    assert html.index("EXEMPT — not for publication: Schedule 12A paragraph 1") < html.index("<h1")
