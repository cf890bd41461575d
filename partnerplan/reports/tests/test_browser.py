"""Reports pages in a real browser, with axe-core (WCAG 2.2 AA) on every page visited.

Run with the browser suite (`scripts/test`); skipped where Chromium or axe-core is missing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

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

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and AXE.exists()), reason="Chromium or axe-core missing"
    ),
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB"}


def _axe(page: Any) -> None:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(json.dumps(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]
    assert problems == [], f"axe-core found problems on {page.url}:\n" + "\n".join(problems)


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
        _axe(page)
    # A refused publication shows its reasons in the error summary.
    page.goto(f"{live_server.url}/reports/{draft.pk}/publish/")
    page.get_by_role("button", name="Publish").click()
    assert "no recommendations" in page.locator(".govuk-error-summary").inner_text()
    _axe(page)
    # Producing the December 2010 report before the demo is loaded is refused, with the reason.
    page.goto(f"{live_server.url}/reports/")
    page.get_by_role("button", name="Produce the December 2010 report again").click()
    assert "load the demo" in page.locator(".govuk-error-summary").inner_text()
    _axe(page)


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
