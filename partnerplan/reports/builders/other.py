"""Other documents: highlight and end-stage reports, minutes, decision notices and the
quarterly partner progress report.

Each is a small dataclass and a function that turns it into a ``Document``; the three renderers
then make it into Word, PDF or HTML like any report
(``build_docx(prepare_document(highlight_report(h)))``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from partnerplan.core.money import format_money

from .html_builder import format_date
from .model import Block, BulletList, Document, Inline, Paragraph, Run, Section, Table
from .problems import DocumentError, Problem

__all__ = [
    "DecisionNotice",
    "EndStageReport",
    "HighlightReport",
    "Minutes",
    "MinutesItem",
    "ProductStatus",
    "ProgressLine",
    "QuarterlyProgressReport",
    "ToleranceStatus",
    "decision_notice",
    "end_stage_report",
    "highlight_report",
    "minutes",
    "quarterly_progress_report",
]

Rag = Literal["green", "amber", "red"]
# RAG status is always written out in words, never shown by colour alone.
_RAG_WORDS: dict[str, str] = {
    "green": "Green (on track)",
    "amber": "Amber (at risk)",
    "red": "Red (off track)",
}


def _rag(status: str) -> str:
    return _RAG_WORDS.get(status, status)


def _list_or_none(items: tuple[Inline, ...], none: str = "None.") -> tuple[Block, ...]:
    return (BulletList(items),) if items else (Paragraph(none, numbered=False),)


def _period(start: dt.date, end: dt.date) -> str:
    return f"{format_date(start)} to {format_date(end)}"


@dataclass(frozen=True)
class ToleranceStatus:
    aspect: str  # time, cost, scope, quality, risk, benefits
    tolerance: str  # "+/- 2 weeks", "+/- £5,000"
    forecast: str
    status: Rag


@dataclass(frozen=True)
class HighlightReport:
    """PRINCE2 highlight report from a project manager to the project board."""

    project: str
    period_start: dt.date
    period_end: dt.date
    author: str
    status: Rag
    summary: Inline
    done_this_period: tuple[Inline, ...] = ()
    planned_next_period: tuple[Inline, ...] = ()
    tolerances: tuple[ToleranceStatus, ...] = ()
    requests_for_change: tuple[Inline, ...] = ()
    issues_and_risks: tuple[Inline, ...] = ()
    lessons: tuple[Inline, ...] = ()
    author_role: str = "Project Manager"
    to: str = "Project Board"
    language: str = "en-GB"


def highlight_report(report: HighlightReport) -> Document:
    sections = [
        Section("Status summary", (Paragraph(report.summary),)),
        Section("This period", _list_or_none(report.done_this_period, "Nothing completed.")),
        Section("Next period", _list_or_none(report.planned_next_period, "Nothing planned.")),
    ]
    if report.tolerances:
        sections.append(Section("Tolerances", (_tolerance_table(report.tolerances),)))
    sections += [
        Section("Requests for change", _list_or_none(report.requests_for_change)),
        Section("Key issues and risks", _list_or_none(report.issues_and_risks)),
    ]
    if report.lessons:
        sections.append(Section("Lessons", (BulletList(report.lessons),)))
    return Document(
        title=f"Highlight report: {report.project}",
        meeting=report.to,
        date=report.period_end,
        author=report.author,
        author_role=report.author_role,
        language=report.language,
        kind="Highlight report",
        recommendations_required=False,
        show_background_papers=False,
        details=(
            ("Project", report.project),
            ("Period", _period(report.period_start, report.period_end)),
            ("Overall status", _rag(report.status)),
        ),
        sections=tuple(sections),
    )


def _tolerance_table(tolerances: tuple[ToleranceStatus, ...]) -> Table:
    return Table(
        caption="Project and stage tolerances",
        header_rows=(("Aspect", "Tolerance", "Forecast", "Status"),),
        rows=tuple((t.aspect, t.tolerance, t.forecast, _rag(t.status)) for t in tolerances),
        row_headers=True,
    )


@dataclass(frozen=True)
class ProductStatus:
    product: str
    status: str
    notes: str = ""


@dataclass(frozen=True)
class EndStageReport:
    """PRINCE2 end stage report, submitted with the plan for the next stage."""

    project: str
    stage: str
    date: dt.date
    author: str
    summary: Inline
    business_case_review: Inline
    objectives_review: Inline
    products: tuple[ProductStatus, ...] = ()
    team_performance: Inline = ""
    lessons: tuple[Inline, ...] = ()
    issues_and_risks: tuple[Inline, ...] = ()
    forecast: Inline = ""
    tolerances: tuple[ToleranceStatus, ...] = ()
    author_role: str = "Project Manager"
    to: str = "Project Board"
    language: str = "en-GB"
    # Requests to the board (e.g. "To approve the plan for stage 3"); numbered.
    recommendations: tuple[Inline, ...] = ()


def end_stage_report(report: EndStageReport) -> Document:
    sections = [
        Section("Project manager's report", (Paragraph(report.summary),)),
        Section("Review of the business case", (Paragraph(report.business_case_review),)),
        Section("Review of objectives", (Paragraph(report.objectives_review),)),
    ]
    if report.tolerances:
        sections.append(Section("Tolerances", (_tolerance_table(report.tolerances),)))
    if report.products:
        products = Table(
            caption=f"Products of the {report.stage} stage",
            header_rows=(("Product", "Status", "Notes"),),
            rows=tuple((p.product, p.status, p.notes) for p in report.products),
            row_headers=True,
        )
        sections.append(Section("Products", (products,)))
    if report.team_performance:
        sections.append(Section("Team performance", (Paragraph(report.team_performance),)))
    sections += [
        Section("Issues and risks", _list_or_none(report.issues_and_risks)),
        Section("Lessons", _list_or_none(report.lessons)),
    ]
    if report.forecast:
        sections.append(Section("Forecast for the next stage", (Paragraph(report.forecast),)))
    return Document(
        title=f"End stage report: {report.project}, {report.stage}",
        meeting=report.to,
        date=report.date,
        author=report.author,
        author_role=report.author_role,
        language=report.language,
        kind="End stage report",
        recommendations=tuple(Paragraph(r) for r in report.recommendations),
        recommendations_heading="Requests to the board",
        recommendations_required=False,
        show_background_papers=False,
        details=(("Project", report.project), ("Stage", report.stage)),
        sections=tuple(sections),
    )


@dataclass(frozen=True)
class MinutesItem:
    title: str
    discussion: tuple[Inline, ...] = ()
    resolutions: tuple[Inline, ...] = ()
    # An item taken in private: the public minutes give ``public_summary`` (a fair summary of
    # the proceedings, as section 100C of the 1972 Act requires) instead of the discussion.
    exempt_paragraph: int | None = None
    public_summary: Inline = ""


@dataclass(frozen=True)
class Minutes:
    body: str
    date: dt.date
    present: tuple[str, ...]
    items: tuple[MinutesItem, ...]
    venue: str = ""
    in_attendance: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    chair: str = ""
    language: str = "en-GB"
    status: Literal["draft", "approved"] = "draft"


def minutes(record: Minutes, *, public: bool = True) -> Document:
    """The minutes; ``public=True`` (the default) replaces exempt items with their summaries."""
    problems = [
        Problem(
            "exempt_minute_without_summary",
            f"Minute {index}",
            f"'{item.title}' was taken in private; the public minutes need a fair summary of it.",
        )
        for index, item in enumerate(record.items, 1)
        if public and item.exempt_paragraph is not None and not _has_text(item.public_summary)
    ]
    if problems:
        raise DocumentError(problems)
    attendance = [Section("Present", _list_or_none(tuple(record.present)))]
    if record.in_attendance:
        attendance.append(Section("In attendance", (BulletList(tuple(record.in_attendance)),)))
    attendance.append(Section("Apologies for absence", _list_or_none(tuple(record.apologies))))
    sections = [*attendance]
    for item in record.items:
        sections.append(Section(item.title, _minute_blocks(item, public=public)))
    exempt = None if public else _first_exempt(record.items)
    details = [("Status", "Approved" if record.status == "approved" else "Draft, not yet approved")]
    if record.venue:
        details.insert(0, ("Venue", record.venue))
    if record.chair:
        details.insert(0, ("Chair", record.chair))
    return Document(
        title=f"Minutes: {record.body}",
        meeting=record.body,
        date=record.date,
        language=record.language,
        kind="Minutes",
        exempt_paragraph=exempt,
        recommendations_required=False,
        show_background_papers=False,
        details=tuple(details),
        sections=tuple(sections),
    )


def _minute_blocks(item: MinutesItem, *, public: bool) -> tuple[Block, ...]:
    if item.exempt_paragraph is not None and public:
        return (
            Paragraph(
                "The public were excluded for this item, which involved exempt information under "
                f"paragraph {item.exempt_paragraph} of Part 1 of Schedule 12A to the Local "
                "Government Act 1972.",
                numbered=False,
            ),
            Paragraph(item.public_summary),
        )
    blocks: list[Block] = [Paragraph(text) for text in item.discussion]
    blocks += [Paragraph(_resolved(text)) for text in item.resolutions]
    return tuple(blocks) or (Paragraph("Noted.", numbered=True),)


def _resolved(text: Inline) -> Inline:
    if isinstance(text, str):
        return f"**RESOLVED:** {text}"
    return (Run("RESOLVED: ", bold=True), *text)


def _first_exempt(items: tuple[MinutesItem, ...]) -> int | None:
    return next((i.exempt_paragraph for i in items if i.exempt_paragraph is not None), None)


def _has_text(text: Inline) -> bool:
    return bool(text.strip()) if isinstance(text, str) else any(r.text.strip() for r in text)


@dataclass(frozen=True)
class DecisionNotice:
    """Record of a decision (Local Authorities (Executive Arrangements) (Meetings and Access to
    Information) (England) Regulations 2012, regulations 12 and 13)."""

    title: str
    decision: tuple[Inline, ...]
    decided_on: dt.date
    decision_maker: str
    reasons: tuple[Inline, ...]
    alternatives_rejected: tuple[Inline, ...] = ()
    conflicts_declared: tuple[str, ...] = ()
    dispensations: tuple[str, ...] = ()
    key_decision: bool = False
    forward_plan_reference: str = ""
    delegation: str = ""  # the delegation relied on, for an officer decision
    call_in_ends: dt.date | None = None
    exempt_paragraph: int | None = None
    language: str = "en-GB"


def decision_notice(notice: DecisionNotice) -> Document:
    details = [
        ("Decision maker", notice.decision_maker),
        ("Date of decision", format_date(notice.decided_on)),
        ("Key decision", "Yes" if notice.key_decision else "No"),
    ]
    if notice.forward_plan_reference:
        details.append(("Forward plan reference", notice.forward_plan_reference))
    if notice.delegation:
        details.append(("Delegated power used", notice.delegation))
    sections = [
        Section("Decision", tuple(Paragraph(text) for text in notice.decision)),
        Section("Reasons for the decision", tuple(Paragraph(text) for text in notice.reasons)),
        Section(
            "Alternative options considered and rejected",
            tuple(Paragraph(text) for text in notice.alternatives_rejected)
            or (Paragraph("None.", numbered=False),),
        ),
        Section(
            "Conflicts of interest declared",
            _list_or_none(tuple(notice.conflicts_declared)),
        ),
        Section("Dispensations granted", _list_or_none(tuple(notice.dispensations))),
    ]
    if notice.call_in_ends is not None:
        sections.append(
            Section(
                "Call-in",
                (
                    Paragraph(
                        "This decision may be called in for scrutiny until "
                        f"{format_date(notice.call_in_ends)}, and is not implemented before then "
                        "unless it has been called in and the call-in has been resolved.",
                        numbered=False,
                    ),
                ),
            )
        )
    return Document(
        title=f"Decision notice: {notice.title}",
        meeting=notice.decision_maker,
        date=notice.decided_on,
        language=notice.language,
        kind="Decision notice",
        exempt_paragraph=notice.exempt_paragraph,
        recommendations_required=False,
        show_background_papers=False,
        details=tuple(details),
        sections=tuple(sections),
    )


@dataclass(frozen=True)
class ProgressLine:
    project: str
    role: str  # the partner's role: lead, supplier, participant
    status: Rag
    progress: str
    next_steps: str = ""


@dataclass(frozen=True)
class QuarterlyProgressReport:
    """A partner's quarterly report of its progress on shared services and projects."""

    partner: str
    quarter: str  # e.g. "Quarter 3, 2010/11"
    period_start: dt.date
    period_end: dt.date
    author: str
    summary: Inline
    lines: tuple[ProgressLine, ...]
    contributions: tuple[tuple[str, Decimal], ...] = ()  # (purpose, amount)
    author_role: str = ""
    to: str = "Strategic Advisory Board"
    language: str = "en-GB"


