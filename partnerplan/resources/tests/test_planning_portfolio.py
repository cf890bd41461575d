"""The portfolio planner: choose, schedule and staff projects from a shared pool.

No database: plain dataclasses in and out.  Every solve is small, with limits of 1-2 s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from partnerplan.core.money import format_money
from partnerplan.resources.planning.common import SolveStatus
from partnerplan.resources.planning.months import (
    add_months,
    format_days,
    format_more_days,
    month_label,
    months_between,
)
from partnerplan.resources.planning.portfolio import (
    Decision,
    Fund,
    ReasonKind,
)
from partnerplan.resources.tests.planning_factories import (
    JAN,
    PM,
    PROC,
    member,
    month,
    plan,
    problem,
    project,
    reason,
    role,
)

# --------------------------------------------------------------------------------------
# Months and wording
# --------------------------------------------------------------------------------------


def test_it_does_month_arithmetic_and_plain_english_amounts():
    assert add_months(dt.date(2011, 11, 15), 3) == dt.date(2012, 2, 1)
    assert add_months(JAN, -1) == dt.date(2010, 12, 1)
    assert months_between(JAN, dt.date(2012, 3, 9)) == 14
    assert month_label(month(3)) == "March 2011"
    assert format_money(Decimal("20000")) == "£20,000"
    assert format_money(Decimal("1234.5")) == "£1,234.50"
    assert format_more_days(Decimal("1")) == "one more day"
    assert format_more_days(Decimal("2.00")) == "two more days"
    assert format_more_days(Decimal("0.5")) == "half a day more"
    assert format_days(Decimal("1.5")) == "1.5 days"


# --------------------------------------------------------------------------------------
# Choosing and scheduling
# --------------------------------------------------------------------------------------


def test_it_chooses_the_most_valuable_set_under_capacity():
    # one project manager, three days a week for a year: two 3-day projects of a year each
    # cannot both run, but the two smaller ones together beat the single big one
    pool = [member("ann", {PM}, "3")]
    projects = [
        project("big", 10, 12, role(PM, "3")),
        project("small1", 6, 12, role(PM, "1.5")),
        project("small2", 6, 12, role(PM, "1.5")),
    ]
    result = plan(problem(pool, projects))
    assert result.status is SolveStatus.OPTIMAL
    assert result.scheduled_ids() == {"small1", "small2"}
    assert result.objective == Decimal(12)
    assert result.best_bound == Decimal(12)
    assert result.gap == 0.0
    assert [d.project_id for d in result.deferred] == ["big"]
    assert reason(result, "big", ReasonKind.OUTRANKED).project_ids == ("small1", "small2")


def test_it_schedules_projects_one_after_another_when_they_cannot_overlap():
    pool = [member("ann", {PM}, "3")]
    projects = [project("a", 5, 6, role(PM, "3")), project("b", 4, 6, role(PM, "3"))]
    result = plan(problem(pool, projects))
    assert result.scheduled_ids() == {"a", "b"}
    starts = sorted(s.start for s in result.scheduled)
    assert starts == [month(1), month(7)]
    assert result.utilisation["ann"] == (Decimal(3),) * 12


def test_it_staffs_each_role_with_someone_who_has_the_skill():
    pool = [member("ann", {PM}, "2"), member("bob", {PROC}, "2"), member("cat", {PM, PROC}, "1")]
    projects = [project("a", 5, 3, role(PM, "2"), role(PROC, "2"))]
    result = plan(problem(pool, projects))
    by_skill = {a.skill: a.member_id for a in result.assignments}
    assert by_skill == {PM: "ann", PROC: "bob"}
    assert all(a.start == month(1) and a.end == month(3) for a in result.assignments)


def test_it_keeps_a_role_with_one_person_and_honours_pinned_staff():
    pool = [member("ann", {PM}, "3"), member("bob", {PM}, "3")]
    projects = [project("a", 5, 3, role(PM, "2", member_id="bob"))]
    result = plan(problem(pool, projects))
    assert [a.member_id for a in result.assignments] == ["bob"]


def test_it_uses_part_of_a_project_for_a_role_with_an_offset():
    pool = [member("ann", {PM}, "2"), member("bob", {PROC}, "1")]
    projects = [project("a", 5, 6, role(PM, "2"), role(PROC, "1", start_offset=2, months=2))]
    result = plan(problem(pool, projects))
    proc = next(a for a in result.assignments if a.skill == PROC)
    assert (proc.start, proc.end) == (month(3), month(4))
    assert result.utilisation["bob"][:6] == tuple(Decimal(x) for x in (0, 0, 1, 1, 0, 0))


def test_it_takes_leave_and_changed_availability_into_account():
    # Ann works two days a week; 8.66 days of leave in March (4.33 weeks) use it all
    pool = [
        member(
            "ann",
            {PM},
            "2",
            leave_days={month(3): Decimal("8.66")},
            availability={month(6): Decimal(0)},
        )
    ]
    projects = [project("a", 5, 2, role(PM, "2"), deadline=month(4))]
    result = plan(problem(pool, projects))
    # March has no capacity left, so the two months must be January-February
    assert [s.start for s in result.scheduled] == [month(1)]
    projects = [project("a", 5, 2, role(PM, "2"), earliest_start=month(5), deadline=month(7))]
    result = plan(problem(pool, projects))
    assert result.scheduled == ()
    capacity = reason(result, "a", ReasonKind.CAPACITY)
    assert capacity.skill == PM
    assert month(6) in capacity.months


def test_it_spends_money_only_when_the_fund_has_it():
    # £10,000 now and £30,000 more in July: a £20,000-a-month project of two months must
    # finish its spending after July's money arrives
    reserve = Fund("reserve", "the reserve", Decimal(10000), {month(7): Decimal(30000)})
    projects = [
        project(
            "a",
            5,
            2,
            role(PM, "1"),
            cost_per_month=(Decimal(20000), Decimal(20000)),
            fund_id="reserve",
        )
    ]
    result = plan(problem([member("ann", {PM})], projects, [reserve]))
    (scheduled,) = result.scheduled
    assert scheduled.start >= month(7)
    assert scheduled.cost == Decimal("40000.00")
    assert isinstance(scheduled.cost, Decimal)
    assert sum(result.spend["reserve"]) == Decimal(40000)
    assert all(isinstance(x, Decimal) for x in result.spend["reserve"])
    assert result.total_cost == Decimal(40000)


def test_it_limits_each_month_for_a_fund_without_carry_over():
    grant = Fund("grant", "the grant", Decimal(0), {month(m): Decimal(1000) for m in range(1, 13)})
    grant = dataclasses.replace(grant, carry_over=False)
    projects = [
        project("a", 5, 1, cost_per_month=(Decimal(1000),), fund_id="grant"),
        project("b", 5, 1, cost_per_month=(Decimal(1000),), fund_id="grant"),
        project("c", 5, 1, cost_per_month=(Decimal(1500),), fund_id="grant"),
    ]
    result = plan(problem([member("ann", {PM})], projects, [grant]))
    assert result.scheduled_ids() == {"a", "b"}
    starts = {s.project_id: s.start for s in result.scheduled}
    assert starts["a"] != starts["b"]
    money = reason(result, "c", ReasonKind.MONEY)
    assert money.fund_id == "grant"
    assert money.amount == Decimal(500)
    assert money.suggestion == "£500 more a month in the grant"


def test_it_meets_deadlines_and_earliest_starts():
    pool = [member("ann", {PM}, "2")]
    projects = [
        project("late", 5, 3, role(PM, "2"), earliest_start=month(5)),
        project("soon", 5, 3, role(PM, "2"), deadline=month(4)),
    ]
    result = plan(problem(pool, projects))
    starts = {s.project_id: s for s in result.scheduled}
    assert starts["late"].start >= month(5)
    assert starts["soon"].end <= month(4)


def test_it_respects_dependencies():
    pool = [member("ann", {PM}, "5")]
    projects = [
        project("b", 5, 3, role(PM, "1"), depends_on=("a",)),
        project("a", 1, 4, role(PM, "1")),
    ]
    result = plan(problem(pool, projects))
    starts = {s.project_id: s for s in result.scheduled}
    assert starts["b"].start > starts["a"].end


def test_it_defers_a_project_whose_dependency_cannot_finish_in_the_horizon():
    pool = [member("ann", {PM}, "5")]
    projects = [
        project("a", 1, 14, role(PM, "1")),
        project("b", 5, 3, role(PM, "1"), depends_on=("a",)),
    ]
    result = plan(problem(pool, projects))
    assert result.scheduled == ()
    horizon = reason(result, "a", ReasonKind.HORIZON)
    assert "February 2012" in horizon.message
    dep = reason(result, "b", ReasonKind.DEPENDENCY)
    assert "depends on 'A'" in dep.message


def test_it_keeps_committed_projects_at_their_start():
    pool = [member("ann", {PM}, "3")]
    projects = [
        project("under_way", 1, 6, role(PM, "3"), fixed_start=month(10, 2010)),
        project("new", 50, 6, role(PM, "3"), deadline=month(6)),
    ]
    result = plan(problem(pool, projects))
    assert result.scheduled_ids() == {"under_way"}
    (fixed,) = result.scheduled
    assert fixed.fixed and fixed.start == month(10, 2010) and fixed.end == month(3)
    capacity = reason(result, "new", ReasonKind.CAPACITY)
    assert capacity.months == (month(1), month(2), month(3))
    assert capacity.suggestion.startswith("Three more days a week of project management")


# --------------------------------------------------------------------------------------
# Infeasible commitments
# --------------------------------------------------------------------------------------


def test_it_reports_conflicting_commitments_instead_of_failing():
    pool = [member("ann", {PM}, "3")]
    projects = [
        project("a", 10, 6, role(PM, "2"), fixed_start=month(1)),
        project("b", 8, 6, role(PM, "2"), decision=Decision.IN, deadline=month(6)),
        project("c", 1, 2, role(PM, "1")),
    ]
    result = plan(problem(pool, projects))
    assert result.status is SolveStatus.INFEASIBLE
    (conflict,) = result.conflicts
    assert conflict.project_ids == ("a", "b")
    assert "'A' (committed from January 2011), 'B' (forced in)" in conflict.message
    capacity = next(r for r in conflict.reasons if r.kind is ReasonKind.CAPACITY)
    assert capacity.skill == PM
    assert "one day a week from January 2011 to June 2011" in capacity.message
    assert {d.project_id for d in result.deferred} == {"a", "b", "c"}


def test_it_reports_a_commitment_that_depends_on_a_project_forced_out():
    pool = [member("ann", {PM}, "3")]
    projects = [
        project("a", 10, 2, role(PM, "1"), decision=Decision.OUT),
        project("b", 8, 2, role(PM, "1"), decision=Decision.IN, depends_on=("a",)),
    ]
    result = plan(problem(pool, projects))
    assert result.status is SolveStatus.INFEASIBLE
    (conflict,) = result.conflicts
    assert conflict.message == (
        "'B' is forced in but cannot run: it depends on 'A', which cannot run "
        "(forced out in this scenario)."
    )
    assert conflict.project_ids == ("b", "a")
