"""A project's task network: tasks, shared resources, scheduling in the worker, and the pages.

The project manager lists tasks with their weeks, links and needs; scheduling (the RCPSP
solver) finds the shortest plan within the resources.  Solves here take a few weeks' worth of
tasks and prove their answer well within the time limit.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from partnerplan.core.models import Visibility
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.models import ProjectTask, RunStatus, TaskSchedule
from partnerplan.resources.planning.common import PlanningInputError
from partnerplan.resources.planning.tasknet import network_problem, schedule_network
from partnerplan.resources.tests.factories import (
    ProjectTaskFactory,
    RunningTaskScheduleFactory,
    TaskNeedFactory,
    TaskResourceFactory,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

pytestmark = pytest.mark.django_db


def _crm_network(project):
    """Specify (2 weeks) -> {Procure (4), Train staff (3)} -> Go live (0); Procure and Train
    staff both need the one ICT officer, so they cannot overlap: 2 + 4 + 3 = 9 weeks, where
    the longest chain alone is 6."""
    ict = services.task_resource_create(actor=None, project=project, name="ICT officer",
                                        capacity=1)  # fmt: skip
    specify = services.task_create(actor=None, project=project, name="Specify", weeks=2)
    procure = services.task_create(
        actor=None, project=project, name="Procure", weeks=4, after=[specify], needs={ict: 1}
    )
    train = services.task_create(
        actor=None, project=project, name="Train staff", weeks=3, after=[specify], needs={ict: 1}
    )
    live = services.task_create(
        actor=None, project=project, name="Go live", weeks=0, after=[procure, train]
    )
    return ict, specify, procure, train, live


# --- Services: bad input gets a clear message, nothing half-saved -----------------------------


def test_it_refuses_a_resource_without_a_name_or_with_none_available():
    project = ProjectFactory.create()
    with pytest.raises(ValidationError) as exc:
        services.task_resource_create(actor=None, project=project, name=" ", capacity=0)
    assert exc.value.message_dict == {
        "name": ["Enter a name for the resource, for example ICT team"],
        "capacity": ["Enter a number from 1 to 1000"],
    }
    services.task_resource_create(actor=None, project=project, name="ICT team", capacity=2)
    with pytest.raises(ValidationError) as exc:
        services.task_resource_create(actor=None, project=project, name="ict team", capacity=1)
    assert exc.value.message_dict["name"] == ["The project already has a resource called ict team"]


def test_it_refuses_a_need_above_what_the_project_has():
    project = ProjectFactory.create()
    ict = services.task_resource_create(actor=None, project=project, name="ICT", capacity=2)
    with pytest.raises(ValidationError) as exc:
        services.task_create(actor=None, project=project, name="Build", weeks=3, needs={ict: 3})
    assert exc.value.message_dict[f"need_{ict.pk}"] == [
        "It needs 3 of ICT, but the project has only 2: it could never start"
    ]
    assert not ProjectTask.objects.exists()


def test_it_refuses_a_loop_of_tasks_waiting_for_each_other():
    project = ProjectFactory.create()
    _, specify, procure, _, live = _crm_network(project)
    with pytest.raises(ValidationError) as exc:
        services.task_update(actor=None, task=specify, name="Specify", weeks=2, after=[live])
    assert exc.value.message_dict["after"] == [
        "It cannot start after Go live, because Go live already waits for it: that would be a loop"
    ]
    with pytest.raises(ValidationError) as exc:
        services.task_update(actor=None, task=procure, name="Procure", weeks=4, after=[procure])
    assert exc.value.message_dict["after"] == ["A task cannot start after itself"]
    specify.refresh_from_db()
    assert list(specify.after.all()) == []


def test_it_refuses_fewer_of_a_resource_than_a_task_needs_and_bad_weeks():
    project = ProjectFactory.create()
    ict, *_ = _crm_network(project)
    services.task_resource_update(actor=None, resource=ict, name="ICT officer", capacity=1)
    with pytest.raises(ValidationError) as exc:
        services.task_resource_update(actor=None, resource=ict, name="ICT officer", capacity=0)
    assert "Enter a number from 1 to 1000" in exc.value.message_dict["capacity"]
    TaskNeedFactory.create(task__project=project, resource=ict, amount=1)
    two = services.task_resource_update(actor=None, resource=ict, name="ICT team", capacity=2)
    services.task_create(actor=None, project=project, name="Migrate", weeks=1, needs={two: 2})
    with pytest.raises(ValidationError) as exc:
        services.task_resource_update(actor=None, resource=two, name="ICT team", capacity=1)
    assert exc.value.message_dict["capacity"] == [
        "Some tasks need more than 1 of ICT team (Migrate needs 2): change those tasks first"
    ]
    with pytest.raises(ValidationError) as exc:
        services.task_create(actor=None, project=project, name="", weeks=-1)
    assert exc.value.message_dict["weeks"] == ["Enter a number of weeks from 0 to 520"]


def test_it_lets_tasks_stop_waiting_for_a_removed_task():
    project = ProjectFactory.create()
    _, specify, procure, train, _ = _crm_network(project)
    services.task_delete(actor=None, task=specify)
    procure.refresh_from_db()
    assert list(procure.after.all()) == []
    assert set(project.tasks.values_list("name", flat=True)) == {"Procure", "Train staff",
                                                                  "Go live"}  # fmt: skip


# --- The framework-free core -----------------------------------------------------------------


def _inputs(project):
    return services.task_network_snapshot(project)


def test_it_schedules_the_network_and_proves_it_shortest():
    project = ProjectFactory.create()
    _, specify, procure, train, live = _crm_network(project)
    result = schedule_network(_inputs(project), time_limit_s=5)
    assert result["weeks"] == 9
    assert result["status"] == "OPTIMAL"
    assert result["bound"] == 9
    assert result["chain_weeks"] == 6
    assert result["chain"] == [specify.pk, procure.pk, live.pk]
    starts = result["starts"]
    assert starts[str(specify.pk)] == 0
    assert {starts[str(procure.pk)], starts[str(train.pk)]} in ({2, 6}, {2, 5})
    assert starts[str(live.pk)] == 9


def test_it_names_the_tasks_of_a_loop_in_a_snapshot():
    inputs = {
        "resources": [{"id": 1, "name": "ICT", "capacity": 1}],
        "tasks": [
            {"id": 10, "name": "A", "weeks": 1, "after": [12], "needs": {}},
            {"id": 11, "name": "B", "weeks": 1, "after": [10], "needs": {"1": 2}},
            {"id": 12, "name": "C", "weeks": 1, "after": [11], "needs": {}},
        ],
    }
    with pytest.raises(PlanningInputError) as exc:
        network_problem(inputs)
    assert exc.value.problems == [
        "B needs 2 of ICT, but only 1 exist: it could never start.",
        "These tasks wait for each other in a loop, so none of them could start: A → B → C → A.",
    ]


# --- Scheduling in the worker, and the pages ---------------------------------------------------


@override_settings(TASKS=IMMEDIATE)
def test_it_schedules_from_the_page_and_shows_the_result(world, django_capture_on_commit_callbacks):
    project = ProjectFactory.create(title="CRM", visibility=Visibility.PARTNERSHIP)
    _, specify, *_ = _crm_network(project)
    admin = world.client("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            f"/resources/projects/{project.pk}/tasks/schedule/",
            {"starts_on_day": "7", "starts_on_month": "3", "starts_on_year": "2011",
             "time_limit_s": "5"},
        )  # fmt: skip
    schedule = TaskSchedule.objects.get()
    assert response.status_code == 302
    assert schedule.status == RunStatus.DONE, schedule.error
    # a finished schedule's page leads back to the project's tasks
    assert admin.get(f"/resources/task-schedules/{schedule.pk}/").status_code == 302
    html = world.client("officer").get(f"/resources/projects/{project.pk}/tasks/").content.decode()
    assert "9 weeks, from 7 March 2011 to 8 May 2011" in html
    assert "Proven shortest" in html
    assert "Sharing the resources adds 3 weeks" in html
    assert "Specify → Procure → Go live" in html
    assert "have changed since" not in html
    services.task_update(actor=None, task=specify, name="Specify", weeks=3)
    html = world.client("officer").get(f"/resources/projects/{project.pk}/tasks/").content.decode()
    assert "have changed since this schedule was made" in html


def test_it_says_what_is_wrong_with_a_schedule_request(world):
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    response = world.client("admin").post(
        f"/resources/projects/{project.pk}/tasks/schedule/",
        {"starts_on_day": "", "starts_on_month": "", "starts_on_year": "", "time_limit_s": "5"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter the work starts on" in html or "Enter the date the work starts" in html
    response = world.client("admin").post(
        f"/resources/projects/{project.pk}/tasks/schedule/",
        {"starts_on_day": "7", "starts_on_month": "3", "starts_on_year": "2011",
         "time_limit_s": "5"},
    )  # fmt: skip
    assert "The project has no tasks to schedule: add its tasks first" in response.content.decode()
    assert not TaskSchedule.objects.exists()


def test_it_adds_a_task_from_the_form_and_explains_bad_input(world):
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    ict = TaskResourceFactory.create(project=project, name="ICT", capacity=1)
    first = ProjectTaskFactory.create(project=project, name="Specify")
    url = f"/resources/projects/{project.pk}/tasks/new/"
    admin = world.client("admin")
    response = admin.post(url, {"name": "Build", "weeks": "six", f"need_{ict.pk}": "2"})
    html = response.content.decode()
    assert "How many weeks it takes must be a whole number, like 6" in html
    response = admin.post(url, {"name": "Build", "weeks": "6", f"need_{ict.pk}": "2"})
    assert "It needs 2 of ICT, but the project has only 1: it could never start" in (
        response.content.decode()
    )
    response = admin.post(
        url, {"name": "Build", "weeks": "6", f"need_{ict.pk}": "1", "after": [first.pk]}
    )
    assert response.status_code == 302
    build = ProjectTask.objects.get(name="Build")
    assert list(build.after.all()) == [first]
    assert [(n.resource, n.amount) for n in build.needs.all()] == [(ict, 1)]


def test_it_shows_the_tasks_page_in_a_fixed_number_of_queries(world, assert_queries):
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    TaskNeedFactory.create(task__project=project)
    client = world.client("officer")
    url = f"/resources/projects/{project.pk}/tasks/"
    client.get(url)
    # session, user, viewer (person + roles; bodies), project, tasks, needs, links, resources,
    # latest schedule
    with assert_queries(10, "A project's tasks page"):
        response = client.get(url)
    assert response.status_code == 200
    for _ in range(3):
        TaskNeedFactory.create(task__project=project)
    with assert_queries(10, "A project's tasks page with more tasks"):
        client.get(url)
    schedule = services.task_schedule_create(
        actor=None, project=project, starts_on=dt.date(2011, 3, 7), time_limit_s=5
    )
    services.task_schedule_execute(schedule.pk)
    # the finished schedule is compared with the tasks already loaded for the page
    with assert_queries(10, "A project's tasks page with a finished schedule"):
        response = client.get(url)
    assert "Proven shortest" in response.content.decode()


def test_it_polls_progress_and_sends_the_browser_to_the_result(world):
    schedule = RunningTaskScheduleFactory.create(
        project__visibility=Visibility.PARTNERSHIP, progress=30
    )
    client = world.client("officer")
    response = client.get(f"/resources/task-schedules/{schedule.pk}/progress/")
    assert "30% done" in response.content.decode()
    assert "HX-Redirect" not in response
    TaskSchedule.objects.filter(pk=schedule.pk).update(status=RunStatus.DONE)
    response = client.get(f"/resources/task-schedules/{schedule.pk}/progress/")
    assert response["HX-Redirect"] == f"/resources/projects/{schedule.project_id}/tasks/"


def test_it_hides_another_partnerships_exempt_project_tasks(world):
    project = ProjectFactory.create(visibility=Visibility.EXEMPT)
    task = ProjectTaskFactory.create(project=project)
    client = world.client("officer")
    assert client.get(f"/resources/projects/{project.pk}/tasks/").status_code == 404
    assert client.get(f"/resources/tasks/{task.pk}/").status_code == 404


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
