"""Each persona's day in a real browser, on the demo partnership, under the real CSP.

The demo is loaded once; then the Director, a member, a project manager, a partner officer and
the public each sign in (or not), land on the start page and follow its links and the menu.
Every page visited is checked with axe-core at 1280 px and at 390 px and must not scroll sideways
at 390 px (WCAG 1.4.10); any console error, script error or CSP violation fails the test
(core/tests/browser.py). GOV.UK Frontend's JavaScript is seen working: the mobile menu opens,
the error summary takes focus after a failed form, a conditional reveal opens.
"""

from __future__ import annotations

from io import StringIO
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from partnerplan.core.tests.browser import DESKTOP, MOBILE, _watch, check_both_widths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "demo-partnerplan-2010"
# The top-level menu: every persona visits each area's index.
MENU = ["Partners", "People", "Resources", "Work plan", "Governance", "Funding", "Reports"]
# Links from the start page followed, at most, per persona (the journey stays under a minute).
START_LINKS = 6
NOT_PAGES = (".csv", ".xlsx", ".docx", ".pdf", ".ics", "/download", "/pack", "/feed")


class Journey:
    """One persona's browser: visits pages, checks each, and remembers what went wrong."""

    def __init__(self, browser: Browser, base: str, persona: str) -> None:
        self.context = browser.new_context(locale="en-GB", viewport=DESKTOP)
        self.context.set_default_timeout(10_000)
        self.page: Page = self.context.new_page()
        self.base, self.persona = base, persona
        self.problems = _watch(self.page)
        self.visited: list[str] = []
        self.failures: list[str] = []

    def check(self) -> None:
        """axe-core at both widths and the reflow check on the page now shown."""
        try:
            check_both_widths(self.page)
            if self.problems:
                found = list(self.problems)
                self.problems.clear()
                raise AssertionError("The browser reported problems:\n" + "\n".join(found))
        except AssertionError as error:
            self.failures.append(f"{self.persona}: {error}")
        self.visited.append(self.page.url)

    def visit(self, path: str) -> None:
        response = self.page.goto(urljoin(self.base, path))
        assert response is not None
        if response.status >= 400:
            self.failures.append(f"{self.persona}: {path} answered {response.status}")
        self.check()

    def sign_in(self) -> None:
        page = self.page
        page.goto(self.base + "/")
        page.get_by_role("link", name="Sign in").first.click()
        expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
        page.get_by_label("Username").fill(self.persona)
        page.get_by_label("Password").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
        # Signed in, they land on the start page.
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        assert urlparse(page.url).path == "/", f"{self.persona} landed on {page.url}"
        self.check()

    def start_page_links(self) -> list[str]:
        hrefs = self.page.eval_on_selector_all(
            "main a[href]", "links => links.map(a => a.getAttribute('href'))"
        )
        paths: list[str] = []
        for href in hrefs:
            url = urlparse(urljoin(self.page.url, href))
            if url.netloc != urlparse(self.base).netloc or url.path.endswith(NOT_PAGES):
                continue
            if any(part in url.path for part in NOT_PAGES) or url.path in paths:
                continue
            paths.append(url.path + (f"?{url.query}" if url.query else ""))
        return paths[:START_LINKS]

    def click_through(self, link: Any) -> None:
        """Follow a link and check the page it opens, once it has loaded."""
        with self.page.expect_navigation():
            link.click()
        self.check()

    def follow_menu(self) -> None:
        for label in MENU:
            self.page.goto(self.base + "/")
            menu = self.page.get_by_role("navigation", name="Menu")
            self.click_through(menu.get_by_role("link", name=label, exact=True))

    def close(self) -> None:
        self.context.close()


def _walk(journey: Journey, *, signed_in: bool) -> None:
    if signed_in:
        journey.sign_in()
    else:
        journey.visit("/")
    for path in journey.start_page_links():
        journey.visit(path)
    journey.follow_menu()
    if signed_in:
        # Their own pages, from the header on every page.
        for label in ("My actions", "My calendar"):
            yours = journey.page.get_by_role("navigation", name="Your pages")
            journey.click_through(yours.get_by_role("link", name=label))


def _mobile_menu_and_error_summary(journey: Journey) -> None:
    """GOV.UK Frontend runs: at 390 px the menu is behind a button that opens it; a failed
    form's error summary takes the focus."""
    page = journey.page
    page.set_viewport_size(MOBILE)
    page.goto(journey.base + "/")
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    menu = page.locator("#navigation")
    expect(menu).to_be_hidden()
    toggle.click()
    expect(menu).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.set_viewport_size(DESKTOP)
    page.goto(journey.base + "/sign-in/")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    journey.check()


def _gate_form_reveals(journey: Journey) -> None:
    """A conditional reveal: each way a gate was authorised shows only its own fields."""
    page = journey.page
    page.goto(journey.base + "/portfolio/")
    project = page.locator("main table a[href*='/portfolio/projects/']").first.get_attribute("href")
    page.goto(urljoin(journey.base, f"{project}gate/"))
    papers = page.get_by_label("Meeting or delegated decision, from the papers")
    expect(papers).to_be_hidden()
    page.get_by_label("By a decision taken before partnerplan was in use").check()
    expect(papers).to_be_visible()
    page.get_by_label("By a decision under a delegation").check()
    expect(papers).to_be_hidden()
    journey.check()


def test_each_persona_signs_in_and_works_through_accessible_pages(
    browser: Browser, live_server: Any
) -> None:
    call_command("load_demo", stdout=StringIO())
    failures: list[str] = []
    for persona in ("director", "member", "pm", "officer", "public"):
        journey = Journey(browser, live_server.url, persona)
        try:
            _walk(journey, signed_in=persona != "public")
            if persona == "public":
                _mobile_menu_and_error_summary(journey)
            if persona == "director":
                _gate_form_reveals(journey)
        except Exception as error:  # a broken step: the other personas still walk  # noqa: BLE001
            failures.append(f"{persona}: {type(error).__name__}: {error}")
        finally:
            if len(journey.visited) < len(MENU) + 2:
                failures.append(f"{persona} saw only {len(journey.visited)} pages")
            failures.extend(journey.failures)
            journey.close()
    assert failures == [], "\n\n".join(failures)
