"""Benefits: measurements against the profile."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    BenefitActual,
    Project,
)
from partnerplan.portfolio.tests.factories import (
    BenefitFactory,
)

pytestmark = pytest.mark.django_db


def test_it_flags_a_project_whose_benefit_falls_behind_its_profile():
    benefit = BenefitFactory.create()  # 1000 -> 2000 over 2010
    services.benefit_record_actual(
        actor=None, benefit=benefit, measured_on=dt.date(2010, 7, 2), value=Decimal("1500")
    )
    assert not Project.objects.get(pk=benefit.project_id).business_case_at_risk
    services.benefit_record_actual(
        actor=None, benefit=benefit, measured_on=dt.date(2010, 10, 1), value=Decimal("1200")
    )
    assert Project.objects.get(pk=benefit.project_id).business_case_at_risk
    with pytest.raises(ValidationError, match="on or after the baseline date"):
        services.benefit_record_actual(
            actor=None, benefit=benefit, measured_on=dt.date(2009, 1, 1), value=Decimal("1")
        )
    assert BenefitActual.objects.count() == 2
