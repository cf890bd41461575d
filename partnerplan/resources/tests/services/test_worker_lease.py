"""A solve whose worker died is detected by its lease (the worker's heartbeat) and marked
failed with the reason; the run's page says so. The PostgreSQL test kills a real worker
process in the middle of a solve."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from partnerplan.core.access import viewer_for
from partnerplan.resources import services
from partnerplan.resources.models import PlanRun, RunStatus
from partnerplan.resources.tests.factories import (
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    RunningPlanRunFactory,
)


@pytest.mark.django_db
def test_it_fails_a_solve_whose_worker_gave_no_sign_of_life_and_says_why(world):
    old = timezone.now() - dt.timedelta(minutes=10)
    dead = RunningPlanRunFactory.create(name="Dead", started_at=old, heartbeat_at=old)
    alive = RunningPlanRunFactory.create(name="Alive", heartbeat_at=timezone.now())
    failed = services.solves_fail_stale(lease_s=120)
    assert [r.pk for r in failed] == [dead.pk]
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == RunStatus.FAILED and alive.status == RunStatus.RUNNING
    assert "The background worker stopped while it was solving" in dead.error
    page = world.client("admin").get(f"/resources/runs/{dead.pk}/").content.decode()
    assert "The background worker stopped while it was solving" in page


@pytest.mark.django_db
def test_it_fails_stale_solves_from_the_command_and_when_the_page_polls(world):
    old = timezone.now() - dt.timedelta(hours=1)
    run = RunningPlanRunFactory.create(started_at=old, heartbeat_at=None)
    poll = world.client("admin").get(f"/resources/runs/{run.pk}/progress/")
    assert poll["HX-Refresh"] == "true"
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    other = RunningPlanRunFactory.create(started_at=old, heartbeat_at=old)
    call_command("fail_stale_solves", stdout=open(os.devnull, "w"))  # noqa: SIM115
    other.refresh_from_db()
    assert other.status == RunStatus.FAILED


# The worker process: a solve that takes a minute (the planner itself may finish a small
# problem in a moment), so that it is surely killed in the middle.
WORKER = """
import sys, time
import django
django.setup()
from partnerplan.resources.planning import portfolio
def slow(problem, **kwargs):
    time.sleep(60)
portfolio.plan_portfolio = slow
from partnerplan.resources.services.worker import run_execute
run_execute(int(sys.argv[1]))
"""


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process needs a server")
def test_it_fails_the_run_of_a_worker_killed_mid_solve(world):
    admin = world.users["admin"]
    PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    ProjectPlanningFactory.create(project=RoleDemandFactory.create().project)
    run = services.run_create(
        actor=admin, viewer=viewer_for(admin), name="Killed", starts_on=dt.date(2011, 1, 1),
        months=12, time_limit_s=30,
    )  # fmt: skip
    db = connection.settings_dict
    env = {
        **os.environ,
        "PARTNERPLAN_TESTING": "1",
        "DJANGO_SETTINGS_MODULE": "partnerplan.settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(run.pk)], env=env)  # noqa: S603
    try:
        deadline = time.monotonic() + 60
        while PlanRun.objects.get(pk=run.pk).status != RunStatus.RUNNING:
            assert time.monotonic() < deadline, "the worker never started the run"
            time.sleep(0.2)
        time.sleep(1)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING  # what a dead worker leaves behind
    time.sleep(1.5)
    assert [r.pk for r in services.solves_fail_stale(lease_s=1)] == [run.pk]
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "worker stopped" in run.error
