"""The ledger invariants, checked by ledger_problems() and the check_ledger command."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum

from partnerplan.finance import services
from partnerplan.finance.models import Basis, Entry, Fund, LedgerTransaction
from partnerplan.finance.selectors import fund_balance, ledger_problems
from partnerplan.finance.tests.factories import (
    EarmarkedFundFactory,
    authority,
    fund_with_balance,
)
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

MARCH = dt.date(2011, 3, 31)


@pytest.fixture
def busy_ledger(world):
    actor = world.users["admin"]
    reserve = fund_with_balance(actor, amount="318990")
    earmark = EarmarkedFundFactory.create()
    project = ProjectFactory.create()
    call = services.call_on_reserves(
        actor=actor, fund=reserve, amount="86700", purpose="Call", on=dt.date(2011, 1, 1),
        to_fund=earmark, authority=authority(),
    )  # fmt: skip
    services.commitment_pay(actor=actor, commitment=call, on=dt.date(2011, 1, 10))
    services.call_on_reserves(
        actor=actor, fund=earmark, amount="36400", purpose="PM", on=dt.date(2011, 2, 1),
        project=project, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    spend = services.spend_record(
        actor=actor, project=project, amount="1000", on=MARCH, description="x",
        authority=authority(),
    )  # fmt: skip
    services.transaction_reverse(actor=actor, transaction_=spend, reason="Duplicate")
    services.contribution_record(
        actor=actor, fund=reserve, partner=world.alpha, amount="5000.50", on=MARCH,
        authority=authority(),
    )  # fmt: skip
    return reserve


def test_every_balance_is_the_sum_of_its_movements_and_every_transaction_balances(busy_ledger):
    assert ledger_problems() == []
    for tx in LedgerTransaction.objects.all():
        assert tx.entries.aggregate(s=Sum("amount"))["s"] == 0
        assert tx.authority_text
    for fund in Fund.objects.all():
        by_entries = Entry.objects.filter(account__fund=fund).aggregate(s=Sum("amount"))["s"]
        assert fund_balance(fund=fund, on=dt.date(2100, 1, 1)) == (by_entries or 0)
    assert fund_balance(fund=busy_ledger, on=MARCH) == Decimal("237290.50")


def test_the_command_says_the_ledger_is_sound(busy_ledger):
    out = StringIO()
    call_command("check_ledger", stdout=out)
    assert "The ledger is sound" in out.getvalue()


def test_the_command_reports_a_ledger_broken_behind_the_services_back(busy_ledger):
    tx = LedgerTransaction.objects.filter(kind="contribution").get()
    Entry.objects.create(transaction=tx, account=tx.entries.first().account, amount=Decimal("1"))
    err = StringIO()
    with pytest.raises(CommandError, match="problem"):
        call_command("check_ledger", stderr=err)
    assert f"Transaction {tx.pk} does not balance" in err.getvalue()


def test_the_command_reports_an_overdrawn_fund(busy_ledger):
    tx = LedgerTransaction.objects.filter(kind="opening").get()
    Entry.objects.filter(transaction=tx).update(amount=Decimal("10"))
    problems = ledger_problems()
    assert any("goes below zero" in p for p in problems)
