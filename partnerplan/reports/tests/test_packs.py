"""Agenda packs: built once per publication by the background worker, and stored."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse

from partnerplan.governance.tests.factories import MeetingFactory, RecommendationFactory
from partnerplan.reports import packs, selectors, services
from partnerplan.reports.models import AgendaPack, PackAudience, PackStatus
from partnerplan.reports.tests.factories import ParagraphFactory, ReportFactory, SectionFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def report(world):
    meeting = MeetingFactory.create(body=world.body)
    report = ReportFactory.create(item__meeting=meeting, item__number=3)
    RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    ParagraphFactory.create(section=SectionFactory.create(report=report))
    return report


@override_settings(TASKS=IMMEDIATE)
def test_it_builds_the_packs_once_when_a_report_is_published(
    world, report, django_capture_on_commit_callbacks, assert_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.report_publish(actor=world.users["admin"], report=report)
    public = AgendaPack.objects.get(meeting=report.item.meeting, audience=PackAudience.PUBLIC)
    assert public.status == PackStatus.READY and public.versions == [version.pk]
    assert bytes(public.pdf).startswith(b"%PDF")
    restricted = AgendaPack.objects.get(audience=PackAudience.RESTRICTED)
    assert restricted.status == PackStatus.READY and restricted.pdf is None
    client = world.client("public")
    url = reverse("reports:meeting-pack", kwargs={"pk": report.item.meeting.pk})
    client.get(url)
    # meeting, stored pack (without its PDF), the PDF: nothing is built on the request
    with (
        mock.patch("partnerplan.reports.packs.build_pack") as build,
        assert_queries(3, "A stored agenda pack"),
    ):
        response = client.get(url)
    build.assert_not_called()
    assert response["Content-Type"] == "application/pdf"
    assert response.content == bytes(public.pdf)


@override_settings(TASKS=DUMMY)
def test_it_says_the_pack_is_being_prepared_until_the_worker_has_built_it(world, report):
    """With the worker not yet run, the page says so; once it runs, the PDF is served."""
    services.report_publish(actor=world.users["admin"], report=report)
    meeting = report.item.meeting
    url = reverse("reports:meeting-pack", kwargs={"pk": meeting.pk})
    response = world.client("public").get(url)
    assert response.status_code == 200
    assert "The pack is being prepared" in response.content.decode()
    packs.agenda_pack_build(meeting_id=meeting.pk)
    assert world.client("public").get(url).content.startswith(b"%PDF")


def test_it_waits_for_the_next_build_when_a_report_is_published_meanwhile(world, report):
    meeting = report.item.meeting
    services.report_publish(actor=world.users["admin"], report=report)
    original = selectors.pack_contents
    calls: list[int] = []

    def publish_again_meanwhile(m):
        contents = original(m)
        if not calls:
            services.report_publish(actor=world.users["admin"], report=report)
        calls.append(1)
        return contents

    with mock.patch.object(selectors, "pack_contents", publish_again_meanwhile):
        packs.agenda_pack_build(meeting_id=meeting.pk)
    assert set(AgendaPack.objects.values_list("status", flat=True)) == {PackStatus.PREPARING}
    packs.agenda_pack_build(meeting_id=meeting.pk)
    assert set(AgendaPack.objects.values_list("status", flat=True)) == {PackStatus.READY}


def test_it_records_a_pack_that_could_not_be_built(world, report):
    services.report_publish(actor=world.users["admin"], report=report)
    meeting = report.item.meeting
    with mock.patch(
        "partnerplan.reports.packs.build_pack", side_effect=RuntimeError("out of memory")
    ):
        packs.agenda_pack_build(meeting_id=meeting.pk)
    pack = AgendaPack.objects.get(meeting=meeting, audience=PackAudience.PUBLIC)
    assert pack.status == PackStatus.FAILED and "out of memory" in pack.error
    url = reverse("reports:meeting-pack", kwargs={"pk": meeting.pk})
    assert "could not be prepared" in world.client("public").get(url).content.decode()


def test_it_has_no_pack_for_a_meeting_without_published_reports(world):
    meeting = MeetingFactory.create(body=world.body)
    url = reverse("reports:meeting-pack", kwargs={"pk": meeting.pk})
    assert world.client("public").get(url).status_code == 404
    assert not AgendaPack.objects.exists()


@override_settings(TASKS=IMMEDIATE)
def test_it_builds_the_pack_of_a_report_published_over_a_figure_check(
    world, report, django_capture_on_commit_callbacks
):
    from partnerplan.finance.tests.factories import fund_with_balance

    admin = world.users["admin"]
    fund = fund_with_balance(admin, amount="129790.00")
    ParagraphFactory.create(
        section=report.sections.first(),
        text="The March 2011 forecast balance would be £129,700.",
        figure={"label": "the March 2011 balance", "fund": fund.pk, "on": "2011-03-31"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.report_publish(actor=admin, report=report, override_reason="As tabled.")
    public = AgendaPack.objects.get(meeting=report.item.meeting, audience=PackAudience.PUBLIC)
    assert public.status == PackStatus.READY, public.error
    assert bytes(public.pdf).startswith(b"%PDF")
