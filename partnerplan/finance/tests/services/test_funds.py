"""Funds: the rules of each kind."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    FundKind,
)
from partnerplan.governance.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_fund_that_breaks_its_kind_rules(actor):
    body = BodyFactory.create()
    with pytest.raises(ValidationError, match="needs the delegation") as exc:
        services.fund_create(actor=actor, name="C", kind=FundKind.CONTINGENCY, owner_body=body)
    assert "needs the delegation" in str(exc.value)
    with pytest.raises(ValidationError, match="who provides the money"):
        services.fund_create(actor=actor, name="E", kind=FundKind.EXTERNAL, owner_body=body)
    services.fund_create(actor=actor, name="R", kind=FundKind.RESERVE, owner_body=body)
    with pytest.raises(ValidationError, match="already a fund called"):
        services.fund_create(actor=actor, name="r", kind=FundKind.RESERVE, owner_body=body)
