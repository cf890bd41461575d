"""Resources pages in a real browser, with axe-core (WCAG 2.2 AA) on every page visited.

Run with the browser suite (`scripts/test`); skipped where Chromium or axe-core is missing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from partnerplan.core.access import viewer_for
from partnerplan.core.tests.browser import check_axe
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.resources import services
from partnerplan.resources.tests.factories import (
    AssignmentFactory,
    AvailabilityFactory,
    CommittedProjectPlanningFactory,
    LeaveFactory,
    PlanScenarioFactory,
    PoolMemberFactory,
    ProjectPlanningFactory,
    RoleDemandFactory,
    RunningPlanRunFactory,
    RunningTaskScheduleFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _session(world: Any) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    user = world.users["admin"]
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return str(store.session_key)


def test_every_resources_page_passes_axe(page, live_server, world):
    admin = world.users["admin"]
    member = PoolMemberFactory.create(home_partner=world.alpha, days_per_week=Decimal(3))
    first = RoleDemandFactory.create(project__title="Life Events")
    CommittedProjectPlanningFactory.create(project=first.project)
    booking = AssignmentFactory.create(demand=first, member=member)
    spell = AvailabilityFactory.create(member=member)
    leave = LeaveFactory.create(member=member)
    second = RoleDemandFactory.create(project__title="Customer Access")
    ProjectPlanningFactory.create(project=second.project, deadline=dt.date(2011, 6, 30))
    scenario = PlanScenarioFactory.create(
        name="Another PM", money_change=None, add_skill=first.skill, add_days_per_week=3
    )
    run = services.run_create(
        actor=admin,
        viewer=viewer_for(admin),
        name="Staffing 2011",
        starts_on=dt.date(2011, 1, 1),
        months=12,
        time_limit_s=2,
        frontier=True,
        scenarios=[scenario],
    )
    services.run_execute(run.pk)
    running = RunningPlanRunFactory.create()
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    for path in [
        "/resources/",
        "/resources/?left=1",
        "/resources/pool/new/",
        f"/resources/pool/{member.pk}/",
        f"/resources/pool/{member.pk}/availability/",
        f"/resources/pool/{member.pk}/leave/",
        f"/resources/pool/{member.pk}/change/",
        f"/resources/pool/{member.pk}/leave-pool/",
        f"/resources/availability/{spell.pk}/",
        f"/resources/availability/{spell.pk}/remove/",
        f"/resources/leave/{leave.pk}/",
        f"/resources/leave/{leave.pk}/remove/",
        "/resources/demand/",
        f"/resources/projects/{first.project_id}/",
        f"/resources/projects/{first.project_id}/roles/new/",
        f"/resources/projects/{first.project_id}/planning/",
        f"/resources/roles/{second.pk}/book/",
        f"/resources/roles/{first.pk}/",
        f"/resources/roles/{first.pk}/remove/",
        f"/resources/bookings/{booking.pk}/",
        f"/resources/bookings/{booking.pk}/remove/",
        "/resources/capacity/?start=2011-01",
        "/resources/runs/",
        "/resources/runs/new/",
        f"/resources/runs/{run.pk}/",
        f"/resources/runs/{run.pk}/book/",
        f"/resources/runs/{running.pk}/",
        "/resources/scenarios/",
        "/resources/scenarios/new/",
    ]:
        page.goto(live_server.url + path)
        check_axe(page)
    # A form with errors: the error summary and the field messages.
    page.goto(f"{live_server.url}/resources/pool/{member.pk}/availability/")
    page.fill("#id_starts_on_day", "1")
    page.fill("#id_starts_on_month", "4")
    page.fill("#id_starts_on_year", "2011")
    page.fill("#id_days_per_week", "6")
    with page.expect_navigation():  # read the answer, not the form before it is sent
        page.click("main button[type=submit]")
    assert "a working week has 5 days" in page.content()
    check_axe(page)
    # A refusal on a removal-style form: someone still booked cannot leave the pool.
    AssignmentFactory.create(
        demand=second, member=member, ends_on=dt.date.today() + dt.timedelta(days=60)
    )
    page.goto(f"{live_server.url}/resources/pool/{member.pk}/leave-pool/")
    page.fill("#id_reason", "Back to the district")
    with page.expect_navigation():  # read the answer, not the form before it is sent
        page.click("main button[type=submit]")
    assert "is still booked" in page.content()
    check_axe(page)


def test_every_task_network_page_passes_axe(page, live_server, world):
    project = ProjectFactory.create(title="CRM replacement", visibility="partnership")
    ict = services.task_resource_create(actor=None, project=project, name="ICT officer",
                                        capacity=1)  # fmt: skip
    specify = services.task_create(actor=None, project=project, name="Specify", weeks=2)
    procure = services.task_create(
        actor=None, project=project, name="Procure", weeks=4, after=[specify], needs={ict: 1}
    )
    services.task_create(
        actor=None, project=project, name="Train staff", weeks=3, after=[specify], needs={ict: 1}
    )
    schedule = services.task_schedule_create(
        actor=None, project=project, starts_on=dt.date(2011, 3, 7), time_limit_s=5
    )
    services.task_schedule_execute(schedule.pk)
    running = RunningTaskScheduleFactory.create(project=project)
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    for path in [
        f"/resources/projects/{project.pk}/tasks/",
        f"/resources/projects/{project.pk}/tasks/new/",
        f"/resources/projects/{project.pk}/task-resources/new/",
        f"/resources/tasks/{procure.pk}/",
        f"/resources/tasks/{procure.pk}/remove/",
        f"/resources/task-resources/{ict.pk}/",
        f"/resources/task-resources/{ict.pk}/remove/",
        f"/resources/task-schedules/{running.pk}/",
    ]:
        page.goto(live_server.url + path)
        check_axe(page)
    # A task form with errors: a need above what the project has.
    page.goto(f"{live_server.url}/resources/tasks/{procure.pk}/")
    page.fill(f"#id_need_{ict.pk}", "3")
    with page.expect_navigation():  # read the answer, not the form before it is sent
        page.click("main button[type=submit]")
    assert "it could never start" in page.content()
    check_axe(page)
