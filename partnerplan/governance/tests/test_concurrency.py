"""Officer decisions taken at the same moment under one delegation can never together exceed
its limit: the delegation's row is locked and its one account of uses is read under the lock.

Real concurrent transactions, so PostgreSQL only (scripts/test runs the suite on both).
"""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from partnerplan.governance import services
from partnerplan.governance.models import DelegationStatus, OfficerDecision, PowerKind
from partnerplan.governance.services.authority import delegation_account
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    PowerFactory,
)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs real PostgreSQL transactions"
    ),
]

DAY = dt.date(2011, 2, 1)


def test_it_never_lets_concurrent_officer_decisions_exceed_the_delegation():
    jc = BodyFactory.create(name="Joint Committee")
    PowerFactory.create(body=jc, kind=PowerKind.DRAW_CONTINGENCY)
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    delegation = DelegationFactory.create(
        from_body=jc,
        to_bodies=[director],
        power=PowerKind.DRAW_CONTINGENCY,
        financial_limit=Decimal("85000"),
        limit_is_total=True,
        status=DelegationStatus.IN_FORCE,
        starts_on=dt.date(2011, 1, 1),
    )
    holders = [BodyMembershipFactory.create(body=director).person for _ in range(5)]
    barrier = threading.Barrier(len(holders))
    results: list[object] = [None] * len(holders)

    def decide(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = services.officer_decision_record(
                actor=None, delegation=delegation, taken_by=director, decided_by=holders[i],
                title=f"Spend {i}", decision="Spend", reasons="Needed",
                options_considered="None", declared_interests="None",
                amount=Decimal("30000"), decided_on=DAY,
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(len(holders))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    taken = [r for r in results if isinstance(r, OfficerDecision)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert (len(taken), len(refused)) == (2, 3), results
    account = delegation_account(delegation)
    assert account.used == Decimal("60000") and account.left == Decimal("25000")
