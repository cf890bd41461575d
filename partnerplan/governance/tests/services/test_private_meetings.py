"""Private meetings of an executive body (regulation 5), and substitutes at joint committees."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import AttendanceStatus, MemberRole, Outcome
from partnerplan.governance.services.private_meetings import (
    private_item_refusal,
    private_notice_final,
    private_notice_record,
    private_notice_urgency,
)
from partnerplan.governance.services.substitutes import substitute_record
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
    at,
)
from partnerplan.governance.tests.helpers import message_of
from partnerplan.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_item():
    body = BodyFactory.create(name="Cabinet", kind="executive")
    BodyMembershipFactory.create(body=body, role=MemberRole.CHAIR)
    meeting = HeldMeetingFactory.create(body=body, starts_at=at(2011, 4, 28))
    services.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in body.memberships.all()]
    )
    item = ExemptItemFactory.create(meeting=meeting)
    return item, RecommendationFactory.create(item=item)


def test_it_refuses_an_exempt_item_in_private_without_the_notices(private_item):
    item, rec = private_item
    with pytest.raises(ValidationError, match="published by Wednesday 30 March 2011") as exc:
        services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED,
                                 reasons="Best bid")  # fmt: skip
    # Five clear working days before 28 April 2011, over Easter (22 and 25 April).
    assert "a second notice published by Monday 18 April 2011" in message_of(exc)


def test_it_takes_an_exempt_item_in_private_with_both_notices(private_item):
    item, rec = private_item
    notice = private_notice_record(
        actor=None, meeting=item.meeting, items=[item], reasons="Commercial terms (para 3)",
        intention_published_on=dt.date(2011, 3, 30), today=dt.date(2011, 3, 30),
    )  # fmt: skip
    assert "second notice (representations and response) is not recorded" in (
        private_item_refusal(item) or ""
    )
    with pytest.raises(ValidationError, match="Enter the response"):
        private_notice_final(actor=None, notice=notice, representations="Open it, please",
                             final_notice_published_on=dt.date(2011, 4, 18))  # fmt: skip
    private_notice_final(actor=None, notice=notice, representations="Open it, please",
                         response="The bids are commercially confidential",
                         final_notice_published_on=dt.date(2011, 4, 19))  # fmt: skip
    assert "gives only 4 clear working days" in (private_item_refusal(item) or "")
    notice.final_notice_published_on = dt.date(2011, 4, 18)
    notice.save()
    assert private_item_refusal(item) is None
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED,
                             reasons="Best bid")  # fmt: skip


def test_it_takes_an_urgent_private_item_with_the_chairs_agreement(private_item):
    item, rec = private_item
    notice = private_notice_record(
        actor=None, meeting=item.meeting, items=[item], reasons="Commercial terms",
        intention_published_on=dt.date(2011, 4, 20), today=dt.date(2011, 4, 20),
    )  # fmt: skip
    chair = BodyMembershipFactory.create(body=BodyFactory.create(kind="scrutiny")).person
    with pytest.raises(ValidationError, match="cannot reasonably be deferred"):
        private_notice_urgency(actor=None, notice=notice, agreed_by=chair,
                               agreed_on=dt.date(2011, 4, 20), reason="")  # fmt: skip
    private_notice_urgency(
        actor=None, notice=notice, agreed_by=chair, agreed_on=dt.date(2011, 4, 20),
        reason="The bids lapse on 30 April",
    )  # fmt: skip
    assert private_item_refusal(item) is None


def test_a_substitute_counts_in_attendance_and_quorum():
    council = PartnerFactory.create()
    body = BodyFactory.create(name="Joint Committee", quorum_minimum=2)
    member = BodyMembershipFactory.create(body=body, represents=council).person
    BodyMembershipFactory.create(body=body)
    substitute = BodyMembershipFactory.create(
        body=body, represents=council, role=MemberRole.SUBSTITUTE
    ).person
    other = BodyMembershipFactory.create(body=body, role=MemberRole.SUBSTITUTE).person
    meeting = HeldMeetingFactory.create(body=body)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=[])
    assert services.quorum_at(meeting) == (0, 2)  # substitutes do not make the body bigger
    with pytest.raises(ValidationError, match="is a substitute for no partner"):
        substitute_record(actor=None, meeting=meeting, member=member, substitute=other)
    substitute_record(actor=None, meeting=meeting, member=member, substitute=substitute)
    assert services.quorum_at(meeting) == (1, 2)
    # Recording attendance again keeps the substitution.
    rows = services.meeting_record_attendance(actor=None, meeting=meeting, present=[])
    status = {r.person_id: (r.status, r.role) for r in rows}
    assert status[member.pk] == (AttendanceStatus.APOLOGIES, MemberRole.MEMBER)
    assert status[substitute.pk] == (AttendanceStatus.PRESENT, MemberRole.MEMBER)
    assert services.quorum_at(meeting) == (1, 2)


# --- The notices bite at agenda publication too (over Easter and Christmas) -----------------


def _cabinet_meeting(day: dt.date):
    from partnerplan.governance.tests.factories import MeetingFactory

    body = BodyFactory.create(name=f"Cabinet {day.year}", kind="executive")
    meeting = MeetingFactory.create(body=body, starts_at=at(day.year, day.month, day.day))
    return ExemptItemFactory.create(meeting=meeting, number=2)


def test_it_refuses_an_agenda_listing_a_private_item_without_the_notice_of_intention():
    item = _cabinet_meeting(dt.date(2011, 4, 28))
    with pytest.raises(ValidationError, match="published by Wednesday 30 March 2011"):
        services.meeting_publish_agenda(
            actor=None, meeting=item.meeting, published_on=dt.date(2011, 4, 18)
        )


def test_it_publishes_the_agenda_before_the_second_notice_is_due_over_easter():
    item = _cabinet_meeting(dt.date(2011, 4, 28))
    private_notice_record(
        actor=None, meeting=item.meeting, items=[item], reasons="Commercial terms (para 3)",
        intention_published_on=dt.date(2011, 3, 30), today=dt.date(2011, 3, 30),
    )  # fmt: skip
    # Monday 18 April is the last day for the second notice (Good Friday 22 and Easter Monday
    # 25 April do not count): the agenda can go out then, the second notice with it or before.
    meeting = services.meeting_publish_agenda(
        actor=None, meeting=item.meeting, published_on=dt.date(2011, 4, 18)
    )
    assert meeting.agenda_published_on == dt.date(2011, 4, 18)


def test_it_refuses_a_late_agenda_once_the_second_notice_is_overdue_over_christmas():
    item = _cabinet_meeting(dt.date(2011, 1, 4))
    private_notice_record(
        actor=None, meeting=item.meeting, items=[item], reasons="Commercial terms (para 3)",
        intention_published_on=dt.date(2010, 12, 1), today=dt.date(2010, 12, 1),
    )  # fmt: skip
    # Five clear working days before Tuesday 4 January 2011: 27 and 28 December and 3 January
    # are bank holidays, so the second notice was due by Wednesday 22 December.
    with pytest.raises(ValidationError, match="second notice published by Wednesday 22 December"):
        services.meeting_publish_agenda(
            actor=None, meeting=item.meeting, published_on=dt.date(2010, 12, 23),
            urgency_reason="Tender deadline",
        )  # fmt: skip
