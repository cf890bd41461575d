"""Highlight reports and the RAID log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from partnerplan.core.access import viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import status as f
from partnerplan.portfolio.forms.control import HighlightReportControlForm
from partnerplan.portfolio.models import HighlightReport, RaidStatus
from partnerplan.portfolio.selectors import control as control_selectors
from partnerplan.portfolio.services import raid
from partnerplan.portfolio.services.status import highlight_report_create
from partnerplan.portfolio.views._common import NAV, _back, _people, _project_for

CHANGE = "portfolio.change_project"


@login_required
@require_http_methods(["GET", "POST"])
def highlight_create(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project = _project_for(request, pk, "portfolio.write_highlight_report")

    def save(data: dict[str, Any]) -> HighlightReport:
        author = getattr(request.user, "person", None)
        return highlight_report_create(actor=request.user, project=project, author=author, **data)

    return form_page(
        request,
        HighlightReportControlForm(
            bound(request),
            scale=selectors.scale_choices(project.programme),
            initial=control_selectors.highlight_prefill(viewer=_viewer, project=project),
        ),
        act=save,
        success="The highlight report has been saved.",
        done=_back(project, "status"),
        title="Write a highlight report",
        caption=str(project),
        intro="Filled in from the baseline, the RAID log, the ledger and the milestones: check "
        "it. Amber/red and red need commentary and the action being taken.",
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, CHANGE)
    return form_page(
        request,
        f.RaidForm(bound(request), people=_people(viewer)),
        act=lambda data: raid.raid_create(actor=request.user, project=project, **data),
        success="The entry has been added to the log.",
        done=_back(project, "raid"),
        title="Add to the RAID log",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.raid_entry_detail(viewer=viewer_for(request.user), pk=pk)
    viewer, project = _project_for(request, entry.project_id, CHANGE)
    form = f.RaidForm(
        bound(request),
        people=_people(viewer),
        initial={name: getattr(entry, name) for name in raid.RAID_FIELDS},
    )
    return form_page(
        request,
        form,
        act=lambda data: raid.raid_update(actor=request.user, entry=entry, **data),
        success="Your changes have been saved.",
        done=_back(project, "raid"),
        title=f"Change '{entry.title}'",
        caption=str(project),
        cancel=_back(project),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_close(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.raid_entry_detail(viewer=viewer_for(request.user), pk=pk)
    _viewer, project = _project_for(request, entry.project_id, CHANGE)
    return form_page(
        request,
        f.RaidCloseForm(bound(request)),
        act=lambda data: raid.raid_close(actor=request.user, entry=entry, **data),
        success=f"'{entry.title}' has been closed. It stays in the log.",
        done=_back(project, "raid"),
        title=f"Close '{entry.title}'",
        caption=str(project),
        cancel=_back(project),
        submit="Close the entry",
        context={**NAV, "closed": entry.status == RaidStatus.CLOSED},
    )
