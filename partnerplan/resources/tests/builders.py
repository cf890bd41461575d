"""Scenes the resources tests share: two projects competing for one pool member, a finished
planner run, a small task network, form dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from partnerplan.core.access import viewer_for
from partnerplan.resources import services
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    CommittedProjectPlanningFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def admin_of(world):
    return world.users["admin"]


def two_projects(world):
    member = PoolMemberFactory.create(days_per_week=Decimal(3), home_partner=world.alpha)
    first = RoleDemandFactory.create(project__title="Life Events", days_per_week=Decimal(3))
    CommittedProjectPlanningFactory.create(project=first.project, value=Decimal(5))
    AssignmentFactory.create(demand=first, member=member)
    second = RoleDemandFactory.create(project__title="Customer Access", days_per_week=Decimal(3))
    ProjectPlanningFactory.create(project=second.project, value=Decimal(8))
    return member, first.project, second.project


def planned_run(world):
    admin = world.users["admin"]
    busy = PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    free = PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    first = RoleDemandFactory.create(project__title="Life Events")
    CommittedProjectPlanningFactory.create(project=first.project)
    AssignmentFactory.create(demand=first, member=busy)
    second = RoleDemandFactory.create(project__title="Customer Access")
    ProjectPlanningFactory.create(project=second.project, deadline=dt.date(2011, 12, 31))
    run = services.run_create(
        actor=admin,
        viewer=viewer_for(admin),
        name="Staffing 2011",
        starts_on=dt.date(2011, 1, 1),
        months=12,
        time_limit_s=2,
    )
    services.run_execute(run.pk)
    run.refresh_from_db()
    assert run.status == "done", run.error
    return run, free, first, second


def crm_network(project):
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


def pool_with_bookings(world, n=3):
    members = [PoolMemberFactory.create(home_partner=world.alpha) for _ in range(n)]
    for m in members:
        AssignmentFactory.create(member=m)
    return members


def day_of(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}
