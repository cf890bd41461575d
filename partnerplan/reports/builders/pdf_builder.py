"""PDF through WeasyPrint: single reports and agenda packs.

The PDF is made from the standalone HTML, so the HTML and PDF always say the same. It is tagged
(headings, tables with header cells, figures with their alt text), carries the document's title
and language, is A4 with page numbers, and an exempt report carries the Schedule 12A banner at the
top of every page. WeasyPrint may only read data: URLs here, so a document cannot make the
server fetch anything.

An agenda pack is rendered in one WeasyPrint pass over one HTML document (cover, then each
report), so page numbers run through the pack and the agenda can give each item's page.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import Any, Literal

from .exempt import WITHHELD_KIND, split_for_publication
from .html_builder import document_fragment, format_date, standalone_html, standalone_page
from .model import Document
from .prepared import PreparedDocument, prepare_document
from .problems import DocumentError, Problem

__all__ = [
    "AgendaCover",
    "AgendaEntry",
    "AgendaNote",
    "MeetingPacks",
    "build_meeting_packs",
    "build_pack",
    "build_pdf",
]

Audience = Literal["public", "restricted"]


@dataclass(frozen=True)
class AgendaNote:
    """What happened to an agenda item or one of its recommendations since the agenda was
    published: "Changed after publication: ...", "Withdrawn: ... (3 December 2026)".

    ``public_text``: what the public pack says instead, for an exempt item (its reasons stay out
    of the public pack); empty when the public pack says ``text`` too."""

    text: str
    public_text: str = ""

    def for_audience(self, audience: Audience) -> str:
        return self.public_text if audience == "public" and self.public_text else self.text


@dataclass(frozen=True)
class AgendaEntry:
    """An agenda item with no report of its own (apologies, declarations of interest ...)."""

    title: str
    note: str = ""
    notes: tuple[AgendaNote, ...] = ()


@dataclass(frozen=True)
class AgendaCover:
    body: str
    date: dt.date | dt.datetime
    venue: str = ""
    contact: str = ""
    language: str = "en-GB"
    # Items taken before the reports, numbered from 1.
    opening_items: tuple[AgendaEntry, ...] = ()
    # Notes on the items with reports, by the report's agenda item label ("Agenda item 3"): shown
    # on the agenda and at the top of the report in the pack.
    item_notes: dict[str, tuple[AgendaNote, ...]] = field(default_factory=dict)
    # The body's membership ("Cllr A Smith (Chair), Tamworth Borough Council"), the substitutes
    # notified ("B Jones for A Smith"), apologies received and interests declared in advance
    # (those on exempt items in ``exempt_declarations``, for the restricted pack only).
    members: tuple[str, ...] = ()
    substitutes: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    declarations: tuple[str, ...] = ()
    exempt_declarations: tuple[str, ...] = ()
    # Print the standard items (apologies and substitutes, declarations of interest) on the cover.
    standard_items: bool = True


DECLARATIONS_WORDING = (
    "Members are asked to declare any disclosable pecuniary interest or other registrable or "
    "non-registrable interest in any item of business, and its nature, at this point or as "
    "soon as it becomes apparent. A member with a disclosable pecuniary interest leaves the "
    "meeting for that item unless a dispensation has been granted."
)


@dataclass(frozen=True)
class MeetingPacks:
    public: bytes
    # None when no report on the agenda is exempt.
    restricted: bytes | None


def build_pdf(prepared: PreparedDocument, *, html: str | None = None) -> bytes:
    """The prepared document as a PDF, made from its standalone HTML. ``html``: the fragment
    ``build_html(prepared)`` already gave (publishing keeps both), so it is not rendered twice."""
    fragment = html if html is not None else document_fragment(prepared)
    return _render(standalone_html(prepared, fragment))


def build_pack(
    documents: Sequence[Document], *, cover: AgendaCover, audience: Audience = "public"
) -> bytes:
    """One PDF: the agenda, then each report in order.

    A public pack refuses exempt reports: pass the public list from ``split_for_publication``
    (or use ``build_meeting_packs``), which puts a "not for publication" notice in their place.
    """
    problems: list[Problem] = []
    numbered = _agenda_numbers(cover, documents)
    prepared: list[PreparedDocument] = []
    for doc, item in zip(documents, numbered, strict=True):
        if audience == "public" and doc.is_exempt:
            problems.append(
                Problem(
                    "exempt_in_public_pack",
                    f"Item {item}",
                    f"'{doc.title}' is exempt (Schedule 12A paragraph {doc.exempt_paragraph}) "
                    "and cannot go into the public pack.",
                )
            )
        try:
            prepared.append(prepare_document(doc))
        except DocumentError as error:
            for problem in error.problems:
                where = f"Item {item} ({doc.title})" + (
                    f", {problem.where}" if problem.where else ""
                )
                problems.append(replace(problem, where=where))
    if not documents:
        problems.append(Problem("empty_pack", "Agenda pack", "The pack has no reports in it."))
    if problems:
        raise DocumentError(problems)

    parts = [_cover(cover, documents, numbered, audience)]
    for ready, item in zip(prepared, numbered, strict=True):
        labelled = ready if ready.document.agenda_item else ready.labelled(f"Agenda item {item}")
        fragment = document_fragment(labelled, anchor=f"item-{item}")
        notes = _notes_for(cover, ready.document, audience)
        if notes:
            # Inside the report's article, under its heading (the page break stays before it).
            notice = "".join(f'<p class="govuk-body">{escape(n)}</p>' for n in notes)
            fragment = fragment.replace(
                "</header>",
                f'</header><div class="govuk-inset-text pp-agenda-notes">{notice}</div>',
                1,
            )
        parts.append(fragment)
    restricted = " (restricted)" if audience == "restricted" else ""
    title = f"Agenda pack{restricted}: {cover.body}, {format_date(cover.date)}"
    html = standalone_page(
        title=title,
        language=cover.language,
        body="\n".join(parts),
        subject=cover.body,
        created=cover.date.date() if isinstance(cover.date, dt.datetime) else cover.date,
    )
    return _render(html)


def build_meeting_packs(documents: Sequence[Document], *, cover: AgendaCover) -> MeetingPacks:
    """The public pack, and the restricted pack when any report is exempt."""
    public, restricted = split_for_publication(documents)
    public_pdf = build_pack(public, cover=cover, audience="public")
    restricted_pdf = (
        build_pack(restricted, cover=cover, audience="restricted") if restricted else None
    )
    return MeetingPacks(public=public_pdf, restricted=restricted_pdf)


def _notes_for(cover: AgendaCover, doc: Document, audience: Audience) -> list[str]:
    notes = cover.item_notes.get(doc.agenda_item, ()) if doc.agenda_item else ()
    return [note.for_audience(audience) for note in notes]


def _note_lines(notes: Sequence[str]) -> str:
    return "".join(
        f'<br><span class="govuk-body-s pp-agenda-note">{escape(n)}</span>' for n in notes
    )


def _agenda_numbers(cover: AgendaCover, documents: Sequence[Document]) -> list[int]:
    start = len(cover.opening_items) + 1
    return list(range(start, start + len(documents)))


def _cover(
    cover: AgendaCover, documents: Sequence[Document], numbered: list[int], audience: Audience
) -> str:
    e = escape
    rows: list[str] = []
    for index, entry in enumerate(cover.opening_items, 1):
        note = f"<br>{e(entry.note)}" if entry.note else ""
        marks = _note_lines([n.for_audience(audience) for n in entry.notes])
        rows.append(_row(str(index), f"{e(entry.title)}{note}{marks}", ""))
    withheld = [doc.kind == WITHHELD_KIND for doc in documents]
    for doc, item, is_withheld in zip(documents, numbered, withheld, strict=True):
        title = e(doc.title)
        if is_withheld:
            title += "<br><strong>Not for publication</strong> (exempt information)"
        elif doc.is_exempt:
            title += f"<br><strong>Exempt:</strong> Schedule 12A paragraph {doc.exempt_paragraph}"
        title += _note_lines(_notes_for(cover, doc, audience))
        page = f'<a class="pp-toc-page" href="#item-{item}">page </a>'
        rows.append(_row(str(item), title, page))
    banner = (
        '<div class="govuk-warning-text pp-banner" role="note"><strong '
        'class="govuk-warning-text__text">RESTRICTED PACK — exempt reports, not for '
        "publication</strong></div>"
        if audience == "restricted"
        else '<div class="pp-banner" aria-hidden="true"></div>'
    )
    facts = [
        '<dl class="govuk-summary-list pp-details">',
        _fact("Date", format_date(_day(cover.date))),
    ]
    if isinstance(cover.date, dt.datetime):
        facts.append(_fact("Time", _time(cover.date)))
    if cover.venue:
        facts.append(_fact("Venue", cover.venue))
    if cover.contact:
        facts.append(_fact("Contact", cover.contact))
    facts.append("</dl>")
    facts.append(_membership(cover, audience))
    exclusion = ""
    if audience == "public" and any(withheld):
        exclusion = (
            '<p class="govuk-body">Items marked not for publication are likely to be considered '
            "after the committee resolves to exclude the public, because they involve the likely "
            "disclosure of exempt information as defined in Part 1 of Schedule 12A to the Local "
            "Government Act 1972.</p>"
        )
    return (
        '<section class="pp-cover">'
        f"{banner}"
        f'<p class="govuk-caption-l">{e(cover.body)}</p>'
        '<h1 class="govuk-heading-xl pp-title">Agenda</h1>'
        f"{''.join(facts)}"
        '<table class="govuk-table"><caption class="govuk-table__caption">Items of business'
        '</caption><thead class="govuk-table__head"><tr class="govuk-table__row">'
        '<th scope="col" class="govuk-table__header">Item</th>'
        '<th scope="col" class="govuk-table__header">Business</th>'
        '<th scope="col" class="govuk-table__header">Page</th></tr></thead>'
        f'<tbody class="govuk-table__body">{"".join(rows)}</tbody></table>'
        f"{exclusion}</section>"
    )


def _fact(key: str, value: str) -> str:
    return (
        '<div class="govuk-summary-list__row">'
        f'<dt class="govuk-summary-list__key">{escape(key)}</dt>'
        f'<dd class="govuk-summary-list__value">{escape(value)}</dd></div>'
    )


def _day(when: dt.date | dt.datetime) -> dt.date:
    return when.date() if isinstance(when, dt.datetime) else when


def _time(when: dt.datetime) -> str:
    """10.00am, 2.30pm: the time as council agendas print it."""
    hour = when.hour % 12 or 12
    return f"{hour}.{when.minute:02d}{'am' if when.hour < 12 else 'pm'}"


def _list(items: Sequence[str], none: str) -> str:
    if not items:
        return f'<p class="govuk-body">{escape(none)}</p>'
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="govuk-list govuk-list--bullet">{rows}</ul>'


def _membership(cover: AgendaCover, audience: Audience) -> str:
    """Membership with substitutes, and the standard items: apologies, declarations."""
    parts: list[str] = []
    if cover.members:
        parts.append('<h2 class="govuk-heading-s">Membership</h2>')
        parts.append(_list(cover.members, ""))
    if not cover.standard_items:
        return "".join(parts)
    parts.append('<h2 class="govuk-heading-s">Apologies for absence and substitutes</h2>')
    parts.append('<p class="govuk-body">Apologies received:</p>')
    parts.append(_list(cover.apologies, "None received before the agenda was published."))
    parts.append('<p class="govuk-body">Substitute members notified:</p>')
    parts.append(_list(cover.substitutes, "None notified."))
    parts.append('<h2 class="govuk-heading-s">Declarations of interest</h2>')
    parts.append(f'<p class="govuk-body">{escape(DECLARATIONS_WORDING)}</p>')
    declared = list(cover.declarations)
    if audience == "restricted":
        declared += list(cover.exempt_declarations)
    if declared:
        parts.append('<p class="govuk-body">Declared in advance:</p>')
        parts.append(_list(declared, ""))
    return f'<div class="pp-cover__standard">{"".join(parts)}</div>'


def _row(number: str, business: str, page: str) -> str:
    return (
        f'<tr class="govuk-table__row"><td class="govuk-table__cell">{number}</td>'
        f'<td class="govuk-table__cell">{business}</td>'
        f'<td class="govuk-table__cell">{page}</td></tr>'
    )


_font_config: Any = None


@atexit.register
def _release_font_config() -> None:
    """Free Pango's objects while its libraries are still loaded.

    Left to the interpreter's last garbage collection, the cached FontConfiguration's GObjects
    can be finalised after GLib is torn down, and the process dies with SIGSEGV on exit.
    """
    global _font_config
    _font_config = None
    gc.collect()


def _render(html: str) -> bytes:
    global _font_config
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    if _font_config is None:
        # Building the font configuration costs time; one per process is enough because
        # documents declare no @font-face of their own.
        _font_config = FontConfiguration()
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf(
        font_config=_font_config, pdf_tags=True, uncompressed_pdf=False
    )
    if not isinstance(pdf, bytes) or not pdf.startswith(b"%PDF"):  # pragma: no cover
        raise RuntimeError("WeasyPrint produced no PDF")
    return pdf
