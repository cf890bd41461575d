"""The work plan, the board and the timeline (and the work plan's exports)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core import clock
from partnerplan.core.access import Viewer, can, viewer_for
from partnerplan.partners.selectors import partner_choices
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import workplan as f
from partnerplan.portfolio.models import STOPPED_OUTCOMES, Confidence, Project, ReviewOutcomeKind
from partnerplan.portfolio.services.status import report_overdue
from partnerplan.portfolio.views._common import NAV, _csv_response, _page, _pages, _xlsx_response
from partnerplan.portfolio.views.charts import timeline_chart


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
    today = clock.today()
    dispositions = dict(ReviewOutcomeKind.choices)
    confidences = dict(Confidence.choices)
    for values in projects.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000):
        row = dict(zip(EXPORT_FIELDS, values, strict=True))
        officer = " ".join(
            x for x in (row["officer_lead__honorific"], row["officer_lead__first_name"],
                        row["officer_lead__last_name"]) if x
        )  # fmt: skip
        stopped = row["disposition"] in STOPPED_OUTCOMES and not row["disposition_proposed"]
        overdue = report_overdue(
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
    projects = list(page)
    return render(
        request,
        "portfolio/timeline.html",
        {
            "form": form,
            "page": page,
            "projects": projects,
            "chart": timeline_chart(projects, today=clock.today()),
            **_pages(page),
            **NAV,
        },
    )
