"""Weighted project scores, partners' scores combined, rankings compared.

Scores
    Each criterion has a scale (say 1 to 5) and a weight. A score is normalised to
    0..1 on its scale, ``(value - min) / (max - min)``, reversed when lower is
    better (cost, risk), and the weighted sum is reported out of 100 by default.
    Weights are normalised to sum to 1, so pairwise weights or plain points both
    work. Scores off the scale are refused with a plain-English message naming the
    partner, project, criterion and scale.

Partners
    When several partners score a project, each partner's weighted score is
    computed and the spread reported: mean, median, minimum, maximum and standard
    deviation. The standard deviation is the population one (``pstdev``): the
    partners who scored are the whole group being described, not a sample.

Rankings
    Projects are ranked by score with ties sharing a rank (standard competition
    ranking, "1, 2, 2, 4"), after rounding to six decimal places so floating-point
    noise does not split a tie. ``compare_rankings`` sets two rankings side by side
    (say the partnership's method and the Leaders and Chief Executives Group's),
    with the rank difference per project, Spearman's rho (Pearson correlation of
    mid-ranks, so ties are handled) and Kendall's tau-b, and lists the projects
    whose ranks differ by at least ``threshold`` places: the ones to discuss when
    harmonising the two methods.

Plain floats throughout: scores are judgements, not money. Framework-free.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Criterion",
    "PartnerScores",
    "ProjectAssessment",
    "RankComparison",
    "RankedProject",
    "RankingComparison",
    "ScoreError",
    "Spread",
    "aggregate_partner_scores",
    "compare_rankings",
    "kendall_tau",
    "rank_projects",
    "spearman_rho",
    "weighted_score",
]

PartnerScores = Mapping[str, Mapping[str, float]]
_TIE_PLACES = 6


class ScoreError(ValueError):
    """Scores that cannot be used. ``problems`` lists every one found, each a
    sentence; the message joins them."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems with the scores: " + " ".join(self.problems)
        super().__init__(message)


