"""What a governance decision can do to the portfolio: move a project through a gate, approve
a business case, withdraw, discontinue or redesign a project.

Registered with governance's effect registry from `PortfolioConfig.ready()`. Each effect offers
its pickers (`choices`: the open projects with the stage they can enter next, the business
cases waiting for approval) and refuses a wrong one when the recommendation is written
(`check`), not at the meeting. The handlers act through the portfolio's services, which cite
the decision as the act's authority (`governance.services.authority.authority_use`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnerplan.core.types import Actor
from partnerplan.governance.effects import Choice, Effect, Param, register, register_subject
from partnerplan.governance.models import PowerKind

if TYPE_CHECKING:
    from partnerplan.governance.models import Decision

# The services and selectors are imported inside the functions: they import models and
# selectors of several apps, which are not all loaded when the app registry calls ready().


def _gate(*, actor: Actor, decision: Decision, **params: Any) -> object:
    from partnerplan.portfolio.services.gates import project_gate_by_decision

    return project_gate_by_decision(actor=actor, decision=decision, **params)


def _gate_check(params: dict[str, Any]) -> None:
    from partnerplan.portfolio.services.gates import gate_check

    gate_check(params)


def _gate_choices() -> list[Choice]:
    from partnerplan.portfolio.selectors.effects import gate_choices

    return [Choice(label, params) for label, params in gate_choices()]


def _project_choices() -> list[tuple[Any, str]]:
    from partnerplan.portfolio.selectors.effects import open_project_choices

    return open_project_choices()


def _business_case(*, actor: Actor, decision: Decision, **params: Any) -> object:
    from partnerplan.portfolio.services.business_cases import business_case_approve_by_decision

    return business_case_approve_by_decision(actor=actor, decision=decision, **params)


def _business_case_check(params: dict[str, Any]) -> None:
    from partnerplan.portfolio.services.business_cases import business_case_check

    business_case_check(params)


def _business_case_choices() -> list[Choice]:
    from partnerplan.portfolio.selectors.effects import business_case_choices

    return [Choice(label, params) for label, params in business_case_choices()]


def _review(*, actor: Actor, decision: Decision, **params: Any) -> object:
    from partnerplan.portfolio.services.gates import project_review_by_decision

    return project_review_by_decision(actor=actor, decision=decision, **params)


def _review_check(params: dict[str, Any]) -> None:
    from partnerplan.portfolio.services.gates import review_check

    review_check(params)


def _outcome_choices() -> list[tuple[Any, str]]:
    from partnerplan.portfolio.acts import DECIDED_OUTCOMES
    from partnerplan.portfolio.models import ReviewOutcomeKind

    return [(o, ReviewOutcomeKind(o).label) for o in DECIDED_OUTCOMES]


def _case_stages() -> list[tuple[Any, str]]:
    from partnerplan.portfolio.models import BusinessCaseStage

    return list(BusinessCaseStage.choices)


GATE = Effect(
    kind="portfolio.gate",
    label="Move a project through a gate",
    # The body must hold the power for the gate's stage (portfolio.acts.GATE_POWERS): to
    # approve pipeline entry or a business case, to approve gates, or to manage the programme.
    powers=(
        PowerKind.APPROVE_GATE,
        PowerKind.APPROVE_PIPELINE_ENTRY,
        PowerKind.APPROVE_BUSINESS_CASE,
        PowerKind.PROGRAMME_MANAGEMENT,
    ),
    params=(
        Param("project_id", int, "Project", choices=_project_choices),
        Param("to_stage", str, "Stage to move to"),
    ),
    handler=_gate,
    choices=_gate_choices,
    check=_gate_check,
)

BUSINESS_CASE = Effect(
    kind="portfolio.business_case",
    label="Approve a business case",
    powers=(PowerKind.APPROVE_BUSINESS_CASE,),
    params=(
        Param("project_id", int, "Project", choices=_project_choices),
        Param("business_case_stage", str, "Stage of business case", choices=_case_stages),
    ),
    handler=_business_case,
    choices=_business_case_choices,
    check=_business_case_check,
)

REVIEW = Effect(
    kind="portfolio.review",
    label="Withdraw, discontinue or redesign a project",
    powers=(PowerKind.WITHDRAW_OR_REDESIGN,),
    params=(
        Param("project_id", int, "Project", choices=_project_choices),
        Param("outcome", str, "Outcome", choices=_outcome_choices),
    ),
    handler=_review,
    check=_review_check,
)


def _project(pk: Any) -> object:
    from partnerplan.portfolio.models import Project

    return Project.objects.filter(pk=pk).first()


def register_effects() -> None:
    register(GATE)
    register(BUSINESS_CASE)
    register(REVIEW)
    # A decision recorded from the papers about a project is seen as the project is.
    register_subject("project_id", _project)
