"""Reads of committee reports, scoped to what the viewer may see.

A report is seen by whoever may see its agenda item (``core.access.visible_q`` on the item: an
exempt item only by members of the meeting's body). Drafts are seen only by those who may change
the report; everyone else sees published versions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from partnerplan.core.access import Viewer, can, visible, visible_q
from partnerplan.core.models import Visibility
from partnerplan.finance.models import Fund, Scenario
from partnerplan.governance.models import (
    AgendaItem,
    Body,
    Decision,
    ItemKind,
    Meeting,
    Recommendation,
    StatutoryOfficer,
)
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import HighlightReport, Method, Programme, Project
from partnerplan.reports.models import (
    AgendaPack,
    Report,
    ReportBlock,
    ReportSection,
    ReportSignOff,
    ReportStatus,
    ReportVersion,
)
from partnerplan.resources.models import PlanRun, PlanScenario, RunStatus


def _reports(viewer: Viewer) -> QuerySet[Report]:
    qs = Report.objects.filter(visible_q(viewer, AgendaItem, "item__"))
    if not viewer.is_admin:
        mine = Q(author_id=viewer.person_id) if viewer.person_id else Q(pk__in=[])
        qs = qs.filter(Q(status=ReportStatus.PUBLISHED) | mine)
    return qs


def report_list(*, viewer: Viewer) -> QuerySet[Report]:
    return (
        _reports(viewer)
        .select_related("item__meeting__body", "author")
        .order_by("-item__meeting__starts_at", "item__number")
    )


def report_detail(*, viewer: Viewer, pk: int) -> Report:
    try:
        return (
            _reports(viewer)
            .select_related("item__meeting__body", "author")
            .prefetch_related(
                Prefetch(
                    "sections", queryset=ReportSection.objects.order_by("kind", "order", "pk")
                ),
                Prefetch("sections__blocks", queryset=ReportBlock.objects.order_by("order", "pk")),
                "item__recommendations",
                Prefetch(
                    "versions",
                    queryset=ReportVersion.objects.defer("docx", "pdf", "html", "document")
                    .select_related("published_by")
                    .order_by("-number"),
                ),
            )
            .get(pk=pk)
        )
    except Report.DoesNotExist:
        raise Http404("No report you can see has that number") from None


def report_for_change(*, viewer: Viewer, pk: int) -> Report:
    return report_detail(viewer=viewer, pk=pk)


def latest_version(report: Report) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def version_detail(*, viewer: Viewer, pk: int) -> ReportVersion:
    try:
        return ReportVersion.objects.select_related(
            "report__item__meeting__body", "published_by"
        ).get(pk=pk, report__in=_reports(viewer).filter(status=ReportStatus.PUBLISHED))
    except ReportVersion.DoesNotExist:
        raise Http404("No published report you can see has that number") from None


def section_for_change(*, viewer: Viewer, pk: int) -> ReportSection:
    try:
        return ReportSection.objects.select_related("report__item__meeting__body").get(
            pk=pk, report__in=_reports(viewer)
        )
    except ReportSection.DoesNotExist:
        raise Http404("No section you can see has that number") from None


def block_for_change(*, viewer: Viewer, pk: int) -> ReportBlock:
    try:
        return ReportBlock.objects.select_related("section__report__item__meeting__body").get(
            pk=pk, section__report__in=_reports(viewer)
        )
    except ReportBlock.DoesNotExist:
        raise Http404("No block you can see has that number") from None


def items_without_report(*, viewer: Viewer) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(visible_q(viewer, AgendaItem))
        .filter(kind=ItemKind.REPORT, committee_report__isnull=True)
        .select_related("meeting__body")
        .order_by("-meeting__starts_at", "number")
    )


@dataclass
class PackContents:
    meeting: Meeting
    # (item, latest published version) in agenda order; exempt items included
    reports: list[tuple[AgendaItem, ReportVersion]]
    others: list[AgendaItem]


def meeting_for_pack(*, viewer: Viewer, pk: int) -> Meeting:
    try:
        return Meeting.objects.select_related("body").get(visible_q(viewer, Body, "body__"), pk=pk)
    except Meeting.DoesNotExist:
        raise Http404("No meeting you can see has that number") from None


def pack_contents(meeting: Meeting) -> PackContents:
    """The meeting's items and the latest published version of each report on it."""
    items = list(meeting.items.order_by("number"))
    versions = {
        v.report.item_id: v
        for v in ReportVersion.objects.filter(
            report__item__meeting=meeting, report__status=ReportStatus.PUBLISHED
        )
        .select_related("report")
        .only("pk", "number", "document", "report__item_id", "report__status")
        .order_by("number")
    }
    reports = [(item, versions[item.pk]) for item in items if item.pk in versions]
    others = [item for item in items if item.pk not in versions]
    return PackContents(meeting, reports, others)


