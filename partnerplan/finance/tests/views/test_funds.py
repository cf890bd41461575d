"""The funding request forms of a fund."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.finance.models import (
    FundingRequest,
    RequestStatus,
)
from partnerplan.finance.tests.factories import (
    FundingRequestFactory,
)
from partnerplan.finance.tests.views._helpers import _date, _errors

pytestmark = pytest.mark.django_db


def test_it_records_a_pending_request_and_refuses_a_bad_one(client, reserve):
    url = reverse("finance:request-new", args=[reserve.pk])
    response = client.post(
        url,
        {"title": "CRM request", "amount": "17500", **_date("expected_on", dt.date(2011, 3, 1))},
    )
    assert response.status_code == 302
    request = FundingRequest.objects.get()
    assert request.status == RequestStatus.PENDING and request.amount == Decimal("17500")
    response = client.post(
        url, {"title": "Bad", "amount": "-1", **_date("expected_on", dt.date(2011, 3, 1))}
    )
    assert "The amount must be more than £0" in _errors(response)
    assert FundingRequest.objects.count() == 1


def test_it_refuses_or_withdraws_a_pending_request(client, reserve):
    crm = FundingRequestFactory.create(fund=reserve, title="CRM request")
    page = client.get(reverse("finance:fund-detail", args=[reserve.pk])).content.decode()
    url = reverse("finance:request-close", args=[crm.pk])
    assert url in page
    assert client.post(url, {"status": RequestStatus.REFUSED}).status_code == 302
    crm.refresh_from_db()
    assert crm.status == RequestStatus.REFUSED
    page = _errors(client.post(url, {"status": RequestStatus.WITHDRAWN}))
    assert "The request is refused: it cannot be marked withdrawn" in page
    assert "Select what happened to the request?" in _errors(client.post(url, {}))
