"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_requires_an_exception_for_a_key_decision_without_28_clear_days(committee):
    body, _m, _c = committee
    with pytest.raises(ValidationError, match="needs a recorded exception") as exc:
        services.forward_plan_add(
            actor=None,
            body=body,
            title="Call on reserves",
            decision_due=dt.date(2010, 12, 17),
            notice_given_on=dt.date(2010, 11, 25),
        )
    assert "28" in message_of(exc) or "twenty-eight" in message_of(exc)
    assert "exception" in message_of(exc)
    entry = services.forward_plan_add(
        actor=None, body=body, title="Call on reserves", decision_due=dt.date(2010, 12, 17),
        notice_given_on=dt.date(2010, 11, 25), exception="general",
        exception_reason="Projects must start quickly",
    )  # fmt: skip
    assert entry.exception == "general"
    ok = services.forward_plan_add(
        actor=None,
        body=body,
        title="Next",
        decision_due=dt.date(2011, 3, 18),
        notice_given_on=dt.date(2010, 12, 17),
    )
    assert ok.exception == ""
