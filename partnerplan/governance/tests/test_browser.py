"""Governance pages in a real browser, with axe-core (WCAG 2.2 AA) on every page visited.

Run with the browser suite (`scripts/test`); skipped where Chromium or axe-core is missing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from partnerplan.core.tests.browser import check_axe
from partnerplan.governance import services
from partnerplan.governance.services.authority import prior_decision_record
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_every_governance_page_passes_axe(page, live_server, world):
    sab = BodyFactory.create(name="Strategic Advisory Board", kind="board")
    services.reporting_line_add(actor=None, source=sab, target=world.body, label="monthly")
    meeting = HeldMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(meeting=meeting, number=1, title="Review of the work plan")
    rec = RecommendationFactory.create(item=item, number=1)
    ExemptItemFactory.create(meeting=meeting, number=2)
    # Present but not enough for the quorum of 3: the decision form lists them for a named vote.
    services.body_update(actor=None, body=world.body, quorum_minimum=3, cadence="monthly")
    AttendanceFactory.create(meeting=meeting)
    AttendanceFactory.create(meeting=meeting, role="co_opted")
    line = world.body.reported_to_by.get()
    membership = BodyMembershipFactory.create(body=world.body)
    services.power_add(actor=None, body=world.body, kind="draw_contingency")
    delegation = DelegationFactory.create(from_body=world.body, to_bodies=[sab])
    # A published meeting's item and recommendation, to change, withdraw or add to.
    future = PublishedMeetingFactory.create(body=world.body)
    open_item = AgendaItemFactory.create(meeting=future, number=1, title="Budget 2031")
    open_rec = RecommendationFactory.create(item=open_item, number=1)
    services.power_add(actor=None, body=world.body, kind="call_on_reserves")
    prior_decision_record(
        actor=None, body=world.body, power="call_on_reserves", decided_on=dt.date(2010, 12, 17),
        reference="Joint Committee, 17 December 2010, item 6", title="Call on reserves",
    )  # fmt: skip
    matter = services.matter_create(
        actor=None, title="Supplier role", bodies=[world.body, sab], visibility="public"
    )
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    for path in [
        "/governance/",
        f"/governance/bodies/{world.body.pk}/",
        "/governance/structure/",
        f"/governance/meetings/{meeting.pk}/",
        f"/governance/items/{item.pk}/",
        f"/governance/recommendations/{rec.pk}/decide/",
        "/governance/decisions/",
        "/governance/delegated-decisions/",
        "/governance/forward-plan/",
        "/governance/forward-plan/new/",
        "/governance/matters/",
        "/governance/matters/new/",
        f"/governance/bodies/{world.body.pk}/delegations/new/",
        f"/governance/bodies/{world.body.pk}/members/new/",
        "/governance/actions/mine/",
        "/governance/bodies/new/",
        f"/governance/bodies/{world.body.pk}/edit/",
        f"/governance/bodies/{world.body.pk}/reporting-lines/new/",
        f"/governance/reporting-lines/{line.pk}/end/",
        f"/governance/memberships/{membership.pk}/end/",
        f"/governance/delegations/{delegation.pk}/revoke/",
        f"/governance/bodies/{world.body.pk}/meetings/series/",
        "/governance/calendar/",
        f"/governance/items/{open_item.pk}/change/",
        f"/governance/items/{open_item.pk}/withdraw/",
        f"/governance/items/{open_item.pk}/recommendations/new/",
        f"/governance/recommendations/{open_rec.pk}/change/",
        f"/governance/recommendations/{open_rec.pk}/withdraw/",
        "/governance/prior-decisions/",
        "/governance/prior-decisions/new/",
        f"/governance/delegations/{delegation.pk}/",
        f"/governance/matters/{matter.pk}/",
    ]:
        page.goto(live_server.url + path)
        check_axe(page)
    # A refused decision shows the error summary, which must pass too.
    page.goto(f"{live_server.url}/governance/recommendations/{rec.pk}/decide/")
    page.get_by_label("Approved", exact=True).check()
    page.get_by_role("button", name="Save").click()
    assert "not quorate" in page.locator(".govuk-error-summary").inner_text()
    check_axe(page)
    # The recommendation form reveals only the chosen effect's questions; a missing choice is
    # refused on its own field.
    page.goto(f"{live_server.url}/governance/items/{open_item.pk}/recommendations/new/")
    gate_picker = page.locator("#id_portfolio_gate__choice")
    assert not gate_picker.is_visible()
    page.get_by_label("Recommendation", exact=True).fill("To approve the project")
    page.get_by_label("Move a project through a gate", exact=True).check()
    assert gate_picker.is_visible()
    check_axe(page)
    page.get_by_role("button", name="Save").click()
    assert "about" in page.locator(".govuk-error-summary").inner_text()
    check_axe(page)
    # A change after publication needs its note.
    page.goto(f"{live_server.url}/governance/recommendations/{open_rec.pk}/change/")
    page.get_by_role("button", name="Save").click()
    assert "what changed" in page.locator(".govuk-error-summary").inner_text()
    check_axe(page)
    # The calendar page once the address exists.
    page.goto(f"{live_server.url}/governance/calendar/")
    page.get_by_role("button", name="Make my calendar address").click()
    assert "/governance/calendar/" in page.get_by_label("Copy this address").input_value()
    check_axe(page)
    # A body form refused by the service shows its error summary too.
    page.goto(f"{live_server.url}/governance/bodies/{world.body.pk}/edit/")
    page.get_by_label("Name", exact=True).fill("Strategic Advisory Board")
    page.get_by_role("button", name="Save").click()
    assert "already a body called" in page.locator(".govuk-error-summary").inner_text()
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
