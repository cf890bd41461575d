"""Pages for committee reports and documents. Each view: read the form, call one service,
redirect. Downloads serve the frozen files of the latest published version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for, visible
from partnerplan.core.forms import apply_validation_error
from partnerplan.finance.models import Fund, Scenario
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import HighlightReport, Method, Programme, Project
from partnerplan.reports import selectors, services
from partnerplan.reports.builders import (
    DocumentError,
    build_html,
    build_pdf,
)
from partnerplan.reports.builders.docx_builder import build_docx
from partnerplan.reports.builders.model import Document
from partnerplan.reports.documents import build_document
from partnerplan.reports.forms import (
    BlockForm,
    ConfirmForm,
    PublishForm,
    RecommendationFigureForm,
    ReportCreateForm,
    ReportForm,
    SectionForm,
    TemplateForm,
    block_initial,
)
from partnerplan.reports.models import BlockKind, PackAudience, PackStatus, Report
from partnerplan.reports.other_documents import (
    decision_notice_document,
    end_stage_document,
    highlight_document,
    minutes_document,
    quarter_of,
    quarterly_document,
)
from partnerplan.resources.models import PlanRun, PlanScenario, RunStatus

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTEXT = {"nav_reports": True}


def _file(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _name(title: str, ext: str) -> str:
    return f"{slugify(title)[:80] or 'document'}.{ext}"


# --- Reports -------------------------------------------------------------------------------


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    reports = list(selectors.report_list(viewer=viewer)[:200])
    return render(
        request,
        "reports/report_list.html",
        {
            "reports": reports,
            "can_add": can(viewer, "reports.add_report"),
            "can_reproduce": can(viewer, "reports.produce_december_report"),
            **CONTEXT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "reports.add_report")
    form = ReportCreateForm(
        request.POST or None, items=selectors.items_without_report(viewer=viewer)
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(actor=request.user, item=form.cleaned_data["item"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The report has been started.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/report_create.html", {"form": form, **CONTEXT})


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    report = selectors.report_detail(viewer=viewer, pk=pk)
    may_change = selectors.can_change(viewer, report)
    versions = list(report.versions.all())
    latest = versions[0] if versions else None
    preview = problems = None
    if may_change:
        built = build_document(report)
        from partnerplan.reports.builders import validate_document

        problems = [str(p) for p in [*built.problems, *validate_document(built.document)]]
        if not problems:
            preview = build_html(built.document)
    html = None
    if latest is not None and not may_change:
        html = type(latest).objects.values_list("html", flat=True).get(pk=latest.pk)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "sections": list(report.sections.all()),
            "recommendations": list(report.item.recommendations.all()),
            "versions": versions,
            "latest": latest,
            "html": html,
            "preview": preview,
            "problems": problems,
            "can_change": may_change,
            "can_publish": can(viewer, "reports.publish_report", report),
            **CONTEXT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    report = selectors.report_for_change(viewer=viewer, pk=pk)
    require(viewer, "reports.change_report", report)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/report_form.html", {"form": form, "report": report, **CONTEXT})


@login_required
@require_http_methods(["GET", "POST"])
def report_template(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    report = selectors.report_for_change(viewer=viewer, pk=pk)
    require(viewer, "reports.change_report", report)
    form = TemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("template")
        try:
            services.report_set_template(
                actor=request.user,
                report=report,
                name=upload.name if upload else "",
                data=upload.read() if upload else None,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The Word template has been saved.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(
        request, "reports/template_form.html", {"form": form, "report": report, **CONTEXT}
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    report = selectors.report_for_change(viewer=viewer, pk=pk)
    require(viewer, "reports.publish_report", report)
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.report_publish(
                actor=request.user,
                report=report,
                override_reason=form.cleaned_data["override_reason"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Version {version.number} of the report is published.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/publish.html", {"form": form, "report": report, **CONTEXT})


@login_required
@require_http_methods(["GET", "POST"])
def december_report(request: HttpRequest) -> HttpResponse:
    """One action: publish the December 2010 report again from the data as it is now."""
    from partnerplan.reports.demo import december_report as find_december_report

    viewer = viewer_for(request.user)
    require(viewer, "reports.produce_december_report")
    errors: list[str] = []
    if request.method == "POST":
        try:
            version = services.december_report_publish_again(actor=request.user)
        except ValidationError as exc:
            errors = exc.messages
        else:
            result = (
                "a figure does not agree with the data, so it was published with the reason "
                "recorded"
                if version.figure_problems
                else "every figure tied to the data agrees with it"
            )
            messages.success(
                request, f"Version {version.number} of the December 2010 report is published: "
                f"{result}.",
            )  # fmt: skip
            return redirect("reports:version-detail", pk=version.pk)
    report = find_december_report()
    return render(
        request,
        "reports/december.html",
        {
            "report": report,
            "latest": report.versions.first() if report else None,
            "errors": errors,
            **CONTEXT,
        },
    )


# --- Sections and blocks -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    report = selectors.report_for_change(viewer=viewer, pk=pk)
    require(viewer, "reports.change_report", report)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_add(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The section has been added.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(request, "reports/section_form.html", {"form": form, "report": report, **CONTEXT})


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    section = selectors.section_for_change(viewer=viewer, pk=pk)
    report = section.report
    require(viewer, "reports.change_report", report)
    initial = {"heading": section.heading, "kind": section.kind, "order": section.order}
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v is not None}
        try:
            services.section_update(actor=request.user, section=section, **data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(
        request,
        "reports/section_form.html",
        {"form": form, "report": report, "section": section, **CONTEXT},
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    section = selectors.section_for_change(viewer=viewer, pk=pk)
    report = section.report
    require(viewer, "reports.change_report", report)
    if request.method == "POST":
        services.section_delete(actor=request.user, section=section)
        messages.success(request, f"The section '{section.heading}' has been deleted.")
        return redirect("reports:report-detail", pk=report.pk)
    return render(
        request,
        "reports/confirm_delete.html",
        {"form": ConfirmForm(), "report": report, "what": f"the section '{section.heading}' "
         "and everything in it", **CONTEXT},
    )  # fmt: skip


def _choices(viewer: Any) -> dict[str, Any]:
    programmes = visible(Programme.objects.filter(archived_at__isnull=True), viewer)
    return {
        "programme": programmes,
        "other": programmes,
        "method": Method.objects.filter(archived_at__isnull=True),
        "project": visible(Project.objects.filter(archived_at__isnull=True), viewer),
        "fund": visible(Fund.objects.filter(archived_at__isnull=True), viewer),
        "scenario": Scenario.objects.all(),
        "run": PlanRun.objects.filter(status=RunStatus.DONE).only("pk", "name"),
        "plan_scenario": PlanScenario.objects.order_by("name"),
        "figure_fund": visible(Fund.objects.filter(archived_at__isnull=True), viewer),
        "figure_scenario": Scenario.objects.all(),
    }


def _block_page(
    request: HttpRequest, form: BlockForm, report: Report, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "reports/block_form.html",
        {"form": form, "report": report, **extra, **CONTEXT},
    )


@login_required
@require_http_methods(["GET", "POST"])
def block_add(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    section = selectors.section_for_change(viewer=viewer, pk=pk)
    report = section.report
    require(viewer, "reports.change_report", report)
    initial = {"kind": request.GET.get("kind") or BlockKind.PARAGRAPH, "numbered": True}
    form = BlockForm(
        request.POST or None, request.FILES or None, initial=initial, choices=_choices(viewer)
    )
    if request.method == "POST" and form.is_valid():
        data, image = form.service_data()
        try:
            services.block_add(actor=request.user, section=section, image=image, **data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The block has been added.")
            return redirect("reports:report-detail", pk=report.pk)
    return _block_page(request, form, report, section=section)


@login_required
@require_http_methods(["GET", "POST"])
def block_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    block = selectors.block_for_change(viewer=viewer, pk=pk)
    report = block.section.report
    require(viewer, "reports.change_report", report)
    form = BlockForm(
        request.POST or None,
        request.FILES or None,
        initial=block_initial(block),
        choices=_choices(viewer),
    )
    if request.method == "POST" and form.is_valid():
        data, image = form.service_data()
        try:
            services.block_update(actor=request.user, block=block, image=image, **data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("reports:report-detail", pk=report.pk)
    return _block_page(request, form, report, section=block.section, block=block)


@login_required
@require_http_methods(["GET", "POST"])
def block_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    block = selectors.block_for_change(viewer=viewer, pk=pk)
    report = block.section.report
    require(viewer, "reports.change_report", report)
    if request.method == "POST":
        services.block_delete(actor=request.user, block=block)
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse("")
        messages.success(request, "The block has been deleted.")
        return redirect("reports:report-detail", pk=report.pk)
    return render(
        request,
        "reports/confirm_delete.html",
        {"form": ConfirmForm(), "report": report, "what": f"this {block.get_kind_display()}",
         **CONTEXT},
    )  # fmt: skip


# --- Published versions and downloads ------------------------------------------------------


@require_GET
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_detail(viewer=viewer_for(request.user), pk=pk)
    return render(
        request,
        "reports/version_detail.html",
        {"version": version, "report": version.report, **CONTEXT},
    )


@require_GET
def version_docx(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_detail(viewer=viewer_for(request.user), pk=pk)
    name = _name(f"{version.report.title} v{version.number}", "docx")
    return _file(bytes(version.docx), DOCX, name)


@require_GET
def version_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_detail(viewer=viewer_for(request.user), pk=pk)
    name = _name(f"{version.report.title} v{version.number}", "pdf")
    return _file(bytes(version.pdf), "application/pdf", name)


def _pack_response(
    request: HttpRequest, meeting: Any, audience: str, none_message: str
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


def _render_document(request: HttpRequest, doc: Document) -> HttpResponse:
    try:
        if request.GET.get("format") == "docx":
            return _file(build_docx(doc), DOCX, _name(doc.title, "docx"))
        return _file(build_pdf(doc), "application/pdf", _name(doc.title, "pdf"))
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
    viewer = viewer_for(request.user)
    project = visible(Project.objects.filter(pk=pk), viewer).first()
    if project is None:
        raise Http404("No project you can see has that number")
    report = (
        HighlightReport.objects.filter(project=project)
        .select_related("project", "author")
        .order_by("-period_end")
        .first()
    )
    if report is None:
        raise Http404("The project has no highlight report yet")
    return _render_document(request, highlight_document(report))


@require_GET
def end_stage_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The end-stage report of project ``pk``'s current stage, from its records."""
    viewer = viewer_for(request.user)
    project = (
        visible(Project.objects.filter(pk=pk), viewer)
        .select_related("stage", "project_manager")
        .first()
    )
    if project is None:
        raise Http404("No project you can see has that number")
    return _render_document(request, end_stage_document(project))


