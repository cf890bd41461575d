"""The start page: project-level, because what it shows comes from every app.

Each person sees what needs them, each block with its count in the heading and a link to the
page that deals with it: a member of a body their next meetings, with the papers and what they
will be asked to decide; a project manager their projects, with delivery confidence and the
highlight reports due or overdue; an administrator (the Partnership Director) what needs a
decision (funding requests waiting, twin-track matters pending, agendas due to publish by their
clear-days deadline, figure checks failing, exceptions); everyone signed in their actions; the
public the next public meetings, recent decisions and published reports. Every read goes
through the apps' selectors, scoped by core.access.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerplan.core import clock
from partnerplan.core.access import Viewer, viewer_for
from partnerplan.finance.selectors import home as finance_home
from partnerplan.governance.selectors import home as governance_home
from partnerplan.partners import selectors as partner_selectors
from partnerplan.portfolio.selectors import home as portfolio_home
from partnerplan.reports import selectors_home as report_selectors


def _director(viewer: Viewer) -> dict[str, Any]:
    today = clock.today()
    blocks: dict[str, list[Any]] = {
        "requests": finance_home.requests_waiting(viewer=viewer),
        "matters": governance_home.pending_matters(viewer=viewer),
        "agendas": governance_home.agendas_due(viewer=viewer, today=today),
        "figures": report_selectors.figure_checks_failing(viewer=viewer),
        "ledger": finance_home.ledger_exceptions(viewer=viewer),
        "red": portfolio_home.projects_needing_action(viewer=viewer),
    }
    counts = {name: len(rows) for name, rows in blocks.items()}
    return {
        **blocks,
        "count": sum(counts.values()),
        "exceptions": counts["ledger"] + counts["red"],
    }


def start_page(viewer: Viewer) -> dict[str, Any]:
    """What the start page shows `viewer` (each block only for whom it is meant)."""
    today = clock.today()
    page: dict[str, Any] = {"today": today}
    if not viewer.is_authenticated:
        page["public_meetings"] = governance_home.next_meetings(
            viewer=viewer, today=today, mine=False, limit=5, papers=False
        )
        page["decisions"] = governance_home.recent_decisions(viewer=viewer)
        page["reports"] = report_selectors.recently_published(viewer=viewer)
        return page
    page["actions"] = governance_home.my_open_actions(viewer=viewer)
    if viewer.is_body_member or viewer.is_admin:
        # An administrator clerks every body's meetings; a member sees their own bodies'.
        page["show_meetings"] = True
        page["all_meetings"] = viewer.is_admin
        page["meetings"] = governance_home.next_meetings(
            viewer=viewer, today=today, mine=not viewer.is_admin
        )
        page["to_decide"] = sum(len(m.to_decide) for m in page["meetings"])
    if viewer.is_project_manager or viewer.person_id is not None:
        projects = portfolio_home.my_projects(viewer=viewer, today=today)
        if projects or viewer.is_project_manager:
            page["show_projects"] = True
            page["projects"] = projects
            page["reports_due"] = sum(1 for p in projects if p.overdue or p.due_soon)
    if viewer.is_admin:
        page["director"] = _director(viewer)
    return page


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    context = {
        "nav_home": True,
        "start": start_page(viewer),
        "summary": (
            partner_selectors.partnership_summary(viewer=viewer)
            if viewer.is_authenticated
            else None
        ),
    }
    return render(request, "core/home.html", context)
