"""Pairwise comparison of criteria: weights, consistency ratio, plain-English errors."""

import math
from fractions import Fraction
from itertools import combinations

import pytest

from partnerplan.portfolio.scoring.pairwise import (
    RANDOM_INDEX,
    InconsistentJudgementsError,
    Judgement,
    JudgementError,
    JudgementValue,
    derive_weights,
    derive_weights_from_matrix,
    describe_ratio,
)

SAATY_3: list[list[JudgementValue]] = [
    [1, 3, 5],
    [Fraction(1, 3), 1, 3],
    [Fraction(1, 5), Fraction(1, 3), 1],
]


def consistent_judgements(weights: dict[str, float]):
    return [(a, b, weights[a] / weights[b]) for a, b in combinations(weights, 2)]


def test_it_reproduces_the_textbook_three_criteria_example():
    result = derive_weights_from_matrix(["A", "B", "C"], SAATY_3)
    assert result.method == "eigenvector"
    assert result.rounded(3) == {"A": 0.637, "B": 0.258, "C": 0.105}
    assert result.lambda_max == pytest.approx(3.0385, abs=1e-4)
    assert result.consistency_index == pytest.approx(0.0193, abs=1e-4)
    assert result.random_index == 0.58
    assert result.consistency_ratio == pytest.approx(0.0332, abs=1e-4)
    assert result.consistent


def test_it_gives_the_same_weights_from_judgements_as_from_the_matrix():
    judgements = [("A", "B", 3), ("A", "C", 5), ("B", "C", 3)]
    from_list = derive_weights(["A", "B", "C"], judgements)
    from_matrix = derive_weights_from_matrix(["A", "B", "C"], SAATY_3)
    for name in "ABC":
        assert from_list.weights[name] == pytest.approx(from_matrix.weights[name], abs=1e-12)


def test_it_recovers_weights_exactly_from_consistent_judgements():
    truth = {"Cost": 0.4, "Benefit": 0.3, "Risk": 0.2, "Strategic fit": 0.1}
    result = derive_weights(list(truth), consistent_judgements(truth))
    for name, weight in truth.items():
        assert result.weights[name] == pytest.approx(weight, abs=1e-9)
    assert result.lambda_max == pytest.approx(4.0, abs=1e-9)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert sum(result.weights.values()) == pytest.approx(1.0)


def test_it_accepts_judgements_written_either_way_round_and_as_fractions():
    judgements: list[Judgement] = [("B", "A", "1/3"), ("A", "C", 5.0), ("C", "B", Fraction(1, 3))]
    result = derive_weights(["A", "B", "C"], judgements)
    assert result.rounded(3) == {"A": 0.637, "B": 0.258, "C": 0.105}


def test_it_offers_geometric_mean_weights():
    result = derive_weights_from_matrix(["A", "B", "C"], SAATY_3, method="geometric_mean")
    assert result.method == "geometric_mean"
    assert result.weights["A"] == pytest.approx(0.6370, abs=1e-3)
    assert result.consistency_ratio < 0.1


def test_it_treats_any_two_criteria_as_consistent():
    result = derive_weights(["Cost", "Benefit"], [("Cost", "Benefit", 9)])
    assert result.weights == pytest.approx({"Cost": 0.9, "Benefit": 0.1})
    assert result.consistency_ratio == 0.0


def test_it_names_the_most_inconsistent_judgement():
    truth = {"Cost": 8.0, "Benefit": 4.0, "Risk": 2.0, "Strategic fit": 1.0, "Partner support": 1.0}
    # Consistent except one: Benefit said to be 6 times as important as Cost (truth: half).
    judgements = [j for j in consistent_judgements(truth) if j[:2] != ("Cost", "Benefit")]
    judgements.append(("Benefit", "Cost", 6))
    with pytest.raises(
        InconsistentJudgementsError, match="The comparisons are inconsistent"
    ) as caught:
        derive_weights(list(truth), judgements)
    error = caught.value
    message = str(error)
    assert message.startswith("The comparisons are inconsistent (consistency ratio 0.")
    assert "at most 0.10 is accepted" in message
    assert "The most inconsistent judgement is 'Benefit vs Cost'" in message
    assert "it says Benefit is 6 times as important as Cost" in message
    assert "the other comparisons imply Cost is about 2 times as important as Benefit" in message
    assert "(about 1/2 on the scale)" in message
    assert error.worst[:3] == ("Benefit", "Cost", 6.0)
    assert error.worst[3] == pytest.approx(0.5, abs=1e-6)
    assert error.result.consistency_ratio > 0.10
    assert set(error.result.weights) == set(truth)


