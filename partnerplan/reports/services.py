"""Every write to committee reports. Each service validates, saves atomically and records who
made the change.

Lifecycle (``TRANSITIONS``): a report is a draft until it is first published; publishing again
makes a new version. Publishing builds the whole document (HTML, .docx and PDF) before saving
anything, so a report that cannot be built is not published half-made.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from partnerplan.core import clock
from partnerplan.core.models import User
from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import AgendaItem, ItemKind, Meeting, Recommendation
from partnerplan.reports import clearance, documents, selectors
from partnerplan.reports.builders import (
    DocumentError,
    build_html,
    build_pdf,
    prepare_document,
)
from partnerplan.reports.builders.docx_builder import build_docx, check_template
from partnerplan.reports.builders.limits import Limits, run_limited
from partnerplan.reports.builders.prepared import PreparedDocument
from partnerplan.reports.builders.problems import Problem
from partnerplan.reports.builders.uploads import docx_problems, image_problems
from partnerplan.reports.models import (
    AgendaPack,
    BlockKind,
    PackAudience,
    PackStatus,
    Report,
    ReportBlock,
    ReportSection,
    ReportStatus,
    ReportVersion,
    SectionKind,
)
from partnerplan.reports.seed_report import OVERRIDE
from partnerplan.reports.serialise import to_json
from partnerplan.reports.sources import SOURCES
from partnerplan.reports.tasks import build_agenda_packs

REPORT_FIELDS = {
    "title", "author", "author_role", "purpose", "financial", "legal", "equalities", "risks",
    "conclusions", "background_papers", "recommendations_required", "data_protection",
    "climate", "contact_officer", "wards_affected",
}  # fmt: skip
SECTION_FIELDS = {"heading", "kind", "order"}
BLOCK_FIELDS = {
    "kind", "order", "text", "numbered", "live_kind", "live_params", "figure", "alt", "caption",
    "image_type",
}  # fmt: skip

# transition -> the states it may start from
TRANSITIONS: dict[str, set[str]] = {
    "publish": {ReportStatus.DRAFT, ReportStatus.PUBLISHED},
}

PNG = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE = 5 * 1024 * 1024
MAX_TEMPLATE = 10 * 1024 * 1024


def _apply(obj: Any, allowed: set[str], data: dict[str, Any]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(obj, name, value)


def _validate_report(report: Report) -> None:
    errors: dict[str, list[str]] = {}
    report.title = report.title.strip()
    if not report.title:
        errors["title"] = ["Enter the title of the report"]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_create(*, actor: Actor, item: AgendaItem, **data: Any) -> Report:
    if item.kind != ItemKind.REPORT:
        raise ValidationError(
            {"item": ["Choose an agenda item that is a report, not a standing item or minutes"]}
        )
    if Report.objects.filter(item=item).exists():
        raise ValidationError({"item": [f"{item} already has a report: change that one instead"]})
    report = Report(item=item)
    data.setdefault("title", item.title)
    data.setdefault("author", item.author)
    data.setdefault("purpose", item.purpose)
    _apply(report, REPORT_FIELDS, data)
    _validate_report(report)
    save_with_actor(report, actor)
    return report


@transaction.atomic
def report_update(*, actor: Actor, report: Report, **data: Any) -> Report:
    """Change the report's details. A change to what the officers cleared (its details or
    implications) withdraws their sign-offs (reports.clearance)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    before = clearance.cleared_values(report)
    partners = data.pop("partners_affected", None)
    _apply(report, REPORT_FIELDS, data)
    _validate_report(report)
    save_with_actor(report, actor)
    withdrawn = clearance.sign_offs_withdraw(report, before)
    if partners is not None:
        old = set(report.partners_affected.values_list("pk", flat=True))
        report.partners_affected.set(partners)
        if not withdrawn and old != {p.pk for p in partners}:
            clearance.sign_offs_withdraw(report, {"title": None})
    return report


