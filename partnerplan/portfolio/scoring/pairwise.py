"""Criteria weights from pairwise comparisons (Saaty's Analytic Hierarchy Process).

A panel compares criteria two at a time on Saaty's scale: 1 means equally
important, 3 moderately, 5 strongly, 7 very strongly and 9 extremely more important,
with 2, 4, 6, 8 between, and the reciprocals (1/3, 1/5, ...) for the other way round.
Every pair must be compared once; the judgements fill a reciprocal matrix A with
``A[i][j] = value`` and ``A[j][i] = 1 / value``.

Weights
    By default the principal right eigenvector of A, found by power iteration in
    pure Python and scaled to sum to 1. This is Saaty's method and the one his
    consistency ratio is calibrated for. ``method="geometric_mean"`` gives the
    row geometric means instead (Crawford and Williams), which is simpler to
    explain and usually close; the consistency ratio is then computed from the
    same formula with those weights.

Consistency
    ``lambda_max`` is the principal eigenvalue, estimated as the mean of
    ``(A w)_i / w_i``. ``CI = (lambda_max - n) / (n - 1)`` and ``CR = CI / RI`` with
    Saaty's random index RI (n = 1..10: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
    1.45, 1.49). With two criteria any judgement is consistent (CR = 0). Saaty's
    threshold is CR <= 0.10; above it ``derive_weights`` raises
    ``InconsistentJudgementsError`` naming the judgement that deviates most from
    what the weights imply, ``w_i / w_j``, measured as ``|ln a_ij - ln(w_i/w_j)|``.

Number type
    Weights are plain floats: they are not money, and the eigenvector is
    irrational anyway. Round only for display (``PairwiseResult.rounded`` and
    ``percentages``, which keep the total at exactly 1 or 100).

Framework-free: no Django imports.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

__all__ = [
    "MAX_CRITERIA",
    "RANDOM_INDEX",
    "InconsistentJudgementsError",
    "Judgement",
    "JudgementError",
    "JudgementValue",
    "PairwiseResult",
    "WeightMethod",
    "derive_weights",
    "derive_weights_from_matrix",
    "describe_ratio",
]

JudgementValue = float | int | Fraction | str
Judgement = tuple[str, str, JudgementValue]
WeightMethod = Literal["eigenvector", "geometric_mean"]

# Saaty's random consistency index, by number of criteria.
RANDOM_INDEX: Mapping[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}
MAX_CRITERIA = max(RANDOM_INDEX)
SCALE_MIN = 1 / 9
SCALE_MAX = 9.0
_TOLERANCE = 1e-9
_MAX_ITERATIONS = 10_000
_CONVERGED = 1e-13


class JudgementError(ValueError):
    """The judgements cannot be used; the message says why in plain English."""


class InconsistentJudgementsError(JudgementError):
    """The judgements contradict each other too much (CR above the threshold).

    ``result`` holds the weights and ratios anyway, for display; ``worst`` is the
    most inconsistent judgement as (first, second, given value, implied value).
    """

    def __init__(
        self, message: str, result: PairwiseResult, worst: tuple[str, str, float, float]
    ) -> None:
        super().__init__(message)
        self.result = result
        self.worst = worst


@dataclass(frozen=True)
class PairwiseResult:
    """Weights (summing to 1) and the consistency figures behind them."""

    criteria: tuple[str, ...]
    weights: dict[str, float]
    lambda_max: float
    consistency_index: float
    random_index: float
    consistency_ratio: float
    method: WeightMethod
    matrix: tuple[tuple[float, ...], ...]

    @property
    def consistent(self) -> bool:
        """Whether CR is within Saaty's usual 0.10."""
        return self.consistency_ratio <= 0.10 + _TOLERANCE

    def rounded(self, places: int = 3) -> dict[str, float]:
        """Weights rounded for display so that they still add up to exactly 1."""
        return _largest_remainder(self.weights, places, total=1)

    def percentages(self, places: int = 1) -> dict[str, float]:
        """Weights as percentages, rounded so that they add up to exactly 100."""
        return _largest_remainder({k: v * 100 for k, v in self.weights.items()}, places, total=100)

    def ranked(self) -> list[tuple[str, float]]:
        """Criteria from most to least important."""
        return sorted(self.weights.items(), key=lambda item: (-item[1], item[0]))


