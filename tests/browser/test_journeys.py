"""What a person does in a real browser, with axe-core checking every page visited."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from partnerplan.partners.tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, world):
    person = PersonFactory.create(
        first_name="Priya", last_name="Shah", partner=world.alpha, job_title="Policy officer"
    )
    return {"url": live_server.url, "world": world, "person": person}


def _sign_in(page: Page, url: str, axe) -> None:
    page.goto(url + "/")
    axe.check(page)
    page.get_by_role("link", name="Sign in").first.click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    axe.check(page)
    page.get_by_role("button", name="Sign in").click()  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your username")
    axe.check(page)
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Partnership administrator")).to_be_visible()


def test_it_signs_in_edits_a_person_and_shows_the_change_in_history(page: Page, site, axe):
    url = site["url"]
    _sign_in(page, url, axe)
    axe.check(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Partners").click()
    expect(page.get_by_role("heading", name="Partners", exact=True)).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Alpha District Council").click()
    expect(page.get_by_role("heading", name="Alpha District Council (ALP)")).to_be_visible()
    axe.check(page)

    page.get_by_role("link", name="Priya Shah").click()
    axe.check(page)
    page.get_by_role("button", name=re.compile("Change details")).click()
    axe.check(page)
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter an email address in the correct format")
    axe.check(page)
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Email address")).to_be_focused()

    page.get_by_label("Email address").fill("priya.shah@alpha.example")
    page.get_by_label("Job title").fill("Head of Policy")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your changes have been saved.")).to_be_visible()
    history = page.locator("#history + .pp-table-scroll table")
    expect(history).to_contain_text("Job title: Policy officer → Head of Policy")
    expect(history).to_contain_text("Ada Persona")
    axe.check(page)


def test_it_shows_the_error_summary_on_a_bad_partner_form(page: Page, site, axe):
    url = site["url"]
    _sign_in(page, url, axe)
    page.goto(url + "/partners/new/")
    axe.check(page)
    page.get_by_label("Full name").fill("Alpha again")
    page.get_by_label("Abbreviation").fill("alp")
    page.get_by_label("Kind of organisation").select_option("district")
    page.get_by_role("group", name="Date left").get_by_label("Day").fill("31")
    page.get_by_role("group", name="Date left").get_by_label("Month").fill("2")
    page.get_by_role("group", name="Date left").get_by_label("Year").fill("2011")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Date left must be a real date")
    axe.check(page)


def test_it_keeps_public_pages_accessible(page: Page, site, axe):
    url = site["url"]
    for path in ["/", "/partners/", "/partners/people/", "/accessibility/", "/cookies/"]:
        page.goto(url + path)
        axe.check(page)
    page.goto(url + "/no-such-page/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    axe.check(page)
    page.goto(url + "/partners/people/new/")  # not signed in: asked to sign in
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