@transaction.atomic
def report_set_template(*, actor: Actor, report: Report, name: str, data: bytes | None) -> Report:
    """Use the council's own Word template (or, with ``data=None``, the built-in styles)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if data is not None:
        if len(data) > MAX_TEMPLATE:
            raise ValidationError({"template": ["The template must be smaller than 10 MB"]})
        # Zip-bomb and XML-entity checks before python-docx opens it.
        unsafe = docx_problems(data)
        if unsafe:
            raise ValidationError({"template": unsafe})
        problems = check_template(data)
        if problems:
            raise ValidationError({"template": [p.message for p in problems]})
    report.docx_template = data
    report.docx_template_name = name if data is not None else ""
    save_with_actor(report, actor)
    return report


def _next_order(queryset: Any) -> int:
    return int(queryset.aggregate(m=Max("order"))["m"] or 0) + 1


def _changed(report: Report) -> None:
    """A section or block of the report changed: the sign-offs given no longer stand."""
    clearance.sign_offs_withdraw(report)


def _lock_report(report_id: int) -> Report:
    # The report's row is the lock every change to its sections and blocks takes first.
    return Report.objects.select_for_update().get(pk=report_id)


def _block_report(block: ReportBlock) -> Report:
    return _lock_report(
        ReportSection.objects.values_list("report_id", flat=True).get(pk=block.section_id)
    )


@transaction.atomic
def section_add(*, actor: Actor, report: Report, heading: str, kind: str = SectionKind.BODY,
                order: int | None = None) -> ReportSection:  # fmt: skip
    locked = _lock_report(report.pk)
    section = ReportSection(report=report, heading=heading.strip(), kind=kind)
    section.order = order if order is not None else _next_order(report.sections.filter(kind=kind))
    if not section.heading:
        raise ValidationError({"heading": ["Enter a heading for the section"]})
    save_with_actor(section, actor)
    _changed(locked)
    return section


@transaction.atomic
def section_update(*, actor: Actor, section: ReportSection, **data: Any) -> ReportSection:
    report = _lock_report(section.report_id)
    before = {f: getattr(section, f) for f in SECTION_FIELDS}
    _apply(section, SECTION_FIELDS, data)
    section.heading = section.heading.strip()
    if not section.heading:
        raise ValidationError({"heading": ["Enter a heading for the section"]})
    save_with_actor(section, actor)
    if before != {f: getattr(section, f) for f in SECTION_FIELDS}:
        _changed(report)
    return section


@transaction.atomic
def section_delete(*, actor: Actor, section: ReportSection) -> None:
    report = _lock_report(section.report_id)
    delete_with_actor(section, actor)
    _changed(report)


MOVES = {"up": -1, "down": 1}


def _move(actor: Actor, siblings: list[Any], target: Any, direction: str, what: str) -> None:
    """Swap ``target`` with its neighbour in ``direction`` among ``siblings`` (in their order),
    then number them 1, 2, 3 ... Refused, saying why, at the ends."""
    if direction not in MOVES:
        raise ValidationError({"direction": ["Choose to move it up or down"]})
    index = next((i for i, s in enumerate(siblings) if s.pk == target.pk), None)
    if index is None:  # pragma: no cover - the caller read the siblings of the target
        raise ValidationError({"direction": [f"The {what} has been deleted"]})
    other = index + MOVES[direction]
    if other < 0:
        raise ValidationError(
            {"direction": [f"This is the first {what} already: it cannot move further up"]}
        )
    if other >= len(siblings):
        raise ValidationError(
            {"direction": [f"This is the last {what} already: it cannot move further down"]}
        )
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, 1):
        if sibling.order != order:
            sibling.order = order
            save_with_actor(sibling, actor, validate=False)


@transaction.atomic
def report_section_move(*, actor: Actor, section: ReportSection, direction: str) -> ReportSection:
    """Move a section one place up or down among the report's sections of its kind (a section
    of the report among the sections, an appendix among the appendices). The sign-offs given
    are withdrawn: the paragraph numbers the officers read change."""
    report = _lock_report(section.report_id)
    siblings = list(
        ReportSection.objects.filter(report_id=section.report_id, kind=section.kind).order_by(
            "order", "pk"
        )
    )
    what = "appendix" if section.kind == SectionKind.APPENDIX else "section"
    _move(actor, siblings, section, direction, what)
    _changed(report)
    return next(s for s in siblings if s.pk == section.pk)


@transaction.atomic
def report_block_move(*, actor: Actor, block: ReportBlock, direction: str) -> ReportBlock:
    """Move a block one place up or down inside its section (the sign-offs are withdrawn)."""
    report = _block_report(block)
    siblings = list(ReportBlock.objects.filter(section_id=block.section_id).order_by("order", "pk"))
    _move(actor, siblings, block, direction, "block in its section")
    _changed(report)
    return next(b for b in siblings if b.pk == block.pk)


def _validate_live(block: ReportBlock, errors: dict[str, list[str]]) -> None:
    if block.kind == BlockKind.LIVE:
        source = SOURCES.get(block.live_kind)
        if source is None:
            errors["live_kind"] = ["Choose what the live block shows"]
        else:
            for name in source.needs:
                if block.live_params.get(name) in (None, ""):
                    errors.setdefault(name, []).append(f"Choose the {name} this live block shows")
            start, end = block.live_params.get("start"), block.live_params.get("end")
            if start and end and str(end) < str(start):
                errors["end"] = ["The end date must be the same as or after the start date"]


def _validate_image(block: ReportBlock, errors: dict[str, list[str]]) -> None:
    if block.kind == BlockKind.IMAGE:
        data = bytes(block.image or b"")
        if not data:
            errors["image"] = ["Choose a PNG or SVG image"]
        elif len(data) > MAX_IMAGE:
            errors["image"] = ["The image must be smaller than 5 MB"]
        else:
            # What the bytes are, not what the browser said; size and pixel limits.
            kind, problems = image_problems(data)
            if problems:
                errors["image"] = problems
            else:
                block.image_type = kind or block.image_type
        if not block.alt.strip():
            errors["alt"] = [
                "Enter alt text: describe what the image shows for people who cannot see it"
            ]


def _validate_block(block: ReportBlock) -> None:
    errors: dict[str, list[str]] = {}
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.SUBHEADING) and not block.text.strip():
        errors["text"] = ["Enter the text of the " + block.get_kind_display().lower()]
    _validate_live(block, errors)
    _validate_image(block, errors)
    figure = block.figure or {}
    if figure.get("fund") and not figure.get("on"):
        errors["figure_on"] = ["Enter the date the figure is the balance at"]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def block_add(
    *, actor: Actor, section: ReportSection, image: bytes | None = None, **data: Any
) -> ReportBlock:
    report = _lock_report(section.report_id)
    block = ReportBlock(section=section)
    _apply(block, BLOCK_FIELDS, data)
    if not data.get("order"):
        block.order = _next_order(section.blocks.all())
    block.image = image
    _validate_block(block)
    save_with_actor(block, actor)
    _changed(report)
    return block


def _block_values(block: ReportBlock) -> dict[str, Any]:
    return {**{f: getattr(block, f) for f in BLOCK_FIELDS}, "image": bytes(block.image or b"")}


@transaction.atomic
def block_update(
    *, actor: Actor, block: ReportBlock, image: bytes | None = None, **data: Any
) -> ReportBlock:
    report = _block_report(block)
    block = ReportBlock.objects.select_for_update().get(pk=block.pk)
    before = _block_values(block)
    _apply(block, BLOCK_FIELDS, data)
    if image is not None:
        block.image = image
    _validate_block(block)
    save_with_actor(block, actor)
    if before != _block_values(block):
        _changed(report)
    return block


@transaction.atomic
def block_delete(*, actor: Actor, block: ReportBlock) -> None:
    report = _block_report(block)
    delete_with_actor(block, actor)
    _changed(report)


def _messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


FIGURE_MISMATCH = "figure_mismatch"


def require_override_reason(figures: list[Problem], reason: str) -> None:
    """A report whose figure check fails (the ledger disagrees) is published only with the
    reason for overriding the check."""
    if figures and not reason:
        raise ValidationError(
            {
                "override_reason": [
                    *_messages(figures),
                    "To publish with a figure that does not agree with the data, give the "
                    "reason for overriding the check",
                ]
            }
        )


def render_limited(
    prepared: PreparedDocument, *, template: bytes | None
) -> tuple[str, bytes, bytes]:
    """A report's HTML, Word and PDF files. The Word and PDF files, which carry uploaded images
    and Word templates, are made in a child process within the installation's time and memory
    limits (settings.PARTNERPLAN_RENDER_*)."""
    html = build_html(prepared)

    def render() -> tuple[bytes, bytes]:
        return build_docx(prepared, template=template), build_pdf(prepared, html=html)

    limits = Limits(
        seconds=settings.PARTNERPLAN_RENDER_SECONDS,
        memory_mb=settings.PARTNERPLAN_RENDER_MEMORY_MB,
    )
    docx, pdf = run_limited(render, limits=limits, what="The report's Word and PDF files")
    return html, docx, pdf


@transaction.atomic
def report_publish(
    *, actor: Actor, report: Report, override_reason: str = "", now: dt.datetime | None = None
) -> ReportVersion:
    """Freeze the report as a new version: its document (live blocks as they are now) and its
    HTML, .docx and PDF. Refused, with every reason, when anything would be half-made.

    A figure that disagrees with the ledger is published only with ``override_reason``.
    """
    report = (
        Report.objects.select_for_update().select_related("item__meeting__body").get(pk=report.pk)
    )
    if report.status not in TRANSITIONS["publish"]:  # pragma: no cover - every state may
        raise ValidationError(f"A {report.get_status_display().lower()} report cannot be published")
    built = documents.build_document(report, as_at=now)
    # The document is validated and numbered once; HTML, Word and PDF are rendered from that.
    try:
        prepared = prepare_document(built.document, accept={FIGURE_MISMATCH})
        validation = list(prepared.accepted)
    except DocumentError as error:
        prepared, validation = None, list(error.problems)
    problems = list(built.problems) + validation
    if report.docx_template:
        problems += check_template(bytes(report.docx_template))
    figures = [p for p in problems if p.code == FIGURE_MISMATCH]
    others = [p for p in problems if p.code != FIGURE_MISMATCH]
    reason = override_reason.strip()
    if others or prepared is None:
        raise ValidationError({"__all__": _messages(others + figures)})
    require_override_reason(figures, reason)
    template = bytes(report.docx_template) if report.docx_template else None
    try:
        html, docx, pdf = render_limited(prepared, template=template)
    except DocumentError as error:  # validated above; a render past its limits lands here
        raise ValidationError({"__all__": _messages(list(error.problems))}) from error
    number = (report.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        published_at=now or clock.now(),
        published_by=actor if isinstance(actor, User) and actor.is_authenticated else None,
        document=to_json(built.document),
        html=html,
        docx=docx,
        pdf=pdf,
        figure_override_reason=reason if figures else "",
        figure_problems=_messages(figures),
    )
    report.status = ReportStatus.PUBLISHED
    save_with_actor(report, actor, validate=False)
    agenda_pack_request(actor=actor, meeting=report.item.meeting)
    return version


def december_report_publish_again(*, actor: Actor) -> ReportVersion:
    """Publish the December 2010 report (written by the demo) again as a new version from the
    data as it is now. A figure the ledger disagrees with is published with the seed's reason
    (the report tabled £129,700); the version records the figure check either way."""
    report = selectors.december_report()
    if report is None:
        raise ValidationError(
            {
                "__all__": [
                    "The December 2010 report has not been written yet: load the demo "
                    "partnership first (manage.py load_demo)"
                ]
            }
        )
    return report_publish(actor=actor, report=report, override_reason=OVERRIDE)


# --- Agenda packs ----------------------------------------------------------------------------


@transaction.atomic
def agenda_pack_request(*, actor: Actor, meeting: Meeting) -> None:
    """Mark the meeting's packs as being prepared and ask the worker to build them once the
    transaction has committed (called when a report on the meeting is published)."""
    for audience in PackAudience.values:
        AgendaPack.objects.update_or_create(
            meeting=meeting,
            audience=audience,
            defaults={"status": PackStatus.PREPARING, "requested_at": clock.now(), "error": ""},
        )
    meeting_id = meeting.pk
    transaction.on_commit(lambda: build_agenda_packs.enqueue(meeting_id))


@transaction.atomic
def report_tie_recommendation_figure(
    *,
    actor: Actor,
    report: Report,
    recommendation: Recommendation,
    fund: Any = None,
    on: dt.date | None = None,
    scenario: Any = None,
    label: str = "",
) -> Report:
    """Tie the £ figure a recommendation quotes to a fund's balance on a date (or untie it,
    with no fund), so that the editor and publishing check it against the ledger."""
    report = Report.objects.select_for_update(of=("self",)).get(pk=report.pk)
    if recommendation.item_id != report.item_id:
        raise ValidationError(
            {"recommendation": "Choose a recommendation of this report's agenda item"}
        )
    ties = dict(report.recommendation_figures or {})
    if fund is None:
        ties.pop(str(recommendation.pk), None)
    else:
        if on is None:
            raise ValidationError({"on": "Enter the date the figure is the balance at"})
        ties[str(recommendation.pk)] = {
            "label": label.strip() or f"recommendation {recommendation.number}",
            "fund": fund.pk,
            "on": on.isoformat(),
            "scenario": scenario.pk if scenario is not None else None,
        }
    report.recommendation_figures = ties
    save_with_actor(report, actor)
    return report
