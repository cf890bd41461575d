"""What the finance views share: who may post, the form page's template and context, and
where a movement's page goes back to."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from partnerplan.core.access import Viewer, require, viewer_for
from partnerplan.finance.models import Bid, Fund, LedgerTransaction

#: The finance form page: core's form page with the movement or bid it is about and the
#: authority fields grouped under their own heading.
FORM = "finance/form.html"
NAV = {"nav_finance": True}
PAGE_SIZE = 50


def poster(request: HttpRequest) -> Viewer:
    """The viewer, once they are known to be allowed to post (refused with 403 otherwise),
    before anything is looked up: someone who may not post learns nothing about what exists."""
    viewer = viewer_for(request.user)
    require(viewer, "finance.post")
    return viewer


def fund_url(fund: Fund) -> str:
    return reverse("finance:fund-detail", args=[fund.pk])


def bid_url(bid: Bid) -> str:
    return reverse("finance:bid-detail", args=[bid.pk])


def back_url(fund: Fund | None) -> str:
    """The fund's page, or the money-by-project table for a movement of a project's money."""
    return fund_url(fund) if fund is not None else reverse("finance:funding-table")


def first_fund(tx: LedgerTransaction) -> Fund | None:
    return next((e.account.fund for e in tx.entries.all() if e.account.fund_id), None)


def out(tx: LedgerTransaction) -> Decimal:
    """The money that left the first account (negative)."""
    return min(e.amount for e in tx.entries.all())


def page(
    *, fund: Fund | None = None, bid: Bid | None = None, movement: Any = None
) -> dict[str, Any]:
    """The form page's context: what the page is about, and the finance navigation."""
    return {"fund": fund, "bid": bid, "movement": movement, **NAV}


def caption(*, fund: Fund | None = None, bid: Bid | None = None) -> str:
    if fund is not None:
        return fund.name
    if bid is not None:
        return f"Bid to {bid.funder}"
    return ""


def cancel(*, fund: Fund | None = None, bid: Bid | None = None) -> str:
    if fund is not None:
        return fund_url(fund)
    if bid is not None:
        return bid_url(bid)
    return reverse("finance:fund-list")
