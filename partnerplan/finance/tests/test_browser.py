"""Finance pages in a real browser, with axe-core (WCAG 2.2 AA) on every page visited.

Run with the browser suite (`scripts/test`); skipped where Chromium or axe-core is missing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from partnerplan.core.models import Visibility
from partnerplan.core.tests.browser import check_axe
from partnerplan.finance import services
from partnerplan.finance.models import Basis
from partnerplan.finance.tests.factories import (
    BidFactory,
    ContingencyFundFactory,
    EarmarkedFundFactory,
    FundingRequestFactory,
    ScenarioFactory,
    SubmittedBidFactory,
    authority,
    fund_with_balance,
)
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_every_finance_page_passes_axe(page, live_server, world):
    admin = world.users["admin"]
    reserve = fund_with_balance(admin, amount="318990", name="Reserve", visibility="public")
    earmark = EarmarkedFundFactory.create(name="Earmark", visibility=Visibility.PUBLIC)
    project = ProjectFactory.create(title="Life Events", visibility=Visibility.PUBLIC)
    call = services.call_on_reserves(
        actor=admin, fund=reserve, amount="86700", purpose="Sanctioned call",
        on=dt.date(2011, 1, 31), to_fund=earmark, authority=authority(reserve.owner_body),
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="36400", purpose="Project manager",
        on=dt.date(2011, 1, 31), project=project,
        authority=authority(reserve.owner_body, "Project manager call"), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.contribution_record(
        actor=admin, fund=reserve, partner=world.alpha, amount="1000", on=dt.date(2010, 6, 1),
        authority=authority(reserve.owner_body),
    )  # fmt: skip
    crm = FundingRequestFactory.create(fund=reserve, title="CRM request", amount=Decimal("17500"))
    scenario = ScenarioFactory.create(name="CRM approved", requests=[crm])
    bid = SubmittedBidFactory.create(fund=reserve, project=project, visibility="public")
    draft = BidFactory.create(fund=reserve, needs_approval=True, visibility="public")
    today = timezone.localdate()
    contingency = ContingencyFundFactory.create(
        name="Contingency", visibility=Visibility.PUBLIC,
        delegation__starts_on=today - dt.timedelta(days=30), delegation__to_bodies=[world.body],
    )  # fmt: skip
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    for path in [
        "/finance/",
        f"/finance/funds/{reserve.pk}/?on_day=31&on_month=3&on_year=2011&figure=%C2%A3129%2C700",
        f"/finance/funds/{contingency.pk}/",
        f"/finance/funds/{reserve.pk}/contributions/new/",
        f"/finance/funds/{reserve.pk}/calls/new/",
        f"/finance/funds/{reserve.pk}/requests/new/",
        f"/finance/funds/{reserve.pk}/close/",
        "/finance/funds/new/",
        f"/finance/funds/{reserve.pk}/income/new/",
        f"/finance/funds/{reserve.pk}/change/",
        f"/finance/funds/{contingency.pk}/draw/",
        "/finance/movements/spend/",
        "/finance/movements/release/",
        f"/finance/movements/{call.pk}/reverse/",
        f"/finance/movements/{call.pk}/pay/",
        f"/finance/requests/{crm.pk}/close/",
        f"/finance/requests/{crm.pk}/",
        "/finance/reconciliation/",
        f"/finance/bids/{draft.pk}/submit/",
        "/finance/scenarios/",
        "/finance/scenarios/new/",
        f"/finance/scenarios/{scenario.pk}/edit/",
        "/finance/bids/",
        "/finance/bids/new/",
        f"/finance/bids/{bid.pk}/",
        f"/finance/bids/{bid.pk}/green-light/",
        f"/finance/bids/{bid.pk}/secure/",
        "/finance/contributions/",
        "/finance/by-project/",
    ]:
        page.goto(live_server.url + path)
        check_axe(page)
    # A refused posting shows the error summary, which must pass too.
    page.goto(f"{live_server.url}/finance/funds/{reserve.pk}/contributions/new/")
    page.get_by_label("Partner", exact=True).select_option(label=str(world.alpha))
    page.get_by_label("Amount", exact=True).fill("12.345")
    page.locator("#id_on_day").fill("1")
    page.locator("#id_on_month").fill("6")
    page.locator("#id_on_year").fill("2010")
    page.get_by_role("button", name="Record contribution").click()
    assert "at most two decimal places" in page.locator(".govuk-error-summary").inner_text()
    check_axe(page)


def _session(world: Any) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    user = world.users["admin"]
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return str(store.session_key)
