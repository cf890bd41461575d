"""Query counts of the reports pages that had none pinned: each page runs a fixed number of
queries, whatever the size of the report (the count includes the session, the user and the
viewer's roles and memberships)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse

from partnerplan.governance.models import Decision
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.portfolio.tests.factories import HighlightReportFactory
from partnerplan.reports.tests.factories import (
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
    version_for,
)

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def objects(world):
    meeting = HeldMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(meeting=meeting, number=3)
    recommendation = RecommendationFactory.create(item=item, number=1, text="To approve it.")
    report = ReportFactory.create(item=item)
    section = SectionFactory.create(report=report)
    for _ in range(3):
        block = ParagraphFactory.create(section=section)
    decision = Decision.objects.create(
        recommendation=recommendation, meeting=meeting, body=world.body, outcome="approved",
        reasons="The plan is sound.", decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip
    highlight = HighlightReportFactory.create(project__visibility="public")
    return {
        "report": report, "section": section, "block": block, "meeting": meeting,
        "decision": decision, "recommendation": recommendation, "project": highlight.project,
    }  # fmt: skip


# (url name, object key, queries, what they read besides the session, the user and the
# viewer's roles and memberships: 4 queries signed in)
EDITOR_PAGES = [
    ("reports:report-create", None, 5, "the items for the picker"),
    # ... and its clearance: partners affected, the template, the officers, the sign-offs (x2);
    # the editor (issue 16): the sign-offs with their officers and the partners prefetched once
    # (report_for_editor), the template and the officers for the task rows
    ("reports:report-detail", "report", 18, "report, sections, blocks, recommendations..."),
    # ... and the contact officer and partners affected pickers, the partners chosen
    ("reports:report-edit", "report", 13, "the report with its prefetches, the author picker"),
    ("reports:report-template", "report", 9, "the report with its prefetches"),
    ("reports:report-publish", "report", 9, "the report with its prefetches"),
    # Each section and block page also reads the sign-offs a change would withdraw (with their
    # officers' roles), to say so before the change (issue 15).
    ("reports:section-add", "report", 10, "the report with its prefetches, the sign-offs"),
    ("reports:section-edit", "section", 6, "the section with its report, the sign-offs"),
    ("reports:section-delete", "section", 6, "the section with its report, the sign-offs"),
    ("reports:section-up", "section", 6, "the section with its report, the sign-offs"),
    ("reports:block-down", "block", 6, "the block with its report, the sign-offs"),
    ("reports:block-add", "section", 14, "the section, the pickers' choices, the sign-offs"),
    ("reports:block-edit", "block", 14, "the block, the pickers' choices, the sign-offs"),
    ("reports:block-delete", "block", 6, "the block with its report, the sign-offs"),
    ("reports:recommendation-figure", "recommendation", 12, "recommendation, report, pickers"),
    ("reports:december-report", None, 5, "the December 2010 report"),
]


@pytest.mark.parametrize(("name", "key", "expected", "what"), EDITOR_PAGES)
def test_it_shows_each_editor_page_in_a_fixed_number_of_queries(
    world, objects, assert_queries, name, key, expected, what
):
    client = world.client("admin")
    url = reverse(name, args=[objects[key].pk] if key else [])
    client.get(url)
    _pinned(assert_queries, expected, f"{name}: {what}", lambda: client.get(url))


PUBLISHED_PAGES = [
    ("reports:version-detail", 5, "the version with its report"),
    ("reports:version-docx", 5, "the version with its files"),
    ("reports:version-pdf", 5, "the version with its files"),
]


@pytest.mark.parametrize(("name", "expected", "what"), PUBLISHED_PAGES)
def test_it_shows_a_published_version_in_a_fixed_number_of_queries(
    world, objects, assert_queries, name, expected, what
):
    version = version_for(objects["report"])
    client = world.client("officer")
    url = reverse(name, args=[version.pk])
    client.get(url)
    _pinned(assert_queries, expected, f"{name}: {what}", lambda: client.get(url))


DOCUMENT_PAGES = [
    # +4: the tolerance table (baseline, stage, spend and booked days through control_sources).
    ("reports:highlight-report", "project", 10, "the project, its latest highlight report"),
    # the minutes: meeting, items (recommendations, decisions, votes), declarations, minutes
    # and corrections, attendance, substitutes
    ("reports:minutes", "meeting", 14, "meeting, items, versions, decisions"),
    ("reports:decision-notice", "decision", 5, "the decision with its item"),
]


@pytest.mark.parametrize(("name", "key", "expected", "what"), DOCUMENT_PAGES)
def test_it_makes_each_document_in_a_fixed_number_of_queries(
    world, objects, assert_queries, name, key, expected, what
):
    client = world.client("officer")
    url = reverse(name, args=[objects[key].pk])
    client.get(url)
    _pinned(assert_queries, expected, f"{name}: {what}", lambda: client.get(url))


@override_settings(TASKS=DUMMY)
def test_it_says_a_pack_is_being_prepared_in_a_fixed_number_of_queries(
    world, objects, assert_queries
):
    from partnerplan.reports import services

    services.agenda_pack_request(actor=world.users["admin"], meeting=objects["meeting"])
    client = world.client("public")
    url = reverse("reports:meeting-pack", args=[objects["meeting"].pk])
    client.get(url)
    # no session (public): the meeting, the stored pack without its PDF, the queue's record
    # of the pack's job (whether a worker has picked it up)
    _pinned(assert_queries, 3, "The pack being prepared", lambda: client.get(url))


def _pinned(assert_queries, expected, what, get):
    with assert_queries(expected, what):
        response = get()
    assert response.status_code == 200
