"""The portfolio planner: choose, schedule and staff projects from a shared pool.

No database: plain dataclasses in and out.  Every solve is small, with limits of 1-2 s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from partnerplan.core.money import format_money
from partnerplan.resources.planning.common import PlanningInputError, SolveStatus
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
    MoneyChange,
    PlanningProblem,
    PlanResult,
    PoolMember,
    Project,
    ReasonKind,
    RoleDemand,
    Scenario,
    apply_scenario,
    compare,
    efficient_frontier,
    plan_portfolio,
    validate,
)

PM = "project management"
PROC = "procurement"
FIN = "finance"
JAN = dt.date(2011, 1, 1)


def month(m: int, year: int = 2011) -> dt.date:
    return dt.date(year, m, 1)


def member(mid: str, skills: set[str], days: str = "5", **kw: object) -> PoolMember:
    return PoolMember(mid, mid.title(), frozenset(skills), Decimal(days), **kw)


def role(skill: str, days: str, **kw: object) -> RoleDemand:
    return RoleDemand(skill, Decimal(days), **kw)


def project(pid: str, value: int, months: int, *roles: RoleDemand, **kw: object) -> Project:
    return Project(pid, pid.title(), Decimal(value), months, roles=roles, **kw)


def problem(members, projects, funds=(), months: int = 12) -> PlanningProblem:
    return PlanningProblem(JAN, months, tuple(members), tuple(projects), tuple(funds))


def plan(p: PlanningProblem, **kw: object) -> PlanResult:
    kw.setdefault("time_limit_s", 2)
    kw.setdefault("explain_time_limit_s", 1)
    return plan_portfolio(p, **kw)


def deferred(result: PlanResult, pid: str):
    return next(d for d in result.deferred if d.project_id == pid)


def reason(result: PlanResult, pid: str, kind: ReasonKind):
    return next(r for r in deferred(result, pid).reasons if r.kind is kind)


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
# Why deferred, and what would let it in
# --------------------------------------------------------------------------------------


def procurement_problem() -> PlanningProblem:
    pool = [member("ann", {PM}, "5"), member("bob", {PROC}, "1")]
    projects = [
        project("a", 10, 6, role(PM, "1"), role(PROC, "1"), deadline=month(6)),
        project(
            "b",
            8,
            4,
            role(PM, "1"),
            role(PROC, "1"),
            earliest_start=month(3),
            deadline=month(6),
        ),
    ]
    return problem(pool, projects)


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


# --------------------------------------------------------------------------------------
# Infeasible commitments and bad input
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
    with pytest.raises(PlanningInputError) as caught:
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
    with pytest.raises(PlanningInputError) as caught:
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
