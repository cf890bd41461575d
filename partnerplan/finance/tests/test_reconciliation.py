"""The ledger reconciled to the approvals (`manage.py check_ledger` and the administrators'
page): every break is listed in plain English, and the command fails on any."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from partnerplan.finance import services
from partnerplan.finance.models import LedgerTransaction
from partnerplan.finance.selectors import authority_breaks
from partnerplan.finance.tests.factories import (
    ContingencyFundFactory,
    EarmarkedFundFactory,
    FundingRequestFactory,
    authority,
    fund_with_balance,
)
from partnerplan.governance.models import ActKind, AuthorityUse
from partnerplan.governance.services.authority import authority_use_release

pytestmark = pytest.mark.django_db

MARCH = dt.date(2011, 3, 31)


@pytest.fixture
def admin(world):
    return world.users["admin"]


@pytest.fixture
def call(admin):
    reserve = fund_with_balance(admin, amount="100000", name="Reserve")
    return services.call_on_reserves(
        actor=admin, fund=reserve, amount="86700", purpose="Project managers", on=MARCH,
        to_fund=EarmarkedFundFactory.create(), authority=authority(reserve.owner_body, "JC"),
    )  # fmt: skip


def _messages():
    return [b.message for b in authority_breaks()]


def test_it_finds_no_break_in_a_ledger_that_agrees_with_its_approvals(call, capsys):
    assert authority_breaks() == []
    call_command("check_ledger")
    assert "agrees with the approvals" in capsys.readouterr().out


def test_it_lists_a_call_without_a_use_of_its_authority(call):
    LedgerTransaction.objects.filter(pk=call.pk).update(authority_use=None)
    (message,) = _messages()
    assert message.startswith(
        "The call on reserves 'Project managers' (Thursday 31 March 2011) names no use"
    )
    with pytest.raises(CommandError, match="The ledger has 1 problem"):
        call_command("check_ledger")


def test_it_lists_a_use_given_back_while_its_movement_stands(admin, call):
    authority_use_release(actor=admin, use=call.authority_use, reason="By mistake")
    (message,) = _messages()
    assert "still stands, but its use of the authority was given back (By mistake)" in message
    services.transaction_reverse(actor=admin, transaction_=call, reason="Undone", on=MARCH)
    assert _messages() == []


def test_it_lists_a_delegation_used_beyond_its_limit(admin):
    fund = ContingencyFundFactory.create()
    for amount in ("60000", "30000"):
        AuthorityUse.objects.create(
            act=ActKind.OFFICER_DECISION, delegation=fund.delegation, amount=Decimal(amount),
            used_on=MARCH, description="Delegated decision",
        )  # fmt: skip
    (message,) = _messages()
    assert "has been used for £90,000 in 2 uses" in message
    assert "over its limit of £85,000 by £5,000" in message


def test_it_lists_requests_and_calls_that_disagree(admin, call):
    reserve = call.entries.get(amount__lt=0).account.fund
    FundingRequestFactory.create(fund=reserve, title="Approved alone", status="approved")
    FundingRequestFactory.create(fund=reserve, title="Still pending", transaction=call)
    messages = " ".join(_messages())
    assert "The request 'Approved alone' (£17,500 from Reserve) is approved, but no call" in (
        messages
    )
    assert "answers the request 'Still pending'" in messages
    assert "which is still pending: scenarios would count the money twice" in messages


def test_it_lists_an_authority_used_twice(admin, call):
    use = call.authority_use
    AuthorityUse.objects.create(
        act=ActKind.CALL, prior_decision=use.prior_decision, amount=Decimal(1), used_on=MARCH,
        description="Call again",
    )  # fmt: skip
    (message,) = _messages()
    assert "is used 2 times to call on reserves: one decision authorises one act" in message


def test_the_reconciliation_page_lists_the_breaks_for_administrators(world, call, assert_queries):
    LedgerTransaction.objects.filter(pk=call.pk).update(authority_use=None)
    client = world.client("admin")
    home = client.get(reverse("finance:fund-list")).content.decode()
    assert reverse("finance:reconciliation") in home
    with assert_queries(13, "reconciliation"):
        page = client.get(reverse("finance:reconciliation")).content.decode()
    assert "1 break found" in page
    assert "names no use of its authority" in page
    assert world.client("officer").get(reverse("finance:reconciliation")).status_code == 403
    assert (
        reverse("finance:reconciliation")
        not in world.client("officer").get(reverse("finance:fund-list")).content.decode()
    )
