"""Finance pages: funds (balance, forecast chart and table, scenarios, figure check,
movements, bids), the bids register, partner contributions, money by project and funding
source, exports; and the forms that post movements, draw on a contingency, reverse, close a
fund, and record requests, scenarios and bids (each calling one service)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import apply_validation_error
from partnerplan.core.money import format_money
from partnerplan.finance import selectors, services
from partnerplan.finance.chart import forecast_svg
from partnerplan.finance.forms import (
    BidDateForm,
    BidFilterForm,
    BidForm,
    BidSecureForm,
    CallForm,
    CloseFundForm,
    ContributionForm,
    DrawdownForm,
    ForecastForm,
    FundForm,
    IncomeForm,
    MovementFilterForm,
    PayForm,
    ReleaseForm,
    RequestCloseForm,
    RequestForm,
    ReverseForm,
    ScenarioForm,
    SpendForm,
    TableFilterForm,
)
from partnerplan.finance.models import (
    Bid,
    BidStatus,
    Entry,
    Fund,
    FundKind,
    LedgerTransaction,
)

PAGE_SIZE = 50


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
    today = timezone.localdate()
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
    first = (
        Entry.objects.filter(account__fund=fund)
        .order_by("transaction__effective_on")
        .values_list("transaction__effective_on", flat=True)
        .first()
    )
    start = max(first or on, on - dt.timedelta(days=730))
    series = selectors.forecast_series(
        fund=fund, start=min(start, on), end=max(on, today), scenarios=scenarios
    )
    may_see_ledger = can(viewer, "finance.view_ledger")
    movements: Any = None
    filter_form, filters = _filters(request)
    if may_see_ledger:
        movements = Paginator(
            selectors.fund_movements(fund=fund, filters=filters), PAGE_SIZE
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
            "chart": mark_safe(forecast_svg(series)),  # noqa: S308 - built from escaped text
            "series": series,
            "rows": _table(series),
            "requests": list(selectors.fund_requests(fund=fund)),
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
    for e in selectors.fund_movements(fund=fund, filters=filters):
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
    writer = csv.writer(response)
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
        sheet.append([float(r) if isinstance(r, Decimal) else r for r in row[:5]] + row[5:])
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
def bid_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = BidFilterForm(request.GET or None)
    filters = selectors.BidFilters(**form.cleaned_data) if form.is_valid() else None
    bids = list(selectors.bid_list(viewer=viewer, filters=filters))
    return render(
        request,
        "finance/bid_list.html",
        {
            "form": form,
            "bids": bids,
            "totals": selectors.bid_totals(bids),
            "can_post": can(viewer, "finance.post"),
            "nav_finance": True,
        },
    )


@require_GET
def contributions(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    return render(
        request,
        "finance/contributions.html",
        {"rows": selectors.partner_contributions(viewer=viewer), "nav_finance": True},
    )


def _table(series: selectors.ForecastSeries) -> list[tuple[dt.date, list[Decimal]]]:
    return [(day, [line[i] for _n, line in series.lines]) for i, day in enumerate(series.days)]


# --- Forms that post -----------------------------------------------------------------------
# Each view: check who may act, read the form, call one service, redirect. A refusal from the
# service is shown on the form (error summary and the field), and nothing has been posted.

T = TypeVar("T")


def _attempt(form: Any, call: Callable[[], T]) -> T | None:
    try:
        return call()
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return None


def _data(request: HttpRequest) -> Any:
    """The posted data, or None for a GET (a POST with nothing chosen is still a POST)."""
    return request.POST if request.method == "POST" else None


def _poster(request: HttpRequest) -> Any:
    viewer = viewer_for(request.user)
    require(viewer, "finance.post")
    return viewer


def _form_page(
    request: HttpRequest, form: Any, title: str, button: str, **context: Any
) -> HttpResponse:
    return render(
        request,
        "finance/form.html",
        {"form": form, "title": title, "button": button, "nav_finance": True, **context},
    )


def _fund_for_posting(request: HttpRequest, pk: int) -> Fund:
    viewer = _poster(request)
    return selectors.fund_detail(viewer=viewer, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_new(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund_for_posting(request, pk)
    form = ContributionForm(_data(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tx = _attempt(
            form,
            lambda: services.contribution_record(
                actor=request.user, fund=fund, partner=d["partner"], amount=d["amount"],
                on=d["on"], authority=form.authority_value(), description=d["description"],
            ),
        )  # fmt: skip
        if tx is not None:
            messages.success(request, f"The contribution of {format_money(-_out(tx))} is recorded.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(
        request, form, f"Record a contribution to {fund.name}", "Record contribution", fund=fund
    )


@login_required
@require_http_methods(["GET", "POST"])
def income_new(request: HttpRequest, pk: int) -> HttpResponse:
    """External income that did not come through a bid (a grant paid without one, say)."""
    fund = _fund_for_posting(request, pk)
    form = IncomeForm(_data(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tx = _attempt(
            form,
            lambda: services.income_record(
                actor=request.user, fund=fund, funder=d["funder"], amount=d["amount"],
                on=d["on"], authority=form.authority_value(), description=d["description"],
            ),
        )  # fmt: skip
        if tx is not None:
            messages.success(request, f"The income of {format_money(-_out(tx))} is recorded.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(request, form, f"Record income to {fund.name}", "Record income", fund=fund)


def _out(tx: LedgerTransaction) -> Decimal:
    """The money that left the first account (negative)."""
    return min(e.amount for e in tx.entries.all())


@login_required
@require_http_methods(["GET", "POST"])
def call_new(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund_for_posting(request, pk)
    form = CallForm(_data(request), fund=fund)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tx = _attempt(
            form,
            lambda: services.call_on_reserves(
                actor=request.user, fund=fund, amount=d["amount"], purpose=d["purpose"],
                authority=form.authority_value(), on=d["on"], to_fund=d["to_fund"],
                project=d["project"], basis=d["paid"],
            ),
        )  # fmt: skip
        if tx is not None:
            messages.success(request, f"The call of {format_money(-_out(tx))} is posted.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(
        request, form, f"Post a call approved on {fund.name}", "Post the call", fund=fund
    )


@login_required
@require_http_methods(["GET", "POST"])
def spend_new(request: HttpRequest) -> HttpResponse:
    _poster(request)
    form = SpendForm(_data(request), initial={"fund": request.GET.get("fund")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tx = _attempt(
            form,
            lambda: services.spend_record(
                actor=request.user, amount=d["amount"], on=d["on"],
                description=d["description"], authority=form.authority_value(),
                fund=d["fund"], project=d["project"],
            ),
        )  # fmt: skip
        if tx is not None:
            messages.success(request, f"The payment of {format_money(-_out(tx))} is recorded.")
            return _back(d["fund"])
    return _form_page(request, form, "Record a payment (spend)", "Record payment")


def _back(fund: Fund | None) -> HttpResponse:
    if fund is not None:
        return redirect("finance:fund-detail", pk=fund.pk)
    return redirect("finance:funding-table")


@login_required
@require_http_methods(["GET", "POST"])
def release_new(request: HttpRequest) -> HttpResponse:
    _poster(request)
    form = ReleaseForm(_data(request), initial={"from_fund": request.GET.get("fund")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tx = _attempt(
            form,
            lambda: services.release_record(
                actor=request.user, amount=d["amount"], on=d["on"], to_fund=d["to_fund"],
                description=d["description"], authority=form.authority_value(),
                from_fund=d["from_fund"], project=d["project"],
            ),
        )  # fmt: skip
        if tx is not None:
            messages.success(request, f"The release of {format_money(-_out(tx))} is recorded.")
            return redirect("finance:fund-detail", pk=d["to_fund"].pk)
    return _form_page(request, form, "Release unspent money", "Release the money")


@login_required
@require_http_methods(["GET", "POST"])
def drawdown_new(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    fund = selectors.fund_detail(viewer=viewer, pk=pk)
    require(viewer, "finance.draw_contingency", fund)
    people = selectors.people_who_may_draw(viewer=viewer, fund=fund)
    form = DrawdownForm(_data(request), fund=fund, people=people)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tx = _attempt(
            form,
            lambda: services.contingency_draw(
                actor=request.user, fund=fund, drawn_by=d["drawn_by"], amount=d["amount"],
                purpose=d["purpose"], on=d["on"], to_fund=d["to_fund"], project=d["project"],
            ),
        )  # fmt: skip
        if tx is not None:
            messages.success(request, f"The drawdown of {format_money(-_out(tx))} is posted.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(
        request,
        form,
        f"Draw on {fund.name}",
        "Draw the money",
        fund=fund,
        intro=f"Drawn under the delegation: {fund.delegation}." if fund.delegation else "",
    )


@login_required
@require_http_methods(["GET", "POST"])
def fund_create(request: HttpRequest) -> HttpResponse:
    _poster(request)
    form = FundForm(_data(request))
    if request.method == "POST" and form.is_valid():
        fund = _attempt(form, lambda: services.fund_create(actor=request.user, **form.cleaned_data))
        if fund is not None:
            messages.success(request, f"{fund.name} has been opened.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(request, form, "Open a fund", "Open the fund")


@login_required
@require_http_methods(["GET", "POST"])
def fund_edit(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund_for_posting(request, pk)
    form = FundForm(_data(request), fund=fund)
    if request.method == "POST" and form.is_valid():
        changed = _attempt(
            form,
            lambda: services.fund_update(actor=request.user, fund=fund, **form.cleaned_data),
        )
        if changed is not None:
            messages.success(request, "Your changes have been saved.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(request, form, f"Change {fund.name}", "Save changes", fund=fund)


@login_required
@require_http_methods(["GET", "POST"])
def fund_close(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund_for_posting(request, pk)
    form = CloseFundForm(_data(request))
    if request.method == "POST" and form.is_valid():
        closed = _attempt(
            form,
            lambda: services.fund_close(actor=request.user, fund=fund, on=form.cleaned_data["on"]),
        )
        if closed is not None:
            messages.success(request, f"{fund.name} is closed.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(
        request,
        form,
        f"Close {fund.name}",
        "Close the fund",
        fund=fund,
        intro="A closed fund accepts no more movements. It can be closed only when it holds "
        "nothing, counting approved calls not yet paid.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def movement_reverse(request: HttpRequest, pk: int) -> HttpResponse:
    _poster(request)
    tx = selectors.transaction_detail(pk=pk)
    form = ReverseForm(_data(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        reversal = _attempt(
            form,
            lambda: services.transaction_reverse(
                actor=request.user, transaction_=tx, reason=d["reason"], on=d["on"]
            ),
        )
        if reversal is not None:
            messages.success(request, "The movement is reversed. The original stays in the ledger.")
            return _back(_first_fund(tx))
    return _form_page(
        request,
        form,
        "Reverse a movement",
        "Reverse the movement",
        movement=tx,
        intro="A correction posts the exact opposite. Nothing is edited or deleted.",
    )


def _first_fund(tx: LedgerTransaction) -> Fund | None:
    return next((e.account.fund for e in tx.entries.all() if e.account.fund_id), None)


@login_required
@require_http_methods(["GET", "POST"])
def commitment_pay(request: HttpRequest, pk: int) -> HttpResponse:
    _poster(request)
    tx = selectors.transaction_detail(pk=pk)
    form = PayForm(_data(request))
    if request.method == "POST" and form.is_valid():
        paid = _attempt(
            form,
            lambda: services.commitment_pay(
                actor=request.user, commitment=tx, on=form.cleaned_data["on"]
            ),
        )
        if paid is not None:
            messages.success(request, "The commitment is marked paid.")
            return _back(_first_fund(tx))
    return _form_page(request, form, "Mark an approved movement as paid", "Mark paid", movement=tx)


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund_for_posting(request, pk)
    form = RequestForm(_data(request), fund=fund)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        made = _attempt(form, lambda: services.request_create(actor=request.user, fund=fund, **d))
        if made is not None:
            messages.success(request, f"The request '{made.title}' is recorded as pending.")
            return redirect("finance:fund-detail", pk=fund.pk)
    return _form_page(
        request,
        form,
        f"Record a request for money from {fund.name}",
        "Record the request",
        fund=fund,
        intro="A pending request is not in the ledger. It counts in forecasts only in a "
        "scenario, until a decision approves it.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_close(request: HttpRequest, pk: int) -> HttpResponse:
    _poster(request)
    funding_request = selectors.request_detail(pk=pk)
    form = RequestCloseForm(_data(request))
    if request.method == "POST" and form.is_valid():
        closed = _attempt(
            form,
            lambda: services.request_close(
                actor=request.user, request=funding_request, status=form.cleaned_data["status"]
            ),
        )
        if closed is not None:
            messages.success(request, f"The request is {closed.get_status_display().lower()}.")
            return redirect("finance:fund-detail", pk=funding_request.fund_id)
    return _form_page(
        request,
        form,
        f"Close the request '{funding_request.title}'",
        "Save",
        fund=funding_request.fund,
        intro=f"{format_money(funding_request.amount)} asked of {funding_request.fund}, now "
        f"{funding_request.get_status_display().lower()}.",
    )


# --- Scenarios -----------------------------------------------------------------------------


@login_required
@require_GET
def scenario_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    return render(
        request,
        "finance/scenario_list.html",
        {
            "scenarios": selectors.scenario_list(),
            "can_post": can(viewer, "finance.post"),
            "nav_finance": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario_new(request: HttpRequest) -> HttpResponse:
    _poster(request)
    form = ScenarioForm(_data(request))
    if request.method == "POST" and form.is_valid():
        made = _attempt(
            form, lambda: services.scenario_create(actor=request.user, **form.cleaned_data)
        )
        if made is not None:
            messages.success(request, f"The scenario '{made.name}' is saved.")
            return redirect("finance:scenario-list")
    return _form_page(request, form, "Name a scenario", "Save the scenario")


@login_required
@require_http_methods(["GET", "POST"])
def scenario_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _poster(request)
    scenario = selectors.scenario_detail(pk=pk)
    initial = {
        "name": scenario.name,
        "description": scenario.description,
        "requests": [r.pk for r in scenario.requests.all()],
    }
    form = ScenarioForm(_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _attempt(
            form,
            lambda: services.scenario_update(
                actor=request.user, scenario=scenario, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, f"The scenario '{saved.name}' is saved.")
            return redirect("finance:scenario-list")
    return _form_page(request, form, f"Change the scenario '{scenario.name}'", "Save the scenario")


# --- Bids ----------------------------------------------------------------------------------


@require_GET
def bid_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    bid = selectors.bid_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "finance/bid_detail.html",
        {
            "bid": bid,
            "moves": [
                (name, label)
                for status, name, label in BID_ACTIONS
                if status in services.BID_TRANSITIONS.targets(bid.status)
            ],
            "can_post": can(viewer, "finance.post"),
            "nav_finance": True,
        },
    )


BID_ACTIONS = [
    (BidStatus.SUBMITTED, "finance:bid-submit", "Record that it was submitted"),
    (BidStatus.GREEN_LIGHT, "finance:bid-green-light", "Record a green light"),
    (BidStatus.SECURED, "finance:bid-secure", "Record that it was secured"),
    (BidStatus.REJECTED, "finance:bid-reject", "Record that it was rejected"),
    (BidStatus.WITHDRAWN, "finance:bid-withdraw", "Record that it was withdrawn"),
]


@login_required
@require_http_methods(["GET", "POST"])
def bid_new(request: HttpRequest) -> HttpResponse:
    _poster(request)
    form = BidForm(_data(request))
    if request.method == "POST" and form.is_valid():
        bid = _attempt(form, lambda: services.bid_create(actor=request.user, **form.cleaned_data))
        if bid is not None:
            messages.success(request, f"The bid '{bid.title}' is recorded as a draft.")
            return redirect("finance:bid-detail", pk=bid.pk)
    return _form_page(request, form, "Record a bid to an external funder", "Save the bid")


BidMove = Callable[..., Bid]


def _bid_move_view(request: HttpRequest, pk: int, move: BidMove, title: str) -> HttpResponse:
    viewer = _poster(request)
    bid = selectors.bid_detail(viewer=viewer, pk=pk)
    form = BidDateForm(_data(request))
    if request.method == "POST" and form.is_valid():
        moved = _attempt(
            form, lambda: move(actor=request.user, bid=bid, on=form.cleaned_data["on"])
        )
        if moved is not None:
            messages.success(request, f"The bid is now {moved.get_status_display().lower()}.")
            return redirect("finance:bid-detail", pk=bid.pk)
    return _form_page(request, form, f"{title}: {bid.title}", "Save", bid=bid)


@login_required
@require_http_methods(["GET", "POST"])
def bid_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _bid_move_view(request, pk, services.bid_submit, "Bid submitted")


@login_required
@require_http_methods(["GET", "POST"])
def bid_green_light(request: HttpRequest, pk: int) -> HttpResponse:
    return _bid_move_view(request, pk, services.bid_green_light, "Green light for the bid")


@login_required
@require_http_methods(["GET", "POST"])
def bid_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _bid_move_view(request, pk, services.bid_reject, "Bid rejected")


@login_required
@require_http_methods(["GET", "POST"])
def bid_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _bid_move_view(request, pk, services.bid_withdraw, "Bid withdrawn")


@login_required
@require_http_methods(["GET", "POST"])
def bid_secure(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = _poster(request)
    bid = selectors.bid_detail(viewer=viewer, pk=pk)
    form = BidSecureForm(_data(request), initial={"fund": bid.fund_id})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        moved = _attempt(
            form,
            lambda: services.bid_secure(
                actor=request.user, bid=bid, on=d["on"], amount=d["amount"] or None,
                award_reference=d["award_reference"], authority_body=d["authority_body"],
                fund=d["fund"],
            ),
        )  # fmt: skip
        if moved is not None:
            messages.success(request, "The bid is secured and the award posted as income.")
            return redirect("finance:bid-detail", pk=bid.pk)
    return _form_page(request, form, f"Bid secured: {bid.title}", "Save", bid=bid)


# --- Money by project and funding source ---------------------------------------------------


def _funding_table(request: HttpRequest) -> tuple[dt.date, selectors.FundingTable]:
    viewer = viewer_for(request.user)
    require(viewer, "finance.view_ledger")
    form = TableFilterForm(request.GET or None)
    on = (form.cleaned_data["on"] if form.is_valid() else None) or timezone.localdate()
    return on, selectors.funding_table(viewer=viewer, on=on)


@require_GET
def funding_table(request: HttpRequest) -> HttpResponse:
    on, table = _funding_table(request)
    return render(
        request,
        "finance/funding_table.html",
        {
            "form": TableFilterForm(request.GET or None),
            "on": on,
            "table": table,
            "query": request.GET.urlencode(),
            "nav_finance": True,
        },
    )


@require_GET
def funding_table_csv(request: HttpRequest) -> HttpResponse:
    on, table = _funding_table(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="money-by-project-and-source-{on.isoformat()}.csv"'
    )
    writer = csv.writer(response)
    for row in table.export_rows():
        writer.writerow(row)
    return response


@require_GET
def funding_table_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    on, table = _funding_table(request)
    book = Workbook()
    sheet = book.active
    sheet.title = "By project and source"
    for i, row in enumerate(table.export_rows()):
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
        if i == 0:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    for row_cells in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row_cells:
            cell.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="money-by-project-and-source-{on.isoformat()}.xlsx"'
    )
    return response
