"""The minutes of a meeting as the legal record, as a builders' ``Document``.

Under the title: the status (draft, or approved and signed by whom and when), the venue, who was
present, the substitutes, who was in attendance, the apologies, and a late agenda's urgency.
Then one section per agenda item, so the builder's section numbers are the agenda's item
numbers (each item numbered once): an urgent item's special circumstances, where it came from,
the declarations of interest, for an exempt item the resolution to exclude the press and public
citing its Schedule 12A paragraph and the public interest test, then each resolution with its
reasons, the other options considered, and the recorded vote. The clerk's own text follows as
an appendix, as last corrected; every correction is listed as a correction.

What a viewer sees is ``core.access.visible``'s answer: the public minutes give an exempt item
only its public heading, the exclusion resolution and the fair summary (never its title or
resolutions); an item the viewer may not see at all is "not published". The restricted minutes
(exempt items in full) are only for those entitled to each item, and each opening is logged.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from partnerplan.core.access import Viewer, visible
from partnerplan.core.models import SCHEDULE_12A, Visibility
from partnerplan.governance.models import (
    AccessPath,
    AgendaItem,
    Decision,
    Declaration,
    ItemKind,
    Meeting,
    Minutes,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.services.agenda import exempt_access_log
from partnerplan.governance.services.interests import declaration_sentence
from partnerplan.reports.builders.model import Appendix, Document, Paragraph, Section
from partnerplan.reports.documents import paragraphs

PRIVATE = "The committee considered the exempt report in private."
EXCLUSION = (
    "RESOLVED: that under section 100A(4) of the Local Government Act 1972 the press and public "
    "be excluded from the meeting for this item, on the grounds that it involves the likely "
    "disclosure of exempt information as defined in paragraph {paragraph} of Part 1 of Schedule "
    "12A to the Act, and that in all the circumstances the public interest in maintaining the "
    "exemption outweighs the public interest in disclosing the information."
)


def _p(text: str) -> Paragraph:
    return Paragraph(text, numbered=False)


def _names(rows: list[str]) -> str:
    return ", ".join(rows) if rows else "None"


def _vote_text(decision: Decision) -> str:
    votes = list(decision.votes.all())
    if votes:
        groups: dict[str, list[str]] = {}
        for vote in votes:
            groups.setdefault(vote.get_choice_display(), []).append(vote.person.full_name)
        return (
            "Recorded vote: "
            + "; ".join(f"{choice}: {', '.join(names)}" for choice, names in groups.items())
            + "."
        )
    counts = [
        f"{label} {value}"
        for label, value in (
            ("for", decision.votes_for),
            ("against", decision.votes_against),
            ("abstentions", decision.abstentions),
        )
        if value is not None
    ]
    return f"Votes: {', '.join(counts)}." if counts else ""


def _resolutions(item: AgendaItem) -> list[Paragraph]:
    blocks: list[Paragraph] = []
    for rec in item.recommendations.all():
        label = f"Recommendation {rec.number}" + (f" ({rec.reference})" if rec.reference else "")
        if rec.withdrawn_on is not None:
            blocks.append(_p(f"{label} was withdrawn: {rec.withdrawal_reason}"))
            continue
        decision = getattr(rec, "decision", None)
        if decision is None:
            continue
        text = decision.amended_text or rec.text
        amended = " as amended" if decision.amended_text else ""
        blocks.append(
            _p(f"**RESOLVED** ({label}, {decision.get_outcome_display().lower()}{amended}): {text}")
        )
        if decision.reasons:
            blocks.append(_p(f"Reasons: {' '.join(decision.reasons.split())}"))
        if decision.options_considered:
            blocks.append(
                _p(f"Other options considered: {' '.join(decision.options_considered.split())}")
            )
        votes = _vote_text(decision)
        if votes:
            blocks.append(_p(votes))
    return blocks


def _declarations(declarations: list[Declaration], *, numbers: bool) -> list[Paragraph]:
    if not declarations:
        return [_p("No declarations of interest were made.")]
    return [
        _p((f"Item {d.item.number}: " if numbers else "") + declaration_sentence(d))
        for d in declarations
    ]


def _exclusion(item: AgendaItem) -> Paragraph:
    return _p(EXCLUSION.format(paragraph=item.exempt_paragraph))


def _item_section(item: AgendaItem, *, full: bool, declarations: list[Declaration]) -> Section:
    exempt = item.visibility == Visibility.EXEMPT
    blocks: list[Paragraph] = []
    heading = item.title if full else item.heading_for_public
    if item.added_late and item.late_reason:
        blocks.append(
            _p(
                "The chair agreed that this item be considered as a matter of urgency, for these "
                f"special circumstances: {' '.join(item.late_reason.split())}"
            )
        )
    if item.carried_from is not None:
        blocks.append(_p(f"Moved from the cancelled meeting of {item.carried_from.date_text}."))
    if exempt:
        blocks.append(_exclusion(item))
        if full and item.public_interest_test:
            blocks.append(
                _p(f"Public interest test: {' '.join(item.public_interest_test.split())}")
            )
    if item.withdrawn_on is not None:
        reason = item.withdrawal_reason if full or not exempt else "the reason is exempt"
        blocks.append(_p(f"Withdrawn on {format_date(item.withdrawn_on)}: {reason}"))
    if item.kind == ItemKind.DECLARATIONS:
        blocks += _declarations(declarations, numbers=True)
    elif full:
        own = [d for d in declarations if d.item_id == item.pk]
        if own:
            blocks += _declarations(own, numbers=False)
        blocks += _resolutions(item)
    else:  # an exempt item in the public minutes: a fair summary, the outcomes only
        blocks.append(_p(" ".join((item.public_summary or PRIVATE).split())))
        outcomes = [
            rec.decision.get_outcome_display().lower()
            for rec in item.recommendations.all()
            if getattr(rec, "decision", None) is not None
        ]
        if outcomes:
            blocks.append(_p(f"Decisions on the exempt recommendations: {', '.join(outcomes)}."))
    if not blocks:
        blocks.append(_p("Noted."))
    return Section(heading, tuple(blocks))


def _attendance(meeting: Meeting) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {"present": [], "attending": [], "apologies": []}
    chair = ""
    for row in meeting.attendance.select_related("person").all():
        name = row.person.full_name
        if row.status == "present":
            if row.role == "chair":
                chair = name
                name += " (chair)"
            rows["present" if row.is_voting or not row.role else "attending"].append(name)
        elif row.status == "apologies":
            rows["apologies"].append(name)
    rows["chair"] = [chair] if chair else []
    substitutions = getattr(meeting, "substitutions", None)
    rows["substitutes"] = (
        [f"{s.substitute.full_name} for {s.member.full_name}" for s in
         substitutions.select_related("substitute", "member")]
        if substitutions is not None
        else []
    )  # fmt: skip
    return rows


def _record(meeting: Meeting) -> tuple[Minutes | None, list[Any]]:
    record = (
        Minutes.objects.filter(meeting=meeting).select_related("approved_at", "signed_by").first()
    )
    corrections = list(record.corrections.order_by("version")) if record is not None else []
    return record, corrections


def _appendices(record: Minutes | None, corrections: list[Any]) -> list[Appendix]:
    """The clerk's record of proceedings, as last corrected, and the corrections."""
    if record is None:
        return []
    text = corrections[-1].text if corrections else record.text
    appendices = [
        Appendix(
            "Record of proceedings" + (" (as corrected)" if corrections else ""),
            tuple(_p(t) for t in paragraphs(text)) or (_p("No record."),),
        )
    ]
    if corrections:
        appendices.append(
            Appendix(
                "Corrections",
                tuple(
                    _p(
                        f"Correction, version {c.version}, made on "
                        f"{format_date(timezone.localtime(c.created_at).date())}: "
                        f"{' '.join(c.reason.split())}. The record of proceedings above is "
                        "as corrected; the text approved as a correct record is kept."
                    )
                    for c in corrections
                ),
            )
        )
    return appendices


