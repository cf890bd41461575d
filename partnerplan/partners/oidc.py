"""Sign-in through an OpenID Connect provider (Microsoft Entra ID), for partner tenants only.

OIDC_TENANT_PARTNERS maps each allowed directory tenant id (the `tid` claim) to a partner
abbreviation. An account from any other tenant is refused, with the reason shown on the
sign-in refused page. A new account is linked to the directory person with the same email at
that partner, or a person is created for it as a partner officer.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from partnerplan.core.models import Visibility
from partnerplan.partners.models import Partner, Person, Role
from partnerplan.partners.services import person_create


class TenantRefused(Exception):
    pass


def partner_for_claims(claims: dict[str, Any]) -> Partner:
    """The partner a signed-in account belongs to, or TenantRefused with the reason."""
    tenant = str(claims.get("tid") or "")
    if not tenant:
        raise TenantRefused(
            "Your sign-in did not say which organisation you belong to, so it cannot be checked "
            "against the partnership's members."
        )
    abbreviation = settings.OIDC_TENANT_PARTNERS.get(tenant)
    if abbreviation is None:
        raise TenantRefused(
            f"Your organisation's directory (tenant {tenant}) is not one of the partners "
            "allowed to sign in. If your organisation is a partner, ask a partnership "
            "administrator to add its tenant."
        )
    partner = Partner.objects.filter(
        abbreviation__iexact=abbreviation, archived_at__isnull=True
    ).first()
    if partner is None:
        raise TenantRefused(
            f"Your organisation's directory is set up for partner {abbreviation}, but no current "
            "partner has that abbreviation. Ask a partnership administrator to correct it."
        )
    if partner.membership_status() == "left":
        raise TenantRefused(
            f"{partner.name} has left the partnership, so its staff cannot sign in."
        )
    return partner


class PartnerTenantOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not super().verify_claims(claims):
            self._refuse("Your account did not share an email address, which is needed to sign in.")
            return False
        try:
            partner_for_claims(claims)
        except TenantRefused as exc:
            self._refuse(str(exc))
            return False
        return True

    def _refuse(self, reason: str) -> None:
        request = getattr(self, "request", None)
        if request is not None and hasattr(request, "session"):
            request.session["sign_in_refusal"] = reason

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        subject = claims.get("oid") or claims.get("sub")
        users = self.UserModel.objects.filter(oidc_subject=subject) if subject else None
        if users is not None and users.exists():
            return users
        return self.UserModel.objects.filter(email__iexact=claims.get("email", ""), oidc_subject="")

    def create_user(self, claims: dict[str, Any]) -> Any:
        partner = partner_for_claims(claims)
        email = claims.get("email", "").lower()
        user = self.UserModel.objects.create_user(
            username=f"oidc-{claims.get('oid') or claims.get('sub')}"[:150],
            email=email,
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        person = Person.objects.filter(email__iexact=email, partner=partner).first()
        if person is None:
            person = person_create(
                actor=None,
                partner=partner,
                first_name=user.first_name or email.split("@")[0],
                last_name=user.last_name or "(not given)",
                email=email,
                roles=Role.objects.filter(code=Role.OFFICER),
                visibility=Visibility.PARTNERSHIP,
            )
        user.person = person
        user.oidc_subject = claims.get("oid") or claims.get("sub") or ""
        user.oidc_tenant = claims.get("tid", "")
        user.save()
        return user

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        user.oidc_subject = claims.get("oid") or claims.get("sub") or user.oidc_subject
        user.oidc_tenant = claims.get("tid", user.oidc_tenant)
        user.save(update_fields=["oidc_subject", "oidc_tenant"])
        return user
