"""A project's task network, as snapshot JSON, scheduled by the RCPSP solver.

Framework-free: the snapshot (``resources.services.task_network_snapshot``) is plain JSON -
``{"resources": [{"id", "name", "capacity"}], "tasks": [{"id", "name", "weeks", "after",
"needs": {resource id: amount}}]}`` - and so is the result.  Time is in whole weeks.
"""

from __future__ import annotations

from typing import TypedDict

from .common import PlanningInputError, ProgressCallback, SolveStatus, find_cycle
from .rcpsp.problem import RcpspProblem, critical_path
from .rcpsp.strong import solve_rcpsp

__all__ = [
    "NetworkInputs",
    "NetworkSchedule",
    "ResourceInput",
    "TaskInput",
    "network_problem",
    "schedule_network",
]


class ResourceInput(TypedDict):
    """A renewable resource of the snapshot: how many exist at once."""

    id: int | str
    name: str
    capacity: int


class TaskInput(TypedDict):
    """A task of the snapshot: weeks it takes, the task ids it starts after, and what it needs
    of each resource (resource id as text -> amount)."""

    id: int | str
    name: str
    weeks: int
    after: list[int | str]
    needs: dict[str, int]


class NetworkInputs(TypedDict, total=False):
    """The snapshot JSON (``resources.services.task_network_snapshot``)."""

    name: str
    resources: list[ResourceInput]
    tasks: list[TaskInput]


class NetworkSchedule(TypedDict):
    """The result JSON of :func:`schedule_network`."""

    starts: dict[str, int]
    weeks: int
    bound: int
    status: str
    gap_percent: float
    chain_weeks: int
    chain: list[int | str]


def network_problem(inputs: NetworkInputs) -> RcpspProblem:
    """The RCPSP problem of a snapshot.  Raises :class:`PlanningInputError` naming the tasks
    and resources at fault (a loop of "starts after" links, a need above what exists)."""
    tasks = inputs.get("tasks", [])
    resources = inputs.get("resources", [])
    index = {t["id"]: i for i, t in enumerate(tasks)}
    names = {t["id"]: t["name"] for t in tasks}
    res_index = {str(r["id"]): k for k, r in enumerate(resources)}
    problems: list[str] = []
    successors: list[list[int]] = [[] for _ in tasks]
    demands = [[0] * len(resources) for _ in tasks]
    for t in tasks:
        if t["weeks"] < 0:
            problems.append(f"{t['name']} takes a negative number of weeks.")
        for before in t["after"]:
            if before not in index:
                problems.append(f"{t['name']} starts after a task that is not in the plan.")
            else:
                successors[index[before]].append(index[t["id"]])
        for rid, amount in t["needs"].items():
            k = res_index.get(str(rid))
            if k is None:
                problems.append(f"{t['name']} needs a resource that is not in the plan.")
                continue
            cap = resources[k]["capacity"]
            if amount > cap:
                problems.append(
                    f"{t['name']} needs {amount} of {resources[k]['name']}, but only {cap} "
                    f"exist: it could never start."
                )
            demands[index[t["id"]]][k] = amount
    loop = _loop(tasks)
    if loop:
        problems.append(
            "These tasks wait for each other in a loop, so none of them could start: "
            + " → ".join(names[t] for t in loop)
            + "."
        )
    if problems:
        raise PlanningInputError(problems)
    return RcpspProblem(
        durations=tuple(t["weeks"] for t in tasks),
        demands=tuple(tuple(row) for row in demands),
        capacities=tuple(r["capacity"] for r in resources),
        successors=tuple(tuple(s) for s in successors),
        name=str(inputs.get("name", "")),
    )


def _loop(tasks: list[TaskInput]) -> list[int | str]:
    """Task ids on one loop of "starts after" links (first repeated at the end), or []."""
    return find_cycle({t["id"]: list(t["after"]) for t in tasks}) or []


def schedule_network(
    inputs: NetworkInputs,
    *,
    time_limit_s: float,
    progress: ProgressCallback | None = None,
    workers: int = 2,
) -> NetworkSchedule:
    """Schedule the snapshot's tasks as early as the links and resources allow, minimising
    the weeks from the first start to the last finish.

    Returns ``starts`` (task id as text -> start week, 0 = the first week), ``weeks`` (weeks
    in all), ``bound`` (proven: no schedule is shorter), ``status`` (``OPTIMAL`` when proven
    shortest), ``gap_percent``, and ``chain_weeks`` / ``chain``: the length and tasks of the
    longest chain of links, which is what the work would take with unlimited resources.
    """
    problem = network_problem(inputs)
    tasks = inputs["tasks"]
    result = solve_rcpsp(problem, time_limit_s=time_limit_s, workers=workers, progress=progress)
    if result.starts is None or result.makespan is None:  # pragma: no cover - never on a DAG
        raise PlanningInputError(["No schedule was found within the time limit."])
    es, tail = critical_path(problem)
    chain = _longest_chain(problem, es, tail)
    gap = result.gap or 0.0
    return {
        "starts": {str(t["id"]): s for t, s in zip(tasks, result.starts, strict=True)},
        "weeks": result.makespan,
        "bound": result.best_bound,
        "status": str(
            SolveStatus.OPTIMAL if result.status is SolveStatus.OPTIMAL else result.status
        ),
        "gap_percent": round(100 * gap, 1),
        "chain_weeks": max((e + t for e, t in zip(es, tail, strict=True)), default=0),
        "chain": [tasks[j]["id"] for j in chain],
    }


def _longest_chain(problem: RcpspProblem, es: list[int], tail: list[int]) -> list[int]:
    """Task indices along one longest chain of links (the critical path without resources)."""
    n = problem.n_jobs
    if n == 0:
        return []
    length = max(es[j] + tail[j] for j in range(n))
    preds = problem.predecessors()
    chain = [next(j for j in range(n) if not preds[j] and es[j] + tail[j] == length)]
    while True:
        j = chain[-1]
        nxt = [
            k
            for k in problem.successors[j]
            if es[k] == es[j] + problem.durations[j] and es[k] + tail[k] == length
        ]
        if not nxt:
            return chain
        chain.append(min(nxt))