def _status(record: Minutes | None, corrections: list[Any]) -> str:
    if record is None or record.status != "approved":
        return "Draft, not yet approved"
    signed = (
        f", signed by {record.signed_by.full_name} on {format_date(record.signed_on)}"
        if record.signed_by is not None and record.signed_on is not None
        else ""
    )
    at = record.approved_at.date_text if record.approved_at else ""
    corrected = f"; corrected {len(corrections)} time(s)" if corrections else ""
    return f"Approved as a correct record at the meeting of {at}{signed}; locked{corrected}"


def _details(
    meeting: Meeting, record: Minutes | None, corrections: list[Any]
) -> list[tuple[str, str]]:
    people = _attendance(meeting)
    details = [("Status", _status(record, corrections))]
    if meeting.venue:
        details.append(("Venue", meeting.venue))
    if people["chair"]:
        details.append(("Chair", people["chair"][0]))
    details.append(("Present", _names(people["present"])))
    if people["substitutes"]:
        details.append(("Substitutes", _names(people["substitutes"])))
    if people["attending"]:
        details.append(("In attendance", _names(people["attending"])))
    details.append(("Apologies for absence", _names(people["apologies"])))
    if meeting.published_late and meeting.urgency_reason:
        details.append(
            ("Agenda published late, as urgent", " ".join(meeting.urgency_reason.split()))
        )
    return details


