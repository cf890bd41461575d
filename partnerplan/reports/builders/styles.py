"""The house style of every document, shared by the Word and PDF builders.

One set of constants: the page (A4 and its margins), the font (Arial, or its metric twin
Liberation Sans where Arial is not installed), the sizes of the body text, headings, captions
and tables, and the colours (black text and headings; grey for secondary text and rules). The
print CSS for standalone HTML and PDF is written from them, and ``docx_builder`` sets the same
values in the Word styles, so a report looks the same in Word as in its PDF.

The CSS styles the GOV.UK Design System class names the HTML uses, without GOV.UK Frontend
itself (its fonts are for gov.uk only) and without fetching anything.
"""

from __future__ import annotations

from string import Template

__all__ = [
    "BODY_PT",
    "CAPTION_PT",
    "FONT",
    "FONT_FALLBACKS",
    "HEADER_FILL",
    "HEADING_PT",
    "MARGIN_CM",
    "PAGE_CM",
    "PRINT_CSS",
    "RULE",
    "SECONDARY",
    "SMALL_PT",
    "SPACE_AFTER_PT",
    "TABLE_PT",
    "TEXT",
    "TITLE_PT",
    "WARNING",
]

# The page: A4 portrait, (width, height) in centimetres; margins (top, right, bottom, left).
PAGE_CM = (21.0, 29.7)
MARGIN_CM = (2.2, 2.0, 2.2, 2.0)
# Arial is what council readers have; Liberation Sans has the same widths, so a page laid out
# in one breaks where it would in the other. DejaVu Sans is the last resort on a bare server.
FONT = "Arial"
FONT_FALLBACKS = ("Liberation Sans", "DejaVu Sans")
# Sizes in points: body, title (Word "Title", HTML h1), headings by level (1: numbered sections
# and appendices, 2 and 3: subheadings), captions, table text, small print (stamps, notes).
BODY_PT = 10.5
TITLE_PT = 20.0
HEADING_PT = {1: 14.0, 2: 11.5, 3: 10.5}
CAPTION_PT = 10.0
TABLE_PT = 9.0
SMALL_PT = 8.0
SPACE_AFTER_PT = 8.0
LINE_HEIGHT = 1.35
# Colours (hex RGB without '#'): text and headings, secondary text, table rules, header fill,
# the exempt banner.
TEXT = "0b0c0c"
SECONDARY = "505a5f"
RULE = "505a5f"
HEADER_FILL = "f3f2f1"
WARNING = "d4351c"

_STACK = ", ".join([FONT, *(f'"{name}"' for name in FONT_FALLBACKS), "sans-serif"])
_MARGINS = " ".join(f"{value:g}cm" for value in MARGIN_CM)

PRINT_CSS = Template("""
@page {
  size: A4;
  margin: $margins;
  @top-center { content: string(banner); font: bold 9pt $stack;
    color: #$warning; }
  @bottom-left { content: string(doctitle); font-size: ${small}pt; color: #$secondary; width: 70%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: ${small}pt; }
}
html { font-family: $stack; font-size: ${body}pt;
  line-height: $line_height; color: #$text; }
body { margin: 0; }
.pp-document + .pp-document, .pp-cover + .pp-document { break-before: page; }
.pp-banner { string-set: banner content(); }
.govuk-warning-text.pp-banner { border: 2pt solid #$warning; padding: 4pt 8pt; margin: 0 0 12pt;
  font-weight: bold; }
.pp-title { string-set: doctitle content(); }
.govuk-heading-xl, .govuk-heading-l { font-size: ${title}pt; margin: 0 0 12pt; line-height: 1.15; }
.govuk-heading-m { font-size: ${h1}pt; margin: 18pt 0 8pt; break-after: avoid; }
.govuk-heading-s { font-size: ${h2}pt; margin: 12pt 0 6pt; break-after: avoid; }
.pp-heading-minor { font-size: ${h3}pt; }
.govuk-caption-l, .govuk-caption-m { color: #$secondary; font-size: 12pt; margin: 0 0 4pt; }
.govuk-body, .govuk-list { margin: 0 0 ${space}pt; }
.govuk-body-s { font-size: 9pt; margin: 0 0 6pt; }
.govuk-list--bullet { padding-left: 1.4em; }
.pp-para { padding-left: 3em; text-indent: -3em; }
.pp-para__number { display: inline-block; width: 3em; text-indent: 0; font-weight: bold; }
.govuk-summary-list { margin: 0 0 12pt; display: table; }
.govuk-summary-list__row { display: table-row; }
.govuk-summary-list__key, .govuk-summary-list__value { display: table-cell; padding: 2pt 12pt 2pt 0;
  margin: 0; }
.govuk-summary-list__key { font-weight: bold; }
.govuk-table { border-collapse: collapse; width: 100%; margin: 0 0 12pt; font-size: ${table}pt; }
.govuk-table__caption { caption-side: top; text-align: left; font-weight: bold;
  font-size: ${caption}pt; margin-bottom: 4pt; }
.govuk-table__header, .govuk-table__cell { border: 0.5pt solid #$rule; padding: 3pt 4pt;
  vertical-align: top; text-align: left; }
.govuk-table__head .govuk-table__header { background: #$header_fill; }
.govuk-table__header--numeric, .govuk-table__cell--numeric { text-align: right;
  white-space: nowrap; }
@page landscape { size: A4 landscape; }
.pp-appendix--wide { page: landscape; }
.pp-sources { break-inside: avoid; border-top: 0.5pt solid #$rule; margin-top: 18pt; }
.govuk-table__row { break-inside: avoid; }
.pp-figure { margin: 0 0 12pt; break-inside: avoid; }
.pp-figure__image { max-width: 100%; }
.pp-live { border-left: 3pt solid #b1b4b6; padding-left: 8pt; margin: 0 0 12pt; }
.pp-live__stamp { color: #$secondary; }
.pp-page-break { break-after: page; }
.pp-cover .govuk-table { font-size: ${body}pt; }
.pp-toc-page::after { content: target-counter(attr(href), page); }
.pp-withheld { border: 2pt solid #$text; padding: 8pt; }
""").substitute(
    margins=_MARGINS,
    stack=_STACK,
    warning=WARNING,
    small=f"{SMALL_PT:g}",
    secondary=SECONDARY,
    body=f"{BODY_PT:g}",
    line_height=f"{LINE_HEIGHT:g}",
    text=TEXT,
    title=f"{TITLE_PT:g}",
    h1=f"{HEADING_PT[1]:g}",
    h2=f"{HEADING_PT[2]:g}",
    h3=f"{HEADING_PT[3]:g}",
    space=f"{SPACE_AFTER_PT:g}",
    table=f"{TABLE_PT:g}",
    caption=f"{CAPTION_PT:g}",
    rule=RULE,
    header_fill=HEADER_FILL,
)
