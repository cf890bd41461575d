"""The work plan, its exports, the board and the timeline."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from partnerplan.core.models import Visibility
from partnerplan.portfolio.models import Project
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    HighlightReportFactory,
    ProgrammeFactory,
    ProjectFactory,
    WorkstreamFactory,
)
from partnerplan.portfolio.tests.views._helpers import _two_programmes_with_projects


def _many_projects(n: int = 12) -> list[Project]:
    programme = ProgrammeFactory.create()
    workstream = WorkstreamFactory.create(programme=programme)
    projects = []
    for i in range(n):
        p = ActiveProjectFactory.create(programme=programme, workstream=workstream)
        p.lead_partners.set([])
        projects.append(p)
        if i % 2:
            HighlightReportFactory.create(project=p)
    return projects


def test_it_shows_the_work_plan_in_a_fixed_number_of_queries(world, assert_queries):
    for p in _many_projects():
        p.lead_partners.set([world.alpha, world.beta])
    client = world.client("officer")
    # session, user, viewer x2; filter form choices: programmes, workstreams, partners, stages;
    # count, projects (with programme, workstream, stage, officer lead), their lead partners
    with assert_queries(11, "The work plan"):
        response = client.get("/portfolio/")
    assert response.status_code == 200
    assert "12 projects" in response.content.decode()


def test_it_filters_the_work_plan_and_gives_a_shareable_link(world):
    programme = ProgrammeFactory.create()
    red = ActiveProjectFactory.create(programme=programme, title="Telephony", confidence="red")
    red.lead_partners.set([world.alpha])
    ActiveProjectFactory.create(programme=programme, title="Life Events", confidence="green")
    client = world.client("officer")
    html = client.get(f"/portfolio/?rag=red&lead_partner={world.alpha.pk}").content.decode()
    assert "Telephony" in html and "Life Events" not in html
    assert f"?rag=red&amp;lead_partner={world.alpha.pk}" in html  # the saved-view link
    html = client.get("/portfolio/?stage=active&status=none").content.decode()
    assert "Telephony" in html and "Life Events" in html


def test_it_hides_partnership_projects_from_the_public(world):
    ProjectFactory.create(title="Team project", visibility=Visibility.PARTNERSHIP)
    ProjectFactory.create(title="Open project", visibility=Visibility.PUBLIC)
    html = world.client("public").get("/portfolio/").content.decode()
    assert "Open project" in html and "Team project" not in html
    rows = list(
        csv.reader(
            io.StringIO(
                world.client("public").get("/portfolio/work-plan.csv").content.decode("utf-8-sig")
            )
        )
    )
    assert [r[2] for r in rows[1:]] == ["Open project"]


def test_it_exports_the_work_plan_as_a_spreadsheet(world):
    ActiveProjectFactory.create(title="Life Events")
    response = world.client("officer").get("/portfolio/work-plan.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Programme" and sheet["C2"].value == "Life Events"


def test_it_shows_the_board_and_the_timeline(world):
    programme = ProgrammeFactory.create()
    ActiveProjectFactory.create(programme=programme, title="Life Events")
    client = world.client("officer")
    html = client.get(f"/portfolio/board/?programme={programme.pk}").content.decode()
    assert "Business case in preparation" in html and "Life Events" in html
    html = client.get("/portfolio/timeline/").content.decode()
    assert "<svg" in html and "Timeline as a table" in html and "Life Events" in html


def test_it_sorts_the_work_plan_worst_confidence_first(world):
    programme = ProgrammeFactory.create()
    for title, rag in (("Alpha", "green"), ("Bravo", "red"), ("Charlie", ""), ("Delta", "amber")):
        ActiveProjectFactory.create(programme=programme, title=title, confidence=rag)
    html = world.client("officer").get("/portfolio/?sort=rag").content.decode()
    html = html[html.index("<tbody") :]
    order = sorted(("Alpha", "Bravo", "Charlie", "Delta"), key=lambda t: html.index(f">{t}</a>"))
    assert order == ["Bravo", "Delta", "Alpha", "Charlie"]


def test_it_shows_the_board_in_a_fixed_number_of_queries(world, assert_queries):
    plan, _lceg = _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(13, "The board"):
        response = client.get(f"/portfolio/board/?programme={plan.pk}")
    assert response.status_code == 200


def test_it_shows_the_timeline_in_a_fixed_number_of_queries(world, assert_queries):
    _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(11, "The timeline"):
        response = client.get("/portfolio/timeline/")
    assert response.status_code == 200
