"""Decisions for the finance tests, taken the way governance takes them: a recommendation with
an effect (checked when it is written), a held, quorate meeting, and `decision_record` (which
applies the effect, or its rejection handler)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.governance import services as governance
from partnerplan.governance.models import (
    Body,
    Decision,
    Meeting,
    MeetingStatus,
    MemberRole,
    Outcome,
    PowerKind,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
    at,
)

DECEMBER = dt.date(2010, 12, 17)


def committee(
    name: str = "Reserves Committee", powers: tuple[str, ...] = (PowerKind.CALL_ON_RESERVES,)
) -> tuple[Body, list[Any]]:
    """A body with a quorum of two, three members and `powers`."""
    from partnerplan.finance.tests.factories import with_power

    body = BodyFactory.create(name=name, quorum_minimum=2)
    members = [
        BodyMembershipFactory.create(body=body, role=MemberRole.CHAIR).person,
        BodyMembershipFactory.create(body=body).person,
        BodyMembershipFactory.create(body=body).person,
    ]
    for power in powers:
        with_power(body, power)
    return body, members


def decide(
    actor: Any,
    body: Body,
    members: list[Any],
    *,
    effect_kind: str = "",
    effect_params: dict[str, Any] | None = None,
    amount: Decimal | None = None,
    power: str = "",
    outcome: str = Outcome.APPROVED,
    on: dt.date = DECEMBER,
) -> Decision:
    """`body`'s decision at a meeting on `on` on one recommendation with this effect."""
    meeting = MeetingFactory.create(body=body, starts_at=at(on.year, on.month, on.day))
    item = AgendaItemFactory.create(meeting=meeting)
    rec = governance.recommendation_add(
        actor=actor, item=item, text="To approve it.", power=power, amount=amount,
        effect_kind=effect_kind, effect_params=effect_params or {},
    )  # fmt: skip
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    meeting.refresh_from_db()
    governance.meeting_record_attendance(actor=actor, meeting=meeting, present=members)
    return governance.decision_record(
        actor=actor, recommendation=rec, outcome=outcome, reasons="Agreed"
    )


def decision_without_effect(body: Body, *, power: str = "", on: dt.date = DECEMBER) -> Decision:
    """An approving decision of `body` on a recommendation with no effect (about nothing the
    ledger knows), made directly."""
    meeting = MeetingFactory.create(body=body, starts_at=at(on.year, on.month, on.day))
    item = AgendaItemFactory.create(meeting=meeting)
    rec = item.recommendations.create(number=1, text="To note the report.", power=power)
    return Decision.objects.create(
        recommendation=rec, meeting=meeting, body=body, outcome=Outcome.APPROVED, decided_on=on
    )