def _largest_remainder(values: Mapping[str, float], places: int, total: int) -> dict[str, float]:
    scale = 10**places
    raw = {k: v * scale for k, v in values.items()}
    floors = {k: math.floor(v) for k, v in raw.items()}
    short = total * scale - sum(floors.values())
    by_remainder = sorted(raw, key=lambda k: (-(raw[k] - floors[k]), k))
    for key in by_remainder[: max(0, short)]:
        floors[key] += 1
    return {k: round(floors[k] / scale, places) for k in values}


def _as_float(value: JudgementValue) -> float:
    if isinstance(value, bool):
        raise JudgementError(f"{value!r} is not a number on the 1/9 to 9 scale.")
    if isinstance(value, str):
        try:
            return float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError):
            raise JudgementError(
                f"{value!r} is not a number on the 1/9 to 9 scale (write 3 or 1/3, say)."
            ) from None
    return float(value)


def describe_ratio(value: float) -> str:
    """A Saaty value as people write it: 5, 1/3, 2.5 or 1/2.5."""
    if value >= 1:
        return _number(value)
    return "1/" + _number(1 / value)


def _number(value: float) -> str:
    rounded = round(value, 1)
    if abs(rounded - round(rounded)) < 1e-9:
        return str(int(round(rounded)))
    return f"{rounded:.1f}"


def _check_criteria(criteria: Sequence[str]) -> tuple[str, ...]:
    names = tuple(criteria)
    if len(names) < 2:
        raise JudgementError("At least two criteria are needed to compare them in pairs.")
    if len(names) > MAX_CRITERIA:
        raise JudgementError(
            f"Pairwise comparison supports at most {MAX_CRITERIA} criteria (there are "
            f"{len(names)}); group related criteria and compare the groups."
        )
    seen: set[str] = set()
    for name in names:
        if not name.strip():
            raise JudgementError("Every criterion needs a name.")
        if name in seen:
            raise JudgementError(f"The criterion {name!r} is listed twice.")
        seen.add(name)
    return names


def _check_scale(value: float, first: str, second: str) -> None:
    if not math.isfinite(value) or value <= 0:
        raise JudgementError(
            f"'{first} vs {second}' must be a positive number on the 1/9 to 9 scale."
        )
    if value < SCALE_MIN - _TOLERANCE or value > SCALE_MAX + _TOLERANCE:
        raise JudgementError(
            f"'{first} vs {second}' is {describe_ratio(value)}, outside Saaty's scale: use 1 "
            "(equal) up to 9 (extremely more important), or 1/3, 1/5 ... 1/9 for the other "
            "way round."
        )


def _matrix_from_judgements(
    names: tuple[str, ...], judgements: Sequence[Judgement]
) -> tuple[list[list[float]], dict[tuple[int, int], tuple[str, str]]]:
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    given: dict[tuple[int, int], tuple[str, str]] = {}
    for first, second, raw in judgements:
        for name in (first, second):
            if name not in index:
                raise JudgementError(
                    f"'{first} vs {second}' names {name!r}, which is not one of the criteria "
                    f"({', '.join(names)})."
                )
        if first == second:
            raise JudgementError(
                f"'{first} vs {second}' compares a criterion with itself; leave it out."
            )
        value = _as_float(raw)
        _check_scale(value, first, second)
        i, j = index[first], index[second]
        pair = (min(i, j), max(i, j))
        if pair in given:
            raise JudgementError(
                f"'{first}' and '{second}' are compared more than once; keep one judgement."
            )
        given[pair] = (first, second)
        matrix[i][j] = value
        matrix[j][i] = 1 / value
    missing = [
        f"'{names[i]} vs {names[j]}'"
        for i in range(n)
        for j in range(i + 1, n)
        if (i, j) not in given
    ]
    if missing:
        raise JudgementError(
            f"Every pair of criteria must be compared once; missing: {', '.join(missing)}."
        )
    return matrix, given


