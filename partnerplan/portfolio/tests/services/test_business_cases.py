"""Business cases: approved only when complete, and then kept as approved."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio import services
from partnerplan.portfolio.tests.factories import (
    ApprovedBusinessCaseVersionFactory,
    BusinessCaseVersionFactory,
)
from partnerplan.portfolio.tests.services._helpers import D, _messages

pytestmark = pytest.mark.django_db


def test_it_refuses_to_approve_an_incomplete_business_case():
    version = BusinessCaseVersionFactory.create(commercial="", financial="")
    with pytest.raises(
        ValidationError, match="fill in the commercial case, the financial case"
    ) as exc:
        services.business_case_version_approve(
            actor=None, version=version, approved_on=D, approval_reference="JC"
        )
    assert "fill in the commercial case, the financial case" in _messages(exc)
    assert version.completeness == 67


def test_it_keeps_an_approved_version_as_approved():
    version = ApprovedBusinessCaseVersionFactory.create()
    with pytest.raises(ValidationError, match="is kept as approved"):
        services.business_case_version_update(actor=None, version=version, strategic="Changed")
    new = services.business_case_new_version(actor=None, business_case=version.business_case)
    assert new.number == 2 and new.strategic == version.strategic and not new.is_approved
