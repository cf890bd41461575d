"""The agenda pack says what changed after the agenda was published, as the meeting and item
pages do: "Changed after publication: ..." and "Withdrawn: ... (date)"; a withdrawn
recommendation stays listed, marked."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from partnerplan.core.models import Visibility
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    RecommendationFactory,
)
from partnerplan.reports import packs, services
from partnerplan.reports.models import AgendaPack, PackAudience
from partnerplan.reports.tests.factories import ParagraphFactory, ReportFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _text(pdf: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(  # noqa: S603
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", out)  # lines wrap where the page does


def _pack(meeting, audience=PackAudience.PUBLIC) -> bytes:
    packs.agenda_pack_build(meeting_id=meeting.pk)
    pack = AgendaPack.objects.get(meeting=meeting, audience=audience)
    assert pack.pdf is not None, pack.error
    return bytes(pack.pdf)


def _report(meeting, number, **item):
    report = ReportFactory.create(item__meeting=meeting, item__number=number, **item)
    ParagraphFactory.create(section=SectionFactory.create(report=report))
    return report


def test_it_marks_items_and_recommendations_changed_or_withdrawn_after_publication(world, tmp_path):
    meeting = MeetingFactory.create(body=world.body)
    apologies = AgendaItemFactory.create(
        meeting=meeting, number=1, title="Apologies", kind="standing"
    )
    report = _report(meeting, 3, item__title="The business plan")
    plan = RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    spend = RecommendationFactory.create(item=report.item, number=2, text="To agree the spend.")
    services.report_publish(actor=world.users["admin"], report=report)
    # After publication: the item and one recommendation changed, the other withdrawn, and
    # the opening item withdrawn.
    report.item.change_note = "The appendix was replaced with the final figures"
    report.item.save()
    plan.change_note = "The plan's date is now 2012"
    plan.save()
    spend.withdrawn_on, spend.withdrawal_reason = dt.date(2026, 12, 3), "The bid was refused"
    spend.save()
    apologies.withdrawn_on, apologies.withdrawal_reason = dt.date(2026, 12, 2), "Taken at the start"
    apologies.save()

    text = _text(_pack(meeting), tmp_path)
    agenda, _, reports = text.partition("To ask the committee")
    # The agenda says it for each item and recommendation.
    assert "Withdrawn: Taken at the start (Wednesday 2 December 2026)" in agenda
    assert "Changed after publication: The appendix was replaced with the final figures" in agenda
    assert "Recommendation 1: Changed after publication: The plan's date is now 2012" in agenda
    assert "Recommendation 2: Withdrawn: The bid was refused (Thursday 3 December 2026)" in agenda
    # The report says it under its heading, and the withdrawn recommendation stays listed,
    # marked where it stands.
    assert "Changed after publication: The appendix was replaced" in text.split("Agenda item 3")[-1]
    assert (
        "To agree the spend. [Withdrawn: The bid was refused (Thursday 3 December 2026)]" in reports
    )
    changed = "To approve the plan. [Changed after publication: The plan's date is now 2012]"
    assert changed in reports


def test_it_says_nothing_for_a_pack_with_no_changes(world, tmp_path):
    meeting = MeetingFactory.create(body=world.body)
    report = _report(meeting, 3)
    RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    services.report_publish(actor=world.users["admin"], report=report)
    text = _text(_pack(meeting), tmp_path)
    assert "To approve the plan." in text
    assert "Withdrawn" not in text and "Changed after publication" not in text


def test_it_keeps_an_exempt_items_reasons_out_of_the_public_pack(world, tmp_path):
    meeting = MeetingFactory.create(body=world.body)
    report = _report(
        meeting, 4, item__title="Land at Mill Lane", item__visibility=Visibility.EXEMPT,
        item__exempt_paragraph=3,
    )  # fmt: skip
    RecommendationFactory.create(item=report.item, number=1, text="To buy the land.")
    services.report_publish(actor=world.users["admin"], report=report)
    item = report.item
    item.withdrawn_on, item.withdrawal_reason = dt.date(2026, 12, 3), "The owner sold to Acme Ltd"
    item.save()
    public = _text(_pack(meeting), tmp_path)
    assert "Withdrawn (Thursday 3 December 2026)" in public
    assert "Acme" not in public
    restricted = _text(_pack(meeting, PackAudience.RESTRICTED), tmp_path)
    assert "Withdrawn: The owner sold to Acme Ltd (Thursday 3 December 2026)" in restricted