def meeting_pack(*, viewer: Viewer, pk: int) -> PackContents:
    """The meeting and its published reports, for an agenda pack. The public pack leaves exempt
    reports out (see ``builders.split_for_publication``); the caller decides who gets which."""
    return pack_contents(meeting_for_pack(viewer=viewer, pk=pk))


def has_published_reports(meeting: Meeting) -> bool:
    return Report.objects.filter(item__meeting=meeting, status=ReportStatus.PUBLISHED).exists()


def stored_pack(*, meeting: Meeting, audience: str) -> AgendaPack | None:
    """The stored pack, without its PDF (read it with ``pack_pdf`` when it is ready)."""
    return AgendaPack.objects.filter(meeting=meeting, audience=audience).defer("pdf").first()


def report_for_sign_off(*, viewer: Viewer, pk: int) -> Report:
    """A report (draft or published) on an item the viewer may open, for its sign-off."""
    try:
        return Report.objects.select_related("item__meeting__body").get(
            visible_q(viewer, AgendaItem, "item__"), pk=pk
        )
    except Report.DoesNotExist:
        raise Http404("No report you can see has that number") from None


def statutory_officer(role: str) -> StatutoryOfficer | None:
    return StatutoryOfficer.objects.filter(role=role).first()


def pack_exempt_items(pack: AgendaPack) -> list[AgendaItem]:
    """The exempt items whose reports the stored pack was built from (their openings are
    logged when the restricted pack is served)."""
    return list(
        AgendaItem.objects.filter(
            committee_report__versions__in=pack.versions, visibility=Visibility.EXEMPT
        ).distinct()
    )


def pack_pdf(pack: AgendaPack) -> bytes | None:
    data = AgendaPack.objects.values_list("pdf", flat=True).get(pk=pack.pk)
    return bytes(data) if data is not None else None


def decision_for_notice(*, viewer: Viewer, pk: int) -> Decision:
    try:
        return Decision.objects.select_related("recommendation__item", "meeting", "body").get(
            visible_q(viewer, AgendaItem, "recommendation__item__"), pk=pk
        )
    except Decision.DoesNotExist:
        raise Http404("No decision you can see has that number") from None


def can_change(viewer: Viewer, report: Report) -> bool:
    return can(viewer, "reports.change_report", report)


def quarterly_projects(*, viewer: Viewer, partner: Any) -> list[Any]:
    """The projects ``partner`` leads, or whose workstream (its own, or one it is linked to in
    the programme links: seed Appendix A) the partner leads, that the viewer may see."""
    led = (
        Q(lead_partners=partner)
        | Q(workstream__lead_partners=partner)
        | Q(links__workstream__lead_partners=partner)
    )
    ids = visible(Project.objects.filter(archived_at__isnull=True), viewer).filter(led)
    return list(
        Project.objects.filter(pk__in=ids.values("pk"))
        .prefetch_related("lead_partners", "highlight_reports")
        .order_by("title")
    )


#: The title of the Joint Committee's agenda item the December 2010 report is on (the demo's).
DECEMBER_TITLE = "Review of Partnership Work Plan"