def quarterly_progress_report(report: QuarterlyProgressReport) -> Document:
    table = Table(
        caption=f"Progress by project, {report.quarter}",
        header_rows=(("Project", "Our role", "Status", "Progress this quarter", "Next quarter"),),
        rows=tuple(
            (line.project, line.role, _rag(line.status), line.progress, line.next_steps)
            for line in report.lines
        ),
        column_widths=(3, 2, 2, 5, 4),
        row_headers=True,
    )
    sections = [
        Section("Summary", (Paragraph(report.summary),)),
        Section(
            "Progress on projects and shared services",
            (table,) if report.lines else (Paragraph("No projects this quarter.", numbered=False),),
        ),
    ]
    if report.contributions:
        total = sum((amount for _, amount in report.contributions), Decimal(0))
        money = Table(
            caption="Contributions this quarter",
            header_rows=(("Purpose", "Amount"),),
            rows=(
                *((purpose, format_money(amount)) for purpose, amount in report.contributions),
                ("**Total**", f"**{format_money(total)}**"),
            ),
            row_headers=True,
        )
        sections.append(Section("Contributions", (money,)))
    return Document(
        title=f"Quarterly progress report: {report.partner}, {report.quarter}",
        meeting=report.to,
        date=report.period_end,
        author=report.author,
        author_role=report.author_role,
        language=report.language,
        kind="Quarterly progress report",
        recommendations_required=False,
        show_background_papers=False,
        details=(
            ("Partner", report.partner),
            ("Period", _period(report.period_start, report.period_end)),
        ),
        sections=tuple(sections),
    )
