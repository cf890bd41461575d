"""The ledger's accounts: one per fund, project and partner, and the outside world."""

from __future__ import annotations

from partnerplan.finance.models import (
    Account,
    AccountKind,
    Fund,
)
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import Project


def account_for_fund(fund: Fund) -> Account:
    account, _ = Account.objects.get_or_create(kind=AccountKind.FUND, fund=fund)
    return account


def account_for_project(project: Project) -> Account:
    account, _ = Account.objects.get_or_create(kind=AccountKind.PROJECT, project=project)
    return account


def account_for_partner(partner: Partner) -> Account:
    account, _ = Account.objects.get_or_create(kind=AccountKind.PARTNER, partner=partner)
    return account


def account_outside(kind: str, name: str) -> Account:
    account, _ = Account.objects.get_or_create(kind=kind, name=name)
    return account


SUPPLIERS = "Payments out"
OPENING = "Opening balances"
