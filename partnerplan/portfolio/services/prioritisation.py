"""Prioritisation methods: criteria, weights (direct or pairwise), scores and the ranking."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import (
    Criterion,
    Method,
    PairwiseJudgement,
    Project,
    RankPosition,
    Score,
    Weighting,
)
from partnerplan.portfolio.scoring.pairwise import (
    InconsistentJudgementsError,
    JudgementError,
    derive_weights,
)
from partnerplan.portfolio.services._common import Errors, _add, _apply, _raise

CRITERION_FIELDS = {
    "name", "description", "order", "weight", "scale_min", "scale_max", "higher_is_better",
}  # fmt: skip


@transaction.atomic
def method_create(
    *, actor: Actor, name: str, owner_body: Body, description: str = "", **extra: Any
) -> Method:
    if Method.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": f"There is already a method called {name.strip()}"})
    method = Method(name=name.strip(), owner_body=owner_body, description=description.strip())
    _apply(method, {"weighting", "max_consistency_ratio"}, extra)
    save_with_actor(method, actor)
    return method


def _validate_criterion(criterion: Criterion) -> None:
    errors: Errors = {}
    if criterion.scale_max <= criterion.scale_min:
        _add(
            errors,
            "scale_max",
            f"The highest score must be more than the lowest ({criterion.scale_min})",
        )
    weight = criterion.weight
    if weight is not None and (not math.isfinite(weight) or weight < 0):
        _add(errors, "weight", "The weight must be zero or more")
    clash = Criterion.objects.filter(
        method_id=criterion.method_id, name__iexact=criterion.name
    ).exclude(pk=criterion.pk)
    if clash.exists():
        _add(errors, "name", f"The method already has a criterion called {criterion.name}")
    if criterion.pk is None and Score.objects.filter(method_id=criterion.method_id).exists():
        _add(
            errors,
            "name",
            "Projects have already been scored with this method: a new criterion would leave "
            "their scores incomplete. Make a new method instead",
        )
    _raise(errors)


@transaction.atomic
def criterion_add(*, actor: Actor, method: Method, **data: Any) -> Criterion:
    criterion = Criterion(method=method)
    if "order" not in data:
        data["order"] = (method.criteria.aggregate(m=Max("order"))["m"] or 0) + 1
    _apply(criterion, CRITERION_FIELDS, data)
    _validate_criterion(criterion)
    save_with_actor(criterion, actor)
    return criterion


@transaction.atomic
def method_set_weights(*, actor: Actor, method: Method, weights: Mapping[int, float]) -> Method:
    """Set the criteria weights directly (by criterion id)."""
    method = Method.objects.select_for_update().get(pk=method.pk)
    errors: Errors = {}
    criteria = {c.pk: c for c in method.criteria.all()}
    for pk, weight in weights.items():
        if pk not in criteria:
            raise ValidationError(f"Criterion {pk} is not part of {method}")
        if weight is None or not math.isfinite(weight) or weight < 0:
            _add(errors, f"weight_{pk}", f"The weight of {criteria[pk]} must be zero or more")
    if not errors and sum(weights.values()) <= 0:
        _add(errors, "__all__", "At least one criterion needs a weight above zero")
    _raise(errors)
    for pk, weight in weights.items():
        criteria[pk].weight = weight
        save_with_actor(criteria[pk], actor)
    method.weighting = Weighting.DIRECT
    method.consistency_ratio = None
    save_with_actor(method, actor)
    PairwiseJudgement.objects.filter(method=method).delete()
    return method


@transaction.atomic
def method_set_pairwise(
    *, actor: Actor, method: Method, judgements: Sequence[tuple[int, int, float]]
) -> Method:
    """Derive the weights from pairwise comparisons `(first id, second id, value)`, refusing
    judgements whose consistency ratio is above the method's threshold."""
    method = Method.objects.select_for_update().get(pk=method.pk)
    criteria = {c.pk: c for c in method.criteria.all()}
    names = {pk: c.name for pk, c in criteria.items()}
    try:
        result = derive_weights(
            list(names.values()),
            [(names[a], names[b], value) for a, b, value in judgements],
            max_cr=method.max_consistency_ratio,
        )
    except InconsistentJudgementsError as exc:
        raise ValidationError({"__all__": [str(exc)]}) from exc
    except (JudgementError, KeyError) as exc:
        raise ValidationError({"__all__": [str(exc)]}) from exc
    PairwiseJudgement.objects.filter(method=method).delete()
    for a, b, value in judgements:
        save_with_actor(
            PairwiseJudgement(method=method, first=criteria[a], second=criteria[b], value=value),
            actor,
        )
    for pk, criterion in criteria.items():
        criterion.weight = result.weights[names[pk]]
        save_with_actor(criterion, actor)
    method.weighting = Weighting.PAIRWISE
    method.consistency_ratio = result.consistency_ratio
    save_with_actor(method, actor)
    return method


@transaction.atomic
def score_record(
    *,
    actor: Actor,
    method: Method,
    project: Project,
    partner: Partner,
    values: Mapping[int, float],
) -> list[Score]:
    """Record `partner`'s scores of `project` on every criterion of `method` (by criterion
    id). Every score must be on its criterion's scale; otherwise nothing is saved."""
    criteria = {c.pk: c for c in method.criteria.all()}
    if not criteria:
        raise ValidationError(f"{method} has no criteria yet: add its criteria before scoring")
    errors: Errors = {}
    for pk, criterion in criteria.items():
        value = values.get(pk)
        if value is None:
            _add(errors, f"criterion_{pk}", f"Enter a score for {criterion.name}")
        elif not criterion.scale_min <= value <= criterion.scale_max:
            _add(
                errors,
                f"criterion_{pk}",
                f"The {criterion.name} score must be between {criterion.scale_min} and "
                f"{criterion.scale_max}; {value:g} is outside the scale",
            )
    if set(values) - set(criteria):
        raise ValidationError("Scores were given for criteria that are not part of the method")
    _raise(errors)
    saved = []
    for pk, criterion in criteria.items():
        score = Score.objects.filter(project=project, partner=partner, criterion=criterion).first()
        score = score or Score(method=method, project=project, partner=partner, criterion=criterion)
        score.value = float(values[pk])
        save_with_actor(score, actor)
        saved.append(score)
    return saved


@transaction.atomic
def ranking_move(
    *, actor: Actor, method: Method, project: Project, direction: str, order: Sequence[int]
) -> list[int]:
    """Move `project` one place up or down in `method`'s ranking. `order` is the ranking as
    shown (project ids, first to last); the whole order is kept so later score changes do not
    undo a move made by hand."""
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": "Choose whether to move it up or down"})
    ids = list(order)
    if project.pk not in ids:
        raise ValidationError({"project": f"{project} is not in this ranking"})
    i = ids.index(project.pk)
    j = i - 1 if direction == "up" else i + 1
    if not 0 <= j < len(ids):
        where = "first" if direction == "up" else "last"
        raise ValidationError({"direction": f"{project} is already {where}"})
    ids[i], ids[j] = ids[j], ids[i]
    RankPosition.objects.filter(method=method).delete()
    for position, pk in enumerate(ids, start=1):
        save_with_actor(RankPosition(method=method, project_id=pk, position=position), actor)
    return ids


@transaction.atomic
def ranking_reset(*, actor: Actor, method: Method) -> None:
    """Drop the hand adjustments: the ranking follows the scores again."""
    RankPosition.objects.filter(method=method).delete()
