"""Calls on reserves: posted by hand, or by the governance effect of a decision (a call, or a
funding request approved)."""

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
from partnerplan.finance.services.authority import CitedAuthority, authorise
from partnerplan.finance.services.posting import _one_destination, _post
from partnerplan.governance.models import ActKind, Decision, PowerKind
from partnerplan.governance.services.authority import Act, Subject
from partnerplan.portfolio.models import Project


def call_act(*, fund: Fund, amount: Decimal, on: dt.date, subject: Subject | None = None) -> Act:
    """The act of calling `amount` on `fund`: it needs the power to approve a call on
    reserves, by a decision about this fund (for a funding request: about the request)."""
    return Act(
        kind=ActKind.CALL,
        powers=(PowerKind.CALL_ON_RESERVES,),
        on=on,
        label=f"call {format_money(amount)} on {fund}",
        subject=subject or Subject("fund_id", fund.pk, fund.name),
        amount=amount,
    )


def _post_call(
    *,
    actor: Actor,
    fund: Fund,
    amount: Decimal,
    purpose: str,
    on: dt.date,
    to_fund: Fund | None,
    project: Project | None,
    basis: str,
    authority: CitedAuthority,
    subject: Subject | None = None,
) -> LedgerTransaction:
    if to_fund is not None and to_fund.pk == fund.pk:
        raise _fail("to_fund", "A call must move money to a different fund")
    destination = _one_destination(to_fund, project)
    fields = authorise(
        actor=actor,
        act=call_act(fund=fund, amount=amount, on=on, subject=subject),
        cited=authority,
        description=f"Call on reserves: {purpose.strip() or fund}",
    )
    return _post(
        actor=actor,
        kind=TransactionKind.CALL,
        basis=basis,
        effective_on=on,
        description=purpose,
        lines=[(account_for_fund(fund), -amount), (destination, amount)],
        authority=fields,
    )


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
    request: FundingRequest | None = None,
) -> LedgerTransaction:
    """An approved call moving money from `fund` to an earmarked fund or a project. By default
    it is a commitment (approved, not yet paid) expected on `on`; pay it with commitment_pay.

    The authority is used once (governance's `authority_use`): a decision, delegated decision
    or recorded decision about this fund, of a body that held the power to approve a call on
    reserves. A reference typed from the papers is recorded as a decision first
    (`prior_decision_record`). If `request` names the pending funding request the call
    answers, it is closed as approved."""
    value = parse_amount(amount)
    locked = _request_answered(request, fund, value, to_fund, project) if request else None
    tx = _post_call(
        actor=actor, fund=fund, amount=value, purpose=purpose, on=on, to_fund=to_fund,
        project=project, basis=basis, authority=authority,
    )  # fmt: skip
    if locked is not None:
        request_approved(actor=actor, request=locked, transaction_=tx, decision=tx.decision)
    return tx


def request_approved(
    *,
    actor: Actor,
    request: FundingRequest,
    transaction_: LedgerTransaction,
    decision: Decision | None,
) -> FundingRequest:
    """Close a (locked) pending request as approved by the call posted for it."""
    request.status = RequestStatus.APPROVED
    request.transaction = transaction_
    request.decision = decision
    request.decided_on = decision.decided_on if decision is not None else transaction_.effective_on
    save_with_actor(request, actor)
    return request


def _request_answered(
    request: FundingRequest,
    fund: Fund,
    amount: Decimal,
    to_fund: Fund | None,
    project: Project | None,
) -> FundingRequest:
    """The pending request a call answers, locked; refused if the call is not what it asked."""
    locked = request_pending(request.pk, fund=fund, amount=amount, field="request")
    where = locked.to_fund or locked.project
    wanted = (locked.to_fund_id, locked.project_id)
    given = (to_fund.pk if to_fund else None, project.pk if project else None)
    if where is not None and wanted != given:
        raise _fail(
            "request",
            f"The request '{locked}' asked for the money to go to {where}: post the call there",
        )
    return locked


