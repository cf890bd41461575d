"""Long jobs in words: a status tag with the time taken and the limit, and a warning that says
what to do when no worker has picked a job up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerplan.core.jobs import NO_WORKER_AFTER_S, job_status

NOW = dt.datetime(2030, 3, 4, 12, 0, tzinfo=dt.UTC)


def test_it_warns_when_no_worker_has_picked_a_job_up_within_30_seconds():
    fresh = job_status(state="queued", queued_at=NOW - dt.timedelta(seconds=5), now=NOW)
    assert (fresh.label, fresh.elapsed, fresh.warning) == (
        "Waiting for a worker",
        "for 5 seconds",
        "",
    )
    stuck = job_status(
        state="queued", queued_at=NOW - dt.timedelta(seconds=NO_WORKER_AFTER_S + 1), now=NOW
    )
    assert "manage.py db_worker" in stuck.warning
    assert not stuck.finished


def test_it_does_not_call_a_started_job_a_success():
    running = job_status(
        state="running",
        queued_at=NOW - dt.timedelta(minutes=3),
        started_at=NOW - dt.timedelta(seconds=75),
        limit="time limit 10 seconds a plan",
        now=NOW,
    )
    assert (running.label, running.colour, running.elapsed) == (
        "Running", "blue", "for 1 minute 15 s"
    )  # fmt: skip
    assert running.warning == "" and not running.finished
    done = job_status(
        state="done",
        queued_at=None,
        started_at=NOW - dt.timedelta(seconds=3),
        finished_at=NOW,
        now=NOW,
    )
    assert (done.label, done.colour, done.elapsed) == ("Done", "green", "in 3 seconds")


@pytest.mark.django_db
def test_the_planner_run_page_says_when_no_worker_has_the_run(world):
    from partnerplan.resources.tests.factories import PlanRunFactory

    run = PlanRunFactory.create(created_at=timezone.now() - dt.timedelta(minutes=2))
    page = world.client("admin").get(reverse("resources:run-progress", args=[run.pk]))
    text = page.content.decode()
    assert "Waiting for a worker" in text and "for 2 minutes" in text
    assert "time limit" in text
    assert "start it with manage.py db_worker" in text