def minutes_document(
    meeting: Meeting, *, viewer: Viewer, restricted: bool = False, user: Any = None
) -> Document:
    """The minutes of ``meeting`` as ``viewer`` may read them. ``restricted``: exempt items in
    full for a viewer entitled to them (each opening logged for ``user``)."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("carried_from")
        .prefetch_related("recommendations__decision__votes__person")
        .order_by("number")
    )
    openable = set(
        visible(AgendaItem.objects.filter(meeting=meeting), viewer).values_list("pk", flat=True)
    )
    declared = Declaration.objects.filter(item__meeting=meeting, item_id__in=openable)
    if not restricted:  # what an exempt item's declarations say may itself be exempt
        declared = declared.exclude(item__visibility=Visibility.EXEMPT)
    declarations = list(
        declared.select_related("person", "item", "dispensation").order_by("item__number", "pk")
    )
    by_number = {item.number: item for item in items}
    sections: list[Section] = []
    top = max(by_number, default=0)
    for number in range(1, top + 1):
        item = by_number.get(number)
        if item is None or (item.pk not in openable and item.visibility != Visibility.EXEMPT):
            sections.append(Section("Not published", (_p("This item is not published."),)))
            continue
        exempt = item.visibility == Visibility.EXEMPT
        full = item.pk in openable and (restricted or not exempt)
        if exempt and full and user is not None:
            exempt_access_log(user=user, item=item, via=AccessPath.MINUTES)
        sections.append(_item_section(item, full=full, declarations=declarations))
    record, corrections = _record(meeting)
    appendices = _appendices(record, corrections)
    details = _details(meeting, record, corrections)
    exempt_items = [i for i in items if i.visibility == Visibility.EXEMPT]
    shown = [i for i in exempt_items if i.pk in openable] if restricted else []
    paragraph = shown[0].exempt_paragraph if shown else None
    if paragraph is not None:
        details.append(("Exempt information", SCHEDULE_12A(paragraph).label))
    return Document(
        title=f"Minutes: {meeting.body.name}",
        meeting=meeting.body.name,
        date=timezone.localtime(meeting.starts_at).date(),
        kind="Minutes",
        exempt_paragraph=paragraph,
        recommendations_required=False,
        show_background_papers=False,
        details=tuple(details),
        sections=tuple(sections),
        appendices=tuple(appendices),
    )
