"""The start page: each person sees what needs them, each block with its count and a link to
the page that deals with it, in a pinned number of queries per persona."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse

from partnerplan.core.services import demo_clock_start
from partnerplan.core.tests.fixtures import World
from partnerplan.finance.tests.factories import FundingRequestFactory
from partnerplan.governance.models import MeetingStatus
from partnerplan.governance.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
)
from partnerplan.portfolio.tests.factories import ActiveProjectFactory, HighlightReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("as_at")]

TODAY = dt.date(2030, 3, 4)  # a Monday; the published meeting is on 15 March 2030


@pytest.fixture
def as_at():
    with override_settings(PARTNERPLAN_DEMO_CLOCK=True):
        demo_clock_start(on=TODAY)
        yield


def _meetings(world: World) -> None:
    """Two meetings ahead for the member's body, each with items and recommendations."""
    for day in (15, 22):
        meeting = PublishedMeetingFactory.create(
            body=world.body,
            starts_at=dt.datetime(2030, 3, day, 10, tzinfo=dt.UTC),
        )
        for n in (1, 2):
            item = AgendaItemFactory.create(meeting=meeting, title=f"Report {day}-{n}")
            RecommendationFactory.create(item=item, text=f"To approve proposal {day}-{n}.")


def _home(world: World, role: str, assert_queries, expected: int) -> str:
    client = world.client(role)
    client.get(reverse("core:home"))  # the session and the clock read once
    with assert_queries(expected, f"The start page as {role}"):
        page = client.get(reverse("core:home"))
    assert page.status_code == 200
    return page.content.decode()


def test_it_shows_a_member_their_next_meetings_with_the_papers_and_what_to_decide(
    world, assert_queries
):
    _meetings(world)
    # session, user, viewer (person and roles; bodies), partners and people counts, actions,
    # meetings, their items and the recommendations to decide, projects managed
    text = _home(world, "member", assert_queries, 11)
    assert "Your next meetings (2)" in text
    assert "You will be asked to decide (2)" in text
    assert "To approve proposal 15-1." in text
    assert reverse("reports:meeting-pack", args=[1]).rsplit("/", 3)[0] in text
    assert "Your actions (0)" in text


def test_it_shows_a_project_manager_their_projects_with_confidence_and_reports_due(
    world, assert_queries
):
    pm = world.users["pm"].person
    late = ActiveProjectFactory.create(title="Late project", project_manager=pm)
    due = ActiveProjectFactory.create(title="Due project", project_manager=pm)
    HighlightReportFactory.create(
        project=due, period_start=dt.date(2030, 2, 1), period_end=dt.date(2030, 2, 14)
    )
    # Reported to 14 February: the next report is due by 17 March, within three weeks.
    due.last_report_end, due.confidence = dt.date(2030, 2, 14), "amber"
    due.save()
    # session, user, viewer (person and roles; bodies), partners and people counts, actions,
    # the projects with their programme and stage
    text = _home(world, "pm", assert_queries, 8)
    assert "Your projects (2)" in text
    assert "2 highlight reports due or overdue." in text
    assert "Overdue" in text and "Late project" in text
    assert reverse("portfolio:highlight-create", args=[late.pk]) in text
    assert "Amber" in text


def test_it_shows_the_director_what_needs_a_decision(world, assert_queries):
    FundingRequestFactory.create(title="CRM request")
    FundingRequestFactory.create(title="Contingency request")
    # Its agenda is not published and its five clear days' deadline has passed.
    MeetingFactory.create(
        body=world.body,
        starts_at=dt.datetime(2030, 3, 8, 10, tzinfo=dt.UTC),
        status=MeetingStatus.SCHEDULED,
    )
    _meetings(world)
    # as a member (11), and the blocks of what needs a decision: requests, matters, agendas
    # due, figure checks, projects at red, and the reconciliation's fixed set of checks
    text = _home(world, "admin", assert_queries, 32)
    assert "Funding requests waiting (2)" in text
    assert "CRM request" in text
    assert "Agendas due to publish (1)" in text and "Late" in text
    assert "Twin-track matters pending (0)" in text
    assert "Figure checks failing (0)" in text
    assert "Next meetings (3)" in text
    assert "Needs a decision (3)" in text


def test_it_shows_everyone_their_actions(world, assert_queries):
    officer = world.users["officer"].person
    ActionFactory.create(owner=officer, title="Send the figures", due_on=dt.date(2030, 3, 1))
    ActionFactory.create(owner=officer, title="Book the room", due_on=dt.date(2030, 4, 1))
    # session, user, viewer (2), partners and people counts, actions, projects managed
    text = _home(world, "officer", assert_queries, 8)
    assert "Your actions (2)" in text
    assert "Send the figures" in text and "Overdue" in text
    assert "Needs a decision" not in text and "Your projects" not in text


def test_it_shows_the_public_the_next_public_meetings_decisions_and_reports(world, assert_queries):
    _meetings(world)
    # no session: the next meetings, recent decisions, published reports
    text = _home(world, "public", assert_queries, 3)
    assert "Next public meetings (2)" in text
    assert "Recent decisions (0)" in text
    assert "Published reports (0)" in text
    assert "Your actions" not in text
