"""Other documents from the apps' records: a project's highlight report and end-stage report, a
partner's quarterly progress report and a decision notice (the minutes are in ``minutes.py``),
as builders' ``Document`` values (rendered to PDF or .docx by the views)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from partnerplan.core import clock
from partnerplan.core.models import Visibility
from partnerplan.reports.builders.model import Document
from partnerplan.reports.builders.other import (
    DecisionNotice,
    EndStageReport,
    HighlightReport,
    ProductStatus,
    ProgressLine,
    QuarterlyProgressReport,
    ToleranceStatus,
    decision_notice,
    end_stage_report,
    highlight_report,
    quarterly_progress_report,
)
from partnerplan.reports.documents import paragraphs

_RAG = {
    "green": "green",
    "amber_green": "amber",
    "amber": "amber",
    "amber_red": "red",
    "red": "red",
}


def _control(project: Any, on: dt.date) -> Any:
    """The project's current baseline against its tolerances (portfolio's control), or None."""
    from partnerplan.portfolio.services.control import controls_for

    return controls_for([project], on).get(project.pk)


def _tolerances(control: Any) -> tuple[ToleranceStatus, ...]:
    if control is None:
        return ()
    return tuple(
        ToleranceStatus(
            aspect=a.name.capitalize(),
            tolerance=a.tolerance,
            forecast=a.forecast,
            status="red" if a.exceeded else "green",
        )
        for a in control.aspects
    )


def _products(control: Any) -> tuple[ProductStatus, ...]:
    """The baseline's products; the ones the latest forecast drops are the last ones."""
    if control is None:
        return ()
    products = control.baseline.products
    keep = len(products) - control.dropped
    return tuple(
        ProductStatus(p, "Planned" if i < keep else "Forecast not to be delivered")
        for i, p in enumerate(products)
    )


def _team(project: Any) -> str:
    """The project's team as recorded: manager, officer lead, executive and board."""
    parts = [
        f"{label}: {person.full_name}"
        for label, person in (
            ("Project manager", project.project_manager),
            ("Officer lead", project.officer_lead),
            ("Project Executive", project.project_executive),
        )
        if person is not None
    ]
    board = [f"{m.person.full_name} ({m.get_role_display().lower()})" for m in project.board.all()]
    if board:
        parts.append("Board: " + ", ".join(board))
    return "; ".join(parts) + "." if parts else ""


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
            tolerances=_tolerances(_control(project, report.period_end)),
            requests_for_change=tuple(paragraphs(report.decisions_needed)),
            issues_and_risks=tuple(paragraphs(report.risks_and_issues)),
        )
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


def _rag(confidence: str) -> Any:
    return _RAG.get(confidence, "amber")


def _stage_started(project: Any) -> dt.date | None:
    """When the project entered its current stage: its latest gate passage into it."""
    passage = (
        project.gate_passages.filter(to_stage=project.stage_id).order_by("-authority_date").first()
    )
    return passage.authority_date if passage is not None else None


