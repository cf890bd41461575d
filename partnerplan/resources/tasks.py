"""Background tasks: planner runs and task schedules execute in the worker (`manage.py
db_worker`).

The arrows go one way: the services that ask for a solve (`services.runs`, `services.tasks`)
enqueue these tasks, and these tasks call `services.worker`, which enqueues nothing. The import
is inside each task so that importing this module (as those services do) loads nothing else.
"""

from __future__ import annotations

from django_tasks import task


@task()
def run_plan(run_id: int) -> None:
    from partnerplan.resources.services.worker import run_execute

    run_execute(run_id)


@task()
def schedule_tasks(schedule_id: int) -> None:
    from partnerplan.resources.services.worker import task_schedule_execute

    task_schedule_execute(schedule_id)
