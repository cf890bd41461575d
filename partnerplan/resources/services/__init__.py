"""Every write to the pool, demand, assignments, scenarios, planner runs and task networks.

Each service validates in plain English (a ValidationError keyed by field), saves atomically
and records who made the change. Over-allocation is flagged, never refused: the programme
office may knowingly book someone beyond their time.

The sub-modules, one per noun: `pool`, `demand`, `assignments`, `scenarios`, `runs` (asking
for a planner run), `booking` (a finished run's plan becomes bookings), `tasks` (task
networks), and `worker` (what the background worker runs: the solves' lifecycle and progress).
Code in this app imports the sub-module; this package re-exports the names the demo, the tests
and the benchmarks use.
"""

from partnerplan.resources.services.assignments import (
    AssignmentOutcome,
    assignment_create,
    assignment_delete,
    assignment_update,
    days_text,
    describe_over,
)
from partnerplan.resources.services.booking import BookedPlan, run_book
from partnerplan.resources.services.demand import (
    demand_create,
    demand_delete,
    demand_update,
    planning_set,
)
from partnerplan.resources.services.pool import (
    availability_add,
    availability_delete,
    availability_update,
    leave_add,
    leave_delete,
    leave_update,
    member_archive,
    member_create,
    member_restore,
    member_update,
)
from partnerplan.resources.services.runs import run_create
from partnerplan.resources.services.scenarios import scenario_create
from partnerplan.resources.services.tasks import (
    task_create,
    task_delete,
    task_network_snapshot,
    task_resource_create,
    task_resource_delete,
    task_resource_update,
    task_schedule_create,
    task_update,
)
from partnerplan.resources.services.worker import (
    SOLVE_LIFECYCLE,
    ProgressRelay,
    run_execute,
    run_fail,
    run_finish,
    run_heartbeat,
    run_progress,
    run_start,
    solves_fail_stale,
    task_schedule_execute,
)

__all__ = [
    "SOLVE_LIFECYCLE",
    "AssignmentOutcome",
    "BookedPlan",
    "ProgressRelay",
    "assignment_create",
    "assignment_delete",
    "assignment_update",
    "availability_add",
    "availability_delete",
    "availability_update",
    "days_text",
    "demand_create",
    "demand_delete",
    "demand_update",
    "describe_over",
    "leave_add",
    "leave_delete",
    "leave_update",
    "member_archive",
    "member_create",
    "member_restore",
    "member_update",
    "planning_set",
    "run_book",
    "run_create",
    "run_execute",
    "run_fail",
    "run_finish",
    "run_heartbeat",
    "run_progress",
    "run_start",
    "solves_fail_stale",
    "scenario_create",
    "task_create",
    "task_delete",
    "task_network_snapshot",
    "task_resource_create",
    "task_resource_delete",
    "task_resource_update",
    "task_schedule_create",
    "task_schedule_execute",
    "task_update",
]
