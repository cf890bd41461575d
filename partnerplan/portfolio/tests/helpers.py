"""Helpers of the portfolio tests: decisions of a body and delegated decisions about a
project, to cite as the authority of a gate, a business-case approval or a review outcome."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerplan.governance import services as governance
from partnerplan.governance.models import Decision, OfficerDecision, Outcome
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    RecommendationFactory,
)


def decide(meeting: Any, outcome: str = Outcome.APPROVED, **rec: Any) -> Decision:
    """The body's decision at `meeting` on a new recommendation (`rec`: its fields, such as
    effect_kind and effect_params)."""
    recommendation = RecommendationFactory.create(item__meeting=meeting, **rec)
    return governance.decision_record(
        actor=None, recommendation=recommendation, outcome=outcome, reasons="As set out"
    )


def officer_decision(
    from_body: Any, power: str, subject_params: dict[str, Any], on: dt.date = dt.date(2011, 1, 10)
) -> OfficerDecision:
    """A decision of the Director under a delegation of `power` from `from_body`, about
    `subject_params`."""
    director = BodyFactory.create()
    person = BodyMembershipFactory.create(body=director).person
    delegation = DelegationFactory.create(
        from_body=from_body, power=power, purpose="Gates", to_bodies=[director]
    )
    return OfficerDecision.objects.create(
        delegation=delegation,
        taken_by=director,
        decided_by=person,
        title="Gate decision",
        decision="To move the project on",
        reasons="As set out",
        decided_on=on,
        subject_params=subject_params,
    )
