"""What the background worker runs: planner runs and task schedules move through
queued -> running -> done | failed, write their progress while they solve, and record the
result or the reason they failed.

The queue's entry points (`resources.tasks`) call `run_execute` and `task_schedule_execute`;
this module imports nothing that enqueues, so the arrows go one way:
views -> services -> resources.tasks -> services.worker.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partnerplan.core import clock
from partnerplan.core.lifecycle import Lifecycle
from partnerplan.resources.models import PlanRun, RunStatus, TaskSchedule

log = logging.getLogger(__name__)

#: The lifecycle of a solve in the background, a planner run or a task schedule alike.
SOLVE_LIFECYCLE = Lifecycle(
    moves={
        RunStatus.QUEUED: {RunStatus.RUNNING, RunStatus.FAILED},
        RunStatus.RUNNING: {RunStatus.DONE, RunStatus.FAILED},
        RunStatus.DONE: set(),
        RunStatus.FAILED: set(),
    }
)


def _move(run: PlanRun, to: str) -> None:
    """Refused with "Run 'x' is done: it cannot become running" unless the run may move."""
    SOLVE_LIFECYCLE.require(run.status, to, subject=f"Run '{run.name}'")
    run.status = to


def run_start(*, run: PlanRun) -> PlanRun:
    with transaction.atomic():
        run = PlanRun.objects.select_for_update().get(pk=run.pk)
        _move(run, RunStatus.RUNNING)
        run.started_at = run.heartbeat_at = clock.real_now()
        run.progress = 1
        run.save(update_fields=["status", "started_at", "heartbeat_at", "progress", "updated_at"])
    return run


def run_progress(*, run: PlanRun | TaskSchedule, progress: int) -> None:
    """Write the progress of a running planner run or task schedule (0 to 99 until done)."""
    type(run).objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
        progress=max(0, min(99, progress)), heartbeat_at=clock.real_now()
    )


def run_heartbeat(*, run: PlanRun | TaskSchedule) -> None:
    """Renew the worker's lease on a running solve (every HEARTBEAT_S while it solves)."""
    type(run).objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
        heartbeat_at=clock.real_now()
    )


def solves_fail_stale(*, lease_s: float | None = None) -> list[PlanRun | TaskSchedule]:
    """Mark failed, with the reason, every solve still "running" whose worker has given no
    sign of life for longer than its lease (`settings.PARTNERPLAN_SOLVE_LEASE_S`): its worker
    died (killed, out of memory, the machine restarted). Called when a worker takes its next
    job, when the run's page or its progress is shown, and by `manage.py fail_stale_solves`."""
    from datetime import timedelta

    from django.conf import settings

    lease = lease_s if lease_s is not None else settings.PARTNERPLAN_SOLVE_LEASE_S
    cutoff = clock.real_now() - timedelta(seconds=lease)
    failed: list[PlanRun | TaskSchedule] = []
    for model in (PlanRun, TaskSchedule):
        stale = model.objects.filter(status=RunStatus.RUNNING).filter(
            Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
        )
        for pk in stale.values_list("pk", flat=True):
            with transaction.atomic():
                row = model.objects.select_for_update().get(pk=pk)
                if row.status != RunStatus.RUNNING:
                    continue
                last = timezone.localtime(row.heartbeat_at or row.started_at)
                SOLVE_LIFECYCLE.require(row.status, RunStatus.FAILED, subject="The solve")
                row.status = RunStatus.FAILED
                row.error = (
                    "The background worker stopped while it was solving (its last sign of "
                    f"life was at {last:%H:%M} on {last.day} {last:%B %Y}). Nothing was lost: "
                    "start it again."
                )
                row.finished_at = clock.real_now()
                row.save(update_fields=["status", "error", "finished_at", "updated_at"])
                log.warning("Solve %s %s failed: its worker stopped", model.__name__, pk)
                failed.append(row)
    return failed


def run_finish(*, run: PlanRun, result: dict[str, Any]) -> PlanRun:
    with transaction.atomic():
        run = PlanRun.objects.select_for_update().get(pk=run.pk)
        _move(run, RunStatus.DONE)
        run.result = result
        run.progress = 100
        run.finished_at = clock.real_now()
        run.save(update_fields=["status", "result", "progress", "finished_at", "updated_at"])
    return run


def run_fail(*, run: PlanRun, error: str) -> PlanRun:
    with transaction.atomic():
        run = PlanRun.objects.select_for_update().get(pk=run.pk)
        _move(run, RunStatus.FAILED)
        run.error = error
        run.finished_at = clock.real_now()
        run.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return run


PROGRESS_INTERVAL_S = 1.0
"""Progress within a solve is written at most this often (the page polls every 2 seconds)."""

HEARTBEAT_S = 5.0
"""The worker renews its lease on a solve at least this often, progress or not."""

SOLVE_SHARE = 0.9
"""Share of a plan's slice of the bar for its main solve; explanations take the rest."""