def end_stage_document(project: Any, *, on: dt.date | None = None) -> Document:
    """The end-stage report of ``project``'s current stage: the highlight reports since it
    entered the stage, its business case, open risks and issues, lessons, and the request to
    move to the next stage (if there is one)."""
    on = on or clock.today()
    stage = project.stage
    started = _stage_started(project)
    reports = project.highlight_reports.select_related("author").order_by("-period_end")
    if started is not None:
        reports = reports.filter(period_end__gte=started)
    latest = reports.first()
    if latest is not None:
        summary = (
            f"Delivery confidence at the last highlight report ({latest.period_end:%-d %B %Y}): "
            f"{latest.get_confidence_display() or 'not given'}. "
            f"{' '.join(latest.progress.split())}"
        )
    else:
        summary = f"No highlight report was made in the {stage.name} stage."
    case = project.business_cases.order_by("-pk").first()
    version = case.versions.order_by("-number").first() if case is not None else None
    if version is None:
        case_review = "No business case is recorded for the project."
    elif version.approved_on:
        preferred = version.preferred_option and (
            f" The preferred option is {version.preferred_option}."
        )
        case_review = (
            f"The {case.get_stage_display().lower()} (version {version.number}) was approved "
            f"on {version.approved_on:%-d %B %Y}.{preferred}"
        )
    else:
        case_review = (
            f"The {case.get_stage_display().lower()} (version {version.number}) is not yet "
            "approved."
        )
    dates = []
    if project.planned_end:
        dates.append(f"planned to end {project.planned_end:%B %Y}")
    if project.forecast_end:
        dates.append(f"forecast to end {project.forecast_end:%B %Y}")
    objectives = " ".join(project.summary.split()) or "The project's objectives are not recorded."
    if dates:
        objectives += f" The project is {' and '.join(dates)}."
    raid = list(project.raid.order_by("kind", "-raised_on"))
    issues = tuple(
        f"{r.get_kind_display()}: {r.title}"
        for r in raid
        if r.kind in ("risk", "issue") and r.status == "open"
    )
    lessons = tuple(r.title for r in raid if r.kind == "lesson")
    following = (
        type(stage)
        .objects.filter(programme_id=stage.programme_id, order__gt=stage.order)
        .order_by("order")
        .first()
    )
    requests = (f"To approve the move to the {following.name} stage.",) if following else ()
    manager = project.project_manager
    control = _control(project, on)
    return end_stage_report(
        EndStageReport(
            project=project.title,
            stage=stage.name,
            date=on,
            author=manager.full_name if manager else "",
            summary=summary,
            business_case_review=case_review,
            objectives_review=objectives,
            issues_and_risks=issues,
            lessons=lessons,
            tolerances=_tolerances(control),
            products=_products(control),
            team_performance=_team(project),
            forecast=" ".join(latest.next_period.split()) if latest is not None else "",
            recommendations=requests,
        )
    )


def quarter_dates(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of ``quarter`` (1-4) of the financial year starting April ``year``."""
    month = 4 + 3 * (quarter - 1)
    start = dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    after = dt.date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


def quarter_of(day: dt.date) -> tuple[int, int]:
    """(financial year, quarter) of ``day``."""
    year = day.year if day.month >= 4 else day.year - 1
    return year, (day.month - 4) % 12 // 3 + 1


def quarterly_document(partner: Any, projects: list[Any], *, year: int, quarter: int) -> Document:
    """A partner's progress on the projects and shared services it leads or whose workstream it
    leads (``projects``, already scoped to the viewer), from the highlight reports of the
    quarter."""
    start, end = quarter_dates(year, quarter)
    lines = []
    reported = 0
    for project in projects:
        leads = {p.pk for p in project.lead_partners.all()}
        role = "Lead partner" if partner.pk in leads else "Leads the workstream"
        in_quarter = [r for r in project.highlight_reports.all() if start <= r.period_end <= end]
        latest = max(in_quarter, key=lambda r: r.period_end, default=None)
        if latest is None:
            lines.append(
                ProgressLine(project.title, role, cast(Any, "Not reported"), "No highlight report.")
            )
            continue
        reported += 1
        lines.append(
            ProgressLine(
                project.title,
                role,
                _rag(latest.confidence),
                " ".join(latest.progress.split()),
                " ".join(latest.next_period.split()),
            )
        )
    summary = (
        f"{partner.name} leads {len(projects)} project(s) or shared service(s) of the "
        f"partnership, directly or through a workstream; {reported} reported in the quarter."
    )
    return quarterly_progress_report(
        QuarterlyProgressReport(
            partner=partner.name,
            quarter=f"Quarter {quarter}, {year}/{(year + 1) % 100:02d}",
            period_start=start,
            period_end=end,
            author="",
            summary=summary,
            lines=tuple(lines),
        )
    )
