"""Pages for writing, clearing and publishing a committee report. Each write view goes through
``core.pages.form_page``: the access rule, the form, one service call, redirect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, bound_files, form_page
from partnerplan.governance.models import AccessPath
from partnerplan.governance.services.agenda import exempt_access_log
from partnerplan.reports import clearance, editor_page, selectors, services
from partnerplan.reports.forms import (
    BlockForm,
    PublishForm,
    RecommendationFigureForm,
    ReportCreateForm,
    ReportForm,
    SectionForm,
    SignOffForm,
    TemplateForm,
    block_initial,
)
from partnerplan.reports.models import (
    BlockKind,
    Report,
    ReportVersion,
    SignOffRole,
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


def _saved(message: str, report: Report, signed: str) -> Callable[[Any], str]:
    """The success message, saying so when the change withdrew the sign-offs ``signed``
    (clearance.signed_off_words before the change)."""

    def text(_result: Any) -> str:
        withdrawn = signed and not selectors.has_sign_offs(report)
        return message + (clearance.withdrawn_notice(signed) if withdrawn else "")

    return text


def _warned(report: Report) -> tuple[str, dict[str, Any]]:
    """What is signed off now, and the page context warning that a change withdraws it."""
    signed = clearance.signed_off_words(report)
    return signed, {"withdraw_warning": clearance.withdraw_warning(report, signed), **CONTEXT}


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
    form = ReportCreateForm(bound(request), items=selectors.items_without_report(viewer=viewer))
    return form_page(
        request, form,
        act=lambda data: services.report_create(actor=request.user, item=data["item"]),
        success="The report has been started.",
        done=lambda report: _detail_url(report.pk),
        title="Start a report", submit="Start the report", cancel=reverse("reports:report-list"),
        template="reports/report_create.html", context=CONTEXT,
    )  # fmt: skip


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor (for those who may change the report): its publish state, its parts in
    document order as a task list, the figures to check, its sections and blocks, a preview.
    Everyone else reads the latest published version."""
    viewer = viewer_for(request.user)
    report = selectors.report_detail(viewer=viewer, pk=pk)
    exempt_access_log(user=request.user, item=report.item, via=AccessPath.REPORT_PAGE)
    may_change = selectors.can_change(viewer, report)
    versions = list(report.versions.all())
    latest = versions[0] if versions else None
    page = None
    if may_change:
        page = editor_page.editor(
            selectors.report_for_editor(report),
            viewer,
            latest_document=selectors.version_document(latest),
        )
    html = None
    if latest is not None and not may_change:
        html = selectors.version_html(latest)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "sections": list(report.sections.all()),
            "versions": versions,
            "latest": latest,
            "html": html,
            "editor": page,
            "can_change": may_change,
            "can_publish": can(viewer, "reports.publish_report", report),
            **CONTEXT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_change(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, ReportForm(bound(request), instance=report),
        rule=("reports.change_report", report),
        act=lambda data: services.report_update(actor=request.user, report=report, **data),
        success="Your changes have been saved.", done=_detail_url(report.pk),
        title="Change the report", caption=report.title, cancel=_detail_url(report.pk),
        context=CONTEXT,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def report_template(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_change(viewer=viewer_for(request.user), pk=pk)

    def act(data: dict[str, Any]) -> Report:
        upload = data.get("template")
        return services.report_set_template(
            actor=request.user, report=report, name=upload.name if upload else "",
            data=upload.read() if upload else None,
        )  # fmt: skip

    return form_page(
        request, TemplateForm(bound(request), bound_files(request)),
        rule=("reports.change_report", report), act=act,
        success="The Word template has been saved.", done=_detail_url(report.pk),
        title="Word template", caption=report.title, cancel=_detail_url(report.pk),
        template="reports/template_form.html", context={"report": report, **CONTEXT},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_change(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, PublishForm(bound(request)),
        rule=("reports.publish_report", report),
        act=lambda data: services.report_publish(
            actor=request.user, report=report, override_reason=data["override_reason"]
        ),
        success=lambda version: f"Version {version.number} of the report is published.",
        done=_detail_url(report.pk),
        title="Publish the report", caption=report.title, submit="Publish",
        cancel=_detail_url(report.pk), template="reports/publish.html", context=CONTEXT,
    )  # fmt: skip


def _december_published(version: ReportVersion) -> str:
    result = (
        "a figure does not agree with the data, so it was published with the reason recorded"
        if version.figure_problems
        else "every figure tied to the data agrees with it"
    )
    return f"Version {version.number} of the December 2010 report is published: {result}."


@login_required
@require_http_methods(["GET", "POST"])
def december_report(request: HttpRequest) -> HttpResponse:
    """One action: publish the December 2010 report again from the data as it is now."""
    report = selectors.december_report()
    return form_page(
        request, ConfirmForm(bound(request)),
        rule="reports.produce_december_report",
        act=lambda _data: services.december_report_publish_again(actor=request.user),
        success=_december_published,
        done=lambda version: reverse("reports:version-detail", args=[version.pk]),
        title="Produce the December 2010 report again",
        submit="Produce the December 2010 report again",
        template="reports/december.html",
        context={
            "report": report, "latest": report.versions.first() if report else None, **CONTEXT,
        },
    )  # fmt: skip


# --- Sections and blocks -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_change(viewer=viewer_for(request.user), pk=pk)
    signed, context = _warned(report)
    return form_page(
        request, SectionForm(bound(request)),
        rule=("reports.change_report", report),
        act=lambda data: services.section_add(actor=request.user, report=report, **data),
        success=_saved("The section has been added.", report, signed),
        done=_detail_url(report.pk),
        title="Add a section", caption=report.title, cancel=_detail_url(report.pk),
        template="reports/section_form.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = selectors.section_for_change(viewer=viewer_for(request.user), pk=pk)
    report = section.report
    initial = {"heading": section.heading, "kind": section.kind, "order": section.order}
    signed, context = _warned(report)
    return form_page(
        request, SectionForm(bound(request), initial=initial),
        rule=("reports.change_report", report),
        act=lambda data: services.section_update(
            actor=request.user, section=section,
            **{k: v for k, v in data.items() if v is not None},
        ),
        success=_saved("Your changes have been saved.", report, signed),
        done=_detail_url(report.pk),
        title="Change the section", caption=report.title, cancel=_detail_url(report.pk),
        template="reports/section_form.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    section = selectors.section_for_change(viewer=viewer_for(request.user), pk=pk)
    report = section.report
    what = f"the section '{section.heading}' and everything in it"
    signed, context = _warned(report)
    return form_page(
        request, ConfirmForm(bound(request)),
        rule=("reports.change_report", report),
        act=lambda _data: services.section_delete(actor=request.user, section=section),
        success=_saved(f"The section '{section.heading}' has been deleted.", report, signed),
        done=_detail_url(report.pk),
        title=f"Delete {what}?", caption=report.title, submit="Delete",
        cancel=_detail_url(report.pk), template="reports/confirm_delete.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def block_add(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    section = selectors.section_for_change(viewer=viewer, pk=pk)
    report = section.report
    initial = {"kind": request.GET.get("kind") or BlockKind.PARAGRAPH, "numbered": True}
    signed, context = _warned(report)
    form = BlockForm(
        bound(request), bound_files(request), initial=initial,
        choices=selectors.block_choices(viewer=viewer),
    )  # fmt: skip
    return form_page(
        request, form,
        rule=("reports.change_report", report),
        act=lambda _data: services.block_add(
            actor=request.user, section=section, image=form.image_bytes(), **form.service_data()
        ),
        success=_saved("The block has been added.", report, signed),
        done=_detail_url(report.pk),
        title="Add a block", caption=f"{report.title}: {section.heading}",
        cancel=_detail_url(report.pk), template="reports/block_form.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def block_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    block = selectors.block_for_change(viewer=viewer, pk=pk)
    report = block.section.report
    signed, context = _warned(report)
    # "Check a figure" is offered only on a paragraph that quotes a £ figure (or is tied).
    offer = block.kind == BlockKind.PARAGRAPH and (
        editor_page.quotes_pounds(block.text) or bool((block.figure or {}).get("fund"))
    )
    form = BlockForm(
        bound(request), bound_files(request), initial=block_initial(block),
        choices=selectors.block_choices(viewer=viewer), figure=offer,
    )  # fmt: skip
    return form_page(
        request, form,
        rule=("reports.change_report", report),
        act=lambda _data: services.block_update(
            actor=request.user, block=block, image=form.image_bytes(), **form.service_data()
        ),
        success=_saved("Your changes have been saved.", report, signed),
        done=_detail_url(report.pk),
        title="Change the block", caption=f"{report.title}: {block.section.heading}",
        cancel=_detail_url(report.pk), template="reports/block_form.html",
        context={**context, "offer_figure": offer, "figure_open": "figure" in request.GET},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def block_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    block = selectors.block_for_change(viewer=viewer, pk=pk)
    report = block.section.report
    if request.method == "POST" and getattr(request, "htmx", False):
        # The editor's inline delete button: the row is swapped for nothing.
        require(viewer, "reports.change_report", report)
        services.block_delete(actor=request.user, block=block)
        return HttpResponse("")
    signed, context = _warned(report)
    return form_page(
        request, ConfirmForm(bound(request)),
        rule=("reports.change_report", report),
        act=lambda _data: services.block_delete(actor=request.user, block=block),
        success=_saved("The block has been deleted.", report, signed),
        done=_detail_url(report.pk),
        title=f"Delete this {block.get_kind_display()}?", caption=report.title, submit="Delete",
        cancel=_detail_url(report.pk), template="reports/confirm_delete.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def section_move(request: HttpRequest, pk: int, direction: str) -> HttpResponse:
    """Move a section one place up or down. The editor's buttons POST here (no JavaScript
    needed); a GET asks to confirm."""
    section = selectors.section_for_change(viewer=viewer_for(request.user), pk=pk)
    report = section.report
    signed, context = _warned(report)
    what = "appendix" if section.kind == "appendix" else "section"
    return form_page(
        request, ConfirmForm(bound(request)),
        rule=("reports.change_report", report),
        act=lambda _data: services.report_section_move(
            actor=request.user, section=section, direction=direction
        ),
        success=_saved(f"The {what} '{section.heading}' has moved {direction}.", report, signed),
        done=f"{_detail_url(report.pk)}#section-{section.pk}",
        title=f"Move the {what} '{section.heading}' {direction}?", caption=report.title,
        submit=f"Move it {direction}", cancel=_detail_url(report.pk),
        template="reports/confirm_move.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def block_move(request: HttpRequest, pk: int, direction: str) -> HttpResponse:
    """Move a block one place up or down inside its section (as ``section_move``)."""
    block = selectors.block_for_change(viewer=viewer_for(request.user), pk=pk)
    report = block.section.report
    signed, context = _warned(report)
    return form_page(
        request, ConfirmForm(bound(request)),
        rule=("reports.change_report", report),
        act=lambda _data: services.report_block_move(
            actor=request.user, block=block, direction=direction
        ),
        success=_saved(f"The block has moved {direction}.", report, signed),
        done=f"{_detail_url(report.pk)}#block-{block.pk}",
        title=f"Move this {block.get_kind_display().split(' (')[0].lower()} {direction}?",
        caption=f"{report.title}: {block.section.heading}", intro=editor_page.block_words(block),
        submit=f"Move it {direction}", cancel=_detail_url(report.pk),
        template="reports/confirm_move.html", context=context,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_figure(request: HttpRequest, pk: int) -> HttpResponse:
    """Tie the £ figure recommendation `pk` quotes to the ledger (for its agenda item's report)."""
    viewer = viewer_for(request.user)
    recommendation, report = selectors.recommendation_for_change(viewer=viewer, pk=pk)
    tie = (report.recommendation_figures or {}).get(str(recommendation.pk)) or {}
    choices = selectors.figure_choices(viewer=viewer)
    form = RecommendationFigureForm(
        bound(request), funds=choices["fund"], scenarios=choices["scenario"],
        initial={
            "label": tie.get("label", ""), "fund": tie.get("fund"),
            "on": dt.date.fromisoformat(tie["on"]) if tie.get("on") else None,
            "scenario": tie.get("scenario"),
        },
    )  # fmt: skip
    return form_page(
        request, form,
        rule=("reports.change_report", report),
        act=lambda data: services.report_tie_recommendation_figure(
            actor=request.user, report=report, recommendation=recommendation, **data
        ),
        success="The figure check has been saved.", done=_detail_url(report.pk),
        title=f"Check a figure in recommendation {recommendation.number}",
        caption=report.title, intro=recommendation.text, submit="Save the figure check",
        cancel=_detail_url(report.pk), template="reports/recommendation_figure.html",
        context=CONTEXT,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def report_sign_off(request: HttpRequest, pk: int, role: str) -> HttpResponse:
    """The named finance or legal officer clears the report for their role."""
    viewer = viewer_for(request.user)
    report = selectors.report_for_sign_off(viewer=viewer, pk=pk)
    if role not in SignOffRole.values:
        raise Http404("Sign-offs are by the finance or the legal officer")
    require(viewer, "reports.sign_off", selectors.statutory_officer(role))
    section = clearance.ROLE_SECTION[SignOffRole(role)]
    text = getattr(report, section).strip() or "Not written yet."
    return form_page(
        request,
        SignOffForm(bound(request)),
        title=f"Sign off the report as {clearance.ROLE_WORDS[SignOffRole(role)]}",
        caption=report.title,
        cancel=_detail_url(report.pk),
        intro=f"The {section} implications: {text} Still needed: "
        + ("; ".join(clearance.clearance_problems(report)) or "nothing else."),
        submit="Sign it off",
        act=lambda d: clearance.report_sign_off(
            actor=request.user, report=report, role=role, comment=d["comment"]
        ),
        done=_detail_url(report.pk),
        success="Your sign-off has been recorded.",
        context=CONTEXT,
    )


# --- Published versions and downloads ------------------------------------------------------
