"""Weighted scores, partners' scores combined, rankings with ties, ranking comparison."""

from typing import Any

import pytest

from partnerplan.portfolio.scoring.aggregate import (
    Criterion,
    RankedProject,
    ScoreError,
    Spread,
    aggregate_partner_scores,
    compare_rankings,
    kendall_tau,
    rank_projects,
    spearman_rho,
    weighted_score,
)

CRITERIA = [
    Criterion("Benefit", weight=0.5, scale_min=1, scale_max=5),
    Criterion("Cost", weight=0.3, scale_min=1, scale_max=5, higher_is_better=False),
    Criterion("Strategic fit", weight=0.2, scale_min=0, scale_max=10),
]


def test_it_normalises_each_criterion_to_its_scale():
    benefit, cost, fit = CRITERIA
    assert benefit.normalise(1) == 0
    assert benefit.normalise(5) == 1
    assert benefit.normalise(3) == 0.5
    assert cost.normalise(1) == 1  # cheapest is best
    assert cost.normalise(5) == 0
    assert fit.normalise(7.5) == 0.75


def test_it_computes_a_weighted_score_out_of_100():
    scores = {"Benefit": 4, "Cost": 2, "Strategic fit": 5}
    # 0.5 * 0.75 + 0.3 * 0.75 + 0.2 * 0.5 = 0.7
    assert weighted_score(scores, CRITERIA) == pytest.approx(70.0)
    assert weighted_score(scores, CRITERIA, out_of=1) == pytest.approx(0.7)


def test_it_normalises_weights_given_as_points():
    points = [
        Criterion("Benefit", weight=5),
        Criterion("Cost", weight=3, higher_is_better=False),
        Criterion("Strategic fit", weight=2, scale_min=0, scale_max=10),
    ]
    scores = {"Benefit": 4, "Cost": 2, "Strategic fit": 5}
    assert weighted_score(scores, points) == pytest.approx(70.0)


def test_it_explains_a_score_outside_the_scale():
    scores = {"Benefit": 7, "Cost": 2, "Strategic fit": 5}
    with pytest.raises(
        ScoreError, match="Lichfield DC scored Benefit for Life Events as 7"
    ) as caught:
        weighted_score(scores, CRITERIA, who="Lichfield DC", project="Life Events")
    assert str(caught.value) == (
        "Lichfield DC scored Benefit for Life Events as 7, but the Benefit scale runs from 1 to 5."
    )
    with pytest.raises(
        ScoreError,
        match=r"The Cost score is 0, but the Cost scale runs "
        r"from 1 to 5, lower is better\.",
    ):
        weighted_score({"Benefit": 3, "Cost": 0, "Strategic fit": 5}, CRITERIA)


def test_it_reports_missing_unknown_and_non_numeric_scores_together():
    scores: dict[str, Any] = {"Benefit": "high", "Streetscene": 3}
    with pytest.raises(ScoreError, match="4 problems with the scores: ") as caught:
        weighted_score(scores, CRITERIA, who="Tamworth BC")
    problems = caught.value.problems
    assert problems == [
        "Tamworth BC's Benefit score is not a number ('high').",
        "Tamworth BC gave no score for Cost.",
        "Tamworth BC gave no score for Strategic fit.",
        "Tamworth BC scored 'Streetscene', which is not one of the criteria.",
    ]
    assert str(caught.value).startswith("4 problems with the scores: ")


def test_it_rejects_badly_defined_criteria():
    with pytest.raises(ValueError, match="lower to a higher"):
        Criterion("Benefit", weight=1, scale_min=5, scale_max=1)
    with pytest.raises(ValueError, match="zero or more"):
        Criterion("Benefit", weight=-1)
    with pytest.raises(ValueError, match="needs a name"):
        Criterion(" ", weight=1)
    with pytest.raises(ValueError, match="more than once"):
        weighted_score({"A": 1}, [Criterion("A", 1), Criterion("A", 1)])
    with pytest.raises(ValueError, match="weight above zero"):
        weighted_score({"A": 1}, [Criterion("A", 0)])
    with pytest.raises(ValueError, match="At least one criterion"):
        weighted_score({}, [])


