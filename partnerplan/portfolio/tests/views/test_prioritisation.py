"""Prioritisation pages: the ranking, comparing methods, scoring."""

from __future__ import annotations

from partnerplan.portfolio.models import Score
from partnerplan.portfolio.tests.factories import (
    CriterionFactory,
    MethodFactory,
    ProjectFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


def _scored_method(world, name, scores):
    method = MethodFactory.create(name=name, owner_body=world.body)
    criterion = CriterionFactory.create(method=method, name="Benefit", scale_min=1, scale_max=5)
    for project, value in scores.items():
        Score.objects.create(
            method=method, project=project, partner=world.alpha, criterion=criterion, value=value
        )
    return method


def test_it_ranks_scored_projects_and_moves_one_up_with_a_button(world, assert_queries):
    a, b, c = (ProjectFactory.create(title=t) for t in ("Alpha", "Bravo", "Charlie"))
    method = _scored_method(world, "Partnership", {a: 5, b: 3, c: 1})
    client = world.client("admin")
    # session, user, viewer x2, method, criteria (prefetched, used again by the ranking),
    # judgements; ranking: projects, scores, positions
    with assert_queries(10, "The ranking page"):
        html = client.get(f"/portfolio/methods/{method.pk}/").content.decode()
    assert html.index("Alpha") < html.index("Bravo") < html.index("Charlie")
    response = client.post(f"/portfolio/methods/{method.pk}/", {"project": c.pk, "direction": "up"})
    assert response.status_code == 302
    html = client.get(f"/portfolio/methods/{method.pk}/").content.decode()
    html = html[html.index('id="ranking"') :]
    assert html.index("Alpha") < html.index("Charlie") < html.index("Bravo")
    assert "moved by hand" in html
    assert (
        world.client("officer")
        .post(f"/portfolio/methods/{method.pk}/", {"project": c.pk, "direction": "up"})
        .status_code
        == 403
    )


def test_it_shows_where_two_methods_disagree(world):
    a, b, c = (ProjectFactory.create(title=t) for t in ("Alpha", "Bravo", "Charlie"))
    first = _scored_method(world, "Partnership", {a: 5, b: 3, c: 1})
    second = _scored_method(world, "Leaders and Chief Executives", {a: 1, b: 3, c: 5})
    html = (
        world.client("officer")
        .get(f"/portfolio/methods/compare/?a={first.pk}&b={second.pk}")
        .content.decode()
    )
    assert "Disagree" in html and "Alpha is ranked 1 by Partnership and 3" in html


def test_it_refuses_a_score_off_the_scale_on_the_page(world):
    project = ProjectFactory.create()
    method = MethodFactory.create(owner_body=world.body)
    criterion = CriterionFactory.create(method=method, name="Fit", scale_min=1, scale_max=5)
    response = world.client("officer").post(
        f"/portfolio/methods/{method.pk}/score/",
        {"project": project.pk, "partner": world.alpha.pk, f"criterion_{criterion.pk}": "9"},
    )
    assert any("outside the scale" in m for m in _error_summary(response))
    assert Score.objects.count() == 0
    # An officer scores only for their own partner.
    response = world.client("officer").post(
        f"/portfolio/methods/{method.pk}/score/",
        {"project": project.pk, "partner": world.beta.pk, f"criterion_{criterion.pk}": "3"},
    )
    assert Score.objects.count() == 0


def test_it_shows_the_methods_in_a_fixed_number_of_queries(world, assert_queries):
    a, b = (ProjectFactory.create(title=t) for t in ("Alpha", "Bravo"))
    first = _scored_method(world, "Partnership", {a: 5, b: 3})
    second = _scored_method(world, "Leaders and Chief Executives", {a: 1, b: 5})
    client = world.client("officer")
    with assert_queries(7, "The list of methods"):
        assert client.get("/portfolio/methods/").status_code == 200
    with assert_queries(18, "The comparison of two methods"):
        url = f"/portfolio/methods/compare/?a={first.pk}&b={second.pk}"
        assert client.get(url).status_code == 200
