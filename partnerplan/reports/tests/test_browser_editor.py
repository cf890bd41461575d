"""The report editor in a real browser with the real CSP: axe-core at 1280 and 390 px, no
sideways scroll, and a section moved with the plain form (no JavaScript needed).

Screenshots go to var/screenshots/ (not committed) when PARTNERPLAN_SCREENSHOTS is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from partnerplan.core.tests.browser import DESKTOP, MOBILE, check_both_widths
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.reports.tests.factories import (
    AppendixFactory,
    LiveBlockFactory,
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
    version_for,
)
from partnerplan.reports.tests.test_browser import _session

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _shoot(page, name: str) -> None:
    folder = os.environ.get("PARTNERPLAN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def test_the_editor_passes_axe_at_both_widths_and_moves_a_section(page, live_server, world):
    meeting = HeldMeetingFactory.create(body=world.body)
    report = ReportFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=1))
    RecommendationFactory.create(
        item=report.item, number=1, text="To approve a call of £85,000 on the reserve."
    )
    RecommendationFactory.create(item=report.item, number=2, text="To note the plan.")
    background = SectionFactory.create(report=report, heading="Background")
    ParagraphFactory.create(
        section=background, text="The reserve would stand at £129,700 in March 2011."
    )
    ParagraphFactory.create(section=background, text="The committee agreed the plan in 2010.")
    detail = SectionFactory.create(report=report, heading="Detail")
    appendix = AppendixFactory.create(report=report, heading="Governance")
    LiveBlockFactory.create(section=appendix)
    version_for(report)
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    page.set_viewport_size(DESKTOP)
    _shoot(page, "editor-1280")
    page.set_viewport_size(MOBILE)
    _shoot(page, "editor-390")
    page.set_viewport_size(DESKTOP)
    check_both_widths(page)
    assert page.locator(".govuk-task-list").count() == 2
    assert "Published: version 1 on" in page.locator("#publish-state").inner_text()
    # Move "Detail" above "Background" with the plain form.
    page.locator(f'form[action="/reports/sections/{detail.pk}/up/"] button').click()
    assert "has moved up" in page.locator(".govuk-notification-banner").inner_text()
    titles = page.locator("#contents-tasks .govuk-task-list__name-and-hint > :first-child")
    names = titles.all_inner_texts()
    assert names.index("Detail") < names.index("Background")
    assert "Changed since version 1" in page.locator("#publish-state").inner_text()
    _shoot(page, "editor-moved-1280")
    check_both_widths(page)
    # The confirmation page (a GET) for the same move works without the editor's button.
    page.goto(f"{live_server.url}/reports/sections/{background.pk}/down/")
    check_both_widths(page)
