"""Pages of the portfolio. Each write view: read the form, call one service, redirect."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import Viewer, can, require, viewer_for
from partnerplan.core.forms import apply_validation_error
from partnerplan.core.history import history_for
from partnerplan.partners.selectors import partner_choices, person_list
from partnerplan.portfolio import forms as f
from partnerplan.portfolio import selectors, services
from partnerplan.portfolio.models import (
    STOPPED_OUTCOMES,
    Benefit,
    BusinessCase,
    BusinessCaseVersion,
    Confidence,
    Dependency,
    Method,
    Programme,
    ProgrammeLink,
    Project,
    RaidEntry,
    RaidStatus,
    ReviewOutcomeKind,
    Stage,
    Workstream,
)

PAGE_SIZE = 50
NAV = {"nav_portfolio": True}


def _page(request: HttpRequest, items: Any, size: int = PAGE_SIZE) -> Any:
    return Paginator(items, size).get_page(request.GET.get("page"))


def _pages(page: Any) -> dict[str, Any]:
    """Page links for the pagination: the ends and two either side, with ellipses between."""
    return {
        "page_range": list(
            page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ),
        "ellipsis": Paginator.ELLIPSIS,
    }


def _people(viewer: Viewer) -> Any:
    return person_list(viewer=viewer)


def _posted(request: HttpRequest) -> Any:
    """The POST data, even when empty (a confirmation form has no fields)."""
    return request.POST if request.method == "POST" else None


def _get(model: Any, pk: int, what: str) -> Any:
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise Http404(f"No {what} has that number")
    return obj


def _submit(
    request: HttpRequest, form: Any, action: Callable[[dict[str, Any]], Any]
) -> tuple[bool, Any]:
    """Run `action` with the cleaned data of a valid POSTed form; show a service's
    ValidationError on the form. Returns (done, result)."""
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        return True, action(dict(form.cleaned_data))
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return False, None


def _form_page(
    request: HttpRequest,
    form: Any,
    *,
    title: str,
    cancel: str,
    caption: str = "",
    intro: str = "",
    submit: str = "Save",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "caption": caption,
        "intro": intro,
        "cancel": cancel,
        "submit": submit,
        **NAV,
        **(extra or {}),
    }
    return render(request, "portfolio/form.html", context)


# --- The work plan, board and timeline ---------------------------------------------------------


def _filters(request: HttpRequest, viewer: Viewer) -> tuple[Any, selectors.WorkplanFilters]:
    form = f.WorkplanFilterForm(
        request.GET or None,
        programmes=selectors.programme_list(viewer=viewer),
        workstreams=selectors.workstream_choices(viewer=viewer),
        partners=partner_choices(viewer=viewer),
        stages=selectors.stage_codes(viewer=viewer),
    )
    filters = selectors.WorkplanFilters()
    if form.is_valid():
        data = dict(form.cleaned_data)
        for name in ("programme", "workstream", "lead_partner"):
            data[name] = data[name].pk if data.get(name) else None
        filters = selectors.WorkplanFilters(**data)
    return form, filters


def _view_link(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


@require_GET
def workplan(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form, filters = _filters(request, viewer)
    page = _page(request, selectors.workplan(viewer=viewer, filters=filters))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portfolio/workplan.html",
        {
            "form": form,
            "page": page,
            "rows": selectors.workplan_rows(page),
            "view_link": _view_link(request),
            "query": query.urlencode(),
            "can_add": can(viewer, "portfolio.add_project"),
            **_pages(page),
            **NAV,
        },
    )


WORKPLAN_COLUMNS = [
    "Programme", "Workstream", "Project", "Lead partners", "Officer lead", "Stage",
    "Review outcome", "Delivery confidence", "Report overdue", "Business case at risk",
    "Planned start", "Planned end", "Forecast end", "Actual start", "Actual end",
]  # fmt: skip


EXPORT_FIELDS = [
    "pk", "programme__name", "programme__short_name", "workstream__number", "workstream__name",
    "title", "lead_note", "officer_lead__honorific", "officer_lead__first_name",
    "officer_lead__last_name", "stage__name", "stage__expects_reports", "disposition",
    "disposition_proposed", "confidence", "business_case_at_risk", "last_report_end",
    "programme__report_every_days", "planned_start", "planned_end", "forecast_start",
    "forecast_end", "actual_start", "actual_end",
]  # fmt: skip


def _workplan_table(viewer: Viewer, filters: selectors.WorkplanFilters) -> Iterable[list[Any]]:
    """The rows of the export: plain values, not model instances, so that thousands of
    projects export quickly (two queries however many there are)."""
    projects = selectors.workplan(viewer=viewer, filters=filters).prefetch_related(None)
    leads: dict[int, list[str]] = {}
    through = Project.lead_partners.through
    for project_id, abbreviation in (
        through.objects.filter(project__in=projects.values("pk"))
        .order_by("partner__abbreviation")
        .values_list("project_id", "partner__abbreviation")
    ):
        leads.setdefault(project_id, []).append(abbreviation)
    today = timezone.localdate()
    dispositions = dict(ReviewOutcomeKind.choices)
    confidences = dict(Confidence.choices)
    for values in projects.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000):
        row = dict(zip(EXPORT_FIELDS, values, strict=True))
        officer = " ".join(
            x for x in (row["officer_lead__honorific"], row["officer_lead__first_name"],
                        row["officer_lead__last_name"]) if x
        )  # fmt: skip
        stopped = row["disposition"] in STOPPED_OUTCOMES and not row["disposition_proposed"]
        overdue = services.report_overdue(
            expects_reports=row["stage__expects_reports"],
            stopped=stopped,
            last_report_end=row["last_report_end"],
            started=row["actual_start"] or row["forecast_start"] or row["planned_start"],
            every_days=row["programme__report_every_days"],
            today=today,
        )
        disposition = dispositions.get(row["disposition"], "")
        if disposition and row["disposition_proposed"]:
            disposition = f"Proposed: {disposition}"
        workstream = row["workstream__name"] or ""
        if workstream and row["workstream__number"]:
            workstream = f"{row['workstream__number']}. {workstream}"
        yield [
            row["programme__short_name"] or row["programme__name"],
            workstream,
            row["title"],
            ", ".join(leads.get(row["pk"], [])) or row["lead_note"],
            officer,
            row["stage__name"],
            disposition,
            confidences.get(row["confidence"], ""),
            "Yes" if overdue else "No",
            "Yes" if row["business_case_at_risk"] else "No",
            row["planned_start"],
            row["planned_end"],
            row["forecast_end"],
            row["actual_start"],
            row["actual_end"],
        ]


def _csv_response(filename: str, header: list[str], rows: Iterable[list[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return response


def _xlsx_response(
    filename: str, title: str, header: list[str], rows: Iterable[list[Any]]
) -> HttpResponse:
    """A spreadsheet written row by row (openpyxl's write-only mode, so thousands of rows stay
    quick), with a bold header row, dates as dates and the header frozen."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for i in range(len(header)):
        sheet.column_dimensions[chr(ord("A") + i)].width = 24
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        out: list[Any] = []
        for value in row:
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "d mmm yyyy"
                out.append(cell)
            else:
                out.append(value)
        sheet.append(out)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def workplan_csv(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    _form, filters = _filters(request, viewer)
    return _csv_response("work-plan.csv", WORKPLAN_COLUMNS, _workplan_table(viewer, filters))


@require_GET
def workplan_xlsx(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    _form, filters = _filters(request, viewer)
    return _xlsx_response(
        "work-plan.xlsx", "Work plan", WORKPLAN_COLUMNS, _workplan_table(viewer, filters)
    )


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form, filters = _filters(request, viewer)
    programmes = list(selectors.programme_list(viewer=viewer))
    programme = next((p for p in programmes if p.pk == filters.programme), None)
    programme = programme or (programmes[0] if programmes else None)
    columns = (
        selectors.board(viewer=viewer, programme=programme, filters=filters) if programme else []
    )
    return render(
        request,
        "portfolio/board.html",
        {"form": form, "programme": programme, "columns": columns, **NAV},
    )


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form, filters = _filters(request, viewer)
    page = _page(request, selectors.workplan(viewer=viewer, filters=filters))
    bars, months = _timeline(list(page))
    return render(
        request,
        "portfolio/timeline.html",
        {
            "form": form,
            "page": page,
            "bars": bars,
            "months": months,
            "height": 40 + len(bars) * ROW_HEIGHT,
            **_pages(page),
            **NAV,
        },
    )


LABEL_WIDTH = 260
CHART_WIDTH = 640
ROW_HEIGHT = 28


def _timeline(projects: list[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dated = [p for p in projects if p.start and p.end]
    if not dated:
        return [{"project": p, "y": 30 + i * ROW_HEIGHT} for i, p in enumerate(projects)], []
    first = min(p.start for p in dated).replace(day=1)
    last = max(p.end for p in dated)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return float(LABEL_WIDTH + CHART_WIDTH * (day - first).days / span)

    bars = []
    for i, p in enumerate(projects):
        bar: dict[str, Any] = {"project": p, "y": 30 + i * ROW_HEIGHT}
        if p.start and p.end:
            bar["x"] = round(x(p.start), 1)
            bar["width"] = round(max(x(p.end) - x(p.start), 3), 1)
            bar["actual"] = bool(p.actual_start)
        bars.append(bar)
    months = []
    year, month = first.year, first.month
    months_spanned = (last.year - first.year) * 12 + last.month - first.month + 1
    # About eight labels: every 1, 3, 6 or 12 months.
    step = next((n for n in (1, 3, 6) if months_spanned / n <= 8), 12)
    n = 0
    while dt.date(year, month, 1) <= last:
        if n % step == 0:
            months.append(
                {
                    "x": round(x(dt.date(year, month, 1)), 1),
                    "label": f"{dt.date(year, month, 1):%b %Y}",
                }
            )
        n += 1
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return bars, months


# --- Programmes, stages and workstreams -------------------------------------------------------


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "portfolio/programme_list.html",
        {
            "programmes": selectors.programme_list(viewer=viewer),
            "can_add": can(viewer, "portfolio.add_programme"),
            **NAV,
        },
    )


@require_GET
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "portfolio/programme_detail.html",
        {
            "programme": programme,
            "can_change": can(viewer, "portfolio.change_programme", programme),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest) -> HttpResponse:
    require(viewer_for(request.user), "portfolio.add_programme")
    form = f.ProgrammeForm(request.POST or None)
    done, programme = _submit(
        request, form, lambda data: services.programme_create(actor=request.user, **data)
    )
    if done:
        messages.success(request, f"{programme} has been added with the default stages.")
        return redirect("portfolio:programme-detail", pk=programme.pk)
    return _form_page(
        request, form, title="Add a programme", cancel=reverse("portfolio:programme-list")
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    require(viewer, "portfolio.change_programme", programme)
    form = f.ProgrammeForm(request.POST or None, instance=programme)
    done, _ = _submit(
        request,
        form,
        lambda data: services.programme_update(actor=request.user, programme=programme, **data),
    )
    url = reverse("portfolio:programme-detail", args=[programme.pk])
    if done:
        messages.success(request, "Your changes have been saved.")
        return redirect(url)
    return _form_page(request, form, title=f"Change {programme}", cancel=url)


@login_required
@require_http_methods(["GET", "POST"])
def stage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    stage = Stage.objects.select_related("programme").filter(pk=pk).first()
    if stage is None:
        from django.http import Http404

        raise Http404("No stage has that number")
    programme = selectors.programme_detail(viewer=viewer, pk=stage.programme_id)
    require(viewer, "portfolio.change_programme", programme)
    form = f.StageForm(request.POST or None, instance=stage)
    done, _ = _submit(
        request, form, lambda data: services.stage_update(actor=request.user, stage=stage, **data)
    )
    url = reverse("portfolio:programme-detail", args=[programme.pk])
    if done:
        messages.success(request, "The stage has been changed.")
        return redirect(url)
    return _form_page(
        request, form, title=f"Change the stage '{stage}'", caption=str(programme), cancel=url
    )


@login_required
@require_http_methods(["GET", "POST"])
def stage_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    require(viewer, "portfolio.change_programme", programme)
    form = f.StageAddForm(
        request.POST or None, initial={"position": max(programme.stages.count(), 1)}
    )
    done, stage = _submit(
        request,
        form,
        lambda data: services.stage_add(actor=request.user, programme=programme, **data),
    )
    url = reverse("portfolio:programme-detail", args=[programme.pk])
    if done:
        messages.success(request, f"The stage '{stage}' has been added.")
        return redirect(url)
    return _form_page(request, form, title="Add a stage", caption=str(programme), cancel=url)


@login_required
@require_http_methods(["GET", "POST"])
def stage_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    stage = _get(Stage, pk, "stage")
    programme = selectors.programme_detail(viewer=viewer, pk=stage.programme_id)
    require(viewer, "portfolio.change_programme", programme)
    form = f.ConfirmForm(_posted(request))
    done, _ = _submit(
        request, form, lambda data: services.stage_remove(actor=request.user, stage=stage)
    )
    url = reverse("portfolio:programme-detail", args=[programme.pk])
    if done:
        messages.success(request, f"The stage '{stage}' has been removed.")
        return redirect(url)
    return _form_page(
        request,
        form,
        title=f"Remove the stage '{stage}'",
        caption=str(programme),
        intro="A stage can be removed only if no project is at it and no gate decision names "
        "it. Later stages move up one place.",
        cancel=url,
        submit="Remove the stage",
    )


@login_required
@require_http_methods(["GET", "POST"])
def workstream_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    programme = selectors.programme_detail(viewer=viewer, pk=pk)
    require(viewer, "portfolio.change_programme", programme)
    form = f.WorkstreamForm(
        request.POST or None, people=_people(viewer), partners=partner_choices(viewer=viewer)
    )
    done, _ = _submit(
        request,
        form,
        lambda data: services.workstream_create(actor=request.user, programme=programme, **data),
    )
    url = reverse("portfolio:programme-detail", args=[programme.pk])
    if done:
        messages.success(request, "The workstream has been added.")
        return redirect(url)
    return _form_page(request, form, title="Add a workstream", caption=str(programme), cancel=url)


@login_required
@require_http_methods(["GET", "POST"])
def workstream_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    workstream = selectors.workstream_detail(viewer=viewer, pk=pk)
    require(viewer, "portfolio.change_programme", workstream.programme)
    form = f.WorkstreamForm(
        request.POST or None,
        instance=workstream,
        people=_people(viewer),
        partners=partner_choices(viewer=viewer),
    )
    done, _ = _submit(
        request,
        form,
        lambda data: services.workstream_update(actor=request.user, workstream=workstream, **data),
    )
    url = reverse("portfolio:programme-detail", args=[workstream.programme_id])
    if done:
        messages.success(request, "Your changes have been saved.")
        return redirect(url)
    return _form_page(
        request, form, title=f"Change {workstream}", caption=str(workstream.programme), cancel=url
    )


# --- Overlap between two programmes -----------------------------------------------------------


def _overlap(request: HttpRequest) -> tuple[Any, Programme | None, Programme | None, list[Any]]:
    viewer = viewer_for(request.user)
    programmes = selectors.programme_list(viewer=viewer)
    form = f.OverlapForm(request.GET or None, programmes=programmes)
    side = other = None
    if form.is_valid():
        side, other = form.cleaned_data["side"], form.cleaned_data["other"]
    else:
        listed = list(programmes)
        partnership = next((p for p in listed if p.is_partnership_plan), None)
        outside = next((p for p in listed if not p.is_partnership_plan), None)
        side, other = outside, partnership
        if side and other:
            form = f.OverlapForm(initial={"side": side, "other": other}, programmes=programmes)
    rows = selectors.overlap(viewer=viewer, side=side, other=other) if side and other else []
    return form, side, other, rows


OVERLAP_COLUMNS = ["No", "Workstream", "Leads", "Related project", "Officer lead", "Comment"]


def _overlap_table(rows: list[Any]) -> Iterable[list[Any]]:
    for row in rows:
        number = row.workstream.number or ""
        if not row.entries:
            yield [number, row.workstream.name, row.leads, "None", "N/a", "N/a"]
        for i, entry in enumerate(row.entries):
            first = i == 0
            yield [
                number if first else "",
                row.workstream.name if first else "",
                row.leads if first else "",
                entry.project.title,
                entry.officer_lead,
                entry.comment,
            ]


@require_GET
def overlap(request: HttpRequest) -> HttpResponse:
    form, side, other, rows = _overlap(request)
    return render(
        request,
        "portfolio/overlap.html",
        {
            "form": form,
            "side": side,
            "other": other,
            "rows": rows,
            "query": request.GET.urlencode(),
            **NAV,
        },
    )


@require_GET
def overlap_csv(request: HttpRequest) -> HttpResponse:
    _form, _side, _other, rows = _overlap(request)
    return _csv_response("overlap.csv", OVERLAP_COLUMNS, _overlap_table(rows))


@require_GET
def overlap_xlsx(request: HttpRequest) -> HttpResponse:
    _form, _side, _other, rows = _overlap(request)
    return _xlsx_response("overlap.xlsx", "Overlap", OVERLAP_COLUMNS, _overlap_table(rows))


# --- Projects --------------------------------------------------------------------------------


@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    project = selectors.project_detail(viewer=viewer, pk=pk)
    can_change = can(viewer, "portfolio.change_project", project)
    # The funding panel is the finance app's (its money, its rules); imported here, not at the
    # top, because finance imports the portfolio's models.
    from partnerplan.finance.selectors import project_funding

    return render(
        request,
        "portfolio/project_detail.html",
        {
            "project": project,
            "lead_text": selectors.project_lead_text(project),
            "overdue": services.is_overdue(project),
            "stopped": services.is_stopped(project),
            "can_change": can_change,
            "can_gate": can(viewer, "portfolio.pass_gate", project),
            "can_approve": can(viewer, "portfolio.approve_business_case", project),
            "can_report": can(viewer, "portfolio.write_highlight_report", project),
            "funding": project_funding(viewer=viewer, project=project),
            "history": history_for(project) if can(viewer, "core.view_history") else None,
            **NAV,
        },
    )


def _project_form(request: HttpRequest, viewer: Viewer, **kwargs: Any) -> f.ProjectForm:
    return f.ProjectForm(
        request.POST or None,
        programmes=selectors.programme_list(viewer=viewer),
        workstreams=selectors.workstream_choices(viewer=viewer),
        partners=partner_choices(viewer=viewer),
        people=_people(viewer),
        **kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "portfolio.add_project")
    form = _project_form(request, viewer, initial={"programme": request.GET.get("programme")})
    done, project = _submit(
        request, form, lambda data: services.project_create(actor=request.user, **data)
    )
    if done:
        messages.success(request, f"{project} has been added at '{project.stage}'.")
        return redirect("portfolio:project-detail", pk=project.pk)
    return _form_page(request, form, title="Add a project", cancel=reverse("portfolio:workplan"))


def _project_for(request: HttpRequest, pk: int, action: str) -> tuple[Viewer, Any]:
    viewer = viewer_for(request.user)
    project = selectors.project_detail(viewer=viewer, pk=pk)
    require(viewer, action, project)
    return viewer, project


def _back(project: Any, anchor: str = "") -> str:
    url = reverse("portfolio:project-detail", args=[project.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = _project_form(request, viewer, instance=project, editing=True)
    done, _ = _submit(
        request,
        form,
        lambda data: services.project_update(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "Your changes have been saved.")
        return redirect(_back(project))
    return _form_page(request, form, title=f"Change {project}", cancel=_back(project))


@login_required
@require_http_methods(["GET", "POST"])
def project_gate(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.pass_gate")
    allowed = [s.pk for s in services.allowed_gates(project)]
    # Every later stage can be asked for: a wrong one is refused with the reason.
    stages = Stage.objects.filter(programme_id=project.programme_id).exclude(pk=project.stage_id)
    form = f.GateForm(
        request.POST or None,
        stages=stages,
        initial={"to_stage": allowed[0] if allowed else None},
    )
    done, passage = _submit(
        request,
        form,
        lambda data: services.project_pass_gate(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, f"{project} has moved to '{passage.to_stage}'.")
        return redirect(_back(project, "lifecycle"))
    intro = f"{project} is at '{project.stage}'. " + (
        f"The next gate is into '{services.allowed_gates(project)[0]}'."
        if allowed
        else "It cannot pass any more gates."
    )
    return _form_page(
        request,
        form,
        title="Record a gate decision",
        caption=str(project),
        intro=intro,
        cancel=_back(project),
        submit="Record the decision",
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_review(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.pass_gate")
    form = f.ReviewForm(request.POST or None, partners=partner_choices(viewer=viewer))
    done, _ = _submit(
        request,
        form,
        lambda data: services.project_record_review(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The review outcome has been recorded.")
        return redirect(_back(project, "lifecycle"))
    return _form_page(
        request, form, title="Record a review outcome", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_link(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    workstreams = selectors.workstream_choices(viewer=viewer).exclude(
        programme_id=project.programme_id
    )
    form = f.LinkForm(request.POST or None, workstreams=workstreams)
    done, _ = _submit(
        request,
        form,
        lambda data: services.link_create(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The link has been added.")
        return redirect(_back(project, "links"))
    return _form_page(
        request,
        form,
        title="Link to a workstream of another programme",
        caption=str(project),
        cancel=_back(project),
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_dependency(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = f.DependencyForm(
        request.POST or None,
        projects=selectors.project_choices(viewer=viewer, exclude=project.pk),
    )
    done, _ = _submit(
        request,
        form,
        lambda data: services.dependency_add(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The dependency has been added.")
        return redirect(_back(project, "dependencies"))
    return _form_page(
        request, form, title="Add a dependency", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_board_member(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = f.BoardMemberForm(request.POST or None, people=_people(viewer))
    done, _ = _submit(
        request,
        form,
        lambda data: services.board_member_add(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The board member has been added.")
        return redirect(_back(project, "people"))
    return _form_page(
        request, form, title="Add a project board member", caption=str(project),
        cancel=_back(project),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def project_document(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = f.DocumentForm(request.POST or None)
    done, _ = _submit(
        request,
        form,
        lambda data: services.document_add(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The document has been added.")
        return redirect(_back(project, "documents"))
    return _form_page(
        request, form, title="Add a document", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Archive a project, or restore an archived one."""
    viewer, project = _project_for(request, pk, "portfolio.pass_gate")
    form: Any = (
        f.ConfirmForm(_posted(request))
        if project.is_archived
        else f.ReasonForm(request.POST or None)
    )
    if project.is_archived:
        done, _ = _submit(
            request,
            form,
            lambda data: services.project_restore(actor=request.user, project=project),
        )
        title, submit = f"Restore {project}", "Restore"
    else:
        done, _ = _submit(
            request,
            form,
            lambda data: services.project_archive(
                actor=request.user, project=project, reason=data["reason"]
            ),
        )
        title, submit = f"Archive {project}", "Archive"
    if done:
        messages.success(
            request,
            f"{project} has been {'restored' if project.is_archived is False else 'archived'}.",
        )
        return redirect(_back(project))
    return _form_page(request, form, title=title, cancel=_back(project), submit=submit)


def _remove_page(
    request: HttpRequest, obj: Any, project: Any, remove: Callable[[], Any], what: str, anchor: str
) -> HttpResponse:
    form = f.ConfirmForm(_posted(request))
    done, _ = _submit(request, form, lambda data: remove())
    if done:
        messages.success(request, f"The {what} has been removed.")
        return redirect(_back(project, anchor))
    return _form_page(
        request,
        form,
        title=f"Remove the {what}",
        caption=str(project),
        intro=f"{obj}. The removal is kept in the history.",
        cancel=_back(project, anchor),
        submit=f"Remove the {what}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_delete(request: HttpRequest, pk: int) -> HttpResponse:
    link = _get(ProgrammeLink, pk, "link")
    viewer, project = _project_for(request, link.project_id, "portfolio.change_project")
    return _remove_page(
        request,
        link,
        project,
        lambda: services.link_delete(actor=request.user, link=link),
        "link",
        "links",
    )


@login_required
@require_http_methods(["GET", "POST"])
def dependency_delete(request: HttpRequest, pk: int) -> HttpResponse:
    dependency = _get(Dependency, pk, "dependency")
    viewer, project = _project_for(request, dependency.project_id, "portfolio.change_project")
    return _remove_page(
        request,
        dependency,
        project,
        lambda: services.dependency_remove(actor=request.user, dependency=dependency),
        "dependency",
        "dependencies",
    )


# --- Business cases --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def business_case_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = f.BusinessCaseCreateForm(request.POST or None)
    done, version = _submit(
        request,
        form,
        lambda data: services.business_case_create(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The business case has been started.")
        return redirect("portfolio:bc-version-edit", pk=version.pk)
    return _form_page(
        request, form, title="Start a business case", caption=str(project), cancel=_back(project)
    )


def _version_for(request: HttpRequest, pk: int, action: str) -> tuple[Viewer, Any, Any]:
    viewer = viewer_for(request.user)
    version = BusinessCaseVersion.objects.select_related("business_case").filter(pk=pk).first()
    if version is None:
        from django.http import Http404

        raise Http404("No business case version has that number")
    project = selectors.project_detail(viewer=viewer, pk=version.business_case.project_id)
    require(viewer, action, project)
    return viewer, project, version


@login_required
@require_http_methods(["GET", "POST"])
def bc_version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project, version = _version_for(request, pk, "portfolio.change_project")
    form = f.BusinessCaseVersionForm(
        request.POST or None,
        initial={name: getattr(version, name) for name in services.CASE_FIELDS},
    )
    done, _ = _submit(
        request,
        form,
        lambda data: services.business_case_version_update(
            actor=request.user, version=version, **data
        ),
    )
    if done:
        messages.success(request, "The business case has been saved.")
        return redirect(_back(project, "business-case"))
    return _form_page(
        request,
        form,
        title=f"{version.business_case.get_stage_display()}, version {version.number}",
        caption=str(project),
        intro="Fill in the five cases. Approved versions are kept as approved.",
        cancel=_back(project),
    )


@login_required
@require_http_methods(["GET", "POST"])
def bc_version_approve(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, project, version = _version_for(request, pk, "portfolio.approve_business_case")
    form = f.ApproveForm(request.POST or None)
    done, _ = _submit(
        request,
        form,
        lambda data: services.business_case_version_approve(
            actor=request.user, version=version, **data
        ),
    )
    if done:
        messages.success(request, "The approval has been recorded.")
        return redirect(_back(project, "business-case"))
    return _form_page(
        request,
        form,
        title="Record the approval of a business case",
        caption=f"{project}: {version}",
        intro=f"This version is {version.completeness}% complete.",
        cancel=_back(project),
        submit="Record the approval",
    )


@login_required
@require_http_methods(["GET", "POST"])
def bc_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    case = BusinessCase.objects.filter(pk=pk).first()
    if case is None:
        from django.http import Http404

        raise Http404("No business case has that number")
    project = selectors.project_detail(viewer=viewer, pk=case.project_id)
    require(viewer, "portfolio.change_project", project)
    form = f.ConfirmForm(_posted(request))
    done, version = _submit(
        request,
        form,
        lambda data: services.business_case_new_version(actor=request.user, business_case=case),
    )
    if done:
        messages.success(request, f"Version {version.number} has been started.")
        return redirect("portfolio:bc-version-edit", pk=version.pk)
    return _form_page(
        request,
        form,
        title="Start a new version",
        caption=f"{project}: {case}",
        intro="The new version starts as a copy of the latest one.",
        cancel=_back(project),
        submit="Start a new version",
    )


# --- Benefits --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def benefit_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = f.BenefitForm(request.POST or None, people=_people(viewer))
    done, _ = _submit(
        request,
        form,
        lambda data: services.benefit_create(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The benefit has been added.")
        return redirect(_back(project, "benefits"))
    return _form_page(
        request, form, title="Add a benefit", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    benefit = _get(Benefit, pk, "benefit")
    viewer, project = _project_for(request, benefit.project_id, "portfolio.change_project")
    form = f.BenefitForm(
        request.POST or None,
        people=_people(viewer),
        initial={name: getattr(benefit, name) for name in services.BENEFIT_FIELDS},
    )
    done, _ = _submit(
        request,
        form,
        lambda data: services.benefit_update(actor=request.user, benefit=benefit, **data),
    )
    if done:
        messages.success(request, "Your changes have been saved.")
        return redirect(_back(project, "benefits"))
    return _form_page(
        request, form, title=f"Change '{benefit}'", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_actual(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    benefit = Benefit.objects.filter(pk=pk).first()
    if benefit is None:
        from django.http import Http404

        raise Http404("No benefit has that number")
    project = selectors.project_detail(viewer=viewer, pk=benefit.project_id)
    require(viewer, "portfolio.change_project", project)
    form = f.BenefitActualForm(request.POST or None)
    done, _ = _submit(
        request,
        form,
        lambda data: services.benefit_record_actual(actor=request.user, benefit=benefit, **data),
    )
    if done:
        messages.success(request, "The measurement has been recorded.")
        return redirect(_back(project, "benefits"))
    return _form_page(
        request,
        form,
        title="Record a measurement",
        caption=f"{project}: {benefit}",
        intro=f"Baseline {benefit.baseline} on {benefit.baseline_on:%-d %B %Y}; target "
        f"{benefit.target} by {benefit.target_on:%-d %B %Y}.",
        cancel=_back(project),
    )


# --- Highlight reports and the RAID log ----------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def highlight_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.write_highlight_report")
    form = f.HighlightReportForm(
        request.POST or None, scale=selectors.scale_choices(project.programme)
    )

    def save(data: dict[str, Any]) -> Any:
        author = getattr(request.user, "person", None)
        return services.highlight_report_create(
            actor=request.user, project=project, author=author, **data
        )

    done, _ = _submit(request, form, save)
    if done:
        messages.success(request, "The highlight report has been saved.")
        return redirect(_back(project, "status"))
    return _form_page(
        request,
        form,
        title="Write a highlight report",
        caption=str(project),
        intro="Amber/red and red need commentary and the action being taken.",
        cancel=_back(project),
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, project = _project_for(request, pk, "portfolio.change_project")
    form = f.RaidForm(request.POST or None, people=_people(viewer))
    done, _ = _submit(
        request,
        form,
        lambda data: services.raid_create(actor=request.user, project=project, **data),
    )
    if done:
        messages.success(request, "The entry has been added to the log.")
        return redirect(_back(project, "raid"))
    return _form_page(
        request, form, title="Add to the RAID log", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _get(RaidEntry, pk, "log entry")
    viewer, project = _project_for(request, entry.project_id, "portfolio.change_project")
    form = f.RaidForm(
        request.POST or None,
        people=_people(viewer),
        initial={name: getattr(entry, name) for name in services.RAID_FIELDS},
    )
    done, _ = _submit(
        request, form, lambda data: services.raid_update(actor=request.user, entry=entry, **data)
    )
    if done:
        messages.success(request, "Your changes have been saved.")
        return redirect(_back(project, "raid"))
    return _form_page(
        request, form, title=f"Change '{entry.title}'", caption=str(project), cancel=_back(project)
    )


@login_required
@require_http_methods(["GET", "POST"])
def raid_close(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    entry = RaidEntry.objects.filter(pk=pk).first()
    if entry is None:
        from django.http import Http404

        raise Http404("No log entry has that number")
    project = selectors.project_detail(viewer=viewer, pk=entry.project_id)
    require(viewer, "portfolio.change_project", project)
    form = f.RaidCloseForm(request.POST or None)
    done, _ = _submit(
        request,
        form,
        lambda data: services.raid_close(actor=request.user, entry=entry, **data),
    )
    if done:
        messages.success(request, f"'{entry.title}' has been closed. It stays in the log.")
        return redirect(_back(project, "raid"))
    return _form_page(
        request,
        form,
        title=f"Close '{entry.title}'",
        caption=str(project),
        cancel=_back(project),
        submit="Close the entry",
        extra={"closed": entry.status == RaidStatus.CLOSED},
    )


# --- Prioritisation ------------------------------------------------------------------------


@require_GET
def method_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    methods = selectors.method_list(viewer=viewer)
    return render(
        request,
        "portfolio/method_list.html",
        {
            "methods": methods,
            "compare": f.CompareForm(methods=methods),
            "can_manage": can(viewer, "portfolio.manage_methods"),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_create(request: HttpRequest) -> HttpResponse:
    require(viewer_for(request.user), "portfolio.manage_methods")
    form = f.MethodForm(request.POST or None)
    done, method = _submit(
        request, form, lambda data: services.method_create(actor=request.user, **data)
    )
    if done:
        messages.success(request, f"{method} has been added. Now add its criteria.")
        return redirect("portfolio:method-detail", pk=method.pk)
    return _form_page(
        request, form, title="Add a prioritisation method", cancel=reverse("portfolio:method-list")
    )


@require_http_methods(["GET", "POST"])
def method_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The method, its weights and the ranking; POST moves a project up or down."""
    viewer = viewer_for(request.user)
    method = selectors.method_detail(viewer=viewer, pk=pk)
    rows = selectors.ranking(viewer=viewer, method=method)
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise PermissionDenied("Sign in to adjust the ranking.")
        require(viewer, "portfolio.manage_methods", method)
        order = [row.project.pk for row in rows]
        target = next(
            (r.project for r in rows if str(r.project.pk) == request.POST.get("project")), None
        )
        try:
            if target is None:
                raise ValidationError("Choose a project in this ranking")
            services.ranking_move(
                actor=request.user,
                method=method,
                project=target,
                direction=request.POST.get("direction", ""),
                order=order,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{target} has been moved {request.POST['direction']}.")
        return redirect(reverse("portfolio:method-detail", args=[method.pk]) + "#ranking")
    return render(
        request,
        "portfolio/method_detail.html",
        {
            "method": method,
            "rows": rows,
            "criteria": list(method.criteria.all()),
            "can_manage": can(viewer, "portfolio.manage_methods", method),
            "can_score": can(viewer, "portfolio.score", method),
            **NAV,
        },
    )


def _method_for(request: HttpRequest, pk: int, action: str) -> tuple[Viewer, Method]:
    viewer = viewer_for(request.user)
    method = selectors.method_detail(viewer=viewer, pk=pk)
    require(viewer, action, method)
    return viewer, method


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, method = _method_for(request, pk, "portfolio.manage_methods")
    form = f.CriterionForm(request.POST or None)
    done, _ = _submit(
        request,
        form,
        lambda data: services.criterion_add(actor=request.user, method=method, **data),
    )
    url = reverse("portfolio:method-detail", args=[method.pk])
    if done:
        messages.success(request, "The criterion has been added.")
        return redirect(url)
    return _form_page(request, form, title="Add a criterion", caption=str(method), cancel=url)


@login_required
@require_http_methods(["GET", "POST"])
def method_weights(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, method = _method_for(request, pk, "portfolio.manage_methods")
    form = f.WeightsForm(request.POST or None, method=method)

    def save(data: dict[str, Any]) -> Any:
        weights = {int(k.removeprefix("weight_")): v for k, v in data.items()}
        return services.method_set_weights(actor=request.user, method=method, weights=weights)

    done, _ = _submit(request, form, save)
    url = reverse("portfolio:method-detail", args=[method.pk])
    if done:
        messages.success(request, "The weights have been saved.")
        return redirect(url)
    return _form_page(
        request,
        form,
        title="Set the weights directly",
        caption=str(method),
        intro="Weights are relative: they are scaled to add up to 100%.",
        cancel=url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_pairwise(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, method = _method_for(request, pk, "portfolio.manage_methods")
    form = f.PairwiseForm(request.POST or None, method=method)
    done, _ = _submit(
        request,
        form,
        lambda data: services.method_set_pairwise(
            actor=request.user, method=method, judgements=form.judgements()
        ),
    )
    url = reverse("portfolio:method-detail", args=[method.pk])
    if done:
        messages.success(request, "The weights have been derived from your comparisons.")
        return redirect(url)
    return _form_page(
        request,
        form,
        title="Compare the criteria in pairs",
        caption=str(method),
        intro="Compare each pair of criteria. The weights are derived from your answers "
        "(Saaty's method); answers that contradict each other too much (a consistency "
        f"ratio above {method.max_consistency_ratio:g}) are refused, with the comparison to "
        "look at again.",
        cancel=url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_score(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, method = _method_for(request, pk, "portfolio.score")
    partners = partner_choices(viewer=viewer)
    if not viewer.is_admin:
        partners = partners.filter(pk__in=viewer.partner_ids)
    form = f.ScoreForm(
        request.POST or None,
        method=method,
        projects=selectors.project_choices(viewer=viewer),
        partners=partners,
        initial={"project": request.GET.get("project")},
    )
    done, _ = _submit(
        request,
        form,
        lambda data: services.score_record(
            actor=request.user,
            method=method,
            project=data["project"],
            partner=data["partner"],
            values=form.values(),
        ),
    )
    url = reverse("portfolio:method-detail", args=[method.pk])
    if done:
        messages.success(request, "Your scores have been saved.")
        return redirect(url + "#ranking")
    return _form_page(
        request,
        form,
        title="Score a project",
        caption=str(method),
        intro="Score on each criterion's scale. Scoring the same project again replaces your "
        "partner's earlier scores.",
        cancel=url,
    )


@require_GET
def method_compare(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    methods = selectors.method_list(viewer=viewer)
    form = f.CompareForm(request.GET or None, methods=methods)
    comparison = None
    if form.is_valid():
        comparison = selectors.compare_methods(
            viewer=viewer, a=form.cleaned_data["a"], b=form.cleaned_data["b"]
        )
    return render(
        request,
        "portfolio/method_compare.html",
        {"form": form, "comparison": comparison, **NAV},
    )


__all__ = ["Confidence", "Workstream"]
