"""Reports pages in a real browser, with axe-core (WCAG 2.2 AA) on every page visited.

Run with the browser suite (`scripts/test`); skipped where Chromium or axe-core is missing."""

from __future__ import annotations

from typing import Any

import pytest

from partnerplan.core.tests.browser import check_axe
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.reports.tests.factories import (
    LiveBlockFactory,
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
    version_for,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_every_reports_page_passes_axe(page, live_server, world):
    meeting = HeldMeetingFactory.create(body=world.body)
    report = ReportFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=1))
    rec = RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    section = SectionFactory.create(report=report)
    block = ParagraphFactory.create(section=section)
    appendix = SectionFactory.create(report=report, kind="appendix", heading="Governance")
    LiveBlockFactory.create(section=appendix)
    version = version_for(report)
    draft = ReportFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=2))
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    for path in [
        "/reports/",
        "/reports/new/",
        f"/reports/{report.pk}/",
        f"/reports/{draft.pk}/",
        f"/reports/{report.pk}/edit/",
        f"/reports/recommendations/{rec.pk}/figure/",
        f"/reports/{report.pk}/template/",
        f"/reports/{report.pk}/publish/",
        f"/reports/{report.pk}/sections/new/",
        f"/reports/sections/{section.pk}/edit/",
        f"/reports/sections/{section.pk}/delete/",
        f"/reports/sections/{section.pk}/blocks/new/",
        f"/reports/blocks/{block.pk}/edit/",
        f"/reports/blocks/{block.pk}/delete/",
        f"/reports/versions/{version.pk}/",
        "/reports/december-2010/",
        # Not built yet by the worker: the page says the pack is being prepared.
        f"/reports/meetings/{meeting.pk}/agenda-pack.pdf",
    ]:
        page.goto(live_server.url + path)
        check_axe(page)
    # A refused publication shows its reasons in the error summary.
    page.goto(f"{live_server.url}/reports/{draft.pk}/publish/")
    page.get_by_role("button", name="Publish").click()
    assert "no recommendations" in page.locator(".govuk-error-summary").inner_text()
    check_axe(page)
    # Producing the December 2010 report before the demo is loaded is refused, with the reason.
    page.goto(f"{live_server.url}/reports/")
    page.get_by_role("button", name="Produce the December 2010 report again").click()
    assert "load the demo" in page.locator(".govuk-error-summary").inner_text()
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
