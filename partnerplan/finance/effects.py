"""What a governance decision can do to the finances: post a call on reserves to the ledger, and
approve (posting its call) or refuse a funding request.

Registered with governance's effect registry from `FinanceConfig.ready()`. The parameters are
offered as pickers (funds, projects and requests by name, never numbers), and `check` refuses a
closed fund, a missing destination or a request already decided when the recommendation is
written, not at the meeting.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError

from partnerplan.core.money import format_money
from partnerplan.core.types import Actor
from partnerplan.governance.effects import Effect, Param, register, register_subject
from partnerplan.governance.models import PowerKind

if TYPE_CHECKING:
    from partnerplan.governance.models import Decision

# The services import models of several apps, which are not all loaded when the app registry
# calls ready(): they (and the models) are imported inside the functions.


def _call_on_reserves(*, actor: Actor, decision: Decision, **params: Any) -> object:
    from partnerplan.finance.services import reserve_call_from_decision

    return reserve_call_from_decision(actor=actor, decision=decision, **params)


def _request_approved(*, actor: Actor, decision: Decision, **params: Any) -> object:
    from partnerplan.finance.services import request_decide_from_decision

    return request_decide_from_decision(actor=actor, decision=decision, **params)


def _request_refused(*, actor: Actor, decision: Decision, **params: Any) -> object:
    from partnerplan.finance.services import request_refuse_from_decision

    return request_refuse_from_decision(actor=actor, decision=decision, **params)


def open_funds() -> list[tuple[Any, str]]:
    from partnerplan.finance.models import Fund, FundStatus

    return [
        (f.pk, f.name)
        for f in Fund.objects.filter(status=FundStatus.OPEN, archived_at__isnull=True).order_by(
            "name"
        )
    ]


def projects() -> list[tuple[Any, str]]:
    from partnerplan.portfolio.models import Project

    return [
        (p.pk, p.title)
        for p in Project.objects.filter(archived_at__isnull=True).order_by("title").only("title")
    ]


def pending_requests() -> list[tuple[Any, str]]:
    from partnerplan.finance.models import FundingRequest, RequestStatus

    return [
        (r.pk, f"{r.title}: {format_money(r.amount)} from {r.fund.name}")
        for r in FundingRequest.objects.filter(status=RequestStatus.PENDING)
        .select_related("fund")
        .order_by("fund__name", "expected_on", "pk")
    ]


def _refuse(message: str) -> ValidationError:
    return ValidationError({"effect_params": message})


def _fund_named(pk: Any, what: str) -> Any:
    from partnerplan.finance.models import Fund

    try:
        fund = Fund.objects.get(pk=int(pk))
    except (Fund.DoesNotExist, TypeError, ValueError):
        raise _refuse(f"Choose the fund {what} from the list") from None
    if fund.is_closed:
        raise _refuse(f"{fund} is closed: nothing can be called on it or moved into it")
    return fund


def check_call(params: dict[str, Any]) -> None:
    """Refuse at once a call on a closed or unknown fund, or one that does not say where the
    money goes (a fund or a project, not both)."""
    if params.get("fund_id") in (None, ""):
        raise _refuse("Choose the fund the call is made on")
    fund = _fund_named(params["fund_id"], "the call is made on")
    to_fund = params.get("to_fund_id")
    project = params.get("project_id")
    if (to_fund in (None, "")) == (project in (None, "")):
        raise _refuse(
            "Choose where the money goes: an earmarked reserve or other fund, or a project "
            "(one of them, not both)"
        )
    if to_fund not in (None, ""):
        destination = _fund_named(to_fund, "the money goes to")
        if destination.pk == fund.pk:
            raise _refuse("A call must move money to a different fund")


def check_request(params: dict[str, Any]) -> None:
    """Refuse at once a request that is not pending (already approved, refused or withdrawn)."""
    from partnerplan.finance.models import FundingRequest, RequestStatus

    try:
        request = FundingRequest.objects.get(pk=int(params.get("request_id") or 0))
    except (FundingRequest.DoesNotExist, TypeError, ValueError):
        raise _refuse("Choose the funding request the decision is about") from None
    if request.status != RequestStatus.PENDING:
        raise _refuse(
            f"The request '{request}' is {request.get_status_display().lower()}: only a pending "
            "request can be decided"
        )


CALL_ON_RESERVES = Effect(
    kind="finance.call_on_reserves",
    label="Post a call on reserves to the ledger",
    powers=(PowerKind.CALL_ON_RESERVES,),
    params=(
        Param("fund_id", int, "Fund the call is made on", choices=open_funds),
        # The amount is the recommendation's own amount.
        Param("amount", Decimal, "Amount in pounds"),
        Param(
            "to_fund_id",
            int,
            "Fund the money goes to",
            help_text="An earmarked reserve or other fund; or choose a project below.",
            required=False,
            choices=open_funds,
        ),
        Param(
            "project_id",
            int,
            "Or the project it pays for",
            required=False,
            choices=projects,
        ),
    ),
    handler=_call_on_reserves,
    check=check_call,
    # The handler checks its parameters (it also takes purpose, pay_on and request_id).
    checked=False,
)

REQUEST = Effect(
    kind="finance.request",
    label="Approve or refuse a funding request",
    powers=(PowerKind.CALL_ON_RESERVES,),
    params=(
        Param(
            "request_id",
            int,
            "Funding request",
            help_text="Approving it posts the call it asks for and closes it; rejecting it "
            "refuses it.",
            choices=pending_requests,
        ),
    ),
    handler=_request_approved,
    check=check_request,
    on_rejected=_request_refused,
)


def _fund(pk: Any) -> object:
    from partnerplan.finance.models import Fund

    return Fund.objects.filter(pk=pk).first()


def _bid(pk: Any) -> object:
    from partnerplan.finance.models import Bid

    return Bid.objects.filter(pk=pk).first()


def register_effects() -> None:
    register(CALL_ON_RESERVES)
    register(REQUEST)
    # A decision recorded from the papers about a fund or bid is seen as the fund or bid is.
    register_subject("fund_id", _fund)
    register_subject("bid_id", _bid)