def test_it_aggregates_several_partners_scores_with_their_spread():
    partner_scores = {
        "Stafford BC": {"Benefit": 5, "Cost": 1, "Strategic fit": 10},  # 100
        "Lichfield DC": {"Benefit": 3, "Cost": 3, "Strategic fit": 5},  # 50
        "Cannock Chase DC": {"Benefit": 4, "Cost": 2, "Strategic fit": 5},  # 70
        "Tamworth BC": {"Benefit": 1, "Cost": 5, "Strategic fit": 0},  # 0
    }
    assessment = aggregate_partner_scores("Customer Knowledge", partner_scores, CRITERIA)
    assert assessment.by_partner == pytest.approx(
        {"Stafford BC": 100, "Lichfield DC": 50, "Cannock Chase DC": 70, "Tamworth BC": 0}
    )
    overall = assessment.overall
    assert overall.count == 4
    assert overall.mean == pytest.approx(55)
    assert overall.median == pytest.approx(60)
    assert overall.minimum == pytest.approx(0)
    assert overall.maximum == pytest.approx(100)
    assert overall.range == pytest.approx(100)
    assert overall.std_dev == pytest.approx(36.4005, abs=1e-4)  # population
    assert assessment.by_criterion["Benefit"].mean == pytest.approx(3.25)
    assert assessment.by_criterion["Cost"].median == pytest.approx(2.5)


def test_it_reports_every_partners_problems_at_once():
    partner_scores = {
        "Stafford BC": {"Benefit": 6, "Cost": 1, "Strategic fit": 10},
        "Lichfield DC": {"Benefit": 3, "Cost": 3, "Strategic fit": 11},
    }
    with pytest.raises(ScoreError, match="Stafford BC scored Benefit for Telephony as 6") as caught:
        aggregate_partner_scores("Telephony", partner_scores, CRITERIA)
    assert caught.value.problems == [
        "Stafford BC scored Benefit for Telephony as 6, but the Benefit scale runs from 1 to 5.",
        "Lichfield DC scored Strategic fit for Telephony as 11, but the Strategic fit scale "
        "runs from 0 to 10.",
    ]
    with pytest.raises(ScoreError, match="No partner has scored Telephony yet"):
        aggregate_partner_scores("Telephony", {}, CRITERIA)


def test_it_summarises_a_single_value_without_spread():
    spread = Spread.of([42.0])
    assert (spread.mean, spread.median, spread.std_dev) == (42.0, 42.0, 0.0)
    with pytest.raises(ValueError, match="no values"):
        Spread.of([])


def test_it_ranks_projects_with_shared_ranks_for_ties():
    ranking = rank_projects(
        {"Telephony": 60, "Life Events": 72.5, "Customer Knowledge": 60, "e-payments": 40}
    )
    assert [(r.project, r.rank, r.display_rank) for r in ranking] == [
        ("Life Events", 1, "1"),
        ("Customer Knowledge", 2, "=2"),
        ("Telephony", 2, "=2"),
        ("e-payments", 4, "4"),
    ]


def test_it_does_not_split_ties_on_floating_point_noise():
    ranking = rank_projects({"A": 0.1 + 0.2, "B": 0.3})
    assert [r.rank for r in ranking] == [1, 1]
    assert all(r.tied for r in ranking)


