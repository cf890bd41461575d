from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from partnerplan.core import clock
from partnerplan.core.access import viewer_for


def service(request: HttpRequest) -> dict[str, Any]:
    return {
        "service_name": settings.SERVICE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "oidc_enabled": settings.OIDC_ENABLED,
        "oidc_provider_name": settings.OIDC_PROVIDER_NAME,
        # A callable, so the template reads the as-at date only where it shows the banner.
        "demo_as_at": clock.as_at,
        "viewer": SimpleLazyObject(lambda: viewer_for(getattr(request, "user", None))),
    }
