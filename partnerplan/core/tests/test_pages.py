from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path


def _boom(request) -> HttpResponse:
    raise RuntimeError("secret internals")


urlpatterns = [path("boom/", _boom), path("", include("partnerplan.urls"))]
handler500 = "partnerplan.core.views.server_error"
handler404 = "partnerplan.core.views.page_not_found"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_it_shows_a_styled_500_page_without_a_stack_trace(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert "secret internals" not in html and "Traceback" not in html
    assert "govuk-template" in html


def test_it_shows_a_styled_404_page(db, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'class="govuk-heading-l">Page not found' in response.content.decode()


def test_it_explains_an_expired_form(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "page had expired" in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/accessibility/", "/cookies/", "/sign-in/"])
def test_it_renders_the_service_header_without_the_crown(db, client, url):
    html = client.get(url).content.decode()
    assert "partnerplan" in html
    assert "govuk-header__logotype" not in html and "crown" not in html.lower()
    assert '<html lang="en-GB"' in html


def test_it_has_an_accessibility_statement_in_the_standard_form(db, client):
    html = client.get("/accessibility/").content.decode()
    for heading in [
        "How accessible this website is",
        "Feedback and contact information",
        "Enforcement procedure",
        "Technical information about this website",
        "Compliance status",
        "Preparation of this accessibility statement",
    ]:
        assert heading in html


def test_it_sets_no_cookie_for_the_public(db, client):
    response = client.get("/")
    assert response.cookies == {} or set(response.cookies) <= {"csrftoken"}
