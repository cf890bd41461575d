"""Governance pages: public alerts. Anyone may ask for them from a body's page; the emailed link
confirms (a button, so a mail scanner opening the link confirms nothing); every alert's
unsubscribe link stops them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from partnerplan.core.access import viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors
from partnerplan.governance.forms.interests import AlertForm
from partnerplan.governance.services import alerts as alert_services
from partnerplan.governance.views._common import NAV, _to_body


@require_http_methods(["GET", "POST"])
def alert_subscribe(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_detail(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request,
        AlertForm(bound(request)),
        title="Get email alerts",
        caption=str(body),
        cancel=_to_body(body),
        intro=f"We will email you when {body} publishes an agenda or its decisions. We first "
        "send a link to confirm the address; nothing else is sent until you confirm. Every "
        "email has a link to unsubscribe.",
        submit="Ask for alerts",
        act=lambda d: alert_services.alert_subscribe(body=body, **d),
        done=lambda _s: _to_body(body),
        success="Check your email: open the link we sent to confirm your alerts.",
        context=NAV,
    )


@require_http_methods(["GET", "POST"])
def alert_confirm(request: HttpRequest, pk: str) -> HttpResponse:
    """`pk`: the signed token from the email."""
    return form_page(
        request,
        ConfirmForm(bound(request)),
        title="Confirm your email alerts",
        submit="Confirm",
        act=lambda _d: alert_services.alert_confirm(token=pk),
        done=lambda s: _to_body(s.body),
        success=lambda s: f"Your alerts are confirmed: we will email {s.email} about {s.body}.",
        context=NAV,
    )


@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request: HttpRequest, pk: str) -> HttpResponse:
    """`pk`: the signed token from the email."""
    return form_page(
        request,
        ConfirmForm(bound(request)),
        title="Stop email alerts",
        submit="Unsubscribe",
        act=lambda _d: alert_services.alert_unsubscribe(token=pk),
        done=reverse("governance:body-list"),
        success=lambda s: f"{s.email} will get no more alerts about {s.body}.",
        context=NAV,
    )