BAD_QUARTER = "Give the year as a number, such as 2010, and the quarter as 1 to 4"


def _quarter(request: HttpRequest) -> tuple[int, int]:
    """``?year=2010&quarter=3`` (financial year starting April 2010); by default the quarter
    before today's."""
    year, quarter = quarter_of(timezone.localdate())
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
    partner = visible(Partner.objects.filter(pk=pk), viewer).first()
    if partner is None:
        raise Http404("No partner you can see has that number")
    year, quarter = _quarter(request)
    projects = selectors.quarterly_projects(viewer=viewer, partner=partner)
    return _render_document(
        request, quarterly_document(partner, projects, year=year, quarter=quarter)
    )


@require_GET
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    pack = selectors.meeting_pack(viewer=viewer, pk=pk)
    entitled = can(viewer, "reports.view_restricted_pack", pack.meeting)
    public = not (entitled and request.GET.get("restricted"))
    return _render_document(request, minutes_document(pack.meeting, public=public))


@require_GET
def decision_notice(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_for_notice(viewer=viewer_for(request.user), pk=pk)
    return _render_document(request, decision_notice_document(decision))


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_figure(request: HttpRequest, pk: int) -> HttpResponse:
    """Tie the £ figure recommendation `pk` quotes to the ledger (for its agenda item's report)."""
    from partnerplan.governance.models import Recommendation

    viewer = viewer_for(request.user)
    recommendation = Recommendation.objects.select_related("item").filter(pk=pk).first()
    report = (
        selectors.report_detail(viewer=viewer, pk=recommendation.item.committee_report.pk)
        if recommendation is not None and hasattr(recommendation.item, "committee_report")
        else None
    )
    if recommendation is None or report is None:
        raise Http404("No report you can see has that recommendation")
    require(viewer, "reports.change_report", report)
    tie = (report.recommendation_figures or {}).get(str(recommendation.pk)) or {}
    funds = visible(Fund.objects.filter(archived_at__isnull=True), viewer)
    form = RecommendationFigureForm(
        request.POST or None,
        funds=funds,
        scenarios=Scenario.objects.all(),
        initial={
            "label": tie.get("label", ""), "fund": tie.get("fund"),
            "on": dt.date.fromisoformat(tie["on"]) if tie.get("on") else None,
            "scenario": tie.get("scenario"),
        },
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.report_tie_recommendation_figure(
                actor=request.user, report=report, recommendation=recommendation,
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The figure check has been saved.")
            return redirect("reports:report-detail", pk=report.pk)
    return render(
        request,
        "reports/recommendation_figure.html",
        {"form": form, "report": report, "recommendation": recommendation, **CONTEXT},
    )
