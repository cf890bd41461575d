"""The pool and the demand for it in the demo partnership (seed report, 1.4 and 4.10-4.12).

From the report:
- Adult Social Care and Health: active, "SCC supply project executive and project manager"
  (Appendix A notes); Life Events: active, "SSDC supply project executive and project manager
  to be resourced from reserves (£36,400)". Both are committed.
- Workstream 2, Integrated services for customers (Staffordshire One Place): "6 months project
  management 3 days per week", the brief drawn up "end of October" (Appendix B). Recorded on
  the work plan project Shared Services and Systems, whose Appendix A link to Workstream 2 says
  "Use of Connects Reserves for a Project Manager sanctioned by Joint Committee. Not yet
  utilised". Inferred: the role starts in November 2010.
- Workstream 3, Customer Access: "Depending on project management resources, business cases
  can be achievable within 3 months (from November)" (Appendix B). Recorded on Customer
  Knowledge, the work plan project Appendix A places under Customer Access, with a deadline of
  January 2011.

DEMO DATA (the report names no pool members beyond these roles): the pool of three people,
their days a week, skills and cost rates; the days a week and months of the two active
projects' managers; the priority values; the scenario. The answer the planner gives on this
data: the pool has 2 days a week of project management free, so neither Workstream 2 nor
Customer Access can be staffed without a change, and the planner says what would let each in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.core.access import viewer_for
from partnerplan.core.models import User, Visibility
from partnerplan.core.types import Actor
from partnerplan.partners import services as partner_services
from partnerplan.partners.models import Person, Role
from partnerplan.resources import services
from partnerplan.resources.models import (
    Assignment,
    PlanRun,
    PlanScenario,
    PoolMember,
    ProjectPlanning,
    RoleDemand,
    Skill,
)

DEMO = "DEMO DATA: invented for the demo partnership; the report names no pool members."

# key, first, last, job title, partner, days a week, skills, cost per day
POOL: list[tuple[str, str, str, str, str, str, list[str], str]] = [
    ("pm", "", "", "", "SSDC", "3", ["project_management"], "280"),
    ("county_pm", "Demo", "County Project Manager", "Project manager (demo)", "SCC", "3",
     ["project_management", "business_analysis"], "300"),
    ("district_pm", "Demo", "District Project Officer", "Project officer (demo)", "LDC", "2",
     ["project_management", "procurement"], "240"),
]  # fmt: skip

# project title, role, skill, days a week, start, months, source, committed, value,
# deadline, pool key booked
DEMAND: list[dict[str, Any]] = [
    {
        "project": "Adult Social Care and Health",
        "days": "3", "start": dt.date(2010, 10, 1), "months": 12,
        "source": "Appendix A notes: SCC supply the project manager. DEMO DATA: 3 days a week "
        "for 12 months from October 2010.",
        "committed": True, "value": "3", "deadline": None, "booked": "county_pm",
    },
    {
        "project": "Life Events",
        "days": "3", "start": dt.date(2010, 10, 1), "months": 12,
        "source": "Appendix A notes: SSDC supply the project manager, resourced from reserves "
        "(£36,400). DEMO DATA: 3 days a week for 12 months from October 2010.",
        "committed": True, "value": "3", "deadline": None, "booked": "pm",
    },
    {
        "project": "Shared Services and Systems",
        "days": "3", "start": dt.date(2010, 11, 1), "months": 6,
        "source": "Appendix B, project area 2: '6 months project management 3 days per week'. "
        "Inferred: starting November 2010. DEMO DATA: the priority value.",
        "committed": False, "value": "4", "deadline": None, "booked": None,
    },
    {
        "project": "Customer Knowledge",
        "days": "3", "start": dt.date(2010, 11, 1), "months": 3,
        "source": "Appendix B, project area 3: business cases 'within 3 months (from "
        "November)', depending on project management resources. DEMO DATA: 3 days a week and "
        "the priority value.",
        "committed": False, "value": "3", "deadline": dt.date(2011, 1, 31), "booked": None,
    },
]  # fmt: skip

SCENARIO = "A fourth partner lends a project manager 3 days a week"

# DEMO DATA: a task network for Customer Knowledge's business case, which the report says
# can be "achievable within 3 months (from November)" given project management.
# task, weeks, starts after, needs (resource: amount)
TASKS_PROJECT = "Customer Knowledge"
TASK_RESOURCES = [("Project manager", 1), ("Business analyst", 1)]
TASKS: list[tuple[str, int, list[str], dict[str, int]]] = [
    ("Gather customer contact data from partners", 3, [], {"Business analyst": 1}),
    ("Analyse demand by channel", 2, ["Gather customer contact data from partners"],
     {"Business analyst": 1}),
    ("Options appraisal", 2, ["Analyse demand by channel"],
     {"Project manager": 1, "Business analyst": 1}),
    ("Soft market testing", 2, ["Options appraisal"], {"Project manager": 1}),
    ("Draft business case", 3, ["Options appraisal"], {"Project manager": 1}),
    ("Benefits profile", 1, ["Options appraisal"], {"Business analyst": 1}),
    ("Consult partners", 2, ["Draft business case", "Soft market testing", "Benefits profile"],
     {"Project manager": 1}),
    ("Business case to Programme Board", 0, ["Consult partners"], {}),
]  # fmt: skip


def _actor(people: dict[str, Person]) -> User | None:
    director = people.get("Andrew Street")
    return User.objects.filter(person=director).first() if director else None


def _person(key: str, spec: tuple[Any, ...], context: dict[str, Any], actor: Actor) -> Person:
    people: dict[str, Person] = context["people"]
    if key in people:
        return people[key]
    _key, first, last, title, abbr, *_rest = spec
    person = Person.objects.filter(first_name=first, last_name=last, is_demo=True).first()
    if person is None:
        person = partner_services.person_create(
            actor=actor,
            partner=context["partners"][abbr],
            first_name=first,
            last_name=last,
            job_title=title,
            roles=list(Role.objects.filter(code__in=["project_manager", "officer"])),
            email=f"{key}@demo.invalid",
            notes=DEMO,
            visibility=Visibility.PARTNERSHIP,
            is_demo=True,
        )
    people[key] = person
    return person


def load(context: dict[str, Any], *, actor: Actor = None) -> None:
    """Create what is missing; running it twice adds nothing. Puts `pool` into `context`."""
    actor = actor or _actor(context["people"])
    skills = {s.code: s for s in Skill.objects.all()}
    pool: dict[str, PoolMember] = {}
    for spec in POOL:
        key, _f, _l, _t, abbr, days, skill_codes, rate = spec
        person = _person(key, spec, context, actor)
        member = PoolMember.objects.filter(person=person).first()
        if member is None:
            member = services.member_create(
                actor=actor,
                person=person,
                home_partner=context["partners"][abbr],
                skills=[skills[c] for c in skill_codes],
                days_per_week=Decimal(days),
                cost_rate_per_day=Decimal(rate),
                notes=DEMO,
                is_demo=True,
            )
        pool[key] = member
    projects = context.get("projects", {})
    for item in DEMAND:
        project = projects.get(item["project"])
        if project is None:
            continue
        demand = RoleDemand.objects.filter(project=project, title="Project manager").first()
        if demand is None:
            demand = services.demand_create(
                actor=actor,
                project=project,
                skill=skills["project_management"],
                title="Project manager",
                days_per_week=Decimal(item["days"]),
                starts_on=item["start"],
                months=item["months"],
                source=item["source"],
            )
        if not ProjectPlanning.objects.filter(project=project).exists():
            services.planning_set(
                actor=actor,
                project=project,
                committed=item["committed"],
                value=Decimal(item["value"]),
                deadline=item["deadline"],
            )
        if item["booked"] and not Assignment.objects.filter(demand=demand).exists():
            services.assignment_create(actor=actor, demand=demand, member=pool[item["booked"]])
    if not PlanScenario.objects.filter(name=SCENARIO).exists():
        services.scenario_create(
            actor=actor,
            name=SCENARIO,
            description="DEMO DATA: what if one more partner lent a project manager to the pool?",
            add_skill=skills["project_management"],
            add_days_per_week=Decimal(3),
        )
    _task_network(projects.get(TASKS_PROJECT), actor)
    _actuals(actor)
    _planner_run(actor)
    context["pool"] = pool


# DEMO DATA: the time the booked project managers actually spent, October and November 2010
# (the demo ends in December): nine tenths of what was booked, the first month a little less.
ACTUALS_UNTIL = dt.date(2010, 11, 30)


def _actuals(actor: Actor) -> None:
    from partnerplan.resources.models import TimeActual
    from partnerplan.resources.selectors.actuals import booked_days
    from partnerplan.resources.services.actuals import actual_record

    for assignment in Assignment.objects.filter(starts_on__lte=ACTUALS_UNTIL):
        if TimeActual.objects.filter(assignment=assignment).exists():
            continue
        month = assignment.starts_on.replace(day=1)
        share = Decimal("0.8")
        while month <= ACTUALS_UNTIL and month <= assignment.ends_on:
            days = (booked_days(assignment, month) * share).quantize(Decimal("0.5"))
            actual_record(
                actor=actor, assignment=assignment, month=month, days=days,
                note="DEMO DATA: recorded by the project manager",
            )  # fmt: skip
            share = Decimal("0.9")
            month = (month + dt.timedelta(days=32)).replace(day=1)


RUN = "Can the pool staff more projects?"


def _planner_run(actor: Actor) -> None:
    """A finished planner run, so that the planner's answer is there on the first visit: the
    plan as it stands and with the scenario's extra project manager, from November 2010 (when
    Appendix B's roles were to start) for 18 months, solved here in a few seconds (the worker
    finds it done and leaves it)."""
    if not isinstance(actor, User) or PlanRun.objects.filter(name=RUN).exists():
        return
    run = services.run_create(
        actor=actor,
        viewer=viewer_for(actor),
        name=RUN,
        starts_on=dt.date(2010, 11, 1),
        months=18,
        time_limit_s=3,
        scenarios=PlanScenario.objects.filter(name=SCENARIO),
    )
    services.run_execute(run.pk)


def _task_network(project: Any, actor: Actor) -> None:
    """The demo task network and a first schedule of it (solved here, in a second)."""
    if project is None or project.tasks.exists():
        return
    resources = {
        name: services.task_resource_create(
            actor=actor, project=project, name=name, capacity=capacity
        )
        for name, capacity in TASK_RESOURCES
    }
    tasks: dict[str, Any] = {}
    for name, weeks, after, needs in TASKS:
        tasks[name] = services.task_create(
            actor=actor,
            project=project,
            name=name,
            weeks=weeks,
            after=[tasks[a] for a in after],
            needs={resources[r]: n for r, n in needs.items()},
        )
    schedule = services.task_schedule_create(
        actor=actor, project=project, starts_on=dt.date(2010, 11, 1), time_limit_s=2
    )
    services.task_schedule_execute(schedule.pk)
