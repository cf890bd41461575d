"""factory_boy factories for the pool, demand, assignments, scenarios and planner runs,
including run lifecycle states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from partnerplan.partners.tests.factories import PartnerFactory, PersonFactory
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources.models import (
    Assignment,
    Availability,
    Leave,
    PlanRun,
    PlanScenario,
    PoolMember,
    ProjectPlanning,
    ProjectTask,
    RoleDemand,
    RunStatus,
    Skill,
    TaskNeed,
    TaskResource,
    TaskSchedule,
)


def skill(code: str = Skill.PROJECT_MANAGEMENT) -> Skill:
    return Skill.objects.get(code=code)


class PoolMemberFactory(factory.django.DjangoModelFactory[PoolMember]):
    class Meta:
        model = PoolMember
        skip_postgeneration_save = True

    home_partner = factory.SubFactory(PartnerFactory)
    person = factory.SubFactory(PersonFactory, partner=factory.SelfAttribute("..home_partner"))
    days_per_week = Decimal(3)
    cost_rate_per_day = Decimal(250)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if not create:
            return
        self.skills.set(extracted if extracted is not None else [skill()])


class ArchivedPoolMemberFactory(PoolMemberFactory):
    archived_at = factory.LazyFunction(timezone.now)
    archive_reason = "Returned to their partner"


class AvailabilityFactory(factory.django.DjangoModelFactory[Availability]):
    class Meta:
        model = Availability

    member = factory.SubFactory(PoolMemberFactory)
    starts_on = dt.date(2011, 4, 1)
    ends_on = dt.date(2011, 6, 30)
    days_per_week = Decimal(1)


class LeaveFactory(factory.django.DjangoModelFactory[Leave]):
    class Meta:
        model = Leave

    member = factory.SubFactory(PoolMemberFactory)
    starts_on = dt.date(2011, 8, 1)
    ends_on = dt.date(2011, 8, 12)
    note = "Summer leave"


class RoleDemandFactory(factory.django.DjangoModelFactory[RoleDemand]):
    class Meta:
        model = RoleDemand

    project = factory.SubFactory(ProjectFactory)
    title = "Project manager"
    skill = factory.LazyFunction(skill)
    days_per_week = Decimal(3)
    starts_on = dt.date(2011, 1, 1)
    months = 6


class ProjectPlanningFactory(factory.django.DjangoModelFactory[ProjectPlanning]):
    class Meta:
        model = ProjectPlanning

    project = factory.SubFactory(ProjectFactory)
    value = Decimal(10)


class CommittedProjectPlanningFactory(ProjectPlanningFactory):
    committed = True


class AssignmentFactory(factory.django.DjangoModelFactory[Assignment]):
    class Meta:
        model = Assignment

    demand = factory.SubFactory(RoleDemandFactory)
    member = factory.SubFactory(PoolMemberFactory)
    days_per_week = factory.LazyAttribute(lambda a: a.demand.days_per_week)
    starts_on = factory.LazyAttribute(lambda a: a.demand.first_month)
    ends_on = factory.LazyAttribute(lambda a: a.demand.ends_on)


class PlanScenarioFactory(factory.django.DjangoModelFactory[PlanScenario]):
    class Meta:
        model = PlanScenario

    name = factory.Sequence(lambda n: f"Scenario {n}")
    money_change = Decimal(20000)


class PlanRunFactory(factory.django.DjangoModelFactory[PlanRun]):
    """A queued run with an empty snapshot."""

    class Meta:
        model = PlanRun

    name = factory.Sequence(lambda n: f"Run {n}")
    time_limit_s = 5
    starts_on = dt.date(2011, 1, 1)
    months = 12


class RunningPlanRunFactory(PlanRunFactory):
    status = RunStatus.RUNNING
    progress = 40
    started_at = factory.LazyFunction(timezone.now)


class DonePlanRunFactory(PlanRunFactory):
    status = RunStatus.DONE
    progress = 100
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)
    result = factory.LazyFunction(
        lambda: {
            "plans": [
                {
                    "name": "Plan as it stands",
                    "status": "OPTIMAL",
                    "objective": "10",
                    "best_bound": "10",
                    "gap": 0.0,
                    "total_cost": "0",
                    "scheduled": [],
                    "assignments": [],
                    "deferred": [],
                    "conflicts": [],
                    "warnings": [],
                    "spend": {},
                    "utilisation": {},
                    "wall_time_s": 0.1,
                }
            ],
            "comparison": [],
        }
    )


class FailedPlanRunFactory(PlanRunFactory):
    status = RunStatus.FAILED
    error = "The planner stopped with an error: test"
    finished_at = factory.LazyFunction(timezone.now)


class TaskResourceFactory(factory.django.DjangoModelFactory[TaskResource]):
    class Meta:
        model = TaskResource

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    capacity = 2


class ProjectTaskFactory(factory.django.DjangoModelFactory[ProjectTask]):
    class Meta:
        model = ProjectTask

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Task {n}")
    weeks = 4


class TaskNeedFactory(factory.django.DjangoModelFactory[TaskNeed]):
    class Meta:
        model = TaskNeed

    task = factory.SubFactory(ProjectTaskFactory)
    resource = factory.SubFactory(
        TaskResourceFactory, project=factory.SelfAttribute("..task.project")
    )
    amount = 1


class TaskScheduleFactory(factory.django.DjangoModelFactory[TaskSchedule]):
    """A queued schedule of an empty snapshot (set ``inputs`` for real tasks)."""

    class Meta:
        model = TaskSchedule

    project = factory.SubFactory(ProjectFactory)
    starts_on = dt.date(2011, 3, 7)
    time_limit_s = 5
    inputs = factory.LazyFunction(lambda: {"resources": [], "tasks": []})


class RunningTaskScheduleFactory(TaskScheduleFactory):
    status = RunStatus.RUNNING
    progress = 30
    started_at = factory.LazyFunction(timezone.now)
