"""Portfolio pages in a real browser, with axe-core (WCAG 2.2 AA) on every page visited.

Run with the browser suite (`scripts/test`); skipped where Chromium or axe-core is missing."""

from __future__ import annotations

import re
from typing import Any

import pytest

from partnerplan.core.tests.browser import check_axe
from partnerplan.portfolio import services
from partnerplan.portfolio.models import Score
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    ApprovedBusinessCaseVersionFactory,
    BenefitFactory,
    CriterionFactory,
    HighlightReportFactory,
    MethodFactory,
    OtherProgrammeFactory,
    ProjectFactory,
    RaidEntryFactory,
    WorkstreamFactory,
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


def test_every_portfolio_page_passes_axe(page, live_server, world):
    project = ActiveProjectFactory.create(title="Life Events", confidence="amber_red")
    project.lead_partners.set([world.alpha])
    other = ProjectFactory.create(programme=project.programme, title="Telephony")
    services.dependency_add(actor=None, project=project, depends_on=other)
    HighlightReportFactory.create(project=project, commentary="Late", action="Escalate")
    RaidEntryFactory.create(project=project)
    benefit = BenefitFactory.create(project=project)
    version = ApprovedBusinessCaseVersionFactory.create(business_case__project=project)
    lceg = OtherProgrammeFactory.create(name="One Place")
    workstream = WorkstreamFactory.create(programme=lceg, number=3, name="Customer Access")
    WorkstreamFactory.create(programme=lceg, number=1, name="Youth")
    services.link_create(
        actor=None, project=project, workstream=workstream, kind="supports", note="Procurement"
    )
    method = MethodFactory.create(owner_body=world.body, name="Partnership method")
    criteria = CriterionFactory.create_batch(3, method=method)
    for p, value in ((project, 5), (other, 2)):
        for c in criteria:
            Score.objects.create(
                method=method, project=p, partner=world.alpha, criterion=c, value=value
            )
    second = MethodFactory.create(owner_body=world.body, name="Leaders method")
    page.context.add_cookies(
        [{"name": "sessionid", "value": _session(world), "url": live_server.url}]
    )
    pk = project.pk
    for path in [
        "/portfolio/",
        f"/portfolio/?rag=amber_red&lead_partner={world.alpha.pk}",
        f"/portfolio/board/?programme={project.programme_id}",
        "/portfolio/timeline/",
        "/portfolio/roadmap/",
        f"/portfolio/overlap/?side={lceg.pk}&other={project.programme_id}",
        "/portfolio/programmes/",
        f"/portfolio/programmes/{project.programme_id}/",
        f"/portfolio/projects/{pk}/",
        "/portfolio/projects/new/",
        f"/portfolio/projects/{pk}/gate/",
        f"/portfolio/projects/{pk}/review/",
        f"/portfolio/projects/{pk}/highlight-reports/new/",
        f"/portfolio/projects/{pk}/raid/new/",
        f"/portfolio/projects/{pk}/benefits/new/",
        f"/portfolio/benefits/{benefit.pk}/measurements/new/",
        f"/portfolio/business-case-versions/{version.pk}/approve/",
        "/portfolio/methods/",
        f"/portfolio/methods/{method.pk}/",
        f"/portfolio/methods/{method.pk}/pairwise/",
        f"/portfolio/methods/{method.pk}/score/",
        f"/portfolio/methods/compare/?a={method.pk}&b={second.pk}",
    ]:
        page.goto(live_server.url + path)
        check_axe(page)
    # A refused gate shows the error summary, which must pass too.
    page.goto(f"{live_server.url}/portfolio/projects/{other.pk}/gate/")
    page.get_by_role("button", name="Record the decision").click()
    assert (
        "Choose the decision that allows this gate"
        in page.locator(".govuk-error-summary").inner_text()
    )
    check_axe(page)
    # Moving a project in the ranking is done with buttons, not dragging.
    page.goto(f"{live_server.url}/portfolio/methods/{method.pk}/")
    page.get_by_role("button", name=re.compile("move Life Events down one place")).click()
    assert "moved down" in page.inner_text("body")
    check_axe(page)
