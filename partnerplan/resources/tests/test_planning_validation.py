"""The portfolio planner's input validation: every problem in plain English, at once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from partnerplan.resources.planning.common import PlanningInputError
from partnerplan.resources.planning.portfolio import (
    validate,
)
from partnerplan.resources.tests.planning_factories import (
    PM,
    member,
    month,
    plan,
    problem,
    project,
    role,
)

# --------------------------------------------------------------------------------------
# Infeasible commitments and bad input
# --------------------------------------------------------------------------------------


def test_it_rejects_availability_over_five_days_a_week():
    p = problem([member("ann", {PM}, "6")], [project("a", 1, 1, role(PM, "1"))])
    with pytest.raises(
        PlanningInputError, match="normal availability of 6 days a week is more than 5"
    ):
        plan(p)


def test_it_rejects_demand_without_a_skill_and_more_than_five_days():
    p = problem([member("ann", {PM})], [project("a", 1, 2, role(" ", "1"), role(PM, "5.5"))])
    errors = validate(p)
    assert "Project 'A' (a), role 1: no skill given; say which skill the role needs." in errors
    assert any("role 2: needs 5.5 days a week" in e for e in errors)


def test_it_rejects_an_impossible_deadline():
    p = problem(
        [member("ann", {PM})],
        [project("a", 1, 4, role(PM, "1"), earliest_start=month(3), deadline=month(5))],
    )
    with pytest.raises(PlanningInputError, match="the deadline May 2011 is impossible") as caught:
        plan(p)
    assert caught.value.problems == [
        "Project 'A' (a): the deadline May 2011 is impossible: starting in March 2011, "
        "4 months end in June 2011."
    ]


def test_it_rejects_a_dependency_cycle():
    projects = [
        project("a", 1, 1, depends_on=("c",)),
        project("b", 1, 1, depends_on=("a",)),
        project("c", 1, 1, depends_on=("b",)),
    ]
    errors = validate(problem([member("ann", {PM})], projects))
    assert len([e for e in errors if e.startswith("The dependencies form a cycle: ")]) == 1
    cycle = next(e for e in errors if "cycle" in e)
    assert all(f"'{x}'" in cycle for x in "abc")


def test_it_lists_every_input_problem_at_once():
    pool = [member("ann", {PM}, "2", leave_days={month(2): Decimal(40)}), member("ann", set())]
    projects = [
        project("a", -1, 0, role(PM, "1"), fund_id="nope", depends_on=("zzz",)),
        project("b", 1, 2, role(PM, "1", member_id="ghost"), cost_per_month=(Decimal("1.005"),)),
    ]
    errors = validate(problem(pool, projects, months=0))
    expected = [
        "The planning horizon must be at least one month long.",
        "The pool member id 'ann' is used more than once.",
        "Pool member 'Ann' (ann) has no skills.",
        "Project 'A' (a): the duration must be at least one month.",
        "Project 'A' (a): the value must not be negative.",
        "Project 'A' (a): unknown fund 'nope'.",
        "Project 'A' (a): depends on unknown project 'zzz'.",
        "Project 'B' (b): monthly costs must be zero or more, in pounds and pence.",
        "Project 'B' (b), role 1: unknown pool member 'ghost'.",
    ]
    for e in expected:
        assert e in errors
