"""Pages every visitor meets: sign-in, the accessibility statement and error pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from partnerplan.core import clock, services
from partnerplan.core.forms import GovUKDateField, GovUKFormMixin
from partnerplan.core.pages import bound, form_page


class SignInForm(GovUKFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Enter a correct username and password. Both are case-sensitive. After 5 failed "
            "attempts you will have to wait 15 minutes before trying again."
        ),
        "inactive": "This account has been switched off. Ask a partnership administrator.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username"
        self.fields["password"].label = "Password"
        self.fields["password"].widget = forms.PasswordInput()
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "core/sign_in.html"
    redirect_authenticated_user = True


@require_GET
def sign_in_refused(request: HttpRequest) -> HttpResponse:
    reason = request.session.pop("sign_in_refusal", "") or (
        "Sign-in through your organisation did not complete. Try again, or ask a partnership "
        "administrator for a partnerplan account."
    )
    return render(request, "core/sign_in_refused.html", {"reason": reason}, status=403)


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@require_GET
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/cookies.html")


def _error(request: HttpRequest, status: int, template: str, message: str = "") -> HttpResponse:
    return render(request, template, {"message": message}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, "400.html")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else ""
    return _error(request, 403, "403.html", message)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(
        request,
        403,
        "403.html",
        "Your form was not sent because the page had expired or cookies are blocked. "
        "Go back, reload the page and try again.",
    )


class DemoClockForm(GovUKFormMixin, forms.Form):
    to = GovUKDateField(
        label="Move the demonstration to",
        help_text="The date the whole installation is to behave as if it were today. "
        "For example, 17 12 2010",
        error_messages={"required": "Enter the date to move the demonstration to"},
    )


def demo_clock(request: HttpRequest) -> HttpResponse:
    """Move a demonstration installation's as-at date forward (administrators only)."""
    if not clock.enabled():
        raise Http404("This installation runs on the real date.")
    as_at = clock.as_at()
    when = f"{as_at:%-d %B %Y}" if as_at else "not set"
    return form_page(
        request,
        DemoClockForm(bound(request)),
        rule="core.move_clock",
        act=lambda data: services.demo_clock_move(actor=request.user, to=data["to"]),
        success=lambda row: f"The demonstration is now as at {row.as_at:%-d %B %Y}.",
        done=reverse("core:home"),
        title="Move the demonstration's date",
        caption="Demonstration",
        intro=f"This is a demonstration installation. Today is taken to be {when}. Move it "
        "forward to walk the committee cycle: publish an agenda, hold the meeting, decide, and "
        "see the forecast move. It cannot go back.",
        submit="Move the date",
        cancel=reverse("core:home"),
    )
