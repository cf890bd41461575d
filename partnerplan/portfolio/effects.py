"""What a governance decision can do to the portfolio: move a project through a gate.

Registered with governance's effect registry from `PortfolioConfig.ready()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnerplan.core.types import Actor
from partnerplan.governance.effects import Effect, Param, register
from partnerplan.governance.models import PowerKind

if TYPE_CHECKING:
    from partnerplan.governance.models import Decision


def _gate(*, actor: Actor, decision: Decision, **params: Any) -> object:
    # Imported here: the services import models and selectors of several apps, which are not
    # all loaded when the app registry calls ready().
    from partnerplan.portfolio.services import project_gate_by_decision

    return project_gate_by_decision(actor=actor, decision=decision, **params)


GATE = Effect(
    kind="portfolio.gate",
    label="Move a project through a gate",
    # The body must hold the power for the gate's stage (portfolio.services.GATE_POWERS): to
    # approve pipeline entry or a business case, to approve gates, or to manage the programme.
    powers=(
        PowerKind.APPROVE_GATE,
        PowerKind.APPROVE_PIPELINE_ENTRY,
        PowerKind.APPROVE_BUSINESS_CASE,
        PowerKind.PROGRAMME_MANAGEMENT,
    ),
    params=(
        Param(
            "project_id",
            int,
            "Project number",
            help_text="For a gate.",
        ),
        Param("to_stage", str, "Stage to move to (for a gate)"),
    ),
    handler=_gate,
)


def register_effects() -> None:
    register(GATE)
