"""`{% planner_job run as job %}` and `{% pack_job pack as job %}`: how a long job is getting
on (core.jobs), for `core/_job_status.html`."""

from __future__ import annotations

from typing import Any

from django import template

from partnerplan.core import clock
from partnerplan.core.jobs import JobStatus, job_status, worker_times

register = template.Library()

PACK_TASK = "partnerplan.reports.tasks.build_agenda_packs"


@register.simple_tag
def planner_job(run: Any, each: str = " a plan") -> JobStatus:
    """A planner run or task schedule (resources' BackgroundSolve: status, created_at,
    started_at, finished_at, time_limit_s), queued until a worker starts it."""
    seconds = run.time_limit_s
    limit = f"time limit {seconds} second{'s' if seconds != 1 else ''}{each}"
    return job_status(
        state=run.status,
        queued_at=run.created_at,
        started_at=run.started_at,
        finished_at=run.finished_at,
        limit=limit,
    )


@register.simple_tag
def pack_job(pack: Any) -> JobStatus:
    """An agenda pack (reports' AgendaPack: status preparing, ready or failed), with the
    queue's record of its job for when a worker picked it up."""
    limit = "usually less than a minute"
    if pack.status == "ready":
        return job_status(state="done", queued_at=None, limit=limit)
    if pack.status == "failed":
        return job_status(state="failed", queued_at=None, limit=limit)
    queued = worker_times(PACK_TASK, [pack.meeting_id])
    if queued is not None:
        state, enqueued_at, started_at = queued
        running = state == "RUNNING" and started_at is not None
        return job_status(
            state="running" if running else "queued",
            queued_at=enqueued_at,
            started_at=started_at,
            limit=limit,
        )
    # No record from the database queue: the request time is real only on the real clock.
    requested = None if clock.enabled() else pack.requested_at
    return job_status(state="queued", queued_at=requested, limit=limit)
