"""Report clearance before publication (issue 15): a report goes on a published agenda only
with its contact officer, the wards or partners it affects, the implications the template
requires, and the sign-off of the named finance and legal officers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerplan.governance import services as governance
from partnerplan.governance.models import MeetingStatus
from partnerplan.governance.services import officers
from partnerplan.governance.tests.factories import at
from partnerplan.reports import clearance, services
from partnerplan.reports.models import ReportSignOff, ReportTemplate

pytestmark = pytest.mark.django_db

IMPLICATIONS = {
    "financial": "Within the reserve.",
    "legal": "Within the joint agreement.",
    "equalities": "None.",
    "risks": "Low.",
    "data_protection": "No personal data.",
    "climate": "Neutral.",
}


@pytest.fixture
def agenda(world):
    meeting = governance.meeting_schedule(
        actor=None, body=world.body, starts_at=at(2010, 12, 17), today=dt.date(2010, 11, 1)
    )
    item = governance.agenda_item_add(
        actor=None, meeting=meeting, title="Work plan", today=dt.date(2010, 11, 1)
    )
    report = services.report_create(actor=None, item=item)
    officers.statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    return meeting, report


def test_it_refuses_to_publish_an_agenda_with_an_uncleared_report_naming_who_can_clear_it(
    world, agenda
):
    meeting, report = agenda
    with pytest.raises(ValidationError, match="is not cleared") as exc:
        governance.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 9)
        )
    message = str(exc.value)
    assert "contact officer" in message and "wards or partners" in message
    assert "financial, legal, equalities, risk, data protection, climate implications" in message
    assert f"{world.users['admin'].person.full_name}, the finance officer" in message
    assert f"{world.users['officer'].person.full_name}, the legal officer" in message
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_it_publishes_the_agenda_once_the_report_is_cleared_and_signed_off(world, agenda):
    meeting, report = agenda
    report = services.report_update(
        actor=None, report=report, contact_officer=world.users["officer"].person,
        wards_affected="All wards", **IMPLICATIONS,
    )  # fmt: skip
    with pytest.raises(PermissionDenied, match="named finance or legal officer"):
        clearance.report_sign_off(actor=world.users["officer"], report=report, role="finance")
    clearance.report_sign_off(actor=world.users["admin"], report=report, role="finance")
    clearance.report_sign_off(actor=world.users["officer"], report=report, role="legal")
    with pytest.raises(ValidationError, match="signed it off already"):
        clearance.report_sign_off(actor=world.users["officer"], report=report, role="legal")
    report.refresh_from_db()
    assert clearance.clearance_problems(report) == []
    governance.meeting_publish_agenda(
        actor=None, meeting=meeting, published_on=dt.date(2010, 12, 9)
    )


def test_a_change_after_sign_off_withdraws_it(world, agenda):
    _meeting, report = agenda
    services.report_update(actor=None, report=report, **IMPLICATIONS)
    clearance.report_sign_off(actor=world.users["admin"], report=report, role="finance")
    services.report_update(actor=None, report=report, author_role="Director")
    assert ReportSignOff.objects.count() == 1  # not a cleared field
    services.report_update(actor=None, report=report, financial="Over the reserve.")
    assert not ReportSignOff.objects.exists()


def test_the_template_says_which_implications_are_required(world, agenda):
    _meeting, report = agenda
    ReportTemplate.objects.create(required_sections=["financial"])
    report = services.report_update(actor=None, report=report, legal="Fine.")
    problems = " ".join(clearance.clearance_problems(report))
    assert "write the financial implications" in problems and "climate" not in problems
    with pytest.raises(ValidationError, match="Write the financial implications"):
        clearance.report_sign_off(actor=world.users["admin"], report=report, role="finance")


def test_it_names_who_names_the_officers_when_none_are_named(world):
    meeting = governance.meeting_schedule(
        actor=None, body=world.body, starts_at=at(2010, 12, 17), today=dt.date(2010, 11, 1)
    )
    item = governance.agenda_item_add(
        actor=None, meeting=meeting, title="Work plan", today=dt.date(2010, 11, 1)
    )
    report = services.report_create(actor=None, item=item)
    assert any(
        "no finance officer is named: a partnership administrator names one" in p
        for p in clearance.clearance_problems(report)
    )
