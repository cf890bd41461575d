"""The pages of the chain of authority: a request's page shows the decision that decided it; a
call posted by hand names the request it answers; the fund form and page show an earmark and
who may approve another use; spending asks for which purpose; the bid form asks whether the
funder requires a decision, and submitting such a bid asks for it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.finance.models import Bid, FundingRequest, FundKind, RequestStatus
from partnerplan.finance.tests.decisions import committee, decide
from partnerplan.finance.tests.factories import (
    EarmarkedFundFactory,
    fund_with_balance,
)
from partnerplan.finance.tests.views._helpers import _date, _errors

pytestmark = pytest.mark.django_db


def test_the_request_page_shows_the_decision_that_decided_it(world, admin, assert_queries):
    body, members = committee()
    reserve = fund_with_balance(admin, amount="50000", owner_body=body, visibility="public")
    request = FundingRequest.objects.create(
        fund=reserve, to_fund=EarmarkedFundFactory.create(), title="CRM request",
        amount=Decimal("17500"), expected_on=dt.date(2011, 3, 1),
    )  # fmt: skip
    url = reverse("finance:request-detail", args=[request.pk])
    assert "Waiting for a decision" in world.client("public").get(url).content.decode()
    decision = decide(
        admin, body, members, effect_kind="finance.request",
        effect_params={"request_id": request.pk},
    )  # fmt: skip
    officer = world.client("officer")
    with assert_queries(5, "request page"):  # session, user, roles, bodies; the request
        page = officer.get(url).content.decode()
    assert "Approved on 17 December 2010" in page
    assert str(decision) in page
    fund_page = world.client("officer").get(reverse("finance:fund-detail", args=[reserve.pk]))
    assert url in fund_page.content.decode()


def test_a_call_posted_by_hand_answers_a_request_chosen_from_a_picker(world, client, reserve):
    earmark = EarmarkedFundFactory.create(name="CRM earmark")
    request = FundingRequest.objects.create(
        fund=reserve, to_fund=earmark, title="CRM request", amount=Decimal("17500"),
        expected_on=dt.date(2011, 3, 1),
    )  # fmt: skip
    url = reverse("finance:call-new", args=[reserve.pk])
    assert "CRM request: £17,500" in client.get(url).content.decode()
    response = client.post(
        url,
        {"request": request.pk, "amount": "17500", "purpose": "CRM", "to_fund": earmark.pk,
         "paid": "committed", **_date("on", dt.date(2011, 3, 1)), "authority": "reference",
         "authority_body": reserve.owner_body.pk, "authority_reference": "JC, item 6",
         **_date("authority_date", dt.date(2010, 12, 17))},
    )  # fmt: skip
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED


def test_the_fund_form_and_page_show_the_earmark_and_its_approver(world, client, admin):
    approver = committee("Leaders and Chief Executives Group")[0]
    url = reverse("finance:fund-create")
    form = client.get(url).content.decode()
    assert "Earmarked for" in form and "Who may approve another use" in form
    response = client.post(
        url,
        {"name": "CRM earmark", "kind": FundKind.EARMARKED, "owner_body": approver.pk,
         "earmarked_for": "CRM team elements", "other_use_approver": approver.pk,
         "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 302
    page = world.client("public").get(response["Location"]).content.decode()
    assert "CRM team elements" in page
    assert "Leaders and Chief Executives Group" in page


def test_spending_an_earmark_for_another_purpose_asks_for_its_approver(client, admin):
    earmark = fund_with_balance(admin, amount="1000", kind=FundKind.EARMARKED, name="Earmark")
    url = reverse("finance:spend-new")
    assert "What is the money used for?" in client.get(url).content.decode()
    page = _errors(
        client.post(
            url,
            {
                "fund": earmark.pk,
                "other_purpose": "other",
                "amount": "100",
                **_date("on", dt.date(2011, 3, 1)),
                "description": "Website",
                "authority": "reference",
                "authority_body": earmark.owner_body.pk,
                "authority_reference": "x",
                **_date("authority_date", dt.date(2011, 2, 1)),
            },
        )  # fmt: skip
    )
    assert "Name who may approve another use of Earmark on its page first" in page


def test_a_bid_the_funder_requires_a_decision_on_asks_for_it_when_submitted(client, assert_queries):
    form = client.get(reverse("finance:bid-new")).content.decode()
    assert "The funder requires a decision before it is submitted" in form
    response = client.post(
        reverse("finance:bid-new"),
        {"title": "One Place", "funder": "RIEP", "amount": "275000", "needs_approval": "on",
         "visibility": "public"},
    )  # fmt: skip
    bid = Bid.objects.get(title="One Place")
    assert response.status_code == 302 and bid.needs_approval
    url = reverse("finance:bid-submit", args=[bid.pk])
    # session, user, roles, bodies; the bid; decisions, delegated decisions, decisions before
    # partnerplan and bodies for the authority
    with assert_queries(9, "bid submit with approval"):
        page = client.get(url).content.decode()
    assert "What authorises this movement?" in page
    page = _errors(client.post(url, {**_date("on", dt.date(2010, 10, 1))}))
    assert "the power to approve a bid for external funding" in page
