"""Personas every test can ask for by name, and the query-count helper.

The world: partners Alpha (ALP) and Beta (BET); the Joint Committee (a body). Personas:
- public: nobody signed in;
- officer: a partner officer of Alpha;
- other_officer: a partner officer of Beta;
- member: a member of the Joint Committee (a councillor of Beta);
- pm: a project manager of Alpha;
- admin: a partnership administrator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerplan.core.models import User
from partnerplan.governance.tests.factories import BodyFactory, BodyMembershipFactory
from partnerplan.partners.models import Partner, Person, Role
from partnerplan.partners.tests.factories import PartnerFactory, PersonFactory, UserFactory

ROLE_NAMES = ["public", "officer", "other_officer", "member", "pm", "admin"]


@dataclass
class World:
    alpha: Partner
    beta: Partner
    body: Any
    users: dict[str, User | None]

    def client(self, role: str) -> Client:
        client = Client()
        user = self.users[role]
        if user is not None:
            client.force_login(user)
        return client


def _roles(*codes: str) -> list[Role]:
    return list(Role.objects.filter(code__in=codes))


@pytest.fixture
def world(db: Any) -> World:
    alpha = PartnerFactory.create(name="Alpha District Council", abbreviation="ALP")
    beta = PartnerFactory.create(name="Beta Borough Council", abbreviation="BET")
    body = BodyFactory.create(name="Joint Committee")

    def person(first: str, partner: Partner, *codes: str) -> Person:
        p = PersonFactory.create(first_name=first, last_name="Persona", partner=partner)
        p.roles.set(_roles(*codes))
        return p

    officer = person("Olive", alpha, "officer")
    other = person("Otto", beta, "officer")
    member = person("Mina", beta, "councillor")
    BodyMembershipFactory.create(body=body, person=member, represents=beta)
    pm = person("Pat", alpha, "project_manager")
    admin = person("Ada", alpha, "director")
    users: dict[str, User | None] = {
        "public": None,
        "officer": UserFactory.create(username="officer", person=officer),
        "other_officer": UserFactory.create(username="other_officer", person=other),
        "member": UserFactory.create(username="member", person=member),
        "pm": UserFactory.create(username="pm", person=pm),
        "admin": UserFactory.create(username="admin", person=admin, is_partnership_admin=True),
    }
    return World(alpha=alpha, beta=beta, body=body, users=users)


@pytest.fixture
def admin_client(world: World) -> Client:
    return world.client("admin")


@contextmanager
def _assert_queries(expected: int, what: str) -> Iterator[CaptureQueriesContext]:
    with CaptureQueriesContext(connection) as ctx:
        yield ctx
    if len(ctx.captured_queries) != expected:
        listed = "\n".join(f"  {i + 1}. {q['sql'][:200]}" for i, q in enumerate(ctx))
        pytest.fail(
            f"{what} ran {len(ctx.captured_queries)} queries, expected {expected}.\n"
            "This page is on a path people use all the time, so its query count is pinned to "
            "catch N+1 queries. If a query was added or removed on purpose, update the number "
            "and say why in the test's comment.\n" + listed
        )


@pytest.fixture
def assert_queries() -> Callable[[int, str], Any]:
    return _assert_queries
