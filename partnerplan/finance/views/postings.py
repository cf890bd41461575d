"""The forms that post movements: contributions, income, calls, payments, releases,
contingency drawdowns, reversals and payments of commitments. Each: who may post, the form,
one service call, back to the fund. A refusal from the service is shown on the form (error
summary and the field), and nothing has been posted."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from partnerplan.core.access import viewer_for
from partnerplan.core.money import format_money
from partnerplan.core.pages import bound, form_page
from partnerplan.finance.forms import (
    CallForm,
    ContributionForm,
    DrawdownForm,
    IncomeForm,
    OtherPurpose,
    PayForm,
    ReleaseForm,
    ReverseForm,
    SpendForm,
)
from partnerplan.finance.selectors.forms import people_who_may_draw, transaction_detail
from partnerplan.finance.selectors.pages import fund_detail
from partnerplan.finance.services.calls import call_on_reserves
from partnerplan.finance.services.movements import (
    commitment_pay as pay,
)
from partnerplan.finance.services.movements import (
    contingency_draw,
    contribution_record,
    income_record,
    release_record,
    spend_record,
    transaction_reverse,
)
from partnerplan.finance.views._common import (
    FORM,
    back_url,
    cancel,
    caption,
    first_fund,
    fund_url,
    out,
    page,
    poster,
)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_new(request: HttpRequest, pk: int) -> HttpResponse:
    fund = fund_detail(viewer=poster(request), pk=pk)
    form = ContributionForm(bound(request))
    return form_page(
        request, form,
        act=lambda d: contribution_record(
            actor=request.user, fund=fund, partner=d["partner"], amount=d["amount"],
            on=d["on"], authority=form.authority_value(), description=d["description"],
        ),
        success=lambda tx: f"The contribution of {format_money(-out(tx))} is recorded.",
        done=fund_url(fund), title=f"Record a contribution to {fund.name}",
        submit="Record contribution", caption=caption(fund=fund), cancel=cancel(fund=fund),
        template=FORM, context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def income_new(request: HttpRequest, pk: int) -> HttpResponse:
    """External income that did not come through a bid (a grant paid without one, say)."""
    fund = fund_detail(viewer=poster(request), pk=pk)
    form = IncomeForm(bound(request))
    return form_page(
        request, form,
        act=lambda d: income_record(
            actor=request.user, fund=fund, funder=d["funder"], amount=d["amount"],
            on=d["on"], authority=form.authority_value(), description=d["description"],
        ),
        success=lambda tx: f"The income of {format_money(-out(tx))} is recorded.",
        done=fund_url(fund), title=f"Record income to {fund.name}", submit="Record income",
        caption=caption(fund=fund), cancel=cancel(fund=fund), template=FORM,
        context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def call_new(request: HttpRequest, pk: int) -> HttpResponse:
    fund = fund_detail(viewer=poster(request), pk=pk)
    form = CallForm(bound(request), fund=fund)
    return form_page(
        request, form,
        act=lambda d: call_on_reserves(
            actor=request.user, fund=fund, amount=d["amount"], purpose=d["purpose"],
            authority=form.authority_value(), on=d["on"], to_fund=d["to_fund"],
            project=d["project"], basis=d["paid"], request=d["request"],
        ),
        success=lambda tx: f"The call of {format_money(-out(tx))} is posted."
        + (" The request it answers is approved." if form.cleaned_data["request"] else ""),
        done=fund_url(fund), title=f"Post a call approved on {fund.name}",
        submit="Post the call", caption=caption(fund=fund), cancel=cancel(fund=fund),
        template=FORM, context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def spend_new(request: HttpRequest) -> HttpResponse:
    form = SpendForm(bound(request), initial={"fund": request.GET.get("fund")})
    return form_page(
        request, form, rule="finance.post",
        act=lambda d: spend_record(
            actor=request.user, amount=d["amount"], on=d["on"], description=d["description"],
            authority=form.authority_value(), fund=d["fund"], project=d["project"],
            other_purpose=d["other_purpose"] == OtherPurpose.OTHER,
        ),
        success=lambda tx: f"The payment of {format_money(-out(tx))} is recorded.",
        done=lambda tx: back_url(form.cleaned_data["fund"]),
        title="Record a payment (spend)", submit="Record payment", cancel=cancel(),
        template=FORM, context=page(),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def release_new(request: HttpRequest) -> HttpResponse:
    form = ReleaseForm(bound(request), initial={"from_fund": request.GET.get("fund")})
    return form_page(
        request, form, rule="finance.post",
        act=lambda d: release_record(
            actor=request.user, amount=d["amount"], on=d["on"], to_fund=d["to_fund"],
            description=d["description"], authority=form.authority_value(),
            from_fund=d["from_fund"], project=d["project"],
            other_purpose=d["other_purpose"] == OtherPurpose.OTHER,
        ),
        success=lambda tx: f"The release of {format_money(-out(tx))} is recorded.",
        done=lambda tx: fund_url(form.cleaned_data["to_fund"]),
        title="Release unspent money", submit="Release the money", cancel=cancel(),
        template=FORM, context=page(),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def drawdown_new(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    fund = fund_detail(viewer=viewer, pk=pk)
    form = DrawdownForm(
        bound(request), fund=fund, people=people_who_may_draw(viewer=viewer, fund=fund)
    )
    return form_page(
        request, form, rule=("finance.draw_contingency", fund),
        act=lambda d: contingency_draw(
            actor=request.user, fund=fund, drawn_by=d["drawn_by"], amount=d["amount"],
            purpose=d["purpose"], on=d["on"], to_fund=d["to_fund"], project=d["project"],
        ),
        success=lambda tx: f"The drawdown of {format_money(-out(tx))} is posted.",
        done=fund_url(fund), title=f"Draw on {fund.name}", submit="Draw the money",
        caption=caption(fund=fund), cancel=cancel(fund=fund),
        intro=f"Drawn under the delegation: {fund.delegation}." if fund.delegation else "",
        template=FORM, context=page(fund=fund),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def movement_reverse(request: HttpRequest, pk: int) -> HttpResponse:
    tx = transaction_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, ReverseForm(bound(request)),
        act=lambda d: transaction_reverse(
            actor=request.user, transaction_=tx, reason=d["reason"], on=d["on"]
        ),
        success="The movement is reversed. The original stays in the ledger.",
        done=lambda reversal: back_url(first_fund(tx)),
        title="Reverse a movement", submit="Reverse the movement", cancel=cancel(),
        intro="A correction posts the exact opposite. Nothing is edited or deleted.",
        template=FORM, context=page(movement=tx),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def commitment_pay(request: HttpRequest, pk: int) -> HttpResponse:
    tx = transaction_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, PayForm(bound(request)),
        act=lambda d: pay(actor=request.user, commitment=tx, on=d["on"]),
        success="The commitment is marked paid.",
        done=lambda paid: back_url(first_fund(tx)),
        title="Mark an approved movement as paid", submit="Mark paid", cancel=cancel(),
        template=FORM, context=page(movement=tx),
    )  # fmt: skip
