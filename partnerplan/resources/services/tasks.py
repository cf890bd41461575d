"""Task networks: one project's tasks under its own resource limits, and the request to
schedule them (a snapshot queued for the background worker; `services.worker` schedules it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects

from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import ProjectTask, TaskNeed, TaskResource, TaskSchedule
from partnerplan.resources.services._common import (
    MAX_TIME_LIMIT_S,
    _add,
    _errors,
    _raise,
    _signed_in,
)
from partnerplan.resources.tasks import schedule_tasks

MAX_TASK_WEEKS = 520
MAX_TASKS = 500
MAX_TASK_CAPACITY = 1000


def _check_name(
    errors: dict[str, list[str]],
    model: type[TaskResource] | type[ProjectTask],
    project: Project,
    name: str,
    pk: int | None,
    what: str,
    example: str = "",
) -> None:
    """A name is required and unique (ignoring case) among the project's tasks or resources."""
    if not name.strip():
        _add(errors, "name", f"Enter a name for the {what}" + (f", {example}" if example else ""))
    elif (
        model.objects.filter(project=project, name__iexact=name.strip())
        .exclude(pk=pk or 0)
        .exists()
    ):
        _add(errors, "name", f"The project already has a {what} called {name.strip()}")


def _check_resource(
    project: Project, name: str, capacity: int | None, *, pk: int | None = None
) -> None:
    errors = _errors()
    _check_name(errors, TaskResource, project, name, pk, "resource", "for example ICT team")
    if capacity is None:
        _add(errors, "capacity", "Enter how many there are at any one time")
    elif capacity < 1 or capacity > MAX_TASK_CAPACITY:
        _add(errors, "capacity", f"Enter a number from 1 to {MAX_TASK_CAPACITY}")
    _raise(errors)


@transaction.atomic
def task_resource_create(
    *, actor: Actor, project: Project, name: str, capacity: int | None
) -> TaskResource:
    """Add a resource the project's tasks share, with how many exist at any one time."""
    _check_resource(project, name, capacity)
    assert capacity is not None
    resource = TaskResource(project=project, name=name.strip(), capacity=capacity)
    save_with_actor(resource, actor)
    return resource


@transaction.atomic
def task_resource_update(
    *, actor: Actor, resource: TaskResource, name: str, capacity: int | None
) -> TaskResource:
    """Rename a resource or change how many there are; refused below what a task needs."""
    row = TaskResource.objects.select_for_update(of=("self",)).get(pk=resource.pk)
    _check_resource(row.project, name, capacity, pk=row.pk)
    assert capacity is not None
    over = [
        f"{n.task.name} needs {n.amount}"
        for n in row.needs.select_related("task").order_by("task__name")
        if n.amount > capacity
    ]
    if over:
        raise ValidationError(
            {
                "capacity": f"Some tasks need more than {capacity} of {row.name} "
                f"({'; '.join(over)}): change those tasks first"
            }
        )
    row.name = name.strip()
    row.capacity = capacity
    save_with_actor(row, actor)
    return row


@transaction.atomic
def task_resource_delete(*, actor: Actor, resource: TaskResource) -> None:
    """Remove a resource; the tasks that needed it no longer do."""
    delete_with_actor(resource, actor)


def _reaches(start: Iterable[int], goal: int, project: Project) -> bool:
    """Whether ``goal`` is one of the ``start`` tasks or must finish (directly or through
    other tasks) before one of them, following the project's "starts after" links."""
    links: dict[int, list[int]] = {}
    for task_id, before_id in ProjectTask.after.through.objects.filter(
        from_projecttask__project=project
    ).values_list("from_projecttask_id", "to_projecttask_id"):
        links.setdefault(task_id, []).append(before_id)
    seen: set[int] = set()
    stack = list(start)
    while stack:
        t = stack.pop()
        if t == goal:
            return True
        if t in seen:
            continue
        seen.add(t)
        stack.extend(links.get(t, []))
    return False


def _check_task(
    project: Project,
    *,
    name: str,
    weeks: int | None,
    after: list[ProjectTask],
    needs: dict[TaskResource, int],
    pk: int | None = None,
) -> None:
    errors = _errors()
    _check_name(errors, ProjectTask, project, name, pk, "task")
    if weeks is None:
        _add(errors, "weeks", "Enter how many weeks the task takes (0 for a milestone)")
    elif weeks < 0 or weeks > MAX_TASK_WEEKS:
        _add(errors, "weeks", f"Enter a number of weeks from 0 to {MAX_TASK_WEEKS}")
    for other in after:
        if other.project_id != project.pk:
            _add(errors, "after", f"{other.name} is a task of another project")
        elif pk is not None and other.pk == pk:
            _add(errors, "after", "A task cannot start after itself")
        elif pk is not None and _reaches([other.pk], pk, project):
            _add(
                errors,
                "after",
                f"It cannot start after {other.name}, because {other.name} already waits "
                f"for it: that would be a loop",
            )
    _check_needs(errors, project, needs)
    _raise(errors)


