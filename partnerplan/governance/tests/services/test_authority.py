"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    MemberRole,
    PowerKind,
)
from partnerplan.governance.selectors import authority_for
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    PowerFactory,
)
from partnerplan.governance.tests.helpers import message_of
from partnerplan.partners.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_authority_for_follows_delegations_in_force_and_their_total_limit():
    jc = BodyFactory.create(name="Joint Committee")
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=jc, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(
        from_body=jc,
        to_bodies=[director],
        financial_limit=Decimal("85000"),
        limit_is_total=True,
        starts_on=dt.date(2011, 1, 1),
        ends_on=dt.date(2012, 3, 31),
    )
    on = dt.date(2011, 6, 1)
    ok = authority_for(
        body=director, power=PowerKind.DRAW_CONTINGENCY, amount=Decimal("50000"), on=on
    )
    assert ok.allowed and ok.source == delegation
    before = authority_for(
        body=director,
        power=PowerKind.DRAW_CONTINGENCY,
        amount=Decimal("1"),
        on=dt.date(2010, 12, 31),
    )
    assert not before.allowed and before.holders == [jc]
    holder = PersonFactory.create()
    BodyMembershipFactory.create(body=director, person=holder, role=MemberRole.MEMBER)
    services.officer_decision_record(
        actor=None,
        delegation=delegation,
        taken_by=director,
        decided_by=holder,
        title="Project manager for Customer Access",
        decision="Fund a project manager",
        reasons="No RIEP funding",
        options_considered="None",
        declared_interests="None",
        amount=Decimal("60000"),
        decided_on=on,
    )
    over = authority_for(
        body=director, power=PowerKind.DRAW_CONTINGENCY, amount=Decimal("30000"), on=on
    )
    assert not over.allowed and "£60,000 has been used" in over.reason


def test_it_refuses_to_delegate_a_power_the_body_does_not_have(committee):
    jc, _m, _c = committee
    sab = BodyFactory.create()
    with pytest.raises(ValidationError, match="does not have that power itself") as exc:
        services.delegation_create(
            actor=None, from_body=jc, to_bodies=[sab], power=PowerKind.DRAW_CONTINGENCY, purpose="x"
        )
    assert "does not have that power itself" in message_of(exc)
