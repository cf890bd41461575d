"""Bids for outside funding: the register, a bid's page, and the forms that record a bid and
each step of its lifecycle (submitted, green light, secured, rejected, withdrawn)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.finance import selectors, services
from partnerplan.finance.forms import (
    BidDateForm,
    BidFilterForm,
    BidForm,
    BidSecureForm,
    BidSubmitForm,
)
from partnerplan.finance.models import Bid, BidStatus
from partnerplan.finance.views._common import (
    FORM,
    bid_url,
    cancel,
    caption,
    page,
    poster,
)


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
    return form_page(
        request, BidForm(bound(request)), rule="finance.post",
        act=lambda d: services.bid_create(actor=request.user, **d),
        success=lambda bid: f"The bid '{bid.title}' is recorded as a draft.", done=bid_url,
        title="Record a bid to an external funder", submit="Save the bid", cancel=cancel(),
        template=FORM, context=page(),
    )  # fmt: skip


BidMove = Callable[..., Bid]


def _bid_move_view(request: HttpRequest, pk: int, move: BidMove, title: str) -> HttpResponse:
    bid = selectors.bid_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, BidDateForm(bound(request)),
        act=lambda d: move(actor=request.user, bid=bid, on=d["on"]),
        success=lambda moved: f"The bid is now {moved.get_status_display().lower()}.",
        done=bid_url(bid), title=f"{title}: {bid.title}", caption=caption(bid=bid),
        cancel=cancel(bid=bid), template=FORM, context=page(bid=bid),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def bid_submit(request: HttpRequest, pk: int) -> HttpResponse:
    bid = selectors.bid_detail(viewer=poster(request), pk=pk)
    form = BidSubmitForm(bound(request), bid=bid)
    return form_page(
        request, form,
        act=lambda d: services.bid_submit(
            actor=request.user, bid=bid, on=d["on"],
            authority=form.authority_value() if bid.needs_approval else None,
        ),
        success=lambda moved: f"The bid is now {moved.get_status_display().lower()}.",
        done=bid_url(bid), title=f"Bid submitted: {bid.title}", caption=caption(bid=bid),
        intro="The funder requires a decision before this bid is submitted: name the decision "
        "of a body with the power to approve bids." if bid.needs_approval else "",
        cancel=cancel(bid=bid), template=FORM, context=page(bid=bid),
    )  # fmt: skip


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
    bid = selectors.bid_detail(viewer=poster(request), pk=pk)
    return form_page(
        request, BidSecureForm(bound(request), initial={"fund": bid.fund_id}),
        act=lambda d: services.bid_secure(
            actor=request.user, bid=bid, on=d["on"], amount=d["amount"] or None,
            award_reference=d["award_reference"], authority_body=d["authority_body"],
            fund=d["fund"],
        ),
        success="The bid is secured and the award posted as income.", done=bid_url(bid),
        title=f"Bid secured: {bid.title}", caption=caption(bid=bid), cancel=cancel(bid=bid),
        template=FORM, context=page(bid=bid),
    )  # fmt: skip
