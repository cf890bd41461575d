"""Downloads and documents: the frozen files of a report's latest published version, agenda
packs, minutes, decision notices and the project and partner documents."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.governance.models import AccessPath, Meeting
from partnerplan.governance.services.agenda import exempt_access_log
from partnerplan.reports import selectors, services
from partnerplan.reports.builders import (
    DocumentError,
    build_pdf,
    prepare_document,
)
from partnerplan.reports.builders.docx_builder import build_docx
from partnerplan.reports.builders.model import Document
from partnerplan.reports.house_style import house_template
from partnerplan.reports.minutes import minutes_document
from partnerplan.reports.models import (
    PackAudience,
    PackStatus,
)
from partnerplan.reports.other_documents import (
    decision_notice_document,
    end_stage_document,
    highlight_document,
    quarter_of,
    quarterly_document,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTEXT = {"nav_reports": True}


def _file(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _name(title: str, ext: str) -> str:
    return f"{slugify(title)[:80] or 'document'}.{ext}"


def _detail_url(pk: int) -> str:
    return reverse("reports:report-detail", args=[pk])


@require_GET
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_detail(viewer=viewer_for(request.user), pk=pk)
    exempt_access_log(user=request.user, item=version.report.item, via=AccessPath.REPORT_PAGE)
    return render(
        request,
        "reports/version_detail.html",
        {"version": version, "report": version.report, **CONTEXT},
    )


@require_GET
def version_docx(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_detail(viewer=viewer_for(request.user), pk=pk)
    exempt_access_log(user=request.user, item=version.report.item, via=AccessPath.WORD)
    name = _name(f"{version.report.title} v{version.number}", "docx")
    return _file(bytes(version.docx), DOCX, name)


@require_GET
def version_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_detail(viewer=viewer_for(request.user), pk=pk)
    exempt_access_log(user=request.user, item=version.report.item, via=AccessPath.PDF)
    name = _name(f"{version.report.title} v{version.number}", "pdf")
    return _file(bytes(version.pdf), "application/pdf", name)


def _pack_response(
    request: HttpRequest, meeting: Meeting, audience: str, none_message: str
) -> HttpResponse:
    """Serve the stored pack; while the worker builds it, say it is being prepared. A meeting
    whose reports were published before packs were stored gets its packs asked for here."""
    stored = selectors.stored_pack(meeting=meeting, audience=audience)
    if stored is None:
        if not selectors.has_published_reports(meeting):
            raise Http404("No report for this meeting has been published yet")
        services.agenda_pack_request(actor=request.user, meeting=meeting)
        stored = selectors.stored_pack(meeting=meeting, audience=audience)
    if stored is not None and stored.status == PackStatus.READY:
        pdf = selectors.pack_pdf(stored)
        if pdf is None:
            raise Http404(none_message)
        label = "agenda pack" if audience == PackAudience.PUBLIC else "restricted pack"
        if audience == PackAudience.RESTRICTED:
            for item in selectors.pack_exempt_items(stored):
                exempt_access_log(user=request.user, item=item, via=AccessPath.RESTRICTED_PACK)
        return _file(pdf, "application/pdf", _name(f"{label} {meeting}", "pdf"))
    return render(
        request,
        "reports/pack_status.html",
        {"meeting": meeting, "pack": stored, "audience": audience, **CONTEXT},
    )


@require_GET
def meeting_pack(request: HttpRequest, pk: int) -> HttpResponse:
    """The public agenda pack: exempt reports replaced by a 'not for publication' notice."""
    meeting = selectors.meeting_for_pack(viewer=viewer_for(request.user), pk=pk)
    return _pack_response(
        request, meeting, PackAudience.PUBLIC, "No report for this meeting has been published yet"
    )


@login_required
@require_GET
def meeting_pack_restricted(request: HttpRequest, pk: int) -> HttpResponse:
    """The exempt reports of the meeting, for members of its body only."""
    viewer = viewer_for(request.user)
    meeting = selectors.meeting_for_pack(viewer=viewer, pk=pk)
    require(viewer, "reports.view_restricted_pack", meeting)
    return _pack_response(
        request,
        meeting,
        PackAudience.RESTRICTED,
        "No exempt report for this meeting has been published",
    )


# --- Other documents -----------------------------------------------------------------------


def dated_name(body: str, what: str, on: dt.date) -> str:
    """A file name with the body and the date, e.g. ``joint-committee-minutes-2010-12-17``."""
    return f"{slugify(body)[:60] or 'partnership'}-{slugify(what)}-{on.isoformat()}"


def _render_document(request: HttpRequest, doc: Document, *, name: str = "") -> HttpResponse:
    stem = name or slugify(doc.title)[:80] or "document"
    try:
        prepared = prepare_document(doc)
        if request.GET.get("format") == "docx":
            return _file(build_docx(prepared, template=house_template()), DOCX, f"{stem}.docx")
        return _file(build_pdf(prepared), "application/pdf", f"{stem}.pdf")
    except DocumentError as error:
        return render(
            request,
            "reports/document_problems.html",
            {"title": doc.title, "problems": [str(p) for p in error.problems], **CONTEXT},
            status=409,
        )


@require_GET
def highlight_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The latest highlight report of project ``pk``."""
    project = selectors.project_for_document(viewer=viewer_for(request.user), pk=pk)
    report = selectors.latest_highlight_report(project)
    return _render_document(request, highlight_document(report))


@require_GET
def end_stage_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The end-stage report of project ``pk``'s current stage, from its records."""
    project = selectors.project_for_document(viewer=viewer_for(request.user), pk=pk)
    return _render_document(request, end_stage_document(project))


BAD_QUARTER = "Give the year as a number, such as 2010, and the quarter as 1 to 4"


def _quarter(request: HttpRequest) -> tuple[int, int]:
    """``?year=2010&quarter=3`` (financial year starting April 2010); by default the quarter
    before today's."""
    year, quarter = quarter_of(clock.today())
    year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    try:
        year = int(request.GET.get("year") or year)
        quarter = int(request.GET.get("quarter") or quarter)
    except ValueError:
        raise Http404(BAD_QUARTER) from None
    if not (1 <= quarter <= 4 and 2000 <= year <= 2100):
        raise Http404(BAD_QUARTER)
    return year, quarter


@require_GET
def quarterly_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Partner ``pk``'s quarterly progress report on the shared services and projects it
    leads (directly or through a workstream)."""
    viewer = viewer_for(request.user)
    partner = selectors.partner_for_report(viewer=viewer, pk=pk)
    year, quarter = _quarter(request)
    projects = selectors.quarterly_projects(viewer=viewer, partner=partner)
    return _render_document(
        request, quarterly_document(partner, projects, year=year, quarter=quarter)
    )


@require_GET
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as the viewer may read them; ``?restricted=1`` adds the exempt items in full
    for those entitled (each opening logged)."""
    viewer = viewer_for(request.user)
    meeting = selectors.meeting_for_pack(viewer=viewer, pk=pk)
    restricted = bool(request.GET.get("restricted")) and can(
        viewer, "reports.view_restricted_pack", meeting
    )
    name = dated_name(meeting.body.name, "minutes", timezone.localdate(meeting.starts_at))
    return _render_document(
        request,
        minutes_document(meeting, viewer=viewer, restricted=restricted, user=request.user),
        name=name,
    )


@require_GET
def decision_notice(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_for_notice(viewer=viewer_for(request.user), pk=pk)
    name = dated_name(decision.body.name, "decision notice", decision.decided_on)
    return _render_document(request, decision_notice_document(decision), name=name)