def test_it_says_when_three_judgements_are_equally_to_blame():
    judgements: list[Judgement] = [
        ("Cost", "Benefit", "1/5"),
        ("Benefit", "Risk", 3),
        ("Cost", "Risk", 5),
    ]
    with pytest.raises(InconsistentJudgementsError, match="equally out of line"):
        derive_weights(["Cost", "Benefit", "Risk"], judgements)


def test_it_lets_the_threshold_be_changed():
    judgements: list[Judgement] = [
        ("Cost", "Benefit", "1/5"),
        ("Benefit", "Risk", 3),
        ("Cost", "Risk", 5),
    ]
    result = derive_weights(["Cost", "Benefit", "Risk"], judgements, max_cr=math.inf)
    assert result.consistency_ratio == pytest.approx(0.45, abs=0.01)
    assert not result.consistent
    mild = [("A", "B", 3), ("A", "C", 5), ("B", "C", 3)]
    with pytest.raises(InconsistentJudgementsError, match=r"at most 0\.02 is accepted"):
        derive_weights(["A", "B", "C"], mild, max_cr=0.02)


@pytest.mark.parametrize(
    ("judgements", "message"),
    [
        ([("A", "B", 10), ("A", "C", 1), ("B", "C", 1)], "'A vs B' is 10, outside Saaty's scale"),
        ([("A", "B", "1/10"), ("A", "C", 1), ("B", "C", 1)], "is 1/10, outside"),
        ([("A", "B", 0), ("A", "C", 1), ("B", "C", 1)], "positive number"),
        ([("A", "B", -3), ("A", "C", 1), ("B", "C", 1)], "positive number"),
        ([("A", "B", "lots"), ("A", "C", 1), ("B", "C", 1)], "not a number"),
        ([("A", "B", True), ("A", "C", 1), ("B", "C", 1)], "not a number"),
        ([("A", "A", 1), ("A", "B", 1), ("A", "C", 1), ("B", "C", 1)], "with itself"),
        ([("A", "B", 3), ("A", "C", 1)], r"missing: 'B vs C'\."),
        ([("A", "B", 3), ("B", "A", "1/3"), ("A", "C", 1), ("B", "C", 1)], "more than once"),
        ([("A", "B", 3), ("A", "D", 1), ("B", "C", 1)], "'D', which is not one of the criteria"),
    ],
)
def test_it_rejects_unusable_judgements(judgements, message):
    with pytest.raises(JudgementError, match=message):
        derive_weights(["A", "B", "C"], judgements)


def test_it_needs_at_least_two_distinct_criteria_and_at_most_ten():
    with pytest.raises(JudgementError, match="At least two criteria"):
        derive_weights(["Cost"], [])
    with pytest.raises(JudgementError, match="listed twice"):
        derive_weights(["Cost", "Cost"], [("Cost", "Cost", 1)])
    with pytest.raises(JudgementError, match="needs a name"):
        derive_weights(["Cost", " "], [])
    many = [f"C{i}" for i in range(11)]
    with pytest.raises(JudgementError, match="at most 10 criteria"):
        derive_weights(many, [])


def test_it_checks_a_matrix_is_square_reciprocal_with_ones_on_the_diagonal():
    with pytest.raises(JudgementError, match="3 by 3"):
        derive_weights_from_matrix(["A", "B", "C"], [[1, 2], [0.5, 1]])
    with pytest.raises(JudgementError, match="must be 1"):
        derive_weights_from_matrix(["A", "B"], [[2, 2], [0.5, 1]])
    with pytest.raises(JudgementError, match="reciprocal of 'A vs B'"):
        derive_weights_from_matrix(["A", "B"], [[1, 2], [2, 1]])


def test_it_rounds_for_display_without_losing_the_total():
    result = derive_weights(["A", "B", "C"], [("A", "B", 1), ("A", "C", 1), ("B", "C", 1)])
    assert sum(result.rounded(2).values()) == pytest.approx(1.0)
    assert sorted(result.rounded(2).values()) == [0.33, 0.33, 0.34]
    assert sum(result.percentages(1).values()) == pytest.approx(100.0)
    assert result.ranked()[0][0] == "A"


def test_it_uses_saatys_random_index():
    assert [RANDOM_INDEX[n] for n in range(1, 11)] == [
        0,
        0,
        0.58,
        0.90,
        1.12,
        1.24,
        1.32,
        1.41,
        1.45,
        1.49,
    ]


def test_it_writes_scale_values_as_people_do():
    assert describe_ratio(5) == "5"
    assert describe_ratio(1 / 3) == "1/3"
    assert describe_ratio(2.5) == "2.5"
    assert describe_ratio(0.4) == "1/2.5"
