"""Reports reads for the start page (`partnerplan/home.py`): each scoped by core.access,
through the same `_reports` rule as the report pages."""

from __future__ import annotations

from partnerplan.core.access import Viewer
from partnerplan.reports.models import Report, ReportStatus, ReportVersion
from partnerplan.reports.selectors import _reports


def figure_checks_failing(*, viewer: Viewer) -> list[ReportVersion]:
    """For the start page: each report whose latest published version quotes a figure the
    ledger disagrees with (published over the figure check, with the reason recorded)."""
    latest = (
        ReportVersion.objects.filter(report__in=_reports(viewer))
        .order_by("report_id", "-number")
        .defer("docx", "pdf", "html", "document")
        .select_related("report")
    )
    seen: set[int] = set()
    failing = []
    for version in latest:
        if version.report_id in seen:
            continue
        seen.add(version.report_id)
        if version.figure_problems:
            failing.append(version)
    return failing


def recently_published(*, viewer: Viewer, limit: int = 5) -> list[Report]:
    """For the start page: the most recently published reports the viewer may read."""
    return list(
        _reports(viewer)
        .filter(status=ReportStatus.PUBLISHED)
        .select_related("item__meeting__body")
        .order_by("-item__meeting__starts_at", "item__number")[:limit]
    )
