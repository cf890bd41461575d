"""The Director walks the March 2011 Joint Committee in a real browser, on the demo clock.

The demo starts on Monday 13 December 2010. Signed in as the Director, they move the date to
1 March 2011, add a report to the March meeting from its page with a recommendation that
approves the CRM funding request, publish the agenda (with its clear-days check), move the
date to the day of the meeting, record that it was held, record attendance, record the
decision with its reasons, and see the reserve's balance fall by the £17,500 the decision
released. Every page is checked with axe-core at 1280 and 390 px, for sideways scrolling at
390 px and for console, script and CSP errors (core/tests/browser.py).
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from partnerplan.core.tests.browser import check_both_widths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "demo-partnerplan-2010"
MARCH = "Staffordshire Connects Joint Committee, 18 March 2011"
CRM = "CRM request: £17,500 from Staffordshire Connects reserve"


def _click(page: Page, link: Any) -> None:
    with page.expect_navigation():
        link.click()
    check_both_widths(page)


def _move_date(page: Page, day: int, month: int, year: int) -> None:
    _click(page, page.get_by_role("link", name="Move the date"))
    page.get_by_label("Day").fill(str(day))
    page.get_by_label("Month").fill(str(month))
    page.get_by_label("Year").fill(str(year))
    _click(page, page.get_by_role("button", name="Move the date"))


def _reserve_balance(page: Page, base: str) -> str:
    page.goto(base + "/finance/")
    check_both_widths(page)
    row = page.get_by_role("row").filter(has_text="Partnership reserve")
    return row.get_by_role("cell").last.inner_text().strip()


def test_the_director_walks_the_march_2011_meeting_on_the_demo_clock(
    page: Page, live_server: Any, settings: Any
) -> None:
    settings.PARTNERPLAN_DEMO_CLOCK = True
    call_command("load_demo", stdout=StringIO())
    base = live_server.url

    page.goto(base + "/sign-in/")
    page.get_by_label("Username").fill("director")
    page.get_by_label("Password").fill(PASSWORD)
    _click(page, page.get_by_role("button", name="Sign in"))
    expect(page.locator(".pp-demo-clock")).to_contain_text("13 December 2010")
    before = _reserve_balance(page, base)
    assert before == "£232,290"

    # Early March: the March meeting still takes new business.
    page.goto(base + "/")
    _move_date(page, 1, 3, 2011)
    expect(page.get_by_text("The demonstration is now as at 1 March 2011.")).to_be_visible()
    _click(page, page.get_by_role("link", name=MARCH).first)
    _click(page, page.get_by_role("link", name="Add an agenda item"))
    page.get_by_label("Title").fill("Partnership work plan: progress to March 2011")
    page.get_by_label("Report author").select_option(label="Andrew Street")
    page.get_by_label("Purpose of the report").fill("To report progress on the work plan.")
    _click(page, page.get_by_role("button", name="Save"))
    expect(page.get_by_text("The item has been added.")).to_be_visible()

    _click(page, page.get_by_role("link", name="Add a recommendation"))
    page.get_by_label("Recommendation", exact=True).fill(
        "To approve the CRM request of £17,500 from reserves."
    )
    page.get_by_label("Paragraph number in the report").fill("2.1")
    page.get_by_label("Power used if approved").select_option(label="Approve a call on reserves")
    page.get_by_label("Amount in pounds").fill("17500")
    page.get_by_label("Approve or refuse a funding request").check()
    page.get_by_label("Funding request", exact=True).select_option(label=CRM)
    _click(page, page.get_by_role("button", name="Save"))
    expect(page.get_by_text("The recommendation has been added.")).to_be_visible()

    # Publish the agenda: the page says how many clear days it gives.
    page.goto(base + "/")
    _click(page, page.get_by_role("link", name=MARCH).first)
    _click(page, page.get_by_role("link", name="Publish the agenda"))
    expect(page.locator("main")).to_contain_text("so it is in time")
    _click(page, page.get_by_role("button", name="Publish the agenda"))
    expect(page.locator("main")).to_contain_text("Published on 1 March 2011")
    meeting_url = page.url

    # The day of the meeting: attendance, held, the decision with its reasons.
    _move_date(page, 18, 3, 2011)
    page.goto(meeting_url)
    _click(page, page.get_by_role("link", name="Record that it was held"))
    _click(page, page.get_by_role("button", name="The meeting was held"))
    expect(page.locator("main")).to_contain_text("The meeting is recorded as held.")
    _click(page, page.get_by_role("link", name="Record attendance"))
    page.get_by_role("group", name="Who was present?").get_by_label("Cllr Demo Member").check()
    _click(page, page.get_by_role("button", name="Save"))
    expect(page.get_by_text("Attendance has been recorded.")).to_be_visible()
    _click(page, page.get_by_role("link", name="Record the decision"))
    page.get_by_label("Approved", exact=True).check()
    page.get_by_label("Reasons").fill("The CRM work is in the approved work plan.")
    page.get_by_label("Other options considered and rejected").fill(
        "Funding it from partners' budgets: no partner had the budget."
    )
    page.get_by_label("Interests declared").fill("None")
    _click(page, page.get_by_role("button", name="Save"))
    expect(page.get_by_text("The decision has been recorded.")).to_be_visible()

    # Any call-in period passes; the decision's effect (the call on reserves) is posted.
    page.goto(base + "/")
    _move_date(page, 1, 4, 2011)
    assert _reserve_balance(page, base) == "£214,790"
