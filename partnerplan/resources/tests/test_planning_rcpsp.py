"""The single-project scheduling core (RCPSP); the PSPLIB reader is in test_planning_psplib.

No database: plain dataclasses in and out.  Solves use time limits of at most 2 s, or (for the
PSPLIB instances, which must be proven optimal whatever the machine's load) a deterministic
limit with a generous wall-clock safety net.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerplan.resources.planning.common import PlanningInputError, SolveStatus
from partnerplan.resources.planning.psplib import (
    parse_sm,
)
from partnerplan.resources.planning.rcpsp import (
    RcpspProblem,
    check_schedule,
    critical_path,
    heads_and_tails,
    lower_bound,
    serial_sgs,
    solve_rcpsp,
    solve_rcpsp_heuristic,
    solve_rcpsp_onepass,
    solve_rcpsp_plain,
)

DATA = Path(__file__).parent / "data"
J30_OPTIMA = {"j301_1": 43, "j3037_5": 80, "j3041_2": 89}


def chain_with_parallel_pair() -> RcpspProblem:
    """0 -> {1, 2} -> 3; tasks 1 and 2 each need 2 of a resource with capacity 3, so they
    cannot overlap and the makespan is 2 + 3 + 4 + 1 = 10 instead of the critical path 7."""
    return RcpspProblem(
        durations=(2, 3, 4, 1),
        demands=((1,), (2,), (2,), (1,)),
        capacities=(3,),
        successors=((1, 2), (3,), (3,), ()),
        name="pair",
    )


def test_it_computes_the_critical_path_and_lower_bound():
    p = chain_with_parallel_pair()
    es, tail = critical_path(p)
    assert es == [0, 2, 2, 6]
    assert tail == [7, 4, 5, 1]
    # resource bound: work 2*1 + 3*2 + 4*2 + 1*1 = 17 over capacity 3 -> 6; critical path 7
    assert lower_bound(p) == 7


@pytest.mark.parametrize(
    "solve",
    [
        lambda p: solve_rcpsp(p, time_limit_s=2),
        lambda p: solve_rcpsp_plain(p, time_limit_s=2),
        lambda p: solve_rcpsp_heuristic(p, time_limit_s=0.5),
    ],
    ids=["strong", "plain", "heuristic"],
)
def test_it_schedules_a_small_network_optimally(solve):
    p = chain_with_parallel_pair()
    result = solve(p)
    assert result.makespan == 10
    assert result.starts is not None
    assert check_schedule(p, result.starts) == []


def test_it_proves_optimality_and_reports_no_gap():
    result = solve_rcpsp(chain_with_parallel_pair(), time_limit_s=2)
    assert result.status is SolveStatus.OPTIMAL
    assert result.best_bound == 10
    assert result.gap == 0.0


def test_it_schedules_tasks_in_parallel_when_capacity_allows():
    p = RcpspProblem(
        durations=(3, 3, 3),
        demands=((1,), (1,), (1,)),
        capacities=(3,),
        successors=((), (), ()),
    )
    result = solve_rcpsp(p, time_limit_s=1)
    assert result.makespan == 3
    assert result.starts == (0, 0, 0)


def test_it_handles_zero_duration_dummies_and_an_empty_network():
    p = RcpspProblem(
        durations=(0, 2, 0),
        demands=((0,), (1,), (0,)),
        capacities=(1,),
        successors=((1,), (2,), ()),
    )
    assert solve_rcpsp(p, time_limit_s=1).makespan == 2
    empty = RcpspProblem(durations=(), demands=(), capacities=(2,), successors=())
    result = solve_rcpsp(empty, time_limit_s=1)
    assert result.makespan == 0
    assert result.status is SolveStatus.OPTIMAL


def test_it_builds_a_schedule_with_the_serial_generation_scheme():
    p = chain_with_parallel_pair()
    starts = serial_sgs(p, [0, 2, 1, 3])  # task 2 before task 1
    assert starts == [0, 6, 2, 9]
    assert check_schedule(p, starts) == []
    one = solve_rcpsp_onepass(p)
    assert one.starts is not None and check_schedule(p, one.starts) == []


def test_it_reports_every_violation_of_a_bad_schedule():
    p = chain_with_parallel_pair()
    errors = check_schedule(p, [0, 2, 2, 6])
    assert any("resource 0 overloaded at time 2" in e for e in errors)
    errors = check_schedule(p, [0, 1, 5, 9])
    assert any("task 1 starts at 1 before its predecessor 0 ends at 2" in e for e in errors)
    assert check_schedule(p, [0, 1]) == ["expected 4 start times, got 2"]


def test_it_rejects_demand_above_capacity():
    with pytest.raises(PlanningInputError, match="task 1 needs 5 of resource 0 but only 3 exist"):
        RcpspProblem(durations=(1, 1), demands=((1,), (5,)), capacities=(3,), successors=((1,), ()))


def test_it_rejects_a_precedence_cycle():
    with pytest.raises(PlanningInputError, match="contain a cycle"):
        RcpspProblem(
            durations=(1, 1, 1),
            demands=((0,), (0,), (0,)),
            capacities=(1,),
            successors=((1,), (2,), (0,)),
        )


def test_it_lists_every_problem_with_negative_numbers():
    with pytest.raises(PlanningInputError, match="^3 problems in the planning input:") as caught:
        RcpspProblem(
            durations=(-1, 2),
            demands=((0,), (-1,)),
            capacities=(1,),
            successors=((1,), (7,)),
        )
    problems = caught.value.problems
    assert "task 0 has a negative duration" in problems
    assert "task 1 has a negative demand for resource 0" in problems
    assert "task 1 has unknown successor 7" in problems
    assert str(caught.value).startswith("3 problems in the planning input:")


def test_it_rejects_mismatched_lengths():
    with pytest.raises(PlanningInputError, match="must all have 2 entries"):
        RcpspProblem(durations=(1, 1), demands=((1,),), capacities=(1,), successors=((), ()))


@pytest.mark.parametrize("name", sorted(J30_OPTIMA))
def test_it_reaches_the_optimum_on_psplib_j30_instances(name):
    problem = parse_sm(DATA / f"{name}.sm")
    result = solve_rcpsp(problem, time_limit_s=60, deterministic_limit=2.0)
    assert result.starts is not None
    assert check_schedule(problem, result.starts) == []
    assert result.makespan == J30_OPTIMA[name]
    assert result.status is SolveStatus.OPTIMAL


def test_the_plain_model_also_takes_a_deterministic_limit():
    problem = parse_sm(DATA / "j301_1.sm")
    result = solve_rcpsp_plain(problem, time_limit_s=60, deterministic_limit=2.0)
    assert result.starts is not None
    assert check_schedule(problem, result.starts) == []
    assert result.makespan == J30_OPTIMA["j301_1"]


def test_precedence_energy_tightens_heads_and_tails():
    """Three unit-capacity tasks of length 2 before a final task: the critical path says the
    final task may start at 2, but the three must run one after another, so not before 6."""
    p = RcpspProblem(
        durations=(2, 2, 2, 1),
        demands=((1,), (1,), (1,), (1,)),
        capacities=(1,),
        successors=((3,), (3,), (3,), ()),
    )
    es, cp_tail = critical_path(p)
    head, tail = heads_and_tails(p)
    assert es[3] == 2 and head[3] == 6
    assert cp_tail[0] == 3 and tail[0] == 3  # one successor of length 1: nothing to add
    assert all(h >= e for h, e in zip(head, es, strict=True))
    assert all(t >= c for t, c in zip(tail, cp_tail, strict=True))
    assert max(h + t for h, t in zip(head, tail, strict=True)) == 7
    result = solve_rcpsp(p, time_limit_s=2)
    assert result.makespan == 7 and result.status is SolveStatus.OPTIMAL


def test_it_gives_a_valid_heuristic_schedule_within_reach_of_the_optimum():
    problem = parse_sm(DATA / "j3041_2.sm")
    result = solve_rcpsp_heuristic(problem, iterations=50, time_limit_s=1)
    assert result.starts is not None
    assert check_schedule(problem, result.starts) == []
    assert result.makespan is not None
    assert J30_OPTIMA["j3041_2"] <= result.makespan <= 1.15 * J30_OPTIMA["j3041_2"]
    assert result.best_bound <= J30_OPTIMA["j3041_2"]
