"""Headers and session lifetimes that apply to every page.

- `SessionLifetimeMiddleware`: a signed-in session ends after `SESSION_IDLE_TIMEOUT` seconds
  without a request, and in any case `SESSION_ABSOLUTE_LIFETIME` seconds after sign-in; the
  person is sent to the sign-in page with a message saying why.
- `SecurityHeadersMiddleware`: `Cache-Control: no-store` on every response to a signed-in
  person (shared or back-button caches never keep a restricted page), and a
  `Permissions-Policy` that turns off the browser features partnerplan never uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

SEEN = "partnerplan_seen_at"
SIGNED_IN = "partnerplan_signed_in_at"

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def start_session_clock(*, request: HttpRequest | None = None, **_: Any) -> None:
    """At sign-in: the idle and absolute lifetimes start now."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SEEN] = now
        request.session[SIGNED_IN] = now


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            seen = session.get(SEEN, now)
            signed_in = session.get(SIGNED_IN, now)
            idle = settings.SESSION_IDLE_TIMEOUT
            absolute = settings.SESSION_ABSOLUTE_LIFETIME
            if now - seen > idle or now - signed_in > absolute:
                logout(request)
                messages.info(
                    request,
                    "You were signed out because you had not used partnerplan for "
                    f"{idle // 60} minutes"
                    if now - seen > idle
                    else f"You were signed out because you signed in over {absolute // 3600} "
                    "hours ago",
                )
                return redirect_to_login(request.get_full_path())
            # Write at most once a minute, so that every page is not a session save.
            if now - seen > 60 or SEEN not in session or SIGNED_IN not in session:
                session[SEEN] = now
                session.setdefault(SIGNED_IN, now)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
