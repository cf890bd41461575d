"""Walk every URL of the service as every role, and check who may see what.

Each app declares its part of the matrix in `<app>/tests/access_matrix.py`: `EXPECTED` (url name
-> (key of the object the URL is about, or None; expected status by role)) and, if its URLs need
objects, `objects(world) -> dict[str, model instance]`. This test gathers them all; adding a URL
without adding it to a matrix fails `test_it_knows_every_url`, so no page escapes.

Every URL is also sent a POST with an empty form, as every role, each inside a savepoint that
is rolled back (so one role's delete does not change the next URL): a role refused the page
gets the same refusal on POST, so no write slips past the rule that guards its page; a role
allowed the page never gets 403, 404 or a server error (a refused form answers 400, a done
write 302, a page that only reads 405). `POST_EXPECTED` in an app's matrix overrides the
expectation for a URL whose POST answers differently by design.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from partnerplan.core.models import Visibility
from partnerplan.core.tests.fixtures import ROLE_NAMES
from partnerplan.partners.tests.factories import PersonFactory


def _matrix_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("partnerplan."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.tests.access_matrix"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.access_matrix":
                raise
    return modules


MODULES = _matrix_modules()
EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    name: entry for module in MODULES for name, entry in module.EXPECTED.items()
}
POST_EXPECTED: dict[str, dict[str, int]] = {
    name: entry
    for module in MODULES
    for name, entry in getattr(module, "POST_EXPECTED", {}).items()
}
# What an allowed role may get from an empty POST.
ALLOWED_POST = {200, 302, 400, 405, 409}


def _url_names(resolver: URLResolver, namespace: str = "") -> list[str]:
    names = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            names += _url_names(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(f"{namespace}{pattern.name}")
    return names


def test_it_knows_every_url():
    assert sorted(_url_names(get_resolver())) == sorted(EXPECTED)


@pytest.fixture
def objects(world):
    found: dict[str, Any] = {}
    for module in MODULES:
        if hasattr(module, "objects"):
            found.update(module.objects(world))
    return found


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_it_gives_each_role_the_right_answer_on_every_url(world, objects, role):
    client = world.client(role)
    wrong = []
    for name, (target, expected) in EXPECTED.items():
        kwargs = {"pk": objects[target].pk} if target else {}
        response = client.get(reverse(name, kwargs=kwargs))
        if response.status_code != expected[role]:
            wrong.append(f"{name}: {response.status_code}, expected {expected[role]}")
    assert wrong == []


def _post_problem(name: str, status: int, expected_get: int, role: str) -> str | None:
    if name in POST_EXPECTED:
        wanted = POST_EXPECTED[name][role]
        return None if status == wanted else f"{name}: POST {status}, expected {wanted}"
    if status == 405:
        return None  # a page that only reads
    if expected_get in (200, 405):  # allowed, or a page that only takes a POST
        if status in ALLOWED_POST:
            return None
        return f"{name}: POST {status}, expected a form's answer (one of {sorted(ALLOWED_POST)})"
    if status != expected_get:
        return f"{name}: POST {status}, expected the page's refusal {expected_get}"
    return None


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_it_refuses_every_write_to_the_roles_refused_its_page(world, objects, role):
    client = world.client(role)
    client.raise_request_exception = False
    wrong = []
    # Signing out ends the client's session (the cookie, not only the rolled-back row): last.
    names = sorted(EXPECTED, key=lambda name: name == "core:sign-out")
    for name in names:
        target, expected = EXPECTED[name]
        kwargs = {"pk": objects[target].pk} if target else {}
        url = reverse(name, kwargs=kwargs)
        with transaction.atomic():
            response = client.post(url, {})
            transaction.set_rollback(True)
        problem = _post_problem(name, response.status_code, expected[role], role)
        if problem:
            wrong.append(problem)
    assert wrong == []


@pytest.fixture
def people(world):
    alpha, beta = world.alpha, world.beta
    shared = PersonFactory.create(
        first_name="Shared", partner=alpha, visibility=Visibility.PARTNERS
    )
    shared.shared_with.set([beta])
    return {
        "Public": PersonFactory.create(
            first_name="Public", partner=alpha, visibility=Visibility.PUBLIC
        ),
        "Team": PersonFactory.create(
            first_name="Team", partner=alpha, visibility=Visibility.PARTNERSHIP
        ),
        "Shared": shared,
        "Exempt": PersonFactory.create(
            first_name="Exempt", partner=alpha, visibility=Visibility.EXEMPT, exempt_paragraph=1
        ),
    }


SEES = {
    "public": {"Public"},
    "officer": {"Public", "Team"},
    "other_officer": {"Public", "Team", "Shared"},
    "member": {"Public", "Team", "Shared"},
    "pm": {"Public", "Team"},
    "admin": {"Public", "Team", "Shared", "Exempt"},
}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_it_shows_each_role_only_the_people_it_may_see(world, people, role):
    client = world.client(role)
    html = client.get("/partners/people/").content.decode()
    listed = {name for name in people if f">{name} Officer</a>" in html}
    assert listed == SEES[role]
    for name, person in people.items():
        status = client.get(f"/partners/people/{person.pk}/").status_code
        assert status == (200 if name in SEES[role] else 404), name


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_it_counts_only_visible_people_on_the_partner_list(world, people, role):
    html = world.client(role).get("/partners/?q=ALP").content.decode()
    assert f'govuk-table__cell--numeric">{len(SEES[role]) + _personas_at_alpha(role)}<' in html


def _personas_at_alpha(role: str) -> int:
    # The officer, the project manager and the administrator personas work for Alpha and are
    # visible to everyone signed in (partnership visibility).
    return 0 if role == "public" else 3
