"""Fixtures of the portfolio tests: a Joint Committee at a quorate meeting held on
17 December 2010 (it holds no powers until a test gives it some)."""

from __future__ import annotations

from typing import Any

import pytest

from partnerplan.governance import services as governance
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
)


@pytest.fixture
def committee(db: Any) -> tuple[Any, Any]:
    body = BodyFactory.create(name="Joint Committee", quorum_minimum=1)
    member = BodyMembershipFactory.create(body=body).person
    meeting = HeldMeetingFactory.create(body=body)
    governance.meeting_record_attendance(actor=None, meeting=meeting, present=[member])
    return body, meeting
