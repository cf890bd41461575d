"""Decisions that act on the rest of partnerplan: the effect registry.

A recommendation can carry an *effect*: a kind and JSON parameters. When a decision approving
the recommendation is recorded, the handler of the kind's `Effect` is called in the same
transaction as the decision, with `(*, actor, decision, **params)`. If the handler raises
ValidationError, the decision is not saved and its message is shown to the person recording it.

Governance names no upper app. The apps that act on decisions declare their effects (portfolio:
`portfolio/effects.py`, finance: `finance/effects.py`) and `register()` them from their
`AppConfig.ready()`. A kind nobody registered is refused when the recommendation is created, so
no decision can be recorded that would silently do nothing. The recommendation form offers the
registered effects and asks for each one's declared parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError

from partnerplan.core.types import Actor

if TYPE_CHECKING:
    from partnerplan.governance.models import Decision

__all__ = [
    "Choice",
    "Effect",
    "Handler",
    "Param",
    "apply_effect",
    "apply_rejection",
    "effect_for",
    "effects",
    "register",
    "register_subject",
    "subject_records",
    "validate_effect",
]

#: An effect's handler: `handler(actor=..., decision=..., **params)`.
Handler = Callable[..., object]


@dataclass(frozen=True)
class Param:
    """One parameter of an effect: its name in the recommendation's `effect_params`, its type
    (int, str or Decimal; a Decimal is kept as text in the JSON), and the label of the question
    the recommendation form asks for it."""

    name: str
    type: type
    label: str
    help_text: str = ""
    required: bool = True
    #: The values the recommendation form offers for it, as (value, label) pairs; None: typed.
    choices: Callable[[], list[tuple[Any, str]]] | None = None


@dataclass(frozen=True)
class Choice:
    """One option of an effect's picker: the words shown, and the parameters it sets (for a
    gate: "Digital customer services: into 'Approved'" sets project_id and to_stage)."""

    label: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Effect:
    """What approving a recommendation does in another part of partnerplan.

    `kind`: the name stored on the recommendation ("portfolio.gate"). `label`: what it does, in
    the recommendation form. `powers`: the PowerKinds the deciding body must hold one of (the
    handler checks it, against the decision's body and date). `params`: the parameters it takes.
    `checked`: whether governance checks the parameters when the recommendation is written
    (required ones present, of the right type, no others); otherwise the handler checks them
    when the decision is recorded. `handler`: called with `(*, actor, decision, **params)`.
    """

    kind: str
    label: str
    powers: tuple[str, ...]
    params: tuple[Param, ...]
    handler: Handler
    checked: bool = True
    #: What the decision is about, as one picker (the projects and their next stages, the
    #: pending requests): the recommendation form offers these instead of numbers and codes.
    choices: Callable[[], list[Choice]] | None = None
    #: Checks the parameters when the recommendation is written (a wrong stage is refused at
    #: once, not at the meeting); raises ValidationError keyed "effect_params".
    check: Callable[[dict[str, Any]], None] | None = None
    #: Called with `(*, actor, decision, **params)` when the recommendation is rejected (a
    #: funding request is refused by the decision about it).
    on_rejected: Handler | None = None
    _names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names", frozenset(p.name for p in self.params))


_REGISTRY: dict[str, Effect] = {}


def register(effect: Effect) -> Effect:
    """Make `effect` available to recommendations (called from an app's `ready()`). Registering
    a kind again replaces it."""
    _REGISTRY[effect.kind] = effect
    return effect


#: What an act can be about (governance.services.authority.Subject.key: "fund_id",
#: "project_id", ...) -> the lookup of its record by id, registered by the app that owns it, so
#: that a record naming the subject (a decision taken before partnerplan) is seen only by those
#: who may see the subject (core.models.VisibleModel).
_SUBJECTS: dict[str, Callable[[Any], Any]] = {}


def register_subject(key: str, lookup: Callable[[Any], Any]) -> None:
    """Say how to find the record a subject key names (`lookup(id)` returns it, or None); called
    from an app's `ready()`, like `register`."""
    _SUBJECTS[key] = lookup


def subject_records(params: dict[str, Any]) -> list[Any]:
    """The records these subject parameters name, for the keys an app registered."""
    found = []
    for key, value in (params or {}).items():
        lookup = _SUBJECTS.get(key)
        if lookup is None or value is None:
            continue
        record = lookup(value)
        if record is not None:
            found.append(record)
    return found


def effects() -> list[Effect]:
    """Every registered effect, in the order the apps registered them."""
    return list(_REGISTRY.values())


def effect_for(kind: str) -> Effect:
    """The effect registered for `kind`, or ValidationError in plain English."""
    try:
        return _REGISTRY[kind]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ValidationError(
            {"effect_kind": f"'{kind}' is not a kind of effect partnerplan knows ({known})"}
        ) from None


def _type_words(kind: type) -> str:
    if kind is int:
        return "a whole number"
    if kind is Decimal:
        return "an amount"
    return "text"


def _fits(value: object, kind: type) -> bool:
    if isinstance(value, bool):
        return False
    if kind is Decimal:
        return isinstance(value, int | str | Decimal)
    return isinstance(value, kind)


def validate_effect(kind: str, params: dict[str, Any]) -> None:
    """Refuse an effect nobody registered, or whose parameters are wrong."""
    if not kind:
        if params:
            raise ValidationError({"effect_params": "Parameters were given without an effect"})
        return
    effect = effect_for(kind)
    if effect.check is not None:
        effect.check(dict(params))
    if not effect.checked:
        return
    problems = []
    for param in effect.params:
        value = params.get(param.name)
        if value is None:
            if param.required:
                problems.append(f"it needs {param.name}")
        elif not _fits(value, param.type):
            problems.append(f"{param.name} must be {_type_words(param.type)}")
    extra = sorted(set(params) - effect._names)
    if extra:
        problems.append(f"it does not take {', '.join(extra)}")
    if problems:
        raise ValidationError(
            {
                "effect_params": f"The effect '{kind}' is not set up correctly: "
                + "; ".join(problems)
            }
        )


def apply_effect(*, actor: Actor, decision: Decision) -> None:
    """Call the handler of the decided recommendation's effect, if it has one."""
    recommendation = decision.recommendation
    if not recommendation.effect_kind:
        return
    effect = effect_for(recommendation.effect_kind)
    effect.handler(actor=actor, decision=decision, **(recommendation.effect_params or {}))


def apply_rejection(*, actor: Actor, decision: Decision) -> None:
    """Call the rejection handler of the rejected recommendation's effect, if it has one."""
    recommendation = decision.recommendation
    if not recommendation.effect_kind:
        return
    effect = effect_for(recommendation.effect_kind)
    if effect.on_rejected is not None:
        effect.on_rejected(actor=actor, decision=decision, **(recommendation.effect_params or {}))