def _check_needs(
    errors: dict[str, list[str]], project: Project, needs: dict[TaskResource, int]
) -> None:
    for resource, amount in needs.items():
        if resource.project_id != project.pk:
            _add(errors, "__all__", f"{resource.name} is a resource of another project")
        elif amount < 0:
            _add(errors, f"need_{resource.pk}", "Enter 0 or more")
        elif amount > resource.capacity:
            _add(
                errors,
                f"need_{resource.pk}",
                f"It needs {amount} of {resource.name}, but the project has only "
                f"{resource.capacity}: it could never start",
            )


def _save_task(
    actor: Actor,
    task: ProjectTask,
    after: list[ProjectTask],
    needs: dict[TaskResource, int],
) -> ProjectTask:
    save_with_actor(task, actor)
    task.after.set(after)
    task.needs.all().delete()
    TaskNeed.objects.bulk_create(
        TaskNeed(task=task, resource=r, amount=a) for r, a in needs.items() if a > 0
    )
    return task


@transaction.atomic
def task_create(
    *,
    actor: Actor,
    project: Project,
    name: str,
    weeks: int | None,
    after: Iterable[ProjectTask] = (),
    needs: dict[TaskResource, int] | None = None,
) -> ProjectTask:
    """Add a task: its length in weeks, the tasks that must finish first, what it needs."""
    after_list, need_map = list(after), dict(needs or {})
    if ProjectTask.objects.filter(project=project).count() >= MAX_TASKS:
        raise ValidationError(f"A project can have at most {MAX_TASKS} tasks")
    _check_task(project, name=name, weeks=weeks, after=after_list, needs=need_map)
    assert weeks is not None
    task = ProjectTask(project=project, name=name.strip(), weeks=weeks)
    return _save_task(actor, task, after_list, need_map)


@transaction.atomic
def task_update(
    *,
    actor: Actor,
    task: ProjectTask,
    name: str,
    weeks: int | None,
    after: Iterable[ProjectTask] = (),
    needs: dict[TaskResource, int] | None = None,
) -> ProjectTask:
    """Change a task; refused if its new links would make a loop."""
    row = ProjectTask.objects.select_for_update(of=("self",)).get(pk=task.pk)
    after_list, need_map = list(after), dict(needs or {})
    _check_task(row.project, name=name, weeks=weeks, after=after_list, needs=need_map, pk=row.pk)
    assert weeks is not None
    row.name = name.strip()
    row.weeks = weeks
    return _save_task(actor, row, after_list, need_map)


@transaction.atomic
def task_delete(*, actor: Actor, task: ProjectTask) -> None:
    """Remove a task; the tasks that started after it no longer wait for it."""
    delete_with_actor(task, actor)


def task_network_snapshot(project: Project) -> dict[str, Any]:
    """The project's tasks and resources as JSON: what a schedule is made from.  Uses the
    tasks and resources already prefetched on ``project`` (as the tasks page has them)."""
    prefetch_related_objects([project], "task_resources", "tasks__needs", "tasks__after")
    resources = sorted(project.task_resources.all(), key=lambda r: (r.name, r.pk))
    tasks = sorted(project.tasks.all(), key=lambda t: t.pk)
    return {
        "resources": [{"id": r.pk, "name": r.name, "capacity": r.capacity} for r in resources],
        "tasks": [
            {
                "id": t.pk,
                "name": t.name,
                "weeks": t.weeks,
                "after": sorted(a.pk for a in t.after.all()),
                "needs": {str(n.resource_id): n.amount for n in t.needs.all()},
            }
            for t in tasks
        ],
    }


@transaction.atomic
def task_schedule_create(
    *, actor: Actor, project: Project, starts_on: dt.date | None, time_limit_s: int | None
) -> TaskSchedule:
    """Take a snapshot of the project's tasks and queue them for scheduling in the worker."""
    errors = _errors()
    if starts_on is None:
        _add(errors, "starts_on", "Enter the date the work starts")
    if not time_limit_s or time_limit_s < 1 or time_limit_s > MAX_TIME_LIMIT_S:
        _add(errors, "time_limit_s", f"Choose a time limit from 1 to {MAX_TIME_LIMIT_S} seconds")
    inputs = task_network_snapshot(project)
    if not inputs["tasks"]:
        _add(errors, "__all__", "The project has no tasks to schedule: add its tasks first")
    _raise(errors)
    assert starts_on is not None and time_limit_s is not None
    schedule = TaskSchedule(
        project=project,
        starts_on=starts_on,
        time_limit_s=time_limit_s,
        inputs=inputs,
        created_by=_signed_in(actor),
    )
    save_with_actor(schedule, actor)
    transaction.on_commit(lambda: schedule_tasks.enqueue(schedule.pk))
    return schedule
