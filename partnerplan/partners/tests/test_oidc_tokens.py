"""Sign-in through Entra ID with real-shaped ID tokens signed by a test key: who the person is
comes from the validated ID token, accounts are found by (tenant, object id), an email match
never takes over an account, and roles come from the configured group and app-role claims."""

from __future__ import annotations

import time
from typing import Any
from unittest import mock

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory, override_settings

from partnerplan.partners.oidc import PartnerTenantOIDCBackend
from partnerplan.partners.tests.factories import UserFactory

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC_PEM = (
    KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)
CLIENT_ID = "partnerplan-client"
TENANTS = {"tenant-alpha": "ALP", "tenant-beta": "BET"}
SETTINGS = dict(
    OIDC_TENANT_PARTNERS=TENANTS,
    OIDC_RP_CLIENT_ID=CLIENT_ID,
    OIDC_RP_SIGN_ALGO="RS256",
    OIDC_RP_IDP_SIGN_KEY=PUBLIC_PEM,
    OIDC_OP_USER_ENDPOINT="https://graph.microsoft.com/oidc/userinfo",
    OIDC_GROUP_ROLES={"group-pm": "project_manager", "PartnerPlan.Director": "director"},
)


def id_token(key: Any = KEY, **claims: Any) -> str:
    now = int(time.time())
    body = {
        "iss": f"https://login.microsoftonline.com/{claims.get('tid', 'tenant-alpha')}/v2.0",
        "aud": CLIENT_ID,
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "nonce": "n-1",
        "tid": "tenant-alpha",
        "oid": "object-1",
        **claims,
    }
    return jwt.encode(body, key, algorithm="RS256", headers={"kid": "test"})


def graph_userinfo(**claims: Any) -> mock.Mock:
    """Microsoft Graph's userinfo: sub, names and email; no tid, no oid."""
    response = mock.Mock(headers={"content-type": "application/json"})
    response.json.return_value = {
        "sub": "pairwise-sub",
        "email": "jo.bloggs@alpha.example",
        "given_name": "Jo",
        "family_name": "Bloggs",
        **claims,
    }
    return response


def sign_in(token: str, **userinfo: Any) -> Any:
    backend = PartnerTenantOIDCBackend()
    request = RequestFactory().get("/oidc/callback/")
    request.session = {}
    backend.request = request
    payload = backend.verify_token(token, nonce="n-1")
    with mock.patch(
        "mozilla_django_oidc.auth.requests.get", return_value=graph_userinfo(**userinfo)
    ):
        return backend.get_or_create_user("access-token", token, payload)


@override_settings(**SETTINGS)
def test_it_takes_the_tenant_and_object_id_from_the_id_token_not_userinfo(world):
    user = sign_in(id_token(), tid="tenant-beta", oid="forged")
    assert (user.oidc_tenant, user.oidc_subject) == ("tenant-alpha", "object-1")
    assert user.person.partner == world.alpha
    assert sign_in(id_token()) == user


@override_settings(**SETTINGS)
def test_it_refuses_a_token_signed_by_another_key_or_for_another_client(world):
    with pytest.raises(SuspiciousOperation, match="verification failed"):
        sign_in(id_token(key=OTHER_KEY))
    with pytest.raises(SuspiciousOperation, match="not issued for partnerplan"):
        sign_in(id_token(aud="someone-else"))


@override_settings(**SETTINGS)
def test_it_never_signs_someone_in_as_another_account_by_email(world):
    director = world.users["admin"]
    director.email = "director@alpha.example"
    director.save()
    user = sign_in(id_token(tid="tenant-beta", oid="object-evil"), email="director@alpha.example")
    assert user != director and not user.is_partnership_admin
    assert user.person.partner == world.beta
    assert [r.code for r in user.person.roles.all()] == ["officer"]
    # The same email from the director's own tenant is not taken either: a separate account.
    same_tenant = sign_in(id_token(oid="object-2"), email="director@alpha.example")
    assert same_tenant != director and same_tenant.person != director.person


@override_settings(**SETTINGS)
def test_it_gives_the_roles_the_entra_groups_and_app_roles_map_to(world):
    user = sign_in(id_token(oid="object-3", groups=["group-pm", "unmapped"]))
    assert [r.code for r in user.person.roles.all()] == ["project_manager"]
    lead = sign_in(id_token(oid="object-4", roles=["PartnerPlan.Director"]))
    assert [r.code for r in lead.person.roles.all()] == ["director"]


@override_settings(**SETTINGS)
def test_it_links_a_directory_person_without_an_account_of_the_same_partner(world):
    from partnerplan.partners.tests.factories import PersonFactory

    listed = PersonFactory.create(partner=world.alpha, email="jo.bloggs@alpha.example")
    UserFactory.create(username="someone", email="jo.bloggs@alpha.example")
    user = sign_in(id_token(oid="object-5"))
    assert user.person == listed
