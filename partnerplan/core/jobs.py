"""How a long job in the background worker is getting on, in words: one status tag with the
time it has taken and its limit, and a warning when no worker has picked it up.

Used by the planner-run pages (resources) and the agenda-pack page (reports). Elapsed times
are real (`clock.real_now()`), whatever a demonstration clock says: a job waits in real time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerplan.core import clock

#: A job still waiting after this many seconds has no worker to run it.
NO_WORKER_AFTER_S = 30
WORKER_HELP = (
    "No background worker has picked it up. Long jobs run in the worker: start it with "
    "manage.py db_worker (scripts/run starts one), or ask whoever runs partnerplan to check it."
)


@dataclass(frozen=True)
class JobStatus:
    label: str  # "Waiting for a worker", "Running", "Done", "Failed"
    colour: str  # a govuk-tag modifier; the label says the same in words
    elapsed: str  # "for 12 seconds", "in 3 seconds", ""
    limit: str  # "time limit 10 seconds", "usually under a minute", ""
    warning: str  # why it is stuck and what to do, or ""

    @property
    def finished(self) -> bool:
        return self.label in {"Done", "Failed"}


def _duration(seconds: float) -> str:
    s = max(0, int(round(seconds)))
    if s < 60:
        return f"{s} second{'s' if s != 1 else ''}"
    minutes, s = divmod(s, 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}" + (f" {s} s" if s else "")
    hours, minutes = divmod(minutes, 60)
    return f"{hours} hour{'s' if hours != 1 else ''} {minutes} minute{'s' if minutes != 1 else ''}"


def job_status(
    *,
    state: str,
    queued_at: dt.datetime | None,
    started_at: dt.datetime | None = None,
    finished_at: dt.datetime | None = None,
    limit: str = "",
    now: dt.datetime | None = None,
) -> JobStatus:
    """`state` is "queued", "running", "done" or "failed". A queued job waiting longer than
    NO_WORKER_AFTER_S carries the warning; "started" is never reported as done."""
    now = now or clock.real_now()
    if state == "done":
        took = ""
        if finished_at and started_at:
            took = _duration((finished_at - started_at).total_seconds())
        return JobStatus("Done", "green", f"in {took}" if took else "", limit, "")
    if state == "failed":
        return JobStatus("Failed", "red", "", limit, "")
    if state == "running" and started_at is not None:
        running = (now - started_at).total_seconds()
        return JobStatus("Running", "blue", f"for {_duration(running)}", limit, "")
    waited = (now - queued_at).total_seconds() if queued_at else 0.0
    warning = WORKER_HELP if waited > NO_WORKER_AFTER_S else ""
    return JobStatus("Waiting for a worker", "yellow", f"for {_duration(waited)}", limit, warning)


Queued = tuple[str, dt.datetime | None, dt.datetime | None]


def worker_times(task_path: str, args: list[object]) -> Queued | None:
    """The queue's own record of the newest job of `task_path` with `args` (django-tasks'
    database backend): its state, when it was queued and when a worker started it. None
    without that backend's record (another backend, or nothing queued)."""
    from django_tasks_db.models import DBTaskResult

    row = (
        DBTaskResult.objects.filter(task_path=task_path, args_kwargs__args=args)
        .order_by("-enqueued_at")
        .values_list("status", "enqueued_at", "started_at")
        .first()
    )
    if row is None:
        return None
    status, enqueued_at, started_at = row
    return str(status), enqueued_at, started_at