def _check_matrix(
    names: tuple[str, ...], matrix: Sequence[Sequence[JudgementValue]]
) -> list[list[float]]:
    n = len(names)
    if len(matrix) != n or any(len(row) != n for row in matrix):
        raise JudgementError(
            f"The comparison matrix must be {n} by {n}, one row and column per criterion."
        )
    values = [[_as_float(cell) for cell in row] for row in matrix]
    for i in range(n):
        if abs(values[i][i] - 1) > 1e-6:
            raise JudgementError(
                f"'{names[i]} vs {names[i]}' must be 1: a criterion is as important as itself."
            )
        for j in range(i + 1, n):
            _check_scale(values[i][j], names[i], names[j])
            if abs(values[i][j] * values[j][i] - 1) > 1e-3:
                raise JudgementError(
                    f"'{names[j]} vs {names[i]}' must be the reciprocal of "
                    f"'{names[i]} vs {names[j]}' ({describe_ratio(1 / values[i][j])}), "
                    f"not {describe_ratio(values[j][i]) if values[j][i] > 0 else values[j][i]}."
                )
    return values


def _geometric_mean_weights(matrix: list[list[float]]) -> list[float]:
    n = len(matrix)
    means = [math.exp(sum(math.log(x) for x in row) / n) for row in matrix]
    total = sum(means)
    return [m / total for m in means]


def _eigenvector_weights(matrix: list[list[float]], *, complete: bool = True) -> list[float]:
    """Principal eigenvector by power iteration. A complete reciprocal matrix starts
    from the geometric means (already close); a Harker matrix from equal weights."""
    n = len(matrix)
    weights = _geometric_mean_weights(matrix) if complete else [1 / n] * n
    for _ in range(_MAX_ITERATIONS):
        product = [sum(matrix[i][j] * weights[j] for j in range(n)) for i in range(n)]
        total = sum(product)
        updated = [p / total for p in product]
        change = max(abs(a - b) for a, b in zip(updated, weights, strict=True))
        weights = updated
        if change < _CONVERGED:
            break
    return weights


def _lambda_max(matrix: list[list[float]], weights: list[float]) -> float:
    n = len(matrix)
    product = [sum(matrix[i][j] * weights[j] for j in range(n)) for i in range(n)]
    return sum(product[i] / weights[i] for i in range(n)) / n


def _without_pair(matrix: list[list[float]], i: int, j: int) -> list[list[float]]:
    """Harker's (1987) completion for a matrix with the (i, j) judgement left out:
    zero the pair and add one to the diagonal of both rows."""
    reduced = [row[:] for row in matrix]
    reduced[i][j] = reduced[j][i] = 0.0
    reduced[i][i] += 1.0
    reduced[j][j] += 1.0
    return reduced


def _most_inconsistent(
    names: tuple[str, ...],
    matrix: list[list[float]],
    weights: list[float],
    given: Mapping[tuple[int, int], tuple[str, str]],
) -> tuple[tuple[str, str, float, float], list[tuple[str, str]]]:
    """The judgement furthest from what the *other* judgements imply, and any that
    are equally far (with three criteria every judgement in the cycle is).

    Each judgement is left out in turn, the weights are recomputed from the rest
    (Harker's method), and the judgement is compared with the ratio those weights
    give, as ``|ln a_ij - ln(w_i / w_j)|``. Ties are broken by the deviation from
    the full eigenvector weights.
    """
    n = len(names)
    rows: list[tuple[float, float, str, str, float, float]] = []
    for i in range(n):
        for j in range(i + 1, n):
            first, second = given.get((i, j), (names[i], names[j]))
            a, b = names.index(first), names.index(second)
            value = matrix[a][b]
            others = _eigenvector_weights(_without_pair(matrix, i, j), complete=False)
            implied = others[a] / others[b]
            deviation = abs(math.log(value) - math.log(implied))
            residual = abs(math.log(value) - math.log(weights[a] / weights[b]))
            rows.append((deviation, residual, first, second, value, implied))
    top = max(row[0] for row in rows)
    tied = [row for row in rows if top - row[0] < 1e-6]
    best = max(tied, key=lambda row: row[1])
    also = [(row[2], row[3]) for row in tied if row is not best]
    return (best[2], best[3], best[4], best[5]), also


