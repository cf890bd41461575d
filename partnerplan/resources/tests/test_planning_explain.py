"""The portfolio planner's explanations: why a project is deferred, and what would let it in.

No database: plain dataclasses in and out.  Every solve is small, with limits of 1-2 s.
"""

from __future__ import annotations

from decimal import Decimal

from partnerplan.resources.planning.portfolio import (
    Fund,
    ReasonKind,
)
from partnerplan.resources.tests.planning_factories import (
    FIN,
    PM,
    PROC,
    deferred,
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
# Why deferred, and what would let it in
# --------------------------------------------------------------------------------------


def test_it_names_the_skill_and_months_that_keep_a_project_out():
    result = plan(procurement_problem())
    assert result.scheduled_ids() == {"a"}
    capacity = reason(result, "b", ReasonKind.CAPACITY)
    assert capacity.skill == PROC
    assert capacity.months == (month(3), month(4), month(5), month(6))
    assert capacity.amount == Decimal(1)
    assert "Not enough procurement" in capacity.message
    assert capacity.suggestion == "One more day a week of procurement from March 2011 to June 2011"
    deadline = reason(result, "b", ReasonKind.DEADLINE)
    assert deadline.suggestion == "Move the deadline of 'B' to October 2011 (4 months later)"
    assert "One more day a week of procurement" in deferred(result, "b").suggestions[0]


def test_it_says_from_when_more_help_is_needed_to_the_end_of_the_horizon():
    pool = [member("ann", {PM}, "5"), member("bob", {PROC}, "1")]
    projects = [
        project("a", 10, 12, role(PM, "1"), role(PROC, "1")),
        project("b", 8, 10, role(PM, "1"), role(PROC, "1"), earliest_start=month(3)),
    ]
    result = plan(problem(pool, projects))
    capacity = reason(result, "b", ReasonKind.CAPACITY)
    assert capacity.suggestion == "One more day a week of procurement from March 2011"


def test_it_says_how_much_more_money_which_fund_needs():
    reserve = Fund("reserve", "the reserve", Decimal(10000))
    projects = [
        project("a", 5, 3, role(PM, "1"), cost_per_month=(Decimal(10000),) * 3, fund_id="reserve")
    ]
    result = plan(problem([member("ann", {PM})], projects, [reserve]))
    assert result.scheduled == ()
    money = reason(result, "a", ReasonKind.MONEY)
    assert money.fund_id == "reserve"
    assert money.amount == Decimal(20000)
    assert money.suggestion.startswith("£20,000 more in the reserve by ")
    assert money.message.startswith("The reserve cannot pay for it: the money runs £20,000 short")


def test_it_warns_when_nobody_has_a_skill_and_says_whom_to_add():
    pool = [member("ann", {PM}, "5")]
    projects = [project("a", 5, 3, role(PM, "1"), role(FIN, "2"))]
    result = plan(problem(pool, projects))
    assert result.scheduled == ()
    assert result.warnings == ("Nobody in the pool has the skill 'finance' (needed by a).",)
    missing = reason(result, "a", ReasonKind.SKILL_MISSING)
    assert missing.skill == FIN
    assert (
        missing.suggestion
        == "Add someone with finance, two days a week from January 2011 to March 2011"
    )


def test_it_explains_an_impossible_deadline_inside_the_horizon():
    # a deadline before the horizon's end but with earliest start unset: no start fits
    pool = [member("ann", {PM}, "5")]
    projects = [project("a", 5, 3, role(PM, "1"), deadline=month(2))]
    result = plan(problem(pool, projects))
    deadline = reason(result, "a", ReasonKind.DEADLINE)
    assert "cannot finish by its deadline, February 2011" in deadline.message
    assert deadline.suggestion == "Move the deadline to March 2011"


def test_it_can_skip_explanations():
    result = plan(procurement_problem(), explain=False)
    assert deferred(result, "b").reasons == ()
    result = plan(procurement_problem(), explain=["b"])
    assert deferred(result, "b").reasons