def test_it_computes_spearman_and_kendall_against_known_values():
    # Reference values from scipy.stats.spearmanr / kendalltau (tau-b).
    assert spearman_rho([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]) == pytest.approx(0.2)
    assert kendall_tau([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]) == pytest.approx(0.2)
    assert spearman_rho([1, 2, 2, 4, 5], [1, 3, 2, 2, 5]) == pytest.approx(0.7631578947)
    assert kendall_tau([1, 2, 2, 4, 5], [1, 3, 2, 2, 5]) == pytest.approx(0.6666666667)
    assert spearman_rho([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1)
    assert kendall_tau([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1)


def test_it_returns_none_when_a_correlation_is_undefined():
    assert spearman_rho([1], [1]) is None
    assert kendall_tau([1], [1]) is None
    assert spearman_rho([1, 1, 1], [1, 2, 3]) is None
    assert kendall_tau([1, 1, 1], [1, 2, 3]) is None
    with pytest.raises(ValueError, match="same projects"):
        spearman_rho([1, 2], [1])


def test_it_compares_two_rankings_and_lists_disagreements():
    connects = rank_projects(
        {
            "Customer Knowledge": 80,
            "Public Protection": 75,
            "Telephony": 70,
            "Life Events": 65,
            "e-payments": 50,
            "Mobile Working": 40,
        }
    )
    chief_executives = rank_projects(
        {
            "Customer Knowledge": 90,
            "Public Protection": 60,
            "Telephony": 85,
            "Life Events": 70,
            "e-payments": 20,
            "Mobile Working": 95,
        }
    )
    comparison = compare_rankings(
        connects,
        chief_executives,
        threshold=2,
        label_a="the Connects method",
        label_b="the Chief Executives' method",
    )
    by_project = {row.project: row for row in comparison.rows}
    assert by_project["Mobile Working"].rank_a == 6
    assert by_project["Mobile Working"].rank_b == 1
    assert by_project["Mobile Working"].difference == -5
    assert [row.project for row in comparison.disagreements] == [
        "Mobile Working",
        "Public Protection",
    ]
    assert comparison.spearman_rho == pytest.approx(
        spearman_rho([1, 2, 3, 4, 5, 6], [2, 5, 3, 4, 6, 1])
    )
    assert comparison.kendall_tau == pytest.approx(
        kendall_tau([1, 2, 3, 4, 5, 6], [2, 5, 3, 4, 6, 1])
    )
    lines = comparison.describe()
    assert lines[0].startswith("The two rankings agree")
    assert (
        "Mobile Working is ranked 6 by the Connects method and 1 by the Chief Executives' "
        "method (5 places apart)."
    ) in lines


def test_it_compares_rank_mappings_and_reports_projects_missing_from_one():
    comparison = compare_rankings(
        {"A": 1, "B": 2, "C": 3, "Streetscene": 4}, {"A": 1, "B": 2, "C": 3, "Life Events": 4}
    )
    assert [row.project for row in comparison.rows] == ["A", "B", "C"]
    assert comparison.spearman_rho == pytest.approx(1.0)
    assert comparison.kendall_tau == pytest.approx(1.0)
    assert comparison.disagreements == []
    assert comparison.only_in_a == ["Streetscene"]
    assert comparison.only_in_b == ["Life Events"]
    lines = comparison.describe()
    assert "No project's rank differs by 2 or more places." in lines
    assert "Ranked only by the first method: Streetscene." in lines
    assert "Ranked only by the second method: Life Events." in lines


def test_it_handles_tied_ranks_when_comparing():
    a = rank_projects({"A": 10, "B": 10, "C": 5})
    b = rank_projects({"A": 10, "B": 5, "C": 5})
    comparison = compare_rankings(a, b)
    assert comparison.spearman_rho == pytest.approx(spearman_rho([1, 1, 3], [1, 2, 2]))
    assert comparison.kendall_tau == pytest.approx(kendall_tau([1, 1, 3], [1, 2, 2]))


def test_it_refuses_a_ranking_that_lists_a_project_twice():
    twice = [RankedProject("A", 1, 1, False), RankedProject("A", 1, 1, False)]
    with pytest.raises(ValueError, match="appears twice"):
        compare_rankings(twice, {"A": 1})
