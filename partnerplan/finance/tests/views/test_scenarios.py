"""Naming and changing scenarios."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.finance.models import (
    Scenario,
)
from partnerplan.finance.selectors import fund_balance
from partnerplan.finance.tests.factories import (
    FundingRequestFactory,
    ScenarioFactory,
)

pytestmark = pytest.mark.django_db


def test_it_names_and_changes_a_scenario(world, client, reserve, assert_queries):
    crm = FundingRequestFactory.create(fund=reserve, title="CRM request")
    call = FundingRequestFactory.create(fund=reserve, title="Contingency call", amount=85000)
    response = client.post(
        reverse("finance:scenario-new"), {"name": "CRM only", "requests": [crm.pk]}
    )
    assert response.status_code == 302
    scenario = Scenario.objects.get()
    assert list(scenario.requests.all()) == [crm]
    assert (
        "There is already a scenario called crm ONLY"
        in client.post(reverse("finance:scenario-new"), {"name": "crm ONLY"}).content.decode()
    )
    edit = reverse("finance:scenario-edit", args=[scenario.pk])
    assert "checked" in client.get(edit).content.decode()
    response = client.post(edit, {"name": "Both", "requests": [crm.pk, call.pk]})
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.name == "Both" and scenario.requests.count() == 2
    assert fund_balance(fund=reserve, on=dt.date(2011, 3, 31), scenario=scenario) == Decimal(
        "-2500"
    )
    ScenarioFactory.create(name="Another", requests=[call])
    member = world.client("member")
    with assert_queries(6, "scenario list"):  # session, user, roles, bodies, scenarios,
        page = member.get(reverse("finance:scenario-list")).content.decode()  # requests+fund
    assert "Both" in page and "Contingency call" in page and "Change" not in page
