from __future__ import annotations

import pytest
from django.test import override_settings


def test_it_signs_in_with_a_local_account(world, client):
    response = client.post(
        "/sign-in/", {"username": "officer", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert "Partner officer" in client.get("/").content.decode()


def test_it_explains_a_failed_sign_in(world, client):
    response = client.post("/sign-in/", {"username": "officer", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a correct username and password" in html
    assert "govuk-error-summary" in html


def test_it_asks_for_both_fields(db, client):
    html = client.post("/sign-in/", {"username": "", "password": ""}).content.decode()
    assert "Enter your username" in html and "Enter your password" in html


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_it_throttles_failed_sign_ins(world, client):
    for _ in range(3):
        client.post("/sign-in/", {"username": "officer", "password": "wrong"})
    response = client.post(
        "/sign-in/", {"username": "officer", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()


@pytest.mark.parametrize("role", ["officer", "admin"])
def test_it_signs_out_with_a_post(world, role):
    client = world.client(role)
    assert client.post("/sign-out/").status_code == 302
    assert "Sign in</a>" in client.get("/").content.decode()
