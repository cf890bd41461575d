"""Every opening of an exempt report is logged on every path, and the legal officer (and
administrators) can see the log (issue 15)."""

from __future__ import annotations

import pytest

from partnerplan.governance.models import ExemptAccess
from partnerplan.governance.services import officers
from partnerplan.governance.tests.factories import ExemptItemFactory, HeldMeetingFactory
from partnerplan.reports.tests.factories import ReportFactory, version_for

pytestmark = pytest.mark.django_db


def test_it_logs_every_path_to_an_exempt_report_and_shows_the_log_to_the_legal_officer(
    world, assert_queries
):
    item = ExemptItemFactory.create(
        meeting=HeldMeetingFactory.create(body=world.body), public_heading="Telephony"
    )
    report = ReportFactory.create(item=item)
    version = version_for(report)
    member = world.client("member")
    for url in (
        f"/governance/items/{item.pk}/",
        f"/reports/{report.pk}/",
        f"/reports/versions/{version.pk}/",
        f"/reports/versions/{version.pk}/report.docx",
        f"/reports/versions/{version.pk}/report.pdf",
        f"/reports/meetings/{item.meeting.pk}/minutes?restricted=1",
    ):
        assert member.get(url).status_code == 200, url
    assert sorted(ExemptAccess.objects.values_list("via", flat=True)) == sorted(
        ["item", "report", "report", "docx", "pdf", "minutes"]
    )
    assert world.client("officer").get(f"/governance/items/{item.pk}/openings/").status_code == 403
    officers.statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    client = world.client("officer")
    # session, user, viewer x2, the item (its recommendations), whether it opens, the legal
    # officer, the log
    with assert_queries(9, "The log of openings"):
        response = client.get(f"/governance/items/{item.pk}/openings/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Word download" in html and "Restricted minutes" in html
    assert world.users["member"].person.full_name in html
    assert "Contract negotiations" not in html  # the legal officer is not a member: the heading
    assert not ExemptAccess.objects.filter(user=world.users["officer"]).exists()
