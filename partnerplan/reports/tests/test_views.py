"""Report pages: the editor, publishing, downloads and agenda packs."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.test import override_settings
from django.urls import reverse

from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    ExemptItemFactory,
    MeetingFactory,
    RecommendationFactory,
)
from partnerplan.reports.models import Report, ReportBlock, ReportVersion
from partnerplan.reports.tests.factories import (
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
    version_for,
)


def _pdf_text(pdf: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
        [pdftotext, str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def meeting(world):
    return MeetingFactory.create(body=world.body)


@pytest.fixture
def report(meeting):
    report = ReportFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=3))
    RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    ParagraphFactory.create(section=SectionFactory.create(report=report, heading="Background"))
    return report


def test_it_starts_a_report_for_an_agenda_item(world, meeting):
    item = AgendaItemFactory.create(meeting=meeting, title="Review of Partnership Work Plan")
    response = world.client("admin").post(reverse("reports:report-create"), {"item": item.pk})
    report = Report.objects.get(item=item)
    assert response.url == reverse("reports:report-detail", kwargs={"pk": report.pk})
    assert report.title == "Review of Partnership Work Plan"


def test_it_adds_a_paragraph_and_refuses_an_empty_one(world, report):
    client = world.client("admin")
    section = report.sections.get()
    url = reverse("reports:block-add", kwargs={"pk": section.pk})
    response = client.post(url, {"kind": "paragraph", "text": "", "numbered": "on"})
    assert response.status_code == 400
    assert "Enter the text of the paragraph" in response.content.decode()
    assert section.blocks.count() == 1
    client.post(url, {"kind": "paragraph", "text": "A second paragraph.", "numbered": "on"})
    assert section.blocks.count() == 2


def test_it_refuses_an_image_without_alt_text_on_the_form(world, report, tmp_path):
    from partnerplan.reports.tests.test_services import PNG_1PX

    section = report.sections.get()
    path = tmp_path / "chart.png"
    path.write_bytes(PNG_1PX)
    with path.open("rb") as image:
        response = world.client("admin").post(
            reverse("reports:block-add", kwargs={"pk": section.pk}),
            {"kind": "image", "image": image, "alt": ""},
        )
    assert "Enter alt text" in response.content.decode()
    assert not ReportBlock.objects.filter(kind="image").exists()


def test_it_publishes_from_the_page_and_shows_why_it_cannot(world, report):
    client = world.client("admin")
    url = reverse("reports:report-publish", kwargs={"pk": report.pk})
    report.item.recommendations.all().delete()
    response = client.post(url, {"override_reason": ""})
    assert "The report has no recommendations" in response.content.decode()
    assert not ReportVersion.objects.exists()
    RecommendationFactory.create(item=report.item, number=1)
    response = client.post(url, {"override_reason": ""})
    assert response.status_code == 302
    version = ReportVersion.objects.get()
    pdf = client.get(reverse("reports:version-pdf", kwargs={"pk": version.pk}))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_it_deletes_a_block_with_htmx(world, report):
    block = report.sections.get().blocks.get()
    response = world.client("admin").post(
        reverse("reports:block-delete", kwargs={"pk": block.pk}), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and response.content == b""
    assert not ReportBlock.objects.filter(pk=block.pk).exists()


def test_it_shows_drafts_only_to_those_who_may_change_them(world, report):
    url = reverse("reports:report-detail", kwargs={"pk": report.pk})
    assert world.client("officer").get(url).status_code == 404
    assert world.client("admin").get(url).status_code == 200
    version_for(report)
    assert world.client("public").get(url).status_code == 200


def test_it_hides_exempt_reports_from_those_not_entitled(world, meeting):
    exempt = ReportFactory.create(item=ExemptItemFactory.create(meeting=meeting, number=5))
    version_for(exempt)
    url = reverse("reports:report-detail", kwargs={"pk": exempt.pk})
    assert world.client("officer").get(url).status_code == 404
    assert world.client("member").get(url).status_code == 200


def test_it_lists_reports_in_a_fixed_number_of_queries(world, meeting, assert_queries):
    for _ in range(5):
        version_for(ReportFactory.create(item=AgendaItemFactory.create(meeting=meeting)))
    client = world.client("officer")
    client.get(reverse("reports:report-list"))
    # session, user, viewer (person roles, memberships), shared-partner subquery is inline,
    # the reports with their items, meetings and bodies.
    with assert_queries(5, "The report list"):
        response = client.get(reverse("reports:report-list"))
    assert response.content.decode().count("Published") == 5


def test_it_shows_a_published_report_in_a_fixed_number_of_queries(world, report, assert_queries):
    version = version_for(report)
    client = world.client("officer")
    url = reverse("reports:report-detail", kwargs={"pk": report.pk})
    client.get(url)
    # session, user, viewer x2, report, sections, blocks, recommendations, versions, html.
    with assert_queries(10, "A published report"):
        response = client.get(url)
    assert version.html in response.content.decode()


IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@override_settings(TASKS=IMMEDIATE)
def test_it_leaves_exempt_reports_out_of_the_public_pack(
    world, meeting, report, tmp_path, django_capture_on_commit_callbacks
):
    version_for(report)
    exempt = ReportFactory.create(
        item=ExemptItemFactory.create(meeting=meeting, number=4), title="Contract negotiations"
    )
    RecommendationFactory.create(item=exempt.item, number=1, text="To accept the secret tender.")
    version_for(exempt)
    url = reverse("reports:meeting-pack", kwargs={"pk": meeting.pk})
    with django_capture_on_commit_callbacks(execute=True):
        # Published before packs were stored: the first visit asks the worker for them.
        first = world.client("public").get(url)
    assert "being prepared" in first.content.decode()
    public = world.client("public").get(url)
    text = _pdf_text(public.content, tmp_path)
    assert "To approve the plan." in text
    assert "Contract negotiations" in text and "Not for publication" in text
    assert "secret tender" not in text
    url = reverse("reports:meeting-pack-restricted", kwargs={"pk": meeting.pk})
    assert world.client("officer").get(url).status_code == 403
    restricted = world.client("member").get(url)
    text = _pdf_text(restricted.content, tmp_path)
    assert "secret tender" in text and "To approve the plan." not in text


@override_settings(TASKS=IMMEDIATE)
def test_it_has_no_restricted_pack_without_exempt_reports(
    world, meeting, report, django_capture_on_commit_callbacks
):
    version_for(report)
    url = reverse("reports:meeting-pack-restricted", kwargs={"pk": meeting.pk})
    with django_capture_on_commit_callbacks(execute=True):
        world.client("admin").get(url)
    assert world.client("admin").get(url).status_code == 404
