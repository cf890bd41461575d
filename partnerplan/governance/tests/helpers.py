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


# --- Effects with pickers, registered for a test ------------------------------------------

MOVED: list[dict[str, object]] = []


def _move(*, actor, decision, **params):
    MOVED.append(params)


def _move_check(params):
    from django.core.exceptions import ValidationError

    if params.get("project_id") == 2:
        raise ValidationError(
            {"effect_params": "Beta cannot move into 'Pipeline': it entered it yesterday"}
        )


def _move_choices():
    from partnerplan.governance.effects import Choice

    return [
        Choice("Alpha: into 'Approved'", {"project_id": 1, "to_stage": "approved"}),
        Choice("Beta: into 'Pipeline'", {"project_id": 2, "to_stage": "pipeline"}),
    ]


def _projects():
    return [(1, "Alpha"), (2, "Beta")]


def _funds():
    return [(10, "General reserve"), (11, "Contingency")]


def picker_effects():
    """Two effects as an app registers them: one with a picker of choices that set a project
    and a stage at once (and a check that refuses Beta), one with a select per parameter and a
    typed amount."""
    from decimal import Decimal

    from partnerplan.governance.effects import Effect, Param
    from partnerplan.governance.models import PowerKind

    move = Effect(
        kind="test.move",
        label="Move a test project",
        powers=(PowerKind.APPROVE_GATE,),
        params=(
            Param("project_id", int, "Project", choices=_projects),
            Param("to_stage", str, "Stage"),
        ),
        handler=_move,
        choices=_move_choices,
        check=_move_check,
    )
    call = Effect(
        kind="test.call",
        label="Call on a test reserve",
        powers=(PowerKind.CALL_ON_RESERVES,),
        params=(
            Param("fund_id", int, "Fund to call on", choices=_funds),
            Param("amount", Decimal, "Amount in pounds"),
            Param("to_fund_id", int, "Fund the money goes to", choices=_funds),
            Param("purpose", str, "Purpose", required=False),
        ),
        handler=_move,
    )
    return move, call


@pytest.fixture
def picker_registry():
    """Only `picker_effects()` are registered for the test (the other apps' effects, whose
    pickers read their own tables, are left out); the registry is put back afterwards."""
    from partnerplan.governance import effects

    saved = dict(effects._REGISTRY)
    MOVED.clear()
    effects._REGISTRY.clear()
    for effect in picker_effects():
        effects.register(effect)
    yield
    effects._REGISTRY.clear()
    effects._REGISTRY.update(saved)
