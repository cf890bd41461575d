"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import pytest

from partnerplan.governance.models import (
    MemberRole,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
)


@pytest.fixture
def committee():
    body = BodyFactory.create(name="Joint Committee", quorum_minimum=2)
    members = [
        BodyMembershipFactory.create(body=body, role=MemberRole.CHAIR).person,
        BodyMembershipFactory.create(body=body).person,
        BodyMembershipFactory.create(body=body).person,
    ]
    co_opted = BodyMembershipFactory.create(body=body, role=MemberRole.CO_OPTED).person
    return body, members, co_opted


@pytest.fixture
def held(committee):
    body, members, co_opted = committee
    meeting = HeldMeetingFactory.create(body=body)
    item = AgendaItemFactory.create(meeting=meeting, number=5)
    return meeting, item
