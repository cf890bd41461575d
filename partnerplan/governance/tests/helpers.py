"""Helpers shared by the governance tests."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance.models import Decision, Meeting, Outcome, Vote
from partnerplan.governance.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    AttendanceFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
    at,
)


def message_of(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


def error_list(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", block.group(1)) if block else []


def busy_meeting(body) -> Meeting:
    meeting = HeldMeetingFactory.create(body=body)
    for n in range(1, 4):
        item = AgendaItemFactory.create(meeting=meeting, number=n)
        for r in range(1, 3):
            rec = RecommendationFactory.create(item=item, number=r)
            decision = Decision.objects.create(
                recommendation=rec, meeting=meeting, body=body, outcome=Outcome.APPROVED,
                decided_on=meeting.date, votes_for=2, votes_against=0, abstentions=0,
            )  # fmt: skip
            for _ in range(2):
                Vote.objects.create(
                    decision=decision, person=AttendanceFactory.create(meeting=meeting).person,
                    choice="for",
                )  # fmt: skip
    ExemptItemFactory.create(meeting=meeting, number=9)
    for _ in range(3):
        AttendanceFactory.create(meeting=meeting)
        ActionFactory.create(
            body=body, meeting=HeldMeetingFactory.create(body=body, starts_at=at(2010, 10, 1))
        )
    return meeting
