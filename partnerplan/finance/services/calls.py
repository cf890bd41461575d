"""Calls on reserves: posted by hand, or by the governance effect of a decision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core.money import format_money
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    Basis,
    Fund,
    FundingRequest,
    LedgerTransaction,
    RequestStatus,
    TransactionKind,
)
from partnerplan.finance.services._common import _fail, parse_amount
from partnerplan.finance.services.accounts import account_for_fund
from partnerplan.finance.services.authority import CitedAuthority
from partnerplan.finance.services.posting import _one_destination, _post
from partnerplan.governance.models import (
    Decision,
)
from partnerplan.portfolio.models import Project


@transaction.atomic
def call_on_reserves(
    *,
    actor: Actor,
    fund: Fund,
    amount: Any,
    purpose: str,
    authority: CitedAuthority,
    on: dt.date,
    to_fund: Fund | None = None,
    project: Project | None = None,
    basis: str = Basis.COMMITTED,
) -> LedgerTransaction:
    """An approved call moving money from `fund` to an earmarked fund or a project. By default
    it is a commitment (approved, not yet paid) expected on `on`; pay it with commitment_pay."""
    amount = parse_amount(amount)
    if to_fund is not None and to_fund.pk == fund.pk:
        raise _fail("to_fund", "A call must move money to a different fund")
    destination = _one_destination(to_fund, project)
    return _post(
        actor=actor,
        kind=TransactionKind.CALL,
        basis=basis,
        effective_on=on,
        description=purpose,
        lines=[(account_for_fund(fund), -amount), (destination, amount)],
        authority=authority.fields(),
    )


def _request_for(request_id: Any, fund: Fund, amount: Decimal) -> FundingRequest:
    try:
        request = FundingRequest.objects.select_for_update(of=("self",)).get(pk=int(request_id))
    except (FundingRequest.DoesNotExist, TypeError, ValueError):
        raise _fail("request_id", f"There is no funding request {request_id}") from None
    if request.status != RequestStatus.PENDING:
        raise _fail(
            "request_id", f"The request '{request}' is {request.get_status_display().lower()}"
        )
    if request.fund_id != fund.pk or request.amount != amount:
        raise _fail(
            "request_id",
            f"The request '{request}' is for {format_money(request.amount)} from {request.fund}, "
            "not what the decision approved",
        )
    return request


@transaction.atomic
def reserve_call_from_decision(
    *,
    actor: Actor,
    decision: Decision,
    fund_id: Any = None,
    amount: Any = None,
    purpose: str = "",
    to_fund_id: Any = None,
    project_id: Any = None,
    pay_on: Any = None,
    request_id: Any = None,
    **extra: Any,
) -> LedgerTransaction:
    """The governance effect 'finance.call_on_reserves': post the call the decision approved.

    `decision` is the governance Decision (something else with `.body`, `.decided_on` and a
    `str()` is cited by its body, date and words).
    The call is a commitment expected on `pay_on` (ISO date) or the decision date. If
    `request_id` names a pending FundingRequest, it is marked approved and linked."""
    if extra:
        raise _fail(
            "effect_params",
            f"A call on reserves does not take {', '.join(sorted(extra))}: it takes fund_id, "
            "amount, purpose, and to_fund_id or project_id (pay_on and request_id optional)",
        )
    fund = _get(Fund, fund_id, "fund_id", "fund")
    value = parse_amount(amount)
    to_fund = _get(Fund, to_fund_id, "to_fund_id", "fund") if to_fund_id is not None else None
    project = _get(Project, project_id, "project_id", "project") if project_id is not None else None
    on: dt.date = decision.decided_on
    if pay_on:
        try:
            on = pay_on if isinstance(pay_on, dt.date) else dt.date.fromisoformat(str(pay_on))
        except ValueError:
            raise _fail("pay_on", f"'{pay_on}' is not a date (use YYYY-MM-DD)") from None
    if isinstance(decision, Decision):
        authority = CitedAuthority(decision=decision)
    else:
        authority = CitedAuthority(
            body=decision.body, reference=str(decision), on=decision.decided_on
        )
    request = _request_for(request_id, fund, value) if request_id is not None else None
    tx = call_on_reserves(
        actor=actor,
        fund=fund,
        amount=value,
        purpose=purpose or f"Call on {fund} approved by {decision}",
        authority=authority,
        on=on,
        to_fund=to_fund,
        project=project,
    )
    if request is not None:
        request.status = RequestStatus.APPROVED
        request.transaction = tx
        save_with_actor(request, actor)
    return tx


def _get(model: Any, pk: Any, field: str, label: str) -> Any:
    try:
        return model.objects.get(pk=int(pk))
    except (model.DoesNotExist, TypeError, ValueError):
        raise _fail(field, f"There is no {label} with the number {pk!r}") from None
