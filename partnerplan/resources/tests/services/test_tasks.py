"""A project's task network: tasks and shared resources refused with a clear message, nothing
half-saved, and the snapshot the scheduler solves."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.models import (
    ProjectTask,
)
from partnerplan.resources.planning.common import PlanningInputError
from partnerplan.resources.planning.tasknet import network_problem, schedule_network
from partnerplan.resources.tests.builders import (
    crm_network,
)
from partnerplan.resources.tests.factories import (
    TaskNeedFactory,
)

pytestmark = pytest.mark.django_db


def test_it_refuses_a_resource_without_a_name_or_with_none_available():
    project = ProjectFactory.create()
    with pytest.raises(
        ValidationError, match=r"Enter a name for the resource, for example ICT team"
    ) as exc:
        services.task_resource_create(actor=None, project=project, name=" ", capacity=0)
    assert exc.value.message_dict == {
        "name": ["Enter a name for the resource, for example ICT team"],
        "capacity": ["Enter a number from 1 to 1000"],
    }
    services.task_resource_create(actor=None, project=project, name="ICT team", capacity=2)
    with pytest.raises(
        ValidationError, match=r"The project already has a resource called ict team"
    ) as exc:
        services.task_resource_create(actor=None, project=project, name="ict team", capacity=1)
    assert exc.value.message_dict["name"] == ["The project already has a resource called ict team"]


def test_it_refuses_a_need_above_what_the_project_has():
    project = ProjectFactory.create()
    ict = services.task_resource_create(actor=None, project=project, name="ICT", capacity=2)
    with pytest.raises(
        ValidationError, match=r"It needs 3 of ICT, but the project has only 2: it"
    ) as exc:
        services.task_create(actor=None, project=project, name="Build", weeks=3, needs={ict: 3})
    assert exc.value.message_dict[f"need_{ict.pk}"] == [
        "It needs 3 of ICT, but the project has only 2: it could never start"
    ]
    assert not ProjectTask.objects.exists()


def test_it_refuses_a_loop_of_tasks_waiting_for_each_other():
    project = ProjectFactory.create()
    _, specify, procure, _, live = crm_network(project)
    with pytest.raises(
        ValidationError, match=r"It cannot start after Go live, because Go live alre"
    ) as exc:
        services.task_update(actor=None, task=specify, name="Specify", weeks=2, after=[live])
    assert exc.value.message_dict["after"] == [
        "It cannot start after Go live, because Go live already waits for it: that would be a loop"
    ]
    with pytest.raises(ValidationError, match=r"A task cannot start after itself") as exc:
        services.task_update(actor=None, task=procure, name="Procure", weeks=4, after=[procure])
    assert exc.value.message_dict["after"] == ["A task cannot start after itself"]
    specify.refresh_from_db()
    assert list(specify.after.all()) == []


def test_it_refuses_fewer_of_a_resource_than_a_task_needs_and_bad_weeks():
    project = ProjectFactory.create()
    ict, *_ = crm_network(project)
    services.task_resource_update(actor=None, resource=ict, name="ICT officer", capacity=1)
    with pytest.raises(ValidationError, match=r"Enter a number from 1 to 1000") as exc:
        services.task_resource_update(actor=None, resource=ict, name="ICT officer", capacity=0)
    assert "Enter a number from 1 to 1000" in exc.value.message_dict["capacity"]
    TaskNeedFactory.create(task__project=project, resource=ict, amount=1)
    two = services.task_resource_update(actor=None, resource=ict, name="ICT team", capacity=2)
    services.task_create(actor=None, project=project, name="Migrate", weeks=1, needs={two: 2})
    with pytest.raises(
        ValidationError, match=r"Some tasks need more than 1 of ICT team \(Migrate "
    ) as exc:
        services.task_resource_update(actor=None, resource=two, name="ICT team", capacity=1)
    assert exc.value.message_dict["capacity"] == [
        "Some tasks need more than 1 of ICT team (Migrate needs 2): change those tasks first"
    ]
    with pytest.raises(ValidationError, match=r"Enter a number of weeks from 0 to 520") as exc:
        services.task_create(actor=None, project=project, name="", weeks=-1)
    assert exc.value.message_dict["weeks"] == ["Enter a number of weeks from 0 to 520"]


def test_it_lets_tasks_stop_waiting_for_a_removed_task():
    project = ProjectFactory.create()
    _, specify, procure, train, _ = crm_network(project)
    services.task_delete(actor=None, task=specify)
    procure.refresh_from_db()
    assert list(procure.after.all()) == []
    assert set(project.tasks.values_list("name", flat=True)) == {"Procure", "Train staff",
                                                                  "Go live"}  # fmt: skip


def _inputs(project):
    return services.task_network_snapshot(project)


def test_it_schedules_the_network_and_proves_it_shortest():
    project = ProjectFactory.create()
    _, specify, procure, train, live = crm_network(project)
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
    with pytest.raises(
        PlanningInputError, match=r"These tasks wait for each other in a loop, so none"
    ) as exc:
        network_problem(inputs)
    assert exc.value.problems == [
        "B needs 2 of ICT, but only 1 exist: it could never start.",
        "These tasks wait for each other in a loop, so none of them could start: A → B → C → A.",
    ]
