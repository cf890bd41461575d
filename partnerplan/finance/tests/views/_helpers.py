"""Helpers the views tests share."""

from __future__ import annotations

import datetime as dt

from partnerplan.finance.models import (
    Entry,
    LedgerTransaction,
)
from partnerplan.governance.models import Decision, Outcome
from partnerplan.governance.tests.factories import (
    MeetingFactory,
    RecommendationFactory,
)


def _date(name, d):
    return {f"{name}_day": d.day, f"{name}_month": d.month, f"{name}_year": d.year}


def _reference(body, d=dt.date(2010, 12, 17), ref="JC minute 7"):
    return {
        "authority": "reference", "authority_body": body.pk, "authority_reference": ref,
        **_date("authority_date", d),
    }  # fmt: skip


def _count():
    return LedgerTransaction.objects.count(), Entry.objects.count()


def _decision(body, outcome=Outcome.APPROVED, fund=None):
    """A decision of `body`; with `fund`, one approving a call on it (its recommendation's
    effect names the fund and it uses the power to approve a call on reserves)."""
    meeting = MeetingFactory.create(body=body)
    rec = RecommendationFactory.create(
        item__meeting=meeting,
        **(
            {"effect_kind": "finance.call_on_reserves", "effect_params": {"fund_id": fund.pk},
             "power": "call_on_reserves"}
            if fund is not None
            else {}
        ),
    )  # fmt: skip
    return Decision.objects.create(
        recommendation=rec, meeting=meeting, body=body, outcome=outcome,
        decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip


def _errors(response):
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    return page
