"""Other documents from the apps' records: a project's highlight report, a meeting's minutes and
a decision notice, as builders' ``Document`` values (rendered to PDF or .docx by the views)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from partnerplan.core.models import Visibility
from partnerplan.reports.builders.model import Document
from partnerplan.reports.builders.other import (
    DecisionNotice,
    HighlightReport,
    Minutes,
    MinutesItem,
    decision_notice,
    highlight_report,
    minutes,
)
from partnerplan.reports.documents import paragraphs

_RAG = {
    "green": "green",
    "amber_green": "amber",
    "amber": "amber",
    "amber_red": "red",
    "red": "red",
}


def highlight_document(report: Any) -> Document:
    """``report``: a portfolio ``HighlightReport``."""
    project = report.project
    confidence = report.get_confidence_display() if report.confidence else "Not given"
    summary = f"Delivery confidence: {confidence}."
    if report.commentary:
        summary += f" {' '.join(report.commentary.split())}"
    return highlight_report(
        HighlightReport(
            project=project.title,
            period_start=report.period_start,
            period_end=report.period_end,
            author=report.author.full_name if report.author else "",
            status=_RAG.get(report.confidence, "amber"),  # type: ignore[arg-type]
            summary=summary,
            done_this_period=tuple(paragraphs(report.progress)),
            planned_next_period=tuple(paragraphs(report.next_period)),
            requests_for_change=tuple(paragraphs(report.decisions_needed)),
            issues_and_risks=tuple(paragraphs(report.risks_and_issues)),
        )
    )


def minutes_document(meeting: Any, *, public: bool) -> Document:
    """The meeting's minutes: attendance, then each agenda item with the decisions on it. The
    minutes' own text goes under the first heading. Exempt items give only their heading and
    the decisions in the public minutes."""
    present: list[str] = []
    apologies: list[str] = []
    attending: list[str] = []
    for row in meeting.attendance.select_related("person").all():
        name = row.person.full_name
        if row.status == "present":
            (present if row.role in ("chair", "vice_chair", "member", "") else attending).append(
                name
            )
        elif row.status == "apologies":
            apologies.append(name)
    items = []
    record = getattr(meeting, "minutes", None)
    text = paragraphs(record.text) if record is not None else []
    if text:
        items.append(MinutesItem("Proceedings", discussion=tuple(text)))
    for item in meeting.items.prefetch_related("recommendations__decision").order_by("number"):
        resolutions = []
        for rec in item.recommendations.all():
            decision = getattr(rec, "decision", None)
            if decision is not None:
                resolved = decision.amended_text or rec.text
                resolutions.append(f"{decision.get_outcome_display()}: {resolved}")
        exempt = item.exempt_paragraph if item.visibility == Visibility.EXEMPT else None
        items.append(
            MinutesItem(
                f"{item.number}. {item.title}",
                resolutions=tuple(resolutions),
                exempt_paragraph=exempt,
                public_summary="The committee considered the exempt report in private."
                if exempt
                else "",
            )
        )
    status = "approved" if record is not None and record.status == "approved" else "draft"
    return minutes(
        Minutes(
            body=meeting.body.name,
            date=timezone.localtime(meeting.starts_at).date(),
            present=tuple(present),
            in_attendance=tuple(attending),
            apologies=tuple(apologies),
            items=tuple(items),
            venue=meeting.venue,
            status=status,  # type: ignore[arg-type]
        ),
        public=public,
    )


def decision_notice_document(decision: Any) -> Document:
    rec = decision.recommendation
    item = rec.item
    text = decision.amended_text or rec.text
    exempt = item.exempt_paragraph if item.visibility == Visibility.EXEMPT else None
    return decision_notice(
        DecisionNotice(
            title=item.title,
            decision=(f"{decision.get_outcome_display()}: {text}",),
            decided_on=decision.decided_on,
            decision_maker=decision.body.name,
            reasons=tuple(paragraphs(decision.reasons)) or ("No reasons were recorded.",),
            alternatives_rejected=tuple(paragraphs(decision.options_considered)),
            conflicts_declared=tuple(paragraphs(decision.declared_interests)),
            exempt_paragraph=exempt,
        )
    )
