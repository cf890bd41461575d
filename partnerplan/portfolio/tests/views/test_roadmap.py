"""The roadmap: projects by programme over time, coloured by delivery confidence."""

from __future__ import annotations

from partnerplan.portfolio.tests.factories import ActiveProjectFactory, ProgrammeFactory
from partnerplan.portfolio.tests.views._helpers import _two_programmes_with_projects


def test_it_draws_the_roadmap_by_programme_with_the_confidence_in_the_table(world):
    programme = ProgrammeFactory.create(name="Growth")
    ActiveProjectFactory.create(programme=programme, title="Life Events", confidence="amber")
    html = world.client("officer").get("/portfolio/roadmap/").content.decode()
    assert "<svg" in html and "Roadmap of the work plan" in html
    assert "Life Events" in html and "Growth" in html and "Amber" in html
    assert "style=" not in html[html.index("<svg") : html.index("</svg>")]


def test_it_is_linked_from_the_work_plan(world):
    html = world.client("officer").get("/portfolio/").content.decode()
    assert 'href="/portfolio/roadmap/' in html


def test_it_shows_the_roadmap_in_a_fixed_number_of_queries(world, assert_queries):
    _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(10, "The roadmap"):
        response = client.get("/portfolio/roadmap/")
    assert response.status_code == 200
