"""Task network pages: scheduling from the page (immediate backend), the task form, the
tasks page in fixed queries, progress polling, and exempt projects hidden."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from partnerplan.core.models import Visibility
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.models import (
    ProjectTask,
    RunStatus,
    TaskSchedule,
)
from partnerplan.resources.tests.builders import (
    IMMEDIATE,
    crm_network,
)
from partnerplan.resources.tests.factories import (
    ProjectTaskFactory,
    RunningTaskScheduleFactory,
    TaskNeedFactory,
    TaskResourceFactory,
)

pytestmark = pytest.mark.django_db


@override_settings(TASKS=IMMEDIATE)
def test_it_schedules_from_the_page_and_shows_the_result(world, django_capture_on_commit_callbacks):
    project = ProjectFactory.create(title="CRM", visibility=Visibility.PARTNERSHIP)
    _, specify, *_ = crm_network(project)
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
    assert response.status_code == 400  # a refused form
    html = response.content.decode()
    assert "How many weeks it takes must be a whole number, like 6" in html
    response = admin.post(url, {"name": "Build", "weeks": "6", f"need_{ict.pk}": "2"})
    assert response.status_code == 400  # a refused form
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
