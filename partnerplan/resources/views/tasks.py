"""Task networks: one project's tasks under its own resource limits, and their schedules."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.portfolio.models import Project
from partnerplan.resources import forms
from partnerplan.resources.models import ProjectTask
from partnerplan.resources.selectors import tasks as selectors
from partnerplan.resources.services import tasks as services
from partnerplan.resources.services.worker import solves_fail_stale
from partnerplan.resources.views._common import CONFIRM, FORM, NAV, page
from partnerplan.resources.views.charts import schedule_chart

TASK_INTRO = (
    'For example: "Procure the CRM system", 12 weeks, after "Business case approved", needing '
    "1 of Procurement team."
)
RESOURCE_INTRO = (
    "Something the tasks share and cannot overload: a team with so many people free for the "
    "project, a test environment, a training room."
)


def _tasks_url(project_id: int) -> str:
    return reverse("resources:task-network", args=[project_id])


def _network_page(project: Project, can_change: bool) -> dict[str, Any]:
    """What the tasks page shows besides its form: the latest schedule, ready for the page."""
    schedule = selectors.latest_task_schedule(project)
    view = selectors.task_schedule_view(schedule, project) if schedule else None
    return page(
        project=project,
        schedule=schedule,
        view=view,
        chart=schedule_chart(view) if view else None,
        can_change=can_change,
    )


@login_required
@require_GET
def task_network(request: HttpRequest, pk: int) -> HttpResponse:
    """The tasks page, with the latest schedule and (for the project's team) the form that
    schedules the tasks again."""
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    project = selectors.task_network(viewer=viewer, pk=pk)
    can_change = can(viewer, "resources.manage_demand", project)
    context = _network_page(project, can_change)
    form = None
    if can_change:
        schedule = context["schedule"]
        starts_on = schedule.starts_on if schedule else None
        form = forms.TaskScheduleForm(initial={"starts_on": starts_on})
    return render(request, "resources/task_network.html", {**context, "form": form})


@login_required
@require_http_methods(["POST"])
def task_schedule_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Schedule the tasks: queue a snapshot for the worker, then show its progress. A refused
    request shows the tasks page again with the reason."""
    project = selectors.task_network(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, forms.TaskScheduleForm(bound(request)),
        rule=("resources.manage_demand", project),
        act=lambda data: services.task_schedule_create(
            actor=request.user, project=project, **data
        ),
        success="",  # queued is not done: the page says whether a worker has it
        done=lambda schedule: reverse("resources:task-schedule", args=[schedule.pk]),
        title=project.title, template="resources/task_network.html",
        context=_network_page(project, True),
    )  # fmt: skip


def _task_form(request: HttpRequest, project: Project, task: ProjectTask | None = None) -> Any:
    others = project.tasks.all() if task is None else project.tasks.exclude(pk=task.pk)
    initial: dict[str, Any] = {}
    if task is not None:
        initial = {"name": task.name, "weeks": task.weeks, "after": list(task.after.all())}
        initial.update({f"need_{n.resource_id}": n.amount for n in task.needs.all()})
    return forms.TaskForm(
        bound(request),
        initial=initial,
        others=others.order_by("pk"),
        resources=project.task_resources.order_by("name"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.task_network(viewer=viewer_for(request.user), pk=pk)
    form = _task_form(request, project)
    return form_page(
        request, form, rule=("resources.manage_demand", project),
        act=lambda _data: services.task_create(
            actor=request.user, project=project, **form.service_data()
        ),
        success="The task has been added.", done=_tasks_url(project.pk),
        title="Add a task", caption=project.title, intro=TASK_INTRO,
        cancel=_tasks_url(project.pk), template=FORM, context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_detail(viewer=viewer_for(request.user), pk=pk)
    form = _task_form(request, task.project, task)
    return form_page(
        request, form, rule=("resources.manage_demand", task.project),
        act=lambda _data: services.task_update(
            actor=request.user, task=task, **form.service_data()
        ),
        success="The task has been changed.", done=_tasks_url(task.project_id),
        title=f"Change the task {task.name}", caption=task.project.title, intro=TASK_INTRO,
        cancel=_tasks_url(task.project_id), template=FORM, context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_detail(viewer=viewer_for(request.user), pk=pk)
    waiting = task.followers.count()
    return form_page(
        request, ConfirmForm(bound(request)), rule=("resources.manage_demand", task.project),
        act=lambda _data: services.task_delete(actor=request.user, task=task),
        success=f"The task {task.name} has been removed.", done=_tasks_url(task.project_id),
        title=f"Remove the task {task.name}?", caption=task.project.title,
        intro=f"{task.name}: {task.weeks} week{'s' if task.weeks != 1 else ''}."
        + (f" {waiting} task{'s' if waiting != 1 else ''} that start after it will no longer "
           "wait for it." if waiting else ""),
        submit="Remove task", cancel=_tasks_url(task.project_id), template=CONFIRM,
        context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_resource_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.task_network(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, forms.TaskResourceForm(bound(request)),
        rule=("resources.manage_demand", project),
        act=lambda data: services.task_resource_create(
            actor=request.user, project=project, **data
        ),
        success="The resource has been added.", done=_tasks_url(project.pk),
        title="Add a resource the tasks share", caption=project.title, intro=RESOURCE_INTRO,
        cancel=_tasks_url(project.pk), template=FORM,
        context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.task_resource_detail(viewer=viewer_for(request.user), pk=pk)
    form = forms.TaskResourceForm(
        bound(request), initial={"name": resource.name, "capacity": resource.capacity}
    )
    return form_page(
        request, form, rule=("resources.manage_demand", resource.project),
        act=lambda data: services.task_resource_update(
            actor=request.user, resource=resource, **data
        ),
        success="The resource has been changed.", done=_tasks_url(resource.project_id),
        title=f"Change the resource {resource.name}", caption=resource.project.title,
        intro=RESOURCE_INTRO, cancel=_tasks_url(resource.project_id),
        template=FORM, context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def task_resource_delete(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.task_resource_detail(viewer=viewer_for(request.user), pk=pk)
    needing = resource.needs.count()
    return form_page(
        request, ConfirmForm(bound(request)), rule=("resources.manage_demand", resource.project),
        act=lambda _data: services.task_resource_delete(actor=request.user, resource=resource),
        success=f"The resource {resource.name} has been removed.",
        done=_tasks_url(resource.project_id),
        title=f"Remove the resource {resource.name}?", caption=resource.project.title,
        intro=f"{resource.name}: {resource.capacity} at any one time."
        + (f" {needing} task{'s' if needing != 1 else ''} that need it will no longer need "
           "it." if needing else ""),
        submit="Remove resource", cancel=_tasks_url(resource.project_id), template=CONFIRM,
        context=NAV,
    )  # fmt: skip


@login_required
@require_GET
def task_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    schedule = selectors.task_schedule_detail(viewer=viewer, pk=pk)
    if schedule.is_finished:
        return redirect("resources:task-network", pk=schedule.project_id)
    return render(
        request, "resources/task_schedule.html", page(schedule=schedule, project=schedule.project)
    )


@login_required
@require_GET
def task_schedule_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the schedule page polls (htmx, every 2 seconds)."""
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    solves_fail_stale()
    schedule = selectors.task_schedule_progress(viewer=viewer, pk=pk)
    response = render(request, "resources/_task_progress.html", {"schedule": schedule})
    if schedule.is_finished:
        response["HX-Redirect"] = reverse("resources:task-network", args=[schedule.project_id])
    return response
