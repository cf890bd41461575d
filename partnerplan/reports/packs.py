"""Agenda packs: built from the latest published versions of a meeting's reports, and stored.

``agenda_pack_build`` is what the background worker runs (``tasks.build_agenda_packs``);
``services.agenda_pack_request`` marks the packs as being prepared and asks for the build.
The public pack never holds an exempt report: ``builders.split_for_publication`` puts a "not for
publication" notice in its place, and ``builders.build_pack`` refuses an exempt report in a
public pack.

The reports are as published, but the pack says what changed since, as the meeting and item
pages do: on the agenda and under the report's heading, "Changed after publication: ..." and
"Withdrawn: ... (date)" for the item and each recommendation; a withdrawn recommendation stays
listed in its report, marked where it stands.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from partnerplan.core import clock
from partnerplan.core.models import Visibility
from partnerplan.governance.models import (
    AgendaItem,
    BodyMembership,
    Declaration,
    Meeting,
    MemberRole,
    Recommendation,
    Substitution,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.services.interests import declaration_sentence
from partnerplan.reports import documents, selectors
from partnerplan.reports.builders import (
    AgendaCover,
    AgendaEntry,
    AgendaNote,
    Document,
    Paragraph,
    Run,
    build_pack,
    split_for_publication,
)
from partnerplan.reports.builders.text import runs_of
from partnerplan.reports.models import AgendaPack, PackAudience, PackStatus
from partnerplan.reports.selectors import PackContents
from partnerplan.reports.serialise import document_from_json

log = logging.getLogger(__name__)


# --- What changed after the agenda was published (as the meeting and item pages show) ------


def _withdrawn(row: AgendaItem | Recommendation) -> str:
    assert row.withdrawn_on is not None
    return f"Withdrawn: {row.withdrawal_reason} ({format_date(row.withdrawn_on)})"


def _item_notes(item: AgendaItem, recommendations: list[Recommendation]) -> tuple[AgendaNote, ...]:
    """The item's own marks, then its recommendations'. An exempt item's reasons and notes stay
    out of the public pack, which says only that it was changed or withdrawn."""
    exempt = item.visibility == Visibility.EXEMPT
    notes: list[AgendaNote] = []

    def add(text: str, public: str, prefix: str = "") -> None:
        notes.append(AgendaNote(prefix + text, (prefix + public) if exempt else ""))

    if item.withdrawn_on is not None:
        add(_withdrawn(item), f"Withdrawn ({format_date(item.withdrawn_on)})")
    if item.change_note:
        add(f"Changed after publication: {item.change_note}", "Changed after publication")
    for rec in recommendations:
        prefix = f"Recommendation {rec.number}: "
        if rec.withdrawn_on is not None:
            add(_withdrawn(rec), f"Withdrawn ({format_date(rec.withdrawn_on)})", prefix)
        if rec.change_note:
            add(
                f"Changed after publication: {rec.change_note}", "Changed after publication", prefix
            )
    return tuple(notes)


def _recommendations_by_item(meeting: Meeting) -> dict[int, list[Recommendation]]:
    by_item: dict[int, list[Recommendation]] = defaultdict(list)
    for rec in Recommendation.objects.filter(item__meeting=meeting).order_by("item_id", "number"):
        by_item[rec.item_id].append(rec)
    return by_item


def _marked(doc: Document, recommendations: list[Recommendation]) -> Document:
    """The published report with each withdrawn or changed recommendation marked where it
    stands (it stays listed, so the numbering of the report does not move). The report froze
    the item's recommendations in number order; one added since comes after them."""
    if len(doc.recommendations) > len(recommendations):
        return doc  # not the recommendations the report was published with: the agenda says
    marked = []
    for block, rec in zip(doc.recommendations, recommendations, strict=False):
        marks = []
        if rec.withdrawn_on is not None:
            marks.append(_withdrawn(rec))
        if rec.change_note:
            marks.append(f"Changed after publication: {rec.change_note}")
        if marks and isinstance(block, Paragraph):
            # The text keeps its own emphasis; the mark is a bold run of its own, never markup.
            tail = Run(" [" + ". ".join(marks) + "]", bold=True)
            block = dataclasses.replace(block, text=(*runs_of(block.text), tail))
        marked.append(block)
    return dataclasses.replace(doc, recommendations=tuple(marked))


