"""The print CSS for standalone HTML and PDF.

It styles the GOV.UK Design System class names the HTML uses, without GOV.UK Frontend itself (its
fonts are for gov.uk only) and without fetching anything.
"""

from __future__ import annotations

__all__ = ["PRINT_CSS"]

PRINT_CSS = """
@page {
  size: A4;
  margin: 2.2cm 2cm 2.2cm 2cm;
  @top-center { content: string(banner); font: bold 9pt Arial, "Liberation Sans", "DejaVu Sans",
    sans-serif; color: #d4351c; }
  @bottom-left { content: string(doctitle); font-size: 8pt; color: #505a5f; width: 70%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }
}
html { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt;
  line-height: 1.35; color: #0b0c0c; }
body { margin: 0; }
.pp-document + .pp-document, .pp-cover + .pp-document { break-before: page; }
.pp-banner { string-set: banner content(); }
.govuk-warning-text.pp-banner { border: 2pt solid #d4351c; padding: 4pt 8pt; margin: 0 0 12pt;
  font-weight: bold; }
.pp-title { string-set: doctitle content(); }
.govuk-heading-xl, .govuk-heading-l { font-size: 20pt; margin: 0 0 12pt; line-height: 1.15; }
.govuk-heading-m { font-size: 14pt; margin: 18pt 0 8pt; break-after: avoid; }
.govuk-heading-s { font-size: 11.5pt; margin: 12pt 0 6pt; break-after: avoid; }
.pp-heading-minor { font-size: 10.5pt; }
.govuk-caption-l, .govuk-caption-m { color: #505a5f; font-size: 12pt; margin: 0 0 4pt; }
.govuk-body, .govuk-list { margin: 0 0 8pt; }
.govuk-body-s { font-size: 9pt; margin: 0 0 6pt; }
.govuk-list--bullet { padding-left: 1.4em; }
.pp-para { padding-left: 3em; text-indent: -3em; }
.pp-para__number { display: inline-block; width: 3em; text-indent: 0; font-weight: bold; }
.govuk-summary-list { margin: 0 0 12pt; display: table; }
.govuk-summary-list__row { display: table-row; }
.govuk-summary-list__key, .govuk-summary-list__value { display: table-cell; padding: 2pt 12pt 2pt 0;
  margin: 0; }
.govuk-summary-list__key { font-weight: bold; }
.govuk-table { border-collapse: collapse; width: 100%; margin: 0 0 12pt; font-size: 9pt; }
.govuk-table__caption { caption-side: top; text-align: left; font-weight: bold; font-size: 10pt;
  margin-bottom: 4pt; }
.govuk-table__header, .govuk-table__cell { border: 0.5pt solid #505a5f; padding: 3pt 4pt;
  vertical-align: top; text-align: left; }
.govuk-table__head .govuk-table__header { background: #f3f2f1; }
.govuk-table__row { break-inside: avoid; }
.pp-figure { margin: 0 0 12pt; break-inside: avoid; }
.pp-figure__image { max-width: 100%; }
.pp-live { border-left: 3pt solid #b1b4b6; padding-left: 8pt; margin: 0 0 12pt; }
.pp-live__stamp { color: #505a5f; }
.pp-page-break { break-after: page; }
.pp-cover .govuk-table { font-size: 10.5pt; }
.pp-toc-page::after { content: target-counter(attr(href), page); }
.pp-withheld { border: 2pt solid #0b0c0c; padding: 8pt; }
"""
