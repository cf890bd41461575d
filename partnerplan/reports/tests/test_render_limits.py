"""Rendering within limits: an upload that makes the renderers run long or eat memory costs a
refused publication with a message, never the process that asked (issue 14)."""

from __future__ import annotations

import time

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from partnerplan.reports import services
from partnerplan.reports.builders import DocumentError, Problem
from partnerplan.reports.builders.limits import LimitExceeded, Limits, run_limited
from partnerplan.reports.models import ReportStatus
from partnerplan.reports.tests.factories import ParagraphFactory, ReportFactory, SectionFactory

QUICK = Limits(seconds=5, memory_mb=200)


def test_it_returns_what_the_child_made():
    assert run_limited(lambda: b"%PDF" * 3, limits=QUICK) == b"%PDF%PDF%PDF"


def test_it_stops_a_render_that_runs_past_its_time():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="could not be made within 1 seconds"):
        run_limited(lambda: time.sleep(30), limits=Limits(seconds=1, memory_mb=200))
    assert time.monotonic() - started < 10


def test_it_stops_a_render_that_needs_more_memory_than_it_may_have():
    def greedy() -> int:
        hoard = [bytearray(50 * 1024 * 1024) for _ in range(20)]  # 1 GB
        return len(hoard)

    with pytest.raises(LimitExceeded, match="needed more than 200 MB of memory"):
        run_limited(greedy, limits=QUICK)


def test_it_brings_the_builders_problems_back_as_they_are():
    problem = Problem(code="x", where="Paragraph 1", message="is empty")

    def refuses() -> None:
        raise DocumentError([problem])

    with pytest.raises(DocumentError, match="Paragraph 1: is empty") as raised:
        run_limited(refuses, limits=QUICK)
    assert raised.value.problems == (problem,)


@pytest.mark.django_db
@override_settings(PARTNERPLAN_RENDER_SECONDS=0.01)
def test_it_refuses_a_publication_past_its_limit_and_keeps_nothing(world):
    from partnerplan.governance.tests.factories import RecommendationFactory

    report = ReportFactory.create()
    RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    ParagraphFactory.create(section=SectionFactory.create(report=report))
    with pytest.raises(ValidationError, match="could not be made within 0.01 seconds"):
        services.report_publish(actor=world.users["admin"], report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and not report.versions.exists()
