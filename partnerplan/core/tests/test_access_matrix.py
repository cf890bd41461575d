"""Walk every URL of the service as every role, and check who may see what.

Adding a URL without adding it to EXPECTED fails `test_it_knows_every_url`, so no page escapes
the matrix.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from partnerplan.core.models import Visibility
from partnerplan.core.tests.fixtures import ROLE_NAMES
from partnerplan.partners.tests.factories import PersonFactory

ALL_OK = dict.fromkeys(ROLE_NAMES, 200)
ADMIN_ONLY = {**dict.fromkeys(ROLE_NAMES, 403), "public": 302, "admin": 200}
# The target person works for Alpha, like the officer and the project manager.
SAME_PARTNER = {**ADMIN_ONLY, "officer": 200, "pm": 200}
SIGNED_IN = {**ALL_OK, "public": 404}

# url name -> (object the URL is about, expected status by role)
EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "core:home": (None, ALL_OK),
    "core:sign-in": (None, {**dict.fromkeys(ROLE_NAMES, 302), "public": 200}),
    "core:sign-in-refused": (None, dict.fromkeys(ROLE_NAMES, 403)),
    "core:sign-out": (None, dict.fromkeys(ROLE_NAMES, 405)),  # only POST signs out
    "core:accessibility": (None, ALL_OK),
    "core:cookies": (None, ALL_OK),
    "partners:partner-list": (None, ALL_OK),
    "partners:partner-create": (None, ADMIN_ONLY),
    "partners:partner-detail": ("partner", ALL_OK),
    "partners:partner-edit": ("partner", ADMIN_ONLY),
    "partners:partner-archive": ("partner", ADMIN_ONLY),
    "partners:partner-delete": ("partner", ADMIN_ONLY),
    "partners:person-list": (None, ALL_OK),
    "partners:person-create": (None, ADMIN_ONLY),
    "partners:person-detail": ("person", SIGNED_IN),
    "partners:person-edit": ("person", SAME_PARTNER),
    "partners:person-change-partner": ("person", SAME_PARTNER),
    "partners:person-archive": ("person", ADMIN_ONLY),
    "partners:person-delete": ("person", ADMIN_ONLY),
}


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


@dataclass
class Objects:
    partner: object
    person: object


@pytest.fixture
def objects(world):
    return Objects(
        partner=world.alpha,
        person=PersonFactory.create(partner=world.alpha, visibility=Visibility.PARTNERSHIP),
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_it_gives_each_role_the_right_answer_on_every_url(world, objects, role):
    client = world.client(role)
    wrong = []
    for name, (target, expected) in EXPECTED.items():
        kwargs = {"pk": getattr(objects, target).pk} if target else {}
        response = client.get(reverse(name, kwargs=kwargs))
        if response.status_code != expected[role]:
            wrong.append(f"{name}: {response.status_code}, expected {expected[role]}")
    assert wrong == []


@pytest.fixture
def people(world):
    alpha, beta = world.alpha, world.beta
    shared = PersonFactory.create(first_name="Shared", partner=alpha, visibility=Visibility.PARTNERS)
    shared.shared_with.set([beta])
    return {
        "Public": PersonFactory.create(first_name="Public", partner=alpha, visibility=Visibility.PUBLIC),
        "Team": PersonFactory.create(first_name="Team", partner=alpha, visibility=Visibility.PARTNERSHIP),
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
