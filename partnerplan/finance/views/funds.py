"""Funds: the list, a fund's page (balance, forecast chart and table, scenarios, figure check,
movements, bids), its movement exports, partner contributions; and the forms that open, change
and close a fund and record and close its funding requests."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.exports import SafeCSVWriter, safe_row
from partnerplan.core.money import format_money
from partnerplan.core.pages import bound, form_page
from partnerplan.finance import selectors, services
from partnerplan.finance.chart import forecast_chart
from partnerplan.finance.forms import (
    CloseFundForm,
    ForecastForm,
    FundForm,
    MovementFilterForm,
    RequestCloseForm,
    RequestForm,
)
from partnerplan.finance.models import Entry, Fund, FundKind
from partnerplan.finance.views._common import (
    FORM,
    PAGE_SIZE,
    cancel,
    caption,
    fund_url,
    page,
    poster,
)


@require_GET
def fund_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "finance/fund_list.html",
        {
            "funds": list(selectors.fund_list(viewer=viewer)),
            "can_post": can(viewer, "finance.post"),
            "nav_finance": True,
        },
    )


def _filters(request: HttpRequest) -> tuple[MovementFilterForm, selectors.MovementFilters]:
    form = MovementFilterForm(request.GET or None)
    if form.is_valid():
        return form, selectors.MovementFilters(**form.cleaned_data)
    return form, selectors.MovementFilters()


def _other_side(entry: Entry) -> str:
    others = [str(e.account) for e in entry.transaction.entries.all() if e.pk != entry.pk]
    return ", ".join(others)


@require_GET
def fund_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    fund = selectors.fund_detail(viewer=viewer, pk=pk)
    today = clock.today()
    scenarios = selectors.scenarios_for(fund=fund)
    form = ForecastForm(request.GET or None, scenarios=[(str(s.pk), s.name) for s in scenarios])
    on = today
    chosen = None
    check = None
    if form.is_valid():
        on = form.cleaned_data["on"] or today
        chosen = next((s for s in scenarios if str(s.pk) == form.cleaned_data["scenario"]), None)
        if form.cleaned_data["figure"]:
            check = selectors.figure_check(
                text_or_figure=form.cleaned_data["figure"], fund=fund, on=on, scenario=chosen
            )
    position = selectors.fund_position(fund=fund, on=on, scenario=chosen)
    # The chart runs from the first movement to the latest expected one plus a quarter.
    dates = Entry.objects.filter(account__fund=fund).aggregate(
        first=Min("transaction__effective_on"), last=Max("transaction__effective_on")
    )
    start = min(dates["first"] or on, on, today)
    end = max(dates["last"] or today, on, today) + dt.timedelta(days=92)
    series = selectors.forecast_series(fund=fund, start=start, end=end, scenarios=scenarios)
    # The answer first: the balance today, the forecast on the date asked, what waits.
    today_position = (
        position if on == today and chosen is None else selectors.fund_position(fund=fund, on=today)
    )
    requests = list(selectors.fund_requests(viewer=viewer, fund=fund))
    waiting = [r for r in requests if r.status == "pending"]
    may_see_ledger = can(viewer, "finance.view_ledger")
    movements: Any = None
    filter_form, filters = _filters(request)
    if may_see_ledger:
        movements = Paginator(
            selectors.fund_movements(viewer=viewer, fund=fund, filters=filters), PAGE_SIZE
        ).get_page(request.GET.get("page"))
        for entry in movements:
            entry.other_side = _other_side(entry)
    return render(
        request,
        "finance/fund_detail.html",
        {
            "fund": fund,
            "form": form,
            "on": on,
            "position": position,
            "check": check,
            "comparison": selectors.compare_scenarios(fund=fund, on=on, scenarios=scenarios),
            "chart": forecast_chart(series, today=today),
            "today": today,
            "today_position": today_position,
            "requests": requests,
            "waiting": waiting,
            "waiting_total": sum((r.amount for r in waiting), Decimal(0)),
            "bids": list(selectors.bid_list(viewer=viewer).filter(fund=fund)),
            "movements": movements,
            "filter_form": filter_form,
            "may_see_ledger": may_see_ledger,
            "can_post": can(viewer, "finance.post"),
            "can_draw": fund.kind == FundKind.CONTINGENCY
            and fund.delegation_id is not None
            and can(viewer, "finance.draw_contingency", fund),
            "query": request.GET.urlencode(),
            "nav_finance": True,
        },
    )


def _export_rows(request: HttpRequest, pk: int) -> tuple[Fund, list[list[Any]]]:
    viewer = viewer_for(request.user)
    fund = selectors.fund_detail(viewer=viewer, pk=pk)
    require(viewer, "finance.view_ledger")
    _form, filters = _filters(request)
    rows: list[list[Any]] = []
    for e in selectors.fund_movements(viewer=viewer, fund=fund, filters=filters):
        tx = e.transaction
        rows.append(
            [
                tx.effective_on,
                tx.get_kind_display(),
                tx.get_basis_display(),
                tx.description,
                _other_side(e),
                e.amount,
                tx.authority_text,
                str(tx.posted_by),
                timezone.localtime(tx.created_at).strftime("%Y-%m-%d %H:%M"),
                "yes" if getattr(e, "reversed", False) else "",
            ]
        )
    return fund, rows


HEADERS = [
    "Date", "Kind", "Paid or approved", "Description", "From or to", "Amount (£)", "Authority",
    "Posted by", "Posted at", "Reversed",
]  # fmt: skip


@require_GET
def movements_csv(request: HttpRequest, pk: int) -> HttpResponse:
    fund, rows = _export_rows(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fund-{fund.pk}-movements.csv"'
    writer = SafeCSVWriter(response)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([r.isoformat() if isinstance(r, dt.date) else r for r in row])
    return response


@require_GET
def movements_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    fund, rows = _export_rows(request, pk)
    book = Workbook()
    sheet = book.active
    sheet.title = "Movements"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
    for (cell,) in sheet.iter_rows(min_row=2, min_col=6, max_col=6):
        cell.number_format = "#,##0.00"
    for (cell,) in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
        cell.number_format = "dd/mm/yyyy"
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="fund-{fund.pk}-movements.xlsx"'
    return response


@require_GET
def contributions(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    return render(
        request,
        "finance/contributions.html",
        {"rows": selectors.partner_contributions(viewer=viewer), "nav_finance": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def fund_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request, FundForm(bound(request)), rule="finance.post",
        act=lambda d: services.fund_create(actor=request.user, **d),
        success=lambda fund: f"{fund.name} has been opened.", done=fund_url,
        title="Open a fund", submit="Open the fund", cancel=cancel(), template=FORM,
        context=page(),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def fund_edit(request: HttpRequest, pk: int) -> HttpResponse:
    fund = selectors.fund_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, FundForm(bound(request), fund=fund),
        act=lambda d: services.fund_update(actor=request.user, fund=fund, **d),
        success="Your changes have been saved.", done=fund_url(fund),
        title=f"Change {fund.name}", submit="Save changes", caption=caption(fund=fund),
        cancel=cancel(fund=fund), template=FORM, context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def fund_close(request: HttpRequest, pk: int) -> HttpResponse:
    fund = selectors.fund_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, CloseFundForm(bound(request)),
        act=lambda d: services.fund_close(actor=request.user, fund=fund, on=d["on"]),
        success=f"{fund.name} is closed.", done=fund_url(fund),
        title=f"Close {fund.name}", submit="Close the fund", caption=caption(fund=fund),
        cancel=cancel(fund=fund),
        intro="A closed fund accepts no more movements. It can be closed only when it holds "
        "nothing, counting approved calls not yet paid.",
        template=FORM, context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, pk: int) -> HttpResponse:
    fund = selectors.fund_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, RequestForm(bound(request), fund=fund),
        act=lambda d: services.request_create(actor=request.user, fund=fund, **d),
        success=lambda made: f"The request '{made.title}' is recorded as pending.",
        done=fund_url(fund), title=f"Record a request for money from {fund.name}",
        submit="Record the request", caption=caption(fund=fund), cancel=cancel(fund=fund),
        intro="A pending request is not in the ledger. It counts in forecasts only in a "
        "scenario, until a decision approves it.",
        template=FORM, context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def request_close(request: HttpRequest, pk: int) -> HttpResponse:
    funding_request = selectors.request_detail(viewer=poster(request), pk=pk)
    fund = funding_request.fund
    return form_page(
        request, RequestCloseForm(bound(request)),
        act=lambda d: services.request_close(
            actor=request.user, request=funding_request, status=d["status"]
        ),
        success=lambda closed: f"The request is {closed.get_status_display().lower()}.",
        done=fund_url(fund), title=f"Close the request '{funding_request.title}'",
        submit="Save", caption=caption(fund=fund), cancel=cancel(fund=fund),
        intro=f"{format_money(funding_request.amount)} asked of {fund}, now "
        f"{funding_request.get_status_display().lower()}.",
        template=FORM, context=page(fund=fund),
    )  # fmt: skip