def _importance(first: str, second: str, value: float, *, about: bool) -> str:
    approx = "about " if about else ""
    if abs(value - 1) < 0.05:
        return f"{first} and {second} are {approx}equally important"
    if value > 1:
        return f"{first} is {approx}{_number(value)} times as important as {second}"
    return f"{second} is {approx}{_number(1 / value)} times as important as {first}"


def _nearest_scale_value(value: float) -> float:
    candidates = [float(k) for k in range(1, 10)] + [1 / k for k in range(2, 10)]
    return min(candidates, key=lambda c: abs(math.log(c) - math.log(value)))


def _inconsistency_message(
    result: PairwiseResult,
    max_cr: float,
    worst: tuple[str, str, float, float],
    also: Sequence[tuple[str, str]],
) -> str:
    first, second, given, implied = worst
    suggestion = describe_ratio(_nearest_scale_value(implied))
    tied = ""
    if also:
        pairs = " and ".join(f"'{a} vs {b}'" for a, b in also)
        tied = f" {pairs} {'is' if len(also) == 1 else 'are'} equally out of line."
    return (
        f"The comparisons are inconsistent (consistency ratio {result.consistency_ratio:.2f}; "
        f"at most {max_cr:.2f} is accepted). The most inconsistent judgement is "
        f"'{first} vs {second}': it says {_importance(first, second, given, about=False)}, "
        f"but the other comparisons imply "
        f"{_importance(first, second, implied, about=True)} (about {suggestion} on the scale). "
        f"Look at that comparison again first.{tied}"
    )


def _result(
    names: tuple[str, ...],
    matrix: list[list[float]],
    given: Mapping[tuple[int, int], tuple[str, str]],
    *,
    max_cr: float,
    method: WeightMethod,
) -> PairwiseResult:
    if method == "eigenvector":
        weights = _eigenvector_weights(matrix)
    elif method == "geometric_mean":
        weights = _geometric_mean_weights(matrix)
    else:
        raise JudgementError(f"Unknown weighting method {method!r}.")
    n = len(names)
    lam = _lambda_max(matrix, weights)
    ci = max(0.0, (lam - n) / (n - 1))
    ri = RANDOM_INDEX[n]
    cr = ci / ri if ri > 0 else 0.0
    result = PairwiseResult(
        criteria=names,
        weights=dict(zip(names, weights, strict=True)),
        lambda_max=lam,
        consistency_index=ci,
        random_index=ri,
        consistency_ratio=cr,
        method=method,
        matrix=tuple(tuple(row) for row in matrix),
    )
    if cr > max_cr + _TOLERANCE:
        worst, also = _most_inconsistent(names, matrix, weights, given)
        message = _inconsistency_message(result, max_cr, worst, also)
        raise InconsistentJudgementsError(message, result, worst)
    return result


def derive_weights(
    criteria: Sequence[str],
    judgements: Sequence[Judgement],
    *,
    max_cr: float = 0.10,
    method: WeightMethod = "eigenvector",
) -> PairwiseResult:
    """Weights for ``criteria`` from judgements ``(a, b, value)`` meaning "a is
    ``value`` times as important as b" on Saaty's 1/9..9 scale.

    Raises ``JudgementError`` for unusable input (a value off the scale, a criterion
    compared with itself, a missing or repeated pair, fewer than two criteria) and
    ``InconsistentJudgementsError`` when the consistency ratio exceeds ``max_cr``.
    Pass ``max_cr=math.inf`` to accept any judgements and inspect the ratio.
    """
    names = _check_criteria(criteria)
    matrix, given = _matrix_from_judgements(names, judgements)
    return _result(names, matrix, given, max_cr=max_cr, method=method)


def derive_weights_from_matrix(
    criteria: Sequence[str],
    matrix: Sequence[Sequence[JudgementValue]],
    *,
    max_cr: float = 0.10,
    method: WeightMethod = "eigenvector",
) -> PairwiseResult:
    """As ``derive_weights`` but from a full reciprocal matrix, row ``i`` column ``j``
    saying how many times as important criterion ``i`` is as criterion ``j``."""
    names = _check_criteria(criteria)
    values = _check_matrix(names, matrix)
    return _result(names, values, {}, max_cr=max_cr, method=method)
