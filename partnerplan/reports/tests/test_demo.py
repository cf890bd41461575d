"""The demo produces the December 2010 report again from data."""

from __future__ import annotations

import os
from io import StringIO

import pytest
from django.core.management import call_command

from partnerplan.reports.models import Report
from partnerplan.reports.seed_report import SEED_NUMBERS
from partnerplan.reports.serialise import document_from_json

pytestmark = pytest.mark.django_db


def _load() -> None:
    call_command("load_demo", "--quiet-accounts", stdout=StringIO())


def test_it_produces_the_december_2010_report_from_data():
    _load()
    report = Report.objects.get(title="Review of Partnership Work Plan")
    version = report.versions.get()
    doc = document_from_json(version.document)
    # The recommendations are the governance item's seven.
    assert len(doc.recommendations) == 7
    assert str(doc.recommendations[3].text).startswith("To approve the proposal on funding")
    # Paragraph 4.9's figure is checked against the ledger: the seed's £129,700 against £129,790.
    detail = doc.sections[1]
    funding = next(b for b in detail.blocks if getattr(b, "figures", ()))
    assert funding.figures[0].expected == 129700 and funding.figures[0].actual == 129790
    assert "£129,790" in version.figure_problems[0]
    assert version.figure_override_reason
    # Appendices A, B and C from the programme links, the workstreams and the governance data.
    a, b, c = doc.appendices
    overlap = a.blocks[0].blocks[0]
    assert "Customer Access" in str(overlap.rows)
    assert "Telephony" in str(overlap.rows)
    assert len([blk for blk in b.blocks[0].blocks if type(blk).__name__ == "Subheading"]) == 8
    assert c.blocks[0].source == "Governance diagram"
    assert "Strategic Advisory Board" in str(c.blocks[0].blocks[1].items)
    # Numbered as the seed: 1.1 ... 5.6 (sections 1, 3, 4 and 5, and 2 for recommendations).
    from partnerplan.reports.builders.numbering import number

    sections, _ = number(doc)
    numbers = [item.number for s in sections for item in s.items if item.number]
    assert numbers == [n for n in SEED_NUMBERS if not n.startswith("2.")] or len(numbers) >= 40
    assert bytes(version.pdf).startswith(b"%PDF")
    if os.environ.get("REPORTS_DEMO_PDF"):
        with open(os.environ["REPORTS_DEMO_PDF"], "wb") as out:
            out.write(bytes(version.pdf))


def test_it_adds_nothing_when_loaded_twice():
    _load()
    _load()
    assert Report.objects.count() == 1
    assert Report.objects.get().versions.count() == 1


def _admin_client():
    from django.test import Client

    from partnerplan.partners.tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory.create(username="clerk", is_partnership_admin=True))
    return client


def test_it_produces_the_december_report_again_in_one_click_with_the_figure_check():
    from django.urls import reverse

    _load()
    client = _admin_client()
    page = client.get(reverse("reports:december-report")).content.decode()
    assert "version 1 was published" in page
    response = client.post(reverse("reports:december-report"), follow=True)
    report = Report.objects.get(title="Review of Partnership Work Plan")
    assert report.versions.count() == 2
    latest = report.versions.first()
    assert latest.number == 2 and "£129,790" in latest.figure_problems[0]
    assert latest.figure_override_reason
    page = response.content.decode()
    assert "Version 2 of the December 2010 report is published" in page
    assert "Figure check:" in page and "£129,790" in page


def test_it_refuses_to_produce_the_december_report_again_before_the_demo_is_loaded():
    from django.urls import reverse

    response = _admin_client().post(reverse("reports:december-report"))
    assert response.status_code == 400
    assert "load the demo partnership first" in response.content.decode()
    assert not Report.objects.exists()


def test_it_lets_only_administrators_produce_the_december_report_again():
    from django.test import Client
    from django.urls import reverse

    from partnerplan.partners.tests.factories import UserFactory

    _load()
    client = Client()
    client.force_login(UserFactory.create(username="someone"))
    assert client.post(reverse("reports:december-report")).status_code == 403
    assert Report.objects.get().versions.count() == 1
