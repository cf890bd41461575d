"""The minutes as the legal record (issue 15): attendance, declarations, resolutions with reasons
and recorded votes, an urgent item's special circumstances, the exclusion of the press and public
with its Schedule 12A paragraph, items numbered once, signed and locked minutes, corrections
shown as corrections; exempt items only as their public heading to those not entitled."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerplan.core.access import viewer_for
from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.models import (
    Decision,
    ExemptAccess,
    InterestKind,
    MemberRole,
    Outcome,
    Participation,
    Vote,
)
from partnerplan.governance.services import interests
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyMembershipFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    MinutesFactory,
    RecommendationFactory,
    at,
)
from partnerplan.reports.builders import build_html, prepare_document
from partnerplan.reports.minutes import minutes_document

pytestmark = pytest.mark.django_db


def _html(meeting, viewer, **kwargs) -> str:
    return build_html(prepare_document(minutes_document(meeting, viewer=viewer, **kwargs)))


@pytest.fixture
def minuted(world):
    chair = BodyMembershipFactory.create(body=world.body, role=MemberRole.CHAIR).person
    member = world.users["member"].person
    meeting = HeldMeetingFactory.create(body=world.body)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=[chair, member])
    AgendaItemFactory.create(meeting=meeting, number=1, kind="declarations",
                             title="Declarations of interest")  # fmt: skip
    report = AgendaItemFactory.create(
        meeting=meeting, number=2, title="Work plan", added_late=True,
        late_reason="The funding offer expires on 20 December",
    )  # fmt: skip
    rec = RecommendationFactory.create(item=report, number=1, reference="2.1")
    decision = Decision.objects.create(
        recommendation=rec, meeting=meeting, body=world.body, outcome=Outcome.APPROVED,
        decided_on=meeting.date, reasons="The plan is affordable.",
        options_considered="Doing nothing.",
    )  # fmt: skip
    Vote.objects.create(decision=decision, person=chair, choice="for")
    Vote.objects.create(decision=decision, person=member, choice="against")
    interests.declaration_record(
        actor=None, item=report, person=member, kind=InterestKind.OTHER,
        nature="Governor of a school in the plan", participation=Participation.TOOK_PART,
    )  # fmt: skip
    exempt = ExemptItemFactory.create(
        meeting=meeting, number=3, public_heading="Telephony contract",
        public_summary="The committee agreed the award of the contract.",
        public_interest_test="The bidders prices are commercially sensitive.",
    )  # fmt: skip
    secret = RecommendationFactory.create(item=exempt, number=1, text="Award to Acme")
    Decision.objects.create(
        recommendation=secret, meeting=meeting, body=world.body, outcome=Outcome.APPROVED,
        decided_on=meeting.date,
    )  # fmt: skip
    AgendaItemFactory.create(meeting=meeting, number=4, title="Staff matters",
                             visibility=Visibility.PARTNERSHIP)  # fmt: skip
    return meeting, chair


def test_the_public_minutes_are_the_legal_record_without_exempt_detail(world, minuted):
    meeting, chair = minuted
    html = _html(meeting, viewer_for(None))
    for text in (
        f"{chair.full_name} (chair)",
        "1. Declarations of interest",
        "2. Work plan",
        "declared other registrable interest (Governor of a school in the plan)",
        "special circumstances: The funding offer expires on 20 December",
        "RESOLVED",
        "Reasons: The plan is affordable.",
        "Other options considered: Doing nothing.",
        f"For: {chair.full_name}",
        "3. Telephony contract",
        "paragraph 3 of Part 1 of Schedule 12A",
        "The committee agreed the award of the contract.",
        "4. Not published",
        "Draft, not yet approved",
    ):
        assert text in html, text
    for secret in ("Contract negotiations", "Award to Acme", "commercially sensitive",
                   "Staff matters", "1. 1."):  # fmt: skip
        assert secret not in html, secret


def test_the_restricted_minutes_show_exempt_items_in_full_to_those_entitled_and_log_it(
    world, minuted
):
    meeting, _chair = minuted
    member = world.users["member"]
    html = _html(meeting, viewer_for(member), restricted=True, user=member)
    assert "Contract negotiations" in html and "Award to Acme" in html
    assert "Public interest test: The bidders prices are commercially sensitive." in html
    assert ExemptAccess.objects.filter(user=member, via="minutes").count() == 1
    officer = world.users["officer"]
    html = _html(meeting, viewer_for(officer), restricted=True, user=officer)
    assert "Award to Acme" not in html and "Staff matters" in html
    assert not ExemptAccess.objects.filter(user=officer).exists()


def test_signed_minutes_show_their_correction_as_a_correction(world, minuted):
    meeting, chair = minuted
    minutes = MinutesFactory.create(meeting=meeting, text="The Committee met at 10.")
    later = HeldMeetingFactory.create(body=world.body, starts_at=at(2011, 3, 18))
    services.meeting_record_attendance(actor=None, meeting=later, present=[chair])
    services.minutes_approve(
        actor=None, minutes=minutes, at_meeting=later, signed_by=chair,
        signed_on=dt.date(2011, 3, 18),
    )  # fmt: skip
    services.minutes_correct(
        actor=None, minutes=minutes, text="The Committee met at 10.30.", reason="The time"
    )
    html = _html(meeting, viewer_for(None))
    assert f"signed by {chair.full_name} on Friday 18 March 2011; locked; corrected 1" in html
    assert "The Committee met at 10.30." in html and "The Committee met at 10." not in html.replace(
        "10.30", ""
    )
    assert "Correction, version 2" in html and "The time" in html