def _fmt(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Criterion:
    """A scoring criterion with its scale and weight."""

    name: str
    weight: float
    scale_min: float = 1
    scale_max: float = 5
    higher_is_better: bool = True

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("Every criterion needs a name.")
        if not math.isfinite(self.weight) or self.weight < 0:
            raise ValueError(f"The weight of {self.name!r} must be zero or more.")
        if not self.scale_max > self.scale_min:
            raise ValueError(
                f"The {self.name} scale must run from a lower to a higher number "
                f"(got {_fmt(self.scale_min)} to {_fmt(self.scale_max)})."
            )

    def describe_scale(self) -> str:
        direction = "" if self.higher_is_better else ", lower is better"
        return f"from {_fmt(self.scale_min)} to {_fmt(self.scale_max)}{direction}"

    def problem(self, value: float, *, who: str = "", project: str = "") -> str | None:
        """A sentence saying what is wrong with ``value``, or ``None``."""
        target = f" for {project}" if project else ""
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            owner = f"{who}'s" if who else "The"
            return f"{owner} {self.name} score{target} is not a number ({value!r})."
        if not self.scale_min <= value <= self.scale_max:
            if who:
                return (
                    f"{who} scored {self.name}{target} as {_fmt(value)}, but the {self.name} "
                    f"scale runs {self.describe_scale()}."
                )
            return (
                f"The {self.name} score{target} is {_fmt(value)}, but the {self.name} scale "
                f"runs {self.describe_scale()}."
            )
        return None

    def normalise(self, value: float) -> float:
        """``value`` on 0..1, 1 being best."""
        problem = self.problem(value)
        if problem is not None:
            raise ScoreError([problem])
        fraction = (value - self.scale_min) / (self.scale_max - self.scale_min)
        return fraction if self.higher_is_better else 1 - fraction


def _check_criteria(criteria: Sequence[Criterion]) -> float:
    if not criteria:
        raise ValueError("At least one criterion is needed to score a project.")
    names = [c.name for c in criteria]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise ValueError(f"Criteria listed more than once: {', '.join(repeated)}.")
    total = sum(c.weight for c in criteria)
    if total <= 0:
        raise ValueError("At least one criterion must have a weight above zero.")
    return total


def _problems(
    scores: Mapping[str, float], criteria: Sequence[Criterion], *, who: str, project: str
) -> list[str]:
    problems: list[str] = []
    known = {c.name for c in criteria}
    target = f" for {project}" if project else ""
    for criterion in criteria:
        if criterion.name not in scores:
            if who:
                problems.append(f"{who} gave no score for {criterion.name}{target}.")
            else:
                problems.append(f"There is no {criterion.name} score{target}.")
            continue
        problem = criterion.problem(scores[criterion.name], who=who, project=project)
        if problem is not None:
            problems.append(problem)
    for name in scores:
        if name not in known:
            scorer = f"{who} scored" if who else "There is a score for"
            problems.append(f"{scorer} {name!r}{target}, which is not one of the criteria.")
    return problems


def weighted_score(
    scores: Mapping[str, float],
    criteria: Sequence[Criterion],
    *,
    out_of: float = 100.0,
    who: str = "",
    project: str = "",
) -> float:
    """The weighted score of one set of criterion scores, on 0..``out_of``.
    ``who`` and ``project`` only make error messages specific."""
    total_weight = _check_criteria(criteria)
    problems = _problems(scores, criteria, who=who, project=project)
    if problems:
        raise ScoreError(problems)
    weighted = sum(c.weight * c.normalise(scores[c.name]) for c in criteria)
    return out_of * weighted / total_weight


@dataclass(frozen=True)
class Spread:
    """Summary of several values."""

    count: int
    mean: float
    median: float
    minimum: float
    maximum: float
    std_dev: float

    @property
    def range(self) -> float:
        return self.maximum - self.minimum

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        data = list(values)
        if not data:
            raise ValueError("There are no values to summarise.")
        return cls(
            count=len(data),
            mean=statistics.fmean(data),
            median=statistics.median(data),
            minimum=min(data),
            maximum=max(data),
            std_dev=statistics.pstdev(data),
        )


@dataclass(frozen=True)
class ProjectAssessment:
    """One project's scores from several partners."""

    project: str
    overall: Spread
    by_partner: dict[str, float]
    by_criterion: dict[str, Spread]
    out_of: float


def aggregate_partner_scores(
    project: str,
    partner_scores: PartnerScores,
    criteria: Sequence[Criterion],
    *,
    out_of: float = 100.0,
) -> ProjectAssessment:
    """Combine partners' scores for ``project``: each partner's weighted score, their
    spread, and the spread of the raw scores on each criterion (on its own scale).
    Every problem in every partner's scores is reported at once."""
    _check_criteria(criteria)
    if not partner_scores:
        raise ScoreError([f"No partner has scored {project} yet."])
    problems: list[str] = []
    for partner, scores in partner_scores.items():
        problems.extend(_problems(scores, criteria, who=partner, project=project))
    if problems:
        raise ScoreError(problems)
    by_partner = {
        partner: weighted_score(scores, criteria, out_of=out_of)
        for partner, scores in partner_scores.items()
    }
    by_criterion = {
        c.name: Spread.of(scores[c.name] for scores in partner_scores.values()) for c in criteria
    }
    return ProjectAssessment(
        project=project,
        overall=Spread.of(by_partner.values()),
        by_partner=by_partner,
        by_criterion=by_criterion,
        out_of=out_of,
    )


@dataclass(frozen=True)
class RankedProject:
    project: str
    score: float
    rank: int
    tied: bool

    @property
    def display_rank(self) -> str:
        """ "=2" for a shared rank, "3" otherwise."""
        return f"={self.rank}" if self.tied else str(self.rank)


def rank_projects(scores: Mapping[str, float], *, places: int = _TIE_PLACES) -> list[RankedProject]:
    """Projects from highest to lowest score; equal scores (to ``places`` decimals)
    share the rank of the first of them, and the next rank is skipped."""
    ordered = sorted(scores.items(), key=lambda item: (-round(item[1], places), item[0]))
    keys = [round(score, places) for _, score in ordered]
    ranked: list[RankedProject] = []
    for position, (project, score) in enumerate(ordered):
        key = keys[position]
        first = keys.index(key)
        ranked.append(
            RankedProject(project=project, score=score, rank=first + 1, tied=keys.count(key) > 1)
        )
    return ranked


Ranking = Sequence[RankedProject] | Mapping[str, float]


def _ranks(ranking: Ranking) -> dict[str, float]:
    if isinstance(ranking, Mapping):
        return {project: float(rank) for project, rank in ranking.items()}
    ranks: dict[str, float] = {}
    for item in ranking:
        if item.project in ranks:
            raise ValueError(f"{item.project} appears twice in one ranking.")
        ranks[item.project] = float(item.rank)
    return ranks


def _mid_ranks(values: Sequence[float]) -> list[float]:
    """Positions 1..n by value, ties given the mean of the positions they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        mid = (start + end) / 2 + 1
        for k in range(start, end + 1):
            result[order[k]] = mid
        start = end + 1
    return result


def spearman_rho(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Spearman's rank correlation of paired ranks (or scores), ties allowed.
    ``None`` when it is undefined (fewer than two items, or no variation)."""
    if len(a) != len(b):
        raise ValueError("Both rankings must have the same projects.")
    if len(a) < 2:
        return None
    x, y = _mid_ranks(a), _mid_ranks(b)
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sxy = sum((p - mx) * (q - my) for p, q in zip(x, y, strict=True))
    sxx = sum((p - mx) ** 2 for p in x)
    syy = sum((q - my) ** 2 for q in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def kendall_tau(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Kendall's tau-b of paired ranks (or scores), adjusted for ties. ``None``
    when it is undefined."""
    if len(a) != len(b):
        raise ValueError("Both rankings must have the same projects.")
    n = len(a)
    if n < 2:
        return None
    concordant = discordant = ties_a = ties_b = 0
    for i in range(n):
        for j in range(i + 1, n):
            da = (a[i] > a[j]) - (a[i] < a[j])
            db = (b[i] > b[j]) - (b[i] < b[j])
            if da == 0:
                ties_a += 1
            if db == 0:
                ties_b += 1
            if da and db:
                if da == db:
                    concordant += 1
                else:
                    discordant += 1
    pairs = n * (n - 1) // 2
    denominator = math.sqrt((pairs - ties_a) * (pairs - ties_b))
    if denominator == 0:
        return None
    return (concordant - discordant) / denominator


@dataclass(frozen=True)
class RankComparison:
    project: str
    rank_a: float
    rank_b: float

    @property
    def difference(self) -> float:
        """``rank_b - rank_a``: positive when method B ranks the project lower."""
        return self.rank_b - self.rank_a


@dataclass(frozen=True)
class RankingComparison:
    rows: list[RankComparison]
    spearman_rho: float | None
    kendall_tau: float | None
    disagreements: list[RankComparison]
    threshold: float
    only_in_a: list[str]
    only_in_b: list[str]
    label_a: str
    label_b: str

    def describe(self) -> list[str]:
        """Plain-English sentences for the page beside the comparison table."""
        lines: list[str] = []
        if self.spearman_rho is not None and self.kendall_tau is not None:
            lines.append(
                f"The two rankings agree {_agreement(self.spearman_rho)} "
                f"(Spearman's rho {self.spearman_rho:.2f}, Kendall's tau {self.kendall_tau:.2f})."
            )
        for row in self.disagreements:
            gap = abs(row.difference)
            lines.append(
                f"{row.project} is ranked {_fmt(row.rank_a)} by {self.label_a} and "
                f"{_fmt(row.rank_b)} by {self.label_b} ({_fmt(gap)} places apart)."
            )
        if not self.disagreements and self.rows:
            lines.append(f"No project's rank differs by {_fmt(self.threshold)} or more places.")
        for label, missing in ((self.label_a, self.only_in_a), (self.label_b, self.only_in_b)):
            if missing:
                lines.append(f"Ranked only by {label}: {', '.join(missing)}.")
        return lines


def _agreement(rho: float) -> str:
    if rho >= 0.9:
        return "very closely"
    if rho >= 0.7:
        return "closely"
    if rho >= 0.4:
        return "moderately"
    if rho >= 0:
        return "weakly"
    return "hardly at all (they tend to reverse each other)"


def compare_rankings(
    ranking_a: Ranking,
    ranking_b: Ranking,
    *,
    threshold: float = 2,
    label_a: str = "the first method",
    label_b: str = "the second method",
) -> RankingComparison:
    """Compare two rankings of the same projects (``rank_projects`` output or a
    mapping of project to rank). Correlations use the projects ranked by both."""
    ranks_a, ranks_b = _ranks(ranking_a), _ranks(ranking_b)
    common = [p for p in ranks_a if p in ranks_b]
    rows = sorted(
        (RankComparison(p, ranks_a[p], ranks_b[p]) for p in common),
        key=lambda row: (row.rank_a, row.rank_b, row.project),
    )
    a = [row.rank_a for row in rows]
    b = [row.rank_b for row in rows]
    disagreements = sorted(
        (row for row in rows if abs(row.difference) >= threshold),
        key=lambda row: (-abs(row.difference), row.rank_a, row.project),
    )
    return RankingComparison(
        rows=rows,
        spearman_rho=spearman_rho(a, b),
        kendall_tau=kendall_tau(a, b),
        disagreements=disagreements,
        threshold=threshold,
        only_in_a=[p for p in ranks_a if p not in ranks_b],
        only_in_b=[p for p in ranks_b if p not in ranks_a],
        label_a=label_a,
        label_b=label_b,
    )