class ProgressRelay:
    """Carries progress from the solver's threads to the thread that owns the database
    connection. The planning core calls it (its ProgressCallback) from the CP-SAT solution
    callback; the run's thread reads it while it waits for the solve."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.fraction = 0.0
        self.solutions = 0

    def __call__(self, fraction: float, solutions: int) -> None:
        with self._lock:
            self.fraction = max(self.fraction, min(1.0, max(0.0, fraction)))
            self.solutions = max(self.solutions, solutions)

    def read(self) -> float:
        with self._lock:
            return self.fraction


def _solve_with_progress(
    run: PlanRun | TaskSchedule,
    solve: Callable[[ProgressRelay], Any],
    *,
    first: float,
    span: float,
    limit_s: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Any:
    """Run `solve` in a worker thread and write its progress, throttled, to the run.

    Progress in the bar: `first` + `span` × SOLVE_SHARE × the fraction of the time limit used
    when the solver last reported (it reports each better solution and once at the end), or,
    given `limit_s`, the fraction of the time limit used so far if that is more (so the bar
    moves between solutions too).
    """
    relay = ProgressRelay()
    written = int(first)
    started = last = beat = clock()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="planner") as pool:
        future = pool.submit(solve, relay)
        while True:
            finished = bool(wait([future], timeout=0.2).done)
            now = clock()
            fraction = relay.read()
            if limit_s:
                fraction = max(fraction, min(1.0, (now - started) / limit_s))
            percent = int(first + span * SOLVE_SHARE * fraction)
            if percent > written and now - last >= PROGRESS_INTERVAL_S:
                run_progress(run=run, progress=percent)
                written, last = percent, now
                beat = now
            elif now - beat >= HEARTBEAT_S:
                run_heartbeat(run=run)
                beat = now
            if finished:
                return future.result()


def run_execute(run_id: int) -> None:
    """Run the planner for a queued run (called by the background task)."""
    from partnerplan.resources import snapshot
    from partnerplan.resources.planning.common import PlanningInputError
    from partnerplan.resources.planning.portfolio import (
        apply_scenario,
        compare,
        efficient_frontier,
        plan_portfolio,
    )

    solves_fail_stale()
    if not PlanRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).exists():
        # A job delivered twice, or a run solved already (the demo solves its run itself).
        log.info("Planner run %s is not queued: nothing to do", run_id)
        return
    run = run_start(run=PlanRun.objects.get(pk=run_id))
    try:
        problem = snapshot.problem_from_json(run.inputs["problem"])
        scenarios = [snapshot.scenario_from_json(s) for s in run.inputs.get("scenarios", [])]
        steps = 1 + len(scenarios) + (1 if run.frontier else 0)
        span = 100 / steps
        limit = float(run.time_limit_s)
        explain_limit = max(0.5, min(2.0, limit / 5))
        plans = [("Plan as it stands", problem)] + [
            (scenario.name, apply_scenario(problem, scenario)) for scenario in scenarios
        ]
        results = {}
        for done, (name, planned) in enumerate(plans):
            results[name] = _solve_with_progress(
                run,
                lambda relay, planned=planned: plan_portfolio(  # type: ignore[misc]
                    planned,
                    time_limit_s=limit,
                    explain_time_limit_s=explain_limit,
                    progress=relay,
                ),
                first=done * span,
                span=span,
                limit_s=limit,
            )
            run_progress(run=run, progress=int((done + 1) * span))
        result: dict[str, Any] = {
            "plans": [{"name": name, **snapshot.result_to_json(r)} for name, r in results.items()],
            "comparison": [snapshot.to_json(c) for c in compare(results)],
        }
        if run.frontier:
            points = efficient_frontier(problem, time_limit_s=max(1.0, limit / 4))
            result["frontier"] = [snapshot.to_json(p) for p in points]
    except PlanningInputError as exc:
        run_fail(run=run, error="\n".join(exc.problems))
        return
    except Exception as exc:  # the run records any failure rather than vanishing
        log.exception("Planner run %s failed", run_id)
        run_fail(run=run, error=f"The planner stopped with an error: {exc}")
        return
    run_finish(run=run, result=result)


def _schedule_move(schedule_id: int, to: str, **fields: Any) -> TaskSchedule:
    with transaction.atomic():
        row = TaskSchedule.objects.select_for_update().get(pk=schedule_id)
        SOLVE_LIFECYCLE.require(row.status, to, subject="The schedule")
        row.status = to
        for name, value in fields.items():
            setattr(row, name, value)
        row.save(update_fields=["status", *fields, "updated_at"])
    return row


def task_schedule_execute(schedule_id: int) -> None:
    """Schedule a queued snapshot of tasks (called by the background task).  A schedule that
    has already started or finished is left as it is (a job delivered twice does nothing)."""
    from partnerplan.resources.planning.common import PlanningInputError
    from partnerplan.resources.planning.tasknet import schedule_network

    solves_fail_stale()
    if not TaskSchedule.objects.filter(pk=schedule_id, status=RunStatus.QUEUED).exists():
        log.info("Task schedule %s is not queued: nothing to do", schedule_id)
        return
    now = clock.real_now()
    schedule = _schedule_move(
        schedule_id, RunStatus.RUNNING, started_at=now, heartbeat_at=now, progress=1
    )
    try:
        limit = float(schedule.time_limit_s)
        result = _solve_with_progress(
            schedule,
            lambda relay: schedule_network(schedule.inputs, time_limit_s=limit, progress=relay),
            first=0,
            span=100,
            limit_s=limit,
        )
    except PlanningInputError as exc:
        _schedule_move(
            schedule_id,
            RunStatus.FAILED,
            error="\n".join(exc.problems),
            finished_at=clock.real_now(),
        )
        return
    except Exception as exc:  # the schedule records any failure rather than vanishing
        log.exception("Task schedule %s failed", schedule_id)
        _schedule_move(
            schedule_id,
            RunStatus.FAILED,
            error=f"The scheduler stopped with an error: {exc}",
            finished_at=clock.real_now(),
        )
        return
    _schedule_move(
        schedule_id, RunStatus.DONE, result=result, progress=100, finished_at=clock.real_now()
    )
