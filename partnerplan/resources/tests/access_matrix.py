"""The resources pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from partnerplan.core.models import Visibility
from partnerplan.core.tests.fixtures import ROLE_NAMES
from partnerplan.core.tests.matrix import ADMIN_ONLY, SIGNED_IN_ONLY
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    AvailabilityFactory,
    DonePlanRunFactory,
    LeaveFactory,
    PoolMemberFactory,
    ProjectTaskFactory,
    RoleDemandFactory,
    RunningTaskScheduleFactory,
    TaskNeedFactory,
)

# The pool member is lent by Alpha, like the officer and the project manager personas.
HOME_PARTNER = {**ADMIN_ONLY, "officer": 200, "pm": 200}
PLANNERS = {**ADMIN_ONLY, "pm": 200}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "resources:pool-list": (None, SIGNED_IN_ONLY),
    "resources:member-create": (None, ADMIN_ONLY),
    "resources:member-detail": ("res_member", SIGNED_IN_ONLY),
    "resources:availability-create": ("res_member", HOME_PARTNER),
    "resources:leave-create": ("res_member", HOME_PARTNER),
    "resources:member-edit": ("res_member", ADMIN_ONLY),
    "resources:member-archive": ("res_member", ADMIN_ONLY),
    "resources:availability-edit": ("res_availability", HOME_PARTNER),
    "resources:availability-delete": ("res_availability", HOME_PARTNER),
    "resources:leave-edit": ("res_leave", HOME_PARTNER),
    "resources:leave-delete": ("res_leave", HOME_PARTNER),
    "resources:demand-list": (None, SIGNED_IN_ONLY),
    "resources:project-demand": ("res_project", SIGNED_IN_ONLY),
    "resources:demand-create": ("res_project", ADMIN_ONLY),
    "resources:planning-edit": ("res_project", ADMIN_ONLY),
    "resources:assignment-create": ("res_demand", ADMIN_ONLY),
    "resources:demand-edit": ("res_demand", ADMIN_ONLY),
    "resources:demand-delete": ("res_demand", ADMIN_ONLY),
    "resources:assignment-edit": ("res_assignment", ADMIN_ONLY),
    "resources:assignment-delete": ("res_assignment", ADMIN_ONLY),
    "resources:project-actuals": ("res_project", SIGNED_IN_ONLY),
    # the project's manager and administrators (this project has no manager)
    "resources:actual-create": ("res_project", ADMIN_ONLY),
    "resources:capacity": (None, SIGNED_IN_ONLY),
    "resources:run-list": (None, SIGNED_IN_ONLY),
    "resources:run-create": (None, PLANNERS),
    "resources:run-detail": ("res_run", SIGNED_IN_ONLY),
    "resources:run-progress": ("res_run", SIGNED_IN_ONLY),
    "resources:run-book": ("res_run", ADMIN_ONLY),
    "resources:task-network": ("res_project", SIGNED_IN_ONLY),
    "resources:task-create": ("res_project", ADMIN_ONLY),
    "resources:task-resource-create": ("res_project", ADMIN_ONLY),
    # only POST schedules the tasks
    "resources:task-schedule-create": (
        "res_project",
        {**dict.fromkeys(ROLE_NAMES, 405), "public": 302},
    ),
    "resources:task-edit": ("res_task", ADMIN_ONLY),
    "resources:task-delete": ("res_task", ADMIN_ONLY),
    "resources:task-resource-edit": ("res_task_resource", ADMIN_ONLY),
    "resources:task-resource-delete": ("res_task_resource", ADMIN_ONLY),
    "resources:task-schedule": ("res_task_schedule", SIGNED_IN_ONLY),
    "resources:task-schedule-progress": ("res_task_schedule", SIGNED_IN_ONLY),
    "resources:scenario-list": (None, SIGNED_IN_ONLY),
    "resources:scenario-create": (None, PLANNERS),
}


def objects(world: Any) -> dict[str, Any]:
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    member = PoolMemberFactory.create(home_partner=world.alpha)
    demand = RoleDemandFactory.create(project=project)
    need = TaskNeedFactory.create(task=ProjectTaskFactory.create(project=project))
    return {
        "res_member": member,
        "res_availability": AvailabilityFactory.create(member=member),
        "res_leave": LeaveFactory.create(member=member),
        "res_project": project,
        "res_demand": demand,
        "res_assignment": AssignmentFactory.create(demand=demand, member=member),
        "res_run": DonePlanRunFactory.create(),
        "res_task": need.task,
        "res_task_resource": need.resource,
        "res_task_schedule": RunningTaskScheduleFactory.create(project=project),
    }


# Scheduling is a POST only: the project's team (here only the administrator) may send it.
POST_EXPECTED: dict[str, dict[str, int]] = {
    "resources:task-schedule-create": {**ADMIN_ONLY, "admin": 400},  # no tasks to schedule
}