def _people(meeting: Meeting) -> dict[str, tuple[str, ...]]:
    """The cover's membership (current on the meeting's day) with substitutes, the apologies
    received and the interests declared in advance (exempt items' apart: restricted pack)."""
    on = timezone.localtime(meeting.starts_at).date()
    members = []
    for row in BodyMembership.objects.filter(body=meeting.body).select_related(
        "person", "represents"
    ):
        if not row.is_current(on) or row.role == MemberRole.SUBSTITUTE:
            continue
        role = "" if row.role == MemberRole.MEMBER else f" ({row.get_role_display()})"
        partner = f", {row.represents.name}" if row.represents is not None else ""
        members.append(f"{row.person.full_name}{role}{partner}")
    substitutes = [
        f"{s.substitute.full_name} for {s.member.full_name}"
        for s in Substitution.objects.filter(meeting=meeting).select_related("substitute", "member")
    ]
    apologies = [
        row.person.full_name
        for row in meeting.attendance.filter(status="apologies").select_related("person")
    ]
    declared = list(
        Declaration.objects.filter(item__meeting=meeting)
        .select_related("person", "item", "dispensation")
        .order_by("item__number", "pk")
    )
    public = [d for d in declared if d.item.visibility != Visibility.EXEMPT]
    exempt = [d for d in declared if d.item.visibility == Visibility.EXEMPT]
    return {
        "members": tuple(members),
        "substitutes": tuple(substitutes),
        "apologies": tuple(apologies),
        "declarations": tuple(f"Item {d.item.number}: {declaration_sentence(d)}" for d in public),
        "exempt_declarations": tuple(
            f"Item {d.item.number}: {declaration_sentence(d)}" for d in exempt
        ),
    }


def _pack_cover(
    contents: PackContents, recommendations: dict[int, list[Recommendation]]
) -> AgendaCover:
    meeting = contents.meeting
    people = _people(meeting)
    return AgendaCover(
        body=meeting.body.name,
        date=timezone.localtime(meeting.starts_at).replace(tzinfo=None),
        venue=meeting.venue,
        members=people["members"],
        substitutes=people["substitutes"],
        apologies=people["apologies"],
        declarations=people["declarations"],
        exempt_declarations=people["exempt_declarations"],
        opening_items=tuple(
            AgendaEntry(f"{item.title}", notes=_item_notes(item, recommendations[item.pk]))
            for item in contents.others
        ),
        item_notes={
            f"Agenda item {item.number}": notes
            for item, _v in contents.reports
            if (notes := _item_notes(item, recommendations[item.pk]))
        },
    )


def agenda_pack_build(*, meeting_id: int) -> None:
    """Build the public pack (exempt reports replaced by a notice) and the restricted pack (the
    exempt reports) from the latest published versions, and store them. If a report was
    published again meanwhile, the packs stay "being prepared" for the build that follows."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting_id)
    contents = selectors.pack_contents(meeting)
    used = sorted(version.pk for _item, version in contents.reports)
    pdfs: dict[str, bytes | None] = {}
    error = ""
    try:
        # A version published over a figure check keeps the check in its document (its page
        # shows it); the pack prints it as it was published, without the check.
        recommendations = _recommendations_by_item(meeting)
        documents_ = [
            _marked(
                documents.without_figure_checks(document_from_json(v.document))
                if v.figure_override_reason
                else document_from_json(v.document),
                recommendations[item.pk],
            )
            for item, v in contents.reports
        ]
        public, restricted = split_for_publication(documents_)
        cover = _pack_cover(contents, recommendations)
        pdfs[PackAudience.PUBLIC] = (
            build_pack(public, cover=cover, audience="public") if documents_ else None
        )
        pdfs[PackAudience.RESTRICTED] = (
            build_pack(restricted, cover=cover, audience="restricted") if restricted else None
        )
    except Exception as exc:  # the pack records the failure rather than vanishing
        log.exception("Agenda pack for meeting %s failed", meeting_id)
        error = f"The pack could not be built: {exc}"
    with transaction.atomic():
        packs = list(AgendaPack.objects.select_for_update().filter(meeting=meeting))
        latest = sorted(v.pk for _item, v in selectors.pack_contents(meeting).reports)
        for pack in packs:
            if latest != used and not error:
                continue  # published again meanwhile: the next build stores it
            pack.versions = used
            pack.status = PackStatus.FAILED if error else PackStatus.READY
            pack.error = error
            pack.pdf = None if error else pdfs.get(pack.audience)
            pack.built_at = clock.now()
            pack.save()
