"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    Minutes,
    MinutesStatus,
)
from partnerplan.governance.tests.factories import (
    HeldMeetingFactory,
    MinutesFactory,
    at,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_locks_approved_minutes_and_versions_corrections(committee):
    body, members, _c = committee
    minutes = MinutesFactory.create(meeting=HeldMeetingFactory.create(body=body))
    nxt = HeldMeetingFactory.create(body=body, starts_at=at(2011, 3, 10))
    services.meeting_record_attendance(actor=None, meeting=nxt, present=members)
    with pytest.raises(ValidationError, match="Record who signed the minutes") as exc:
        services.minutes_approve(actor=None, minutes=minutes, at_meeting=nxt)
    assert members[0].full_name in message_of(exc)  # the chair present, named
    services.minutes_approve(actor=None, minutes=minutes, at_meeting=nxt, signed_by=members[0])
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_at == nxt
    assert minutes.signed_by == members[0] and minutes.signed_on == nxt.date
    with pytest.raises(ValidationError, match="approved as a correct record") as exc:
        services.minutes_save_draft(actor=None, meeting=minutes.meeting, text="Rewritten")
    assert "approved as a correct record" in message_of(exc) and "locked" in message_of(exc)
    correction = services.minutes_correct(
        actor=None, minutes=minutes, text="The Committee met at 10.", reason="Time"
    )
    assert correction.version == 2
    minutes.refresh_from_db()
    assert minutes.text == "The Committee met."


def test_it_refuses_to_approve_minutes_at_the_same_or_an_earlier_meeting(committee):
    body, _m, _c = committee
    minutes = MinutesFactory.create(meeting=HeldMeetingFactory.create(body=body))
    with pytest.raises(ValidationError, match="later meeting") as exc:
        services.minutes_approve(actor=None, minutes=minutes, at_meeting=minutes.meeting)
    assert "later meeting" in message_of(exc)


def test_it_has_the_minutes_signed_only_by_someone_presiding_at_the_approving_meeting(committee):
    body, members, co_opted = committee
    minutes = MinutesFactory.create(meeting=HeldMeetingFactory.create(body=body))
    nxt = HeldMeetingFactory.create(body=body, starts_at=at(2011, 3, 10))
    services.meeting_record_attendance(actor=None, meeting=nxt, present=members[1:])
    with pytest.raises(ValidationError, match="not recorded as a voting member present"):
        services.minutes_approve(actor=None, minutes=minutes, at_meeting=nxt, signed_by=members[0])
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.DRAFT and minutes.signed_by is None
    services.minutes_approve(actor=None, minutes=minutes, at_meeting=nxt, signed_by=members[1])
    assert Minutes.objects.get(pk=minutes.pk).signed_by == members[1]