def december_report() -> Report | None:
    """The December 2010 report, if the demo has written it: the report on the Joint
    Committee's item "Review of Partnership Work Plan" of 17 December 2010."""
    return (
        Report.objects.filter(
            item__title=DECEMBER_TITLE,
            item__meeting__starts_at__date__gte=dt.date(2010, 12, 16),
            item__meeting__starts_at__date__lte=dt.date(2010, 12, 18),
        )
        .select_related("item__meeting__body")
        .first()
    )


def report_for_editor(report: Report) -> Report:
    """What the editor reads besides ``report_detail``: the partners affected and the
    sign-offs (with their officers), once."""
    prefetch_related_objects([report], "partners_affected", "sign_offs__person")
    return report


def has_sign_offs(report: Report) -> bool:
    """Read afresh (not from a prefetch): after a change that may have withdrawn them."""
    return ReportSignOff.objects.filter(report_id=report.pk).exists()


def version_document(version: ReportVersion | None) -> Any:
    """The stored document (JSON) of ``version`` (the detail selector defers it)."""
    if version is None:
        return None
    return ReportVersion.objects.values_list("document", flat=True).get(pk=version.pk)


def version_html(version: ReportVersion) -> str:
    """The published HTML of ``version`` (the detail selector defers it)."""
    return str(ReportVersion.objects.values_list("html", flat=True).get(pk=version.pk))


def figure_choices(*, viewer: Viewer) -> dict[str, QuerySet[Any]]:
    """The funds (those the viewer may see) and scenarios a £ figure can be checked against."""
    return {
        "fund": visible(Fund.objects.filter(archived_at__isnull=True), viewer),
        "scenario": Scenario.objects.all(),
    }


def block_choices(*, viewer: Viewer) -> dict[str, QuerySet[Any]]:
    """What a block's pickers offer: the records the viewer may see."""
    programmes = visible(Programme.objects.filter(archived_at__isnull=True), viewer)
    figures = figure_choices(viewer=viewer)
    return {
        "programme": programmes,
        "other": programmes,
        "method": Method.objects.filter(archived_at__isnull=True),
        "project": visible(Project.objects.filter(archived_at__isnull=True), viewer),
        "fund": figures["fund"],
        "scenario": figures["scenario"],
        "run": PlanRun.objects.filter(status=RunStatus.DONE).only("pk", "name"),
        "plan_scenario": PlanScenario.objects.order_by("name"),
        "figure_fund": figures["fund"],
        "figure_scenario": figures["scenario"],
    }


def recommendation_for_change(*, viewer: Viewer, pk: int) -> tuple[Recommendation, Report]:
    """Recommendation ``pk`` and the report of its agenda item, when the viewer may see the
    report (404 otherwise, and for a recommendation whose item has no report)."""
    recommendation = (
        Recommendation.objects.select_related("item__committee_report").filter(pk=pk).first()
    )
    report_pk = (
        getattr(getattr(recommendation.item, "committee_report", None), "pk", None)
        if recommendation is not None
        else None
    )
    if recommendation is None or report_pk is None:
        raise Http404("No report you can see has that recommendation")
    try:
        report = report_detail(viewer=viewer, pk=report_pk)
    except Http404:
        raise Http404("No report you can see has that recommendation") from None
    return recommendation, report


def project_for_document(*, viewer: Viewer, pk: int) -> Project:
    """Project ``pk`` for its highlight or end-stage report, if the viewer may see it."""
    project = (
        visible(Project.objects.filter(pk=pk), viewer)
        .select_related("stage", "project_manager")
        .first()
    )
    if project is None:
        raise Http404("No project you can see has that number")
    return project


def latest_highlight_report(project: Project) -> HighlightReport:
    """The project's latest highlight report (the project was read through its selector)."""
    report = (
        project.highlight_reports.select_related("project", "author")
        .order_by("-period_end")
        .first()
    )
    if report is None:
        raise Http404("The project has no highlight report yet")
    return report


def partner_for_report(*, viewer: Viewer, pk: int) -> Partner:
    """Partner ``pk`` for its quarterly progress report, if the viewer may see it."""
    partner = visible(Partner.objects.filter(pk=pk), viewer).first()
    if partner is None:
        raise Http404("No partner you can see has that number")
    return partner
