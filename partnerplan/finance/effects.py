"""What a governance decision can do to the finances: post a call on reserves to the ledger.

Registered with governance's effect registry from `FinanceConfig.ready()`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from partnerplan.core.types import Actor
from partnerplan.governance.effects import Effect, Param, register
from partnerplan.governance.models import PowerKind

if TYPE_CHECKING:
    from partnerplan.governance.models import Decision


def _call_on_reserves(*, actor: Actor, decision: Decision, **params: Any) -> object:
    # Imported here: the services import models of several apps, which are not all loaded when
    # the app registry calls ready().
    from partnerplan.finance.services import reserve_call_from_decision

    return reserve_call_from_decision(actor=actor, decision=decision, **params)


CALL_ON_RESERVES = Effect(
    kind="finance.call_on_reserves",
    label="Post a call on reserves to the ledger",
    powers=(PowerKind.CALL_ON_RESERVES,),
    params=(
        Param("fund_id", int, "Fund number to call on (for a call on reserves)"),
        # The amount is the recommendation's own amount.
        Param("amount", Decimal, "Amount in pounds"),
        Param("to_fund_id", int, "Fund number the money goes to (for a call on reserves)"),
        Param(
            "project_id",
            int,
            "Project number",
            help_text="For a call on reserves: the project it pays for, if any.",
            required=False,
        ),
    ),
    handler=_call_on_reserves,
    # The handler checks its parameters (it also takes purpose, pay_on and request_id).
    checked=False,
)


def register_effects() -> None:
    register(CALL_ON_RESERVES)
