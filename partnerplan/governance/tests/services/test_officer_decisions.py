"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    DelegationStatus,
    OfficerDecision,
    PowerKind,
)
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    PowerFactory,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_refuses_an_officer_decision_outside_the_delegation(committee):
    jc, _m, _c = committee
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=jc, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(
        from_body=jc,
        to_bodies=[director],
        financial_limit=Decimal("85000"),
        status=DelegationStatus.PROPOSED,
    )
    holder = BodyMembershipFactory.create(body=director).person
    kwargs = dict(
        actor=None, delegation=delegation, taken_by=director, decided_by=holder, title="T",
        decision="D", reasons="R", amount=Decimal("1000"), decided_on=dt.date(2011, 2, 1),
        options_considered="None", declared_interests="None",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="was not in force") as exc:
        services.officer_decision_record(**kwargs)
    assert "was not in force" in message_of(exc)
    services.delegation_bring_into_force(
        actor=None, delegation=delegation, starts_on=dt.date(2011, 1, 1)
    )
    with pytest.raises(ValidationError, match="allows up to £85,000") as exc:
        services.officer_decision_record(**{**kwargs, "amount": Decimal("90000")})
    assert "allows up to £85,000" in message_of(exc)
    services.officer_decision_record(**kwargs)
    assert OfficerDecision.objects.count() == 1
