from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory, override_settings

from partnerplan.partners.oidc import PartnerTenantOIDCBackend, TenantRefused, partner_for_claims

TENANTS = {"tenant-alpha": "ALP", "tenant-gone": "ZZZ"}
CLAIMS = {
    "tid": "tenant-alpha",
    "oid": "object-1",
    "email": "Jo.Bloggs@alpha.example",
    "given_name": "Jo",
    "family_name": "Bloggs",
}


def _backend():
    backend = PartnerTenantOIDCBackend()
    request = RequestFactory().get("/oidc/callback/")
    request.session = {}
    backend.request = request
    return backend


@override_settings(OIDC_TENANT_PARTNERS=TENANTS)
def test_it_maps_an_allowed_tenant_to_its_partner(world):
    assert partner_for_claims(CLAIMS) == world.alpha


@override_settings(OIDC_TENANT_PARTNERS=TENANTS)
@pytest.mark.parametrize(
    ("tid", "message"),
    [
        ("tenant-unknown", "is not one of the partners allowed to sign in"),
        ("", "did not say which organisation"),
        ("tenant-gone", "no current partner has that abbreviation"),
    ],
)
def test_it_refuses_an_unknown_tenant_with_a_clear_message(world, tid, message):
    with pytest.raises(TenantRefused, match=message):
        partner_for_claims({**CLAIMS, "tid": tid})


@override_settings(OIDC_TENANT_PARTNERS=TENANTS)
def test_it_creates_an_account_and_a_person_at_the_tenants_partner(world):
    backend = _backend()
    with mock.patch.object(backend, "get_userinfo", return_value=CLAIMS):
        user = backend.get_or_create_user("access", "id", {})
    assert user.person.partner == world.alpha
    assert user.person.email == "jo.bloggs@alpha.example"
    assert [r.code for r in user.person.roles.all()] == ["officer"]
    with mock.patch.object(backend, "get_userinfo", return_value=CLAIMS):
        assert backend.get_or_create_user("access", "id", {}) == user


@override_settings(OIDC_TENANT_PARTNERS=TENANTS)
def test_it_shows_why_an_account_was_refused(world, client):
    backend = _backend()
    # mozilla-django-oidc's authenticate() turns this into a redirect to the refused page.
    with (
        mock.patch.object(backend, "get_userinfo", return_value={**CLAIMS, "tid": "elsewhere"}),
        pytest.raises(SuspiciousOperation),
    ):
        backend.get_or_create_user("access", "id", {})
    session = client.session
    session["sign_in_refusal"] = backend.request.session["sign_in_refusal"]
    session.save()
    response = client.get("/sign-in/refused/")
    assert response.status_code == 403
    assert "tenant elsewhere" in response.content.decode()