def request_pending(
    request_id: Any,
    *,
    fund: Fund | None = None,
    amount: Decimal | None = None,
    field: str = "request_id",
) -> FundingRequest:
    """The pending funding request `request_id`, locked; refused if it is decided already, or
    is not for `amount` from `fund`."""
    try:
        request = (
            FundingRequest.objects.select_for_update(of=("self",))
            .select_related("fund", "to_fund", "project")
            .get(pk=int(request_id))
        )
    except (FundingRequest.DoesNotExist, TypeError, ValueError):
        raise _fail(field, f"There is no funding request {request_id}") from None
    if request.status != RequestStatus.PENDING:
        raise _fail(
            field,
            f"The request '{request}' is {request.get_status_display().lower()}: only a pending "
            "request can be decided",
        )
    if (fund is not None and request.fund_id != fund.pk) or (
        amount is not None and request.amount != amount
    ):
        raise _fail(
            field,
            f"The request '{request}' is for {format_money(request.amount)} from {request.fund}, "
            f"not {format_money(amount)} from {fund}",
        )
    return request


def _pay_on(pay_on: Any, default: dt.date) -> dt.date:
    if not pay_on:
        return default
    try:
        return pay_on if isinstance(pay_on, dt.date) else dt.date.fromisoformat(str(pay_on))
    except ValueError:
        raise _fail("pay_on", f"'{pay_on}' is not a date (use YYYY-MM-DD)") from None


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
    """The governance effect 'finance.call_on_reserves': post the call the decision approved,
    using the decision once (its recommendation's effect names this fund; the body held the
    power to approve a call on reserves on its date).

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
    on = _pay_on(pay_on, decision.decided_on)
    request = (
        request_pending(request_id, fund=fund, amount=value) if request_id is not None else None
    )
    tx = _post_call(
        actor=actor, fund=fund, amount=value, on=on, to_fund=to_fund, project=project,
        purpose=purpose or f"Call on {fund} approved by {decision}", basis=Basis.COMMITTED,
        authority=CitedAuthority(decision=decision),
    )  # fmt: skip
    if request is not None:
        request_approved(actor=actor, request=request, transaction_=tx, decision=decision)
    return tx


@transaction.atomic
def request_decide_from_decision(
    *, actor: Actor, decision: Decision, request_id: Any = None, **extra: Any
) -> FundingRequest:
    """The governance effect 'finance.request', approved: post the call the request asked for
    (its fund, amount, destination and expected date, not before the decision) and close it
    approved, in one step. The decision is used once, for this request."""
    if extra:
        raise _fail(
            "effect_params",
            f"Deciding a funding request does not take {', '.join(sorted(extra))}: it takes "
            "request_id",
        )
    request = request_pending(request_id)
    if request.to_fund is None and request.project is None:
        raise _fail(
            "effect_params",
            f"The request '{request}' does not say where the money goes (a fund or a project): "
            "add it to the request before it is decided",
        )
    tx = _post_call(
        actor=actor, fund=request.fund, amount=request.amount, purpose=request.title,
        on=max(request.expected_on, decision.decided_on), to_fund=request.to_fund,
        project=request.project, basis=Basis.COMMITTED,
        authority=CitedAuthority(decision=decision),
        subject=Subject("request_id", request.pk, f"the request '{request}'"),
    )  # fmt: skip
    return request_approved(actor=actor, request=request, transaction_=tx, decision=decision)


@transaction.atomic
def request_refuse_from_decision(
    *, actor: Actor, decision: Decision, request_id: Any = None, **extra: Any
) -> FundingRequest:
    """The governance effect 'finance.request', rejected: the request is refused by the
    decision about it."""
    request = request_pending(request_id)
    request.status = RequestStatus.REFUSED
    request.decision = decision
    request.decided_on = decision.decided_on
    save_with_actor(request, actor)
    return request


def _get(model: Any, pk: Any, field: str, label: str) -> Any:
    try:
        return model.objects.get(pk=int(pk))
    except (model.DoesNotExist, TypeError, ValueError):
        raise _fail(field, f"There is no {label} with the number {pk!r}") from None
