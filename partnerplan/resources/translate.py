"""The partnership's records as a planning problem (`planning.portfolio` dataclasses).

- Projects: every visible, live project with role demand. A project starts with its first
  role and lasts until its last role ends; its roles keep their offsets. A committed project
  stays at that start (`fixed_start`); the others may start from their earliest start (the
  planning setting, or their first role's month, not before the plan's first month) up to
  their deadline. A role booked to one pool member stays with that member.
- Value: the project's planning value if set, otherwise its prioritisation score (the mean
  weighted score of the first prioritisation method that scored it), otherwise 1 (warned).
- Pool: every pool member not archived, month by month (`calendar.py`).
- Money: a project's fund from finance (its committed balance before the first month); the
  money typed on the run form pays for projects with costs and no fund.

Ids in the problem: "p<pk>" for projects, "m<pk>" for pool members, "f<pk>" for funds and
"money" for the money on the run form. `labels` maps them back to names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from partnerplan.core.access import Viewer, visible
from partnerplan.portfolio.models import STOPPED_OUTCOMES, Dependency, Project
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import Assignment, PlanScenario, PoolMember, RoleDemand, Skill
from partnerplan.resources.planning import portfolio as planning
from partnerplan.resources.planning.months import (
    add_months,
    first_of_month,
    month_label,
    months_between,
)

MONEY_FUND = "money"


class ScenarioError(ValueError):
    pass


def skill_label(skill: Skill) -> str:
    """How a skill reads inside a sentence: 'project management', 'ICT'."""
    name = skill.name
    return name if name.isupper() else name[0].lower() + name[1:]


@dataclass
class Built:
    problem: planning.PlanningProblem
    labels: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Each planned project's roles, in the order of its planning roles: RoleDemand pks.
    roles: dict[str, list[int]] = field(default_factory=dict)


def _members(start: dt.date, months: int) -> tuple[list[planning.PoolMember], dict[str, str]]:
    rows = (
        PoolMember.objects.filter(archived_at__isnull=True)
        .select_related("person", "home_partner")
        .prefetch_related("skills", "availability", "leave")
    )
    members, labels = [], {}
    for m in rows:
        calendar = cal.member_calendar(m)
        availability: dict[dt.date, Decimal] = {}
        leave: dict[dt.date, Decimal] = {}
        for month in cal.months_from(start, months):
            month_av = cal.month_availability(calendar, month)
            if month_av.days_per_week != m.days_per_week:
                availability[month] = month_av.days_per_week
            if month_av.leave_days:
                leave[month] = month_av.leave_days
        key = f"m{m.pk}"
        labels[key] = str(m.person)
        members.append(
            planning.PoolMember(
                id=key,
                name=str(m.person),
                skills=frozenset(skill_label(s) for s in m.skills.all()),
                days_per_week=m.days_per_week,
                availability=availability,
                leave_days=leave,
                cost_rate_per_day=m.cost_rate_per_day,
                home_partner=m.home_partner.abbreviation,
            )
        )
    return members, labels


def _values(projects: list[Project], viewer: Viewer) -> dict[int, Decimal]:
    """Prioritisation scores (mean weighted score) by project, where a method scored them."""
    try:
        from partnerplan.portfolio.models import Method
        from partnerplan.portfolio.selectors import ranking
    except ImportError:  # pragma: no cover - portfolio without prioritisation
        return {}
    wanted = {p.pk for p in projects}
    values: dict[int, Decimal] = {}
    methods = Method.objects.filter(archived_at__isnull=True, scores__project_id__in=wanted)
    for method in methods.distinct().order_by("name"):
        for row in ranking(viewer=viewer, method=method):
            if row.project.pk in wanted and row.assessment and row.project.pk not in values:
                values[row.project.pk] = Decimal(str(round(row.assessment.overall.mean, 2)))
    return values


def _funds(
    projects: list[Project], start: dt.date, months: int, money: Decimal | None
) -> tuple[list[planning.Fund], dict[str, str]]:
    """The funds the candidate projects are charged to: the balance (with approved calls) on
    the day before the plan starts, then the money the ledger shows coming in or going out
    month by month over the horizon (contributions, income, transfers between funds, actual
    or approved), except money paid to projects, which the planner itself decides.  The
    money available never counts below nothing."""
    from partnerplan.finance.models import Entry
    from partnerplan.finance.selectors import fund_balance

    funds: list[planning.Fund] = []
    labels: dict[str, str] = {}
    by_pk: dict[int, Any] = {}
    for p in projects:
        planning_row = getattr(p, "planning", None)
        fund = planning_row.fund if planning_row else None
        if fund is not None:
            by_pk.setdefault(fund.pk, fund)
    chosen = list(by_pk.values())
    end = add_months(start, months)
    movements = (
        Entry.objects.filter(
            account__fund__in=chosen,
            transaction__effective_on__gte=start,
            transaction__effective_on__lt=end,
        )
        .exclude(transaction__entries__account__project__isnull=False)
        .values_list("account__fund_id", "transaction__effective_on", "amount")
    )
    by_fund: dict[int, dict[dt.date, Decimal]] = {}
    for fund_pk, day, amount in movements:
        months_in = by_fund.setdefault(fund_pk, {})
        key = first_of_month(day)
        months_in[key] = months_in.get(key, Decimal(0)) + amount
    for fund in chosen:
        balance = fund_balance(fund=fund, on=start - dt.timedelta(days=1))
        opening = max(balance, Decimal(0))
        inflows: dict[dt.date, Decimal] = {}
        available = opening
        for month, amount in sorted(by_fund.get(fund.pk, {}).items()):
            change = max(amount, -available)  # never below nothing
            if change:
                inflows[month] = change
                available += change
        funds.append(
            planning.Fund(
                id=f"f{fund.pk}", name=fund.name, opening_balance=opening, inflows=inflows
            )
        )
        labels[f"f{fund.pk}"] = fund.name
    if money is not None:
        funds.append(
            planning.Fund(id=MONEY_FUND, name="the money set on the run", opening_balance=money)
        )
        labels[MONEY_FUND] = "the money set on the run"
    return funds, labels


def candidate_projects(viewer: Viewer) -> list[Project]:
    demands = RoleDemand.objects.select_related("skill").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("member"))
    )
    qs = (
        visible(Project.objects.filter(archived_at__isnull=True), viewer)
        .filter(role_demands__isnull=False)
        .distinct()
        .select_related("planning__fund")
        .prefetch_related(Prefetch("role_demands", queryset=demands))
        .order_by("title")
    )
    stopped = {o.value for o in STOPPED_OUTCOMES}
    return [p for p in qs if not (p.disposition in stopped and not p.disposition_proposed)]


def build_problem(
    *, viewer: Viewer, starts_on: dt.date, months: int, money: Decimal | None = None
) -> Built:
    start = first_of_month(starts_on)
    members, labels = _members(start, months)
    projects = candidate_projects(viewer)
    values = _values(projects, viewer)
    funds, fund_labels = _funds(projects, start, months, money)
    labels.update(fund_labels)
    fund_ids = {f.id for f in funds}
    warnings: list[str] = []
    ids = {p.pk for p in projects}
    deps: dict[int, list[str]] = {}
    for d in Dependency.objects.filter(project_id__in=ids, depends_on_id__in=ids):
        deps.setdefault(d.project_id, []).append(f"p{d.depends_on_id}")
    member_ids = {m.id for m in members}
    planned = []
    role_pks: dict[str, list[int]] = {}
    for p in projects:
        roles_rows: list[RoleDemand] = list(p.role_demands.all())
        first = min(r.first_month for r in roles_rows)
        duration = max(months_between(first, r.first_month) + r.months for r in roles_rows)
        settings_row = getattr(p, "planning", None)
        value = settings_row.value if settings_row and settings_row.value is not None else None
        if value is None:
            value = values.get(p.pk)
        if value is None:
            value = Decimal(1)
            warnings.append(
                f"'{p.title}' has no priority value or prioritisation score: counted as 1."
            )
        roles = []
        for r in roles_rows:
            booked = {a.member_id for a in r.assignments.all()}
            pinned = f"m{next(iter(booked))}" if len(booked) == 1 else None
            roles.append(
                planning.RoleDemand(
                    skill=skill_label(r.skill),
                    days_per_week=r.days_per_week,
                    start_offset=months_between(first, r.first_month),
                    months=r.months,
                    member_id=pinned if pinned in member_ids else None,
                )
            )
        committed = bool(settings_row and settings_row.committed)
        cost = settings_row.cost_per_month if settings_row else Decimal(0)
        fund_id = None
        if cost:
            if settings_row and settings_row.fund_id:
                fund_id = f"f{settings_row.fund_id}"
            elif MONEY_FUND in fund_ids:
                fund_id = MONEY_FUND
            else:
                warnings.append(
                    f"'{p.title}' costs £{cost:,} a month but has no fund and no money was set "
                    "on the run: its costs are left out."
                )
        earliest = settings_row.earliest_start if settings_row else None
        earliest = max(first_of_month(earliest or first), start)
        planned.append(
            planning.Project(
                id=f"p{p.pk}",
                title=p.title,
                value=value,
                duration_months=duration,
                earliest_start=None if committed else earliest,
                deadline=settings_row.deadline if settings_row else None,
                roles=tuple(roles),
                cost_per_month=(cost,) * duration if fund_id else (),
                fund_id=fund_id,
                depends_on=tuple(deps.get(p.pk, ())),
                fixed_start=first if committed else None,
            )
        )
        labels[f"p{p.pk}"] = p.title
        role_pks[f"p{p.pk}"] = [r.pk for r in roles_rows]
    problem = planning.PlanningProblem(
        start=start,
        months=months,
        members=tuple(members),
        projects=tuple(planned),
        funds=tuple(funds),
    )
    return Built(problem=problem, labels=labels, warnings=warnings, roles=role_pks)


def build_scenario(scenario: PlanScenario, built: Built) -> planning.Scenario:
    """The saved scenario as a planning scenario for this problem (ScenarioError if it names
    something the problem does not have)."""
    project_ids = {p.id for p in built.problem.projects}
    member_ids = {m.id for m in built.problem.members}
    fund_ids = {f.id for f in built.problem.funds}
    tag = f"Scenario '{scenario.name}'"

    def projects(rows: Any) -> tuple[str, ...]:
        ids = []
        for p in rows:
            if f"p{p.pk}" not in project_ids:
                raise ScenarioError(
                    f"{tag}: '{p.title}' has no role demand, so the planner does not consider it"
                )
            ids.append(f"p{p.pk}")
        return tuple(ids)

    removed = tuple(f"m{m.pk}" for m in scenario.remove_members.all() if f"m{m.pk}" in member_ids)
    added: tuple[planning.PoolMember, ...] = ()
    if scenario.add_skill is not None and scenario.add_days_per_week:
        label = skill_label(scenario.add_skill)
        added = (
            planning.PoolMember(
                id=f"extra{scenario.pk}",
                name=f"An extra person with {label}",
                skills=frozenset({label}),
                days_per_week=scenario.add_days_per_week,
            ),
        )
        built.labels[f"extra{scenario.pk}"] = f"An extra person with {label}"
    changes: tuple[planning.MoneyChange, ...] = ()
    if scenario.money_change:
        if MONEY_FUND not in fund_ids:
            raise ScenarioError(
                f"{tag} changes the money: set the money available on the run to use it"
            )
        month = scenario.money_month or built.problem.start
        if first_of_month(month) < built.problem.start:
            raise ScenarioError(
                f"{tag}: its money arrives in {month_label(month)}, before the plan's first month"
            )
        changes = (planning.MoneyChange(MONEY_FUND, month, scenario.money_change),)
    return planning.Scenario(
        name=scenario.name,
        force_in=projects(scenario.force_in.all()),
        force_out=projects(scenario.force_out.all()),
        add_members=added,
        remove_members=removed,
        money_changes=changes,
    )
