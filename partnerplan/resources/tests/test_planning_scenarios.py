"""What-if scenarios, their comparison and the efficient frontier of the portfolio planner."""

from __future__ import annotations

from decimal import Decimal

import pytest

from partnerplan.resources.planning.common import PlanningInputError, SolveStatus
from partnerplan.resources.planning.portfolio import (
    Fund,
    MoneyChange,
    ReasonKind,
    Scenario,
    apply_scenario,
    compare,
    efficient_frontier,
)
from partnerplan.resources.tests.planning_factories import (
    JAN,
    PM,
    PROC,
    member,
    month,
    plan,
    problem,
    procurement_problem,
    project,
    reason,
    role,
)

# --------------------------------------------------------------------------------------
# Scenarios and the efficient frontier
# --------------------------------------------------------------------------------------


def test_it_applies_and_compares_scenarios():
    base = procurement_problem()
    helper = member("dan", {PROC}, "1")
    scenarios = {
        "baseline": Scenario("baseline"),
        "b in": Scenario("b in", force_in=("b",)),
        "a out": Scenario("a out", force_out=("a",)),
        "more procurement": Scenario("more procurement", add_members=(helper,)),
    }
    results = {name: plan(apply_scenario(base, s), explain=False) for name, s in scenarios.items()}
    assert results["b in"].scheduled_ids() == {"b"}
    assert results["a out"].scheduled_ids() == {"b"}
    forced_out = reason(results["a out"], "a", ReasonKind.FORCED_OUT)
    assert forced_out.message == "Forced out in this scenario."
    assert results["more procurement"].scheduled_ids() == {"a", "b"}
    rows = compare(results)
    assert [r.name for r in rows] == list(scenarios)
    assert rows[0].added == () and rows[0].dropped == ()
    assert (rows[1].added, rows[1].dropped) == (("b",), ("a",))
    assert rows[3].value == Decimal(18) and rows[3].added == ("b",)


def test_it_changes_money_and_removes_members_in_a_scenario():
    reserve = Fund("reserve", "the reserve", Decimal(10000))
    projects = [
        project("a", 5, 3, role(PM, "1"), cost_per_month=(Decimal(10000),) * 3, fund_id="reserve")
    ]
    base = problem([member("ann", {PM}), member("bob", {PM})], projects, [reserve])
    richer = apply_scenario(
        base, Scenario("richer", money_changes=(MoneyChange("reserve", JAN, Decimal(20000)),))
    )
    assert richer.funds[0].opening_balance == Decimal(30000)
    assert plan(richer).scheduled_ids() == {"a"}
    later = apply_scenario(
        base, Scenario("later", money_changes=(MoneyChange("reserve", month(5), Decimal(20000)),))
    )
    (scheduled,) = plan(later).scheduled
    assert scheduled.start >= month(3)  # third month's spend needs May's money
    fewer = apply_scenario(base, Scenario("fewer", remove_members=("ann",)))
    assert [m.id for m in fewer.members] == ["bob"]


def test_it_rejects_a_bad_scenario():
    base = procurement_problem()
    with pytest.raises(PlanningInputError, match="4 problems in the planning input") as caught:
        apply_scenario(
            base,
            Scenario(
                "bad",
                force_in=("a", "zz"),
                force_out=("a",),
                remove_members=("nobody",),
                money_changes=(MoneyChange("nofund", JAN, Decimal(1)),),
            ),
        )
    assert caught.value.problems == [
        "Scenario 'bad': unknown project 'zz'",
        "Scenario 'bad': project 'a' is forced both in and out",
        "Scenario 'bad': unknown pool member 'nobody'",
        "Scenario 'bad': unknown fund 'nofund'",
    ]


def test_it_traces_a_monotone_efficient_frontier():
    reserve = Fund("reserve", "the reserve", Decimal(100000))
    projects = [
        project("a", 9, 2, cost_per_month=(Decimal(15000),) * 2, fund_id="reserve"),
        project("b", 5, 2, cost_per_month=(Decimal(5000),) * 2, fund_id="reserve"),
        project("c", 4, 2, cost_per_month=(Decimal(10000),) * 2, fund_id="reserve"),
        project("d", 1, 2, cost_per_month=(Decimal(20000),) * 2, fund_id="reserve"),
    ]
    p = problem([member("ann", {PM})], projects, [reserve])
    points = efficient_frontier(p, points=5, time_limit_s=1)
    assert [pt.budget for pt in points] == [Decimal(n) for n in (0, 25000, 50000, 75000, 100000)]
    values = [pt.value for pt in points]
    assert values == sorted(values)
    assert values == [Decimal(0), Decimal(5), Decimal(14), Decimal(18), Decimal(19)]
    assert all(pt.cost <= pt.budget for pt in points)
    assert all(pt.status is SolveStatus.OPTIMAL for pt in points)
    assert [pt.efficient for pt in points] == [True, True, True, True, True]
    again = efficient_frontier(p, [Decimal(30000), Decimal(30000)], time_limit_s=1)
    assert [pt.efficient for pt in again] == [True, False]


def test_it_reports_progress_and_the_gap():
    calls: list[tuple[float, int]] = []
    result = plan(procurement_problem(), progress=lambda f, n: calls.append((f, n)))
    assert calls and calls[-1][0] == 1.0
    assert result.status is SolveStatus.OPTIMAL
    assert result.gap == 0.0
    assert result.best_bound == result.objective == Decimal(10)
    assert result.wall_time_s > 0
