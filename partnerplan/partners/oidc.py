"""Sign-in through an OpenID Connect provider (Microsoft Entra ID), for partner tenants only.

OIDC_TENANT_PARTNERS maps each allowed directory tenant id (the `tid` claim) to a partner
abbreviation. An account from any other tenant is refused, with the reason shown on the
sign-in refused page.

Who someone is comes from the ID token, whose signature mozilla-django-oidc has checked: the
tenant (`tid`) and object id (`oid`) are taken from it and override anything the userinfo
endpoint says (Microsoft Graph's userinfo carries neither). An account is found by the
(tenant, object id) pair only. An email address is never enough to take over an account: a
new sign-in whose email matches an existing account gets its own officer account, and the
match is left for an administrator to link. The new account is linked to a directory person
of the same partner with that email only if that person has no account yet.

Roles: OIDC_GROUP_ROLES maps Entra group object ids or app-role values (the `groups` and
`roles` claims of the ID token) to partnerplan role codes, e.g.
`OIDC_GROUP_ROLES=3f2b...=project_manager,PartnerPlan.Director=director`; a new person gets
the roles their claims map to, or officer.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
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

    def verify_token(self, token: Any, **kwargs: Any) -> Any:
        """The ID token's payload once its signature is checked, refused unless it was issued
        for partnerplan (its audience is our client id: the library leaves that unchecked)."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud") if isinstance(payload, dict) else None
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was not issued for partnerplan.")
        return payload

    def get_userinfo(self, access_token: Any, id_token: Any, payload: dict[str, Any]) -> Any:
        """The userinfo claims, with who the person is (tenant, object id, groups and app
        roles) taken from the validated ID token's payload."""
        claims = dict(super().get_userinfo(access_token, id_token, payload) or {})
        for name in ("tid", "oid", "groups", "roles"):
            claims.pop(name, None)
            if name in payload:
                claims[name] = payload[name]
        return claims

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        tenant, subject = _identity(claims)
        if not (tenant and subject):
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(oidc_tenant=tenant, oidc_subject=subject)

    def create_user(self, claims: dict[str, Any]) -> Any:
        partner = partner_for_claims(claims)
        email = claims.get("email", "").lower()
        user = self.UserModel.objects.create_user(
            username=f"oidc-{claims.get('oid') or claims.get('sub')}"[:150],
            email=email,
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        # A directory person of this partner with this email, who has no account yet.
        person = Person.objects.filter(
            email__iexact=email, partner=partner, user__isnull=True
        ).first()
        if person is None:
            person = person_create(
                actor=None,
                partner=partner,
                first_name=user.first_name or email.split("@")[0],
                last_name=user.last_name or "(not given)",
                email=email,
                roles=roles_for_claims(claims),
                visibility=Visibility.PARTNERSHIP,
            )
        user.person = person
        user.oidc_tenant, user.oidc_subject = _identity(claims)
        user.save()
        return user

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        # Found by (tenant, object id): nothing about who they are changes.
        return user


def _identity(claims: dict[str, Any]) -> tuple[str, str]:
    """(tenant, object id) from the claims (`oid`, or `sub` where a provider has no `oid`)."""
    return str(claims.get("tid") or ""), str(claims.get("oid") or claims.get("sub") or "")


def roles_for_claims(claims: dict[str, Any]) -> Any:
    """The roles the person's Entra groups and app roles map to (OIDC_GROUP_ROLES), or officer."""
    mapping: dict[str, str] = getattr(settings, "OIDC_GROUP_ROLES", {})
    held = [*(claims.get("groups") or []), *(claims.get("roles") or [])]
    codes = {mapping[h] for h in held if isinstance(h, str) and h in mapping}
    return Role.objects.filter(code__in=codes or {Role.OFFICER})
