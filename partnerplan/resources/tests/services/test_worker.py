"""What the worker runs: the lifecycle of a background solve, its progress during a solve
(throttled, from the solver's threads), and failures recorded with the reason."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from partnerplan.core.access import viewer_for
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.models import (
    PlanRun,
    RunStatus,
    TaskSchedule,
)
from partnerplan.resources.services import worker
from partnerplan.resources.tests.builders import (
    IMMEDIATE,
)
from partnerplan.resources.tests.factories import (
    DonePlanRunFactory,
    PlanRunFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    RunningPlanRunFactory,
)

pytestmark = pytest.mark.django_db


def test_it_refuses_the_wrong_run_transition():
    run = DonePlanRunFactory.create()
    with pytest.raises(ValidationError, match=r"is done: it cannot become running") as exc:
        services.run_start(run=run)
    assert "is done: it cannot become running" in exc.value.messages[0]


def test_it_records_a_failed_run(world):
    run = PlanRunFactory.create(inputs={"problem": {"broken": True}})
    services.run_execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert "stopped with an error" in run.error


def _record(monkeypatch):
    written: list[int] = []
    original = worker.run_progress

    def record(*, run, progress):
        original(run=run, progress=progress)
        written.append(PlanRun.objects.get(pk=run.pk).progress)

    monkeypatch.setattr(worker, "run_progress", record)
    return written


@override_settings(TASKS=IMMEDIATE)
def test_it_writes_progress_during_a_solve_and_reaches_100(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(worker, "PROGRESS_INTERVAL_S", 0)
    written = _record(monkeypatch)
    reports: list[float] = []
    relay_call = services.ProgressRelay.__call__

    def spy(self, fraction, solutions):
        reports.append(fraction)
        relay_call(self, fraction, solutions)

    monkeypatch.setattr(services.ProgressRelay, "__call__", spy)
    PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    for title in ("Life Events", "Customer Access"):
        demand = RoleDemandFactory.create(project__title=title)
        ProjectPlanningFactory.create(project=demand.project, deadline=dt.date(2011, 12, 31))
    admin = world.users["admin"]
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(
            actor=admin, viewer=viewer_for(admin), name="Progress", starts_on=dt.date(2011, 1, 1),
            months=12, time_limit_s=2,
        )  # fmt: skip
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.progress == 100
    assert reports and reports[-1] == 1.0  # the solver reported, from its callback
    intermediate = [p for p in written if 1 < p < 99]
    assert intermediate, written  # written while the plan was being solved
    assert written == sorted(written)


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_it_throttles_progress_from_the_solver(world, monkeypatch):
    """Reports arriving faster than the interval are not all written (a fake clock)."""
    written = _record(monkeypatch)
    run = RunningPlanRunFactory.create(progress=1)
    clock = _Clock()
    go = threading.Event()

    def solve(relay):
        for i in range(1, 11):
            relay(i / 10, i)  # ten reports with the clock standing still
        go.wait(timeout=5)
        return "done"

    def tick():
        clock.now = 5.0  # then time moves on: the latest report is written
        go.set()

    threading.Timer(0.3, tick).start()
    result = worker._solve_with_progress(run, solve, first=0, span=100, clock=clock)
    assert result == "done"
    assert written == [90]  # one write, of the latest report (90% of the slice)


def test_it_relays_the_best_fraction_reported():
    relay = services.ProgressRelay()
    relay(0.5, 1)
    relay(0.3, 2)
    relay(7, 3)
    assert relay.read() == 1.0
    assert relay.solutions == 3


def test_it_records_a_failed_schedule_with_the_reason():
    schedule = TaskSchedule.objects.create(
        project=ProjectFactory.create(),
        starts_on=dt.date(2011, 3, 7),
        time_limit_s=1,
        inputs={
            "resources": [],
            "tasks": [
                {"id": 1, "name": "A", "weeks": 1, "after": [2], "needs": {}},
                {"id": 2, "name": "B", "weeks": 1, "after": [1], "needs": {}},
            ],
        },
    )
    services.task_schedule_execute(schedule.pk)
    schedule.refresh_from_db()
    assert schedule.status == RunStatus.FAILED
    assert "A → B → A" in schedule.error or "B → A → B" in schedule.error
    finished_at = schedule.finished_at
    services.task_schedule_execute(schedule.pk)  # a job delivered twice changes nothing
    schedule.refresh_from_db()
    assert (schedule.status, schedule.finished_at) == (RunStatus.FAILED, finished_at)
