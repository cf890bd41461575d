"""Background tasks: planner runs execute in the worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def run_plan(run_id: int) -> None:
    from partnerplan.resources.services import run_execute

    run_execute(run_id)


@task()
def schedule_tasks(schedule_id: int) -> None:
    from partnerplan.resources.services import task_schedule_execute

    task_schedule_execute(schedule_id)
