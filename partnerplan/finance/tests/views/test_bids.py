"""The bid forms: recording a bid and each step of its lifecycle."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.core.models import Visibility
from partnerplan.finance.models import (
    Bid,
    BidStatus,
)
from partnerplan.finance.selectors import fund_balance
from partnerplan.finance.tests.factories import (
    BidFactory,
    GreenLightBidFactory,
    RejectedBidFactory,
    SubmittedBidFactory,
)
from partnerplan.finance.tests.views._helpers import _count, _date, _errors
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_it_records_a_bid_and_takes_it_through_its_lifecycle(world, client, reserve):
    response = client.post(
        reverse("finance:bid-new"),
        {"title": "Life Events", "funder": "RIEP", "amount": "35000", "fund": reserve.pk,
         "visibility": Visibility.PUBLIC},
    )  # fmt: skip
    assert response.status_code == 302
    bid = Bid.objects.get()
    on = _date("on", dt.date(2010, 11, 1))
    assert client.post(reverse("finance:bid-submit", args=[bid.pk]), on).status_code == 302
    assert client.post(reverse("finance:bid-green-light", args=[bid.pk]), on).status_code == 302
    bid.refresh_from_db()
    assert bid.status == BidStatus.GREEN_LIGHT
    # Submitting again is refused with the reason.
    page = _errors(client.post(reverse("finance:bid-submit", args=[bid.pk]), on))
    assert "The bid is green light: it cannot become submitted" in page
    response = client.post(
        reverse("finance:bid-secure", args=[bid.pk]),
        {**_date("on", dt.date(2011, 2, 1)), "amount": "30000", "award_reference": "RIEP/123",
         "authority_body": reserve.owner_body.pk, "fund": reserve.pk},
    )  # fmt: skip
    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.status == BidStatus.SECURED and bid.secured_amount == Decimal("30000")
    assert fund_balance(fund=reserve, on=dt.date(2011, 2, 1)) == Decimal("130000")


def test_it_refuses_a_bad_bid_and_a_bad_award(client, reserve):
    response = client.post(
        reverse("finance:bid-new"),
        {"title": "x", "funder": "RIEP", "amount": "10.001", "visibility": "partnership"},
    )
    assert "at most two decimal places" in _errors(response)
    assert Bid.objects.count() == 0
    bid = GreenLightBidFactory.create(fund=reserve)
    before = _count()
    response = client.post(
        reverse("finance:bid-secure", args=[bid.pk]),
        {**_date("on", dt.date(2011, 2, 1)), "amount": "0", "award_reference": "RIEP/1",
         "authority_body": reserve.owner_body.pk},
    )  # fmt: skip
    assert "The amount must be more than £0" in _errors(response)
    bid.refresh_from_db()
    assert bid.status == BidStatus.GREEN_LIGHT and _count() == before


def test_it_rejects_and_withdraws_bids(client):
    submitted = SubmittedBidFactory.create()
    on = _date("on", dt.date(2011, 1, 5))
    assert client.post(reverse("finance:bid-reject", args=[submitted.pk]), on).status_code == 302
    draft = BidFactory.create()
    assert client.post(reverse("finance:bid-withdraw", args=[draft.pk]), on).status_code == 302
    rejected = RejectedBidFactory.create()
    page = _errors(client.post(reverse("finance:bid-withdraw", args=[rejected.pk]), on))
    assert "The bid is rejected: it cannot become withdrawn" in page


def test_the_bid_page_offers_the_next_steps(world, assert_queries):
    bid = SubmittedBidFactory.create(visibility=Visibility.PUBLIC, project=ProjectFactory.create())
    admin = world.client("admin")
    with assert_queries(5, "bid page"):  # session, user, roles, bodies, bid
        page = admin.get(reverse("finance:bid-detail", args=[bid.pk]))
    html = page.content.decode()
    assert reverse("finance:bid-green-light", args=[bid.pk]) in html
    assert reverse("finance:bid-submit", args=[bid.pk]) not in html
    public = world.client("public").get(reverse("finance:bid-detail", args=[bid.pk]))
    assert reverse("finance:bid-green-light", args=[bid.pk]) not in public.content.decode()
    hidden = BidFactory.create(visibility=Visibility.PARTNERSHIP)
    assert (
        world.client("public").get(reverse("finance:bid-detail", args=[hidden.pk])).status_code
        == 404
    )
