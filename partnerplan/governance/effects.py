"""Decisions that act on the rest of partnerplan.

A recommendation can carry an *effect*: a kind and JSON parameters. When a decision approving
the recommendation is recorded, the handler registered for the kind is called in the same
transaction as the decision, with `(*, actor, decision, **params)`. If the handler raises
ValidationError, the decision is not saved and its message is shown to the person recording it.

The registry is explicit (no plugin discovery): the apps that own the handlers agreed these
paths. A kind whose handler cannot be imported yet is refused when the recommendation is
created, so no decision can be recorded that would silently do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string

EFFECT_HANDLERS: dict[str, str] = {
    "portfolio.gate": "partnerplan.portfolio.services.project_gate_by_decision",
    "finance.call_on_reserves": "partnerplan.finance.services.reserve_call_from_decision",
}

EFFECT_LABELS: dict[str, str] = {
    "portfolio.gate": "Move a project through a gate",
    "finance.call_on_reserves": "Post a call on reserves to the ledger",
}

# Parameters each kind needs, with their types. Extra parameters are refused.
EFFECT_PARAMS: dict[str, dict[str, type]] = {
    "portfolio.gate": {"project_id": int, "to_stage": str},
}


def handler_for(kind: str) -> Callable[..., Any]:
    """The handler function for `kind`, or ValidationError in plain English."""
    try:
        path = EFFECT_HANDLERS[kind]
    except KeyError:
        known = ", ".join(sorted(EFFECT_HANDLERS))
        raise ValidationError(
            {"effect_kind": f"'{kind}' is not a kind of effect partnerplan knows ({known})"}
        ) from None
    try:
        handler: Callable[..., Any] = import_string(path)
    except ImportError:
        label = EFFECT_LABELS.get(kind, kind)
        raise ValidationError(
            {
                "effect_kind": f"partnerplan cannot yet act on a decision to '{label.lower()}': "
                f"{path} does not exist. Record the recommendation without the effect, and "
                "make the change by hand once the decision is taken"
            }
        ) from None
    return handler


def validate_effect(kind: str, params: dict[str, Any]) -> None:
    """Refuse an effect whose handler is missing or whose parameters are wrong."""
    if not kind:
        if params:
            raise ValidationError({"effect_params": "Parameters were given without an effect"})
        return
    handler_for(kind)
    expected = EFFECT_PARAMS.get(kind)
    if expected is None:
        return
    problems = []
    for name, kind_type in expected.items():
        value = params.get(name)
        if value is None:
            problems.append(f"it needs {name}")
        elif not isinstance(value, kind_type) or isinstance(value, bool):
            problems.append(f"{name} must be {'a whole number' if kind_type is int else 'text'}")
    extra = sorted(set(params) - set(expected))
    if extra:
        problems.append(f"it does not take {', '.join(extra)}")
    if problems:
        raise ValidationError(
            {
                "effect_params": f"The effect '{kind}' is not set up correctly: "
                + "; ".join(problems)
            }
        )


def apply_effect(*, actor: Any, decision: Any) -> None:
    """Call the handler of the decided recommendation's effect, if it has one."""
    recommendation = decision.recommendation
    if not recommendation.effect_kind:
        return
    handler = handler_for(recommendation.effect_kind)
    handler(actor=actor, decision=decision, **(recommendation.effect_params or {}))
