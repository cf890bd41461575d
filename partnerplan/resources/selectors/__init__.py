"""Reads of the pool, demand, capacity, runs, scenarios and task networks, scoped to what the
viewer may see: demand, bookings and tasks through their project's visibility
(`visible_q(viewer, Project, "project__")`); the pool itself is seen by anyone signed in (the
views require sign-in).

The capacity function is not re-exported: `selectors.capacity` is its sub-module.

One sub-module per noun; code in this app imports the sub-module, and this package re-exports
the public names for the tests and the demo."""

from partnerplan.resources.selectors.capacity import (
    ZERO,
    Capacity,
    PersonMonth,
    PersonRow,
    SkillMonth,
    SkillRow,
    default_start,
)
from partnerplan.resources.selectors.demand import (
    demand_detail,
    demand_list,
    fund_choices,
    project_choices,
    project_demand,
)
from partnerplan.resources.selectors.pool import (
    assignment_detail,
    availability_detail,
    leave_detail,
    member_choices,
    member_detail,
    members_with_calendars,
    partner_choices,
    person_choices,
    pool_list,
)
from partnerplan.resources.selectors.runs import (
    frontier_chart,
    run_detail,
    run_list,
    run_progress,
    run_view,
    scenario_choices,
    scenario_list,
)
from partnerplan.resources.selectors.tasks import (
    ScheduledTask,
    ScheduleView,
    latest_task_schedule,
    task_detail,
    task_network,
    task_resource_detail,
    task_schedule_detail,
    task_schedule_progress,
    task_schedule_view,
)

__all__ = [
    "Capacity",
    "PersonMonth",
    "PersonRow",
    "ScheduleView",
    "ScheduledTask",
    "SkillMonth",
    "SkillRow",
    "ZERO",
    "assignment_detail",
    "availability_detail",
    "default_start",
    "demand_detail",
    "demand_list",
    "frontier_chart",
    "fund_choices",
    "latest_task_schedule",
    "leave_detail",
    "member_choices",
    "member_detail",
    "members_with_calendars",
    "partner_choices",
    "person_choices",
    "pool_list",
    "project_choices",
    "project_demand",
    "run_detail",
    "run_list",
    "run_progress",
    "run_view",
    "scenario_choices",
    "scenario_list",
    "task_detail",
    "task_network",
    "task_resource_detail",
    "task_schedule_detail",
    "task_schedule_progress",
    "task_schedule_view",
]
