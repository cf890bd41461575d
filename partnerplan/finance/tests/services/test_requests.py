"""Funding requests: refused or withdrawn once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.finance import services
from partnerplan.finance.models import (
    RequestStatus,
)
from partnerplan.finance.tests.factories import (
    fund_with_balance,
)
from partnerplan.finance.tests.services._helpers import MARCH

pytestmark = pytest.mark.django_db


def test_a_pending_request_can_be_refused_or_withdrawn_once(actor):
    reserve = fund_with_balance(actor)
    request = services.request_create(
        actor=actor, fund=reserve, title="CRM", amount="17500", expected_on=MARCH
    )
    services.request_close(actor=actor, request=request, status=RequestStatus.REFUSED)
    with pytest.raises(ValidationError, match="is refused: it cannot be marked withdrawn"):
        services.request_close(actor=actor, request=request, status=RequestStatus.WITHDRAWN)
