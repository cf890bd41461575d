"""Programme pages: stages, workstreams, the programme list and page."""

from __future__ import annotations

from partnerplan.portfolio.tests.factories import (
    OtherProgrammeFactory,
    ProgrammeFactory,
    ProjectFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary, _two_programmes_with_projects


def test_it_adds_and_removes_a_stage_of_a_programme(world):
    programme = ProgrammeFactory.create()
    client = world.client("admin")
    response = client.post(
        f"/portfolio/programmes/{programme.pk}/stages/new/",
        {"name": "Feasibility", "code": "feasibility", "position": "2"},
    )
    assert response.status_code == 302
    codes = list(programme.stages.order_by("order").values_list("code", flat=True))
    assert codes[:3] == ["proposed", "feasibility", "approved"]
    response = client.post(
        f"/portfolio/programmes/{programme.pk}/stages/new/",
        {"name": "After", "code": "after", "position": "9"},
    )
    assert any("cannot come after the final stage" in m for m in _error_summary(response))
    used = ProjectFactory.create(programme=programme)  # at "proposed"
    response = client.post(f"/portfolio/stages/{used.stage_id}/remove/", {})
    assert any("1 project is at it" in m for m in _error_summary(response))
    feasibility = programme.stages.get(code="feasibility")
    assert client.post(f"/portfolio/stages/{feasibility.pk}/remove/", {}).status_code == 302
    assert list(programme.stages.order_by("order").values_list("order", flat=True)) == list(
        range(6)
    )


def test_it_adds_a_workstream_to_a_programme(world):
    programme = OtherProgrammeFactory.create()
    response = world.client("admin").post(
        f"/portfolio/programmes/{programme.pk}/workstreams/new/",
        {"number": "8", "name": "Support Services", "lead_partners": [world.alpha.pk]},
    )
    assert response.status_code == 302
    workstream = programme.workstreams.get()
    assert workstream.name == "Support Services"
    assert list(workstream.lead_partners.all()) == [world.alpha]
    response = world.client("admin").post(
        f"/portfolio/programmes/{programme.pk}/workstreams/new/",
        {"number": "8", "name": "Another"},
    )
    assert any("already has a workstream 8" in m for m in _error_summary(response))


def test_it_shows_the_programmes_in_a_fixed_number_of_queries(world, assert_queries):
    plan, lceg = _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(5, "The programme list"):
        assert client.get("/portfolio/programmes/").status_code == 200
    with assert_queries(9, "The programme page"):
        assert client.get(f"/portfolio/programmes/{lceg.pk}/").status_code == 200
