"""Hardening that applies to every page: session lifetimes, caching and browser-feature
headers, password rules, date ranges, and SQLite under concurrent writers."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.utils import ConnectionHandler

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin
from partnerplan.core.middleware import SEEN, SIGNED_IN


class _DateForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Date decided")


@pytest.mark.parametrize("year", ["0001", "9999", "1899", "2101"])
def test_it_refuses_a_year_outside_the_sensible_range_with_a_message(year):
    form = _DateForm({"on_day": "1", "on_month": "2", "on_year": year})
    assert not form.is_valid()
    assert form.errors["on"] == ["Date decided: the year must be between 1900 and 2100"]


def test_it_accepts_a_year_inside_the_range():
    form = _DateForm({"on_day": "17", "on_month": "12", "on_year": "2010"})
    assert form.is_valid(), form.errors


def test_it_wants_passwords_of_twelve_characters_and_not_common_ones():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Tr0ub4dor&3")
    with pytest.raises(ValidationError, match="too common"):
        validate_password("password1234")
    validate_password("correct-horse-battery")


@pytest.mark.django_db
def test_it_never_lets_a_signed_in_page_be_cached_and_turns_off_unused_features(world):
    page = world.client("officer").get("/")
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "camera=()" in page["Permissions-Policy"]
    public = world.client("public").get("/accessibility/")
    assert "no-store" not in public.get("Cache-Control", "")
    assert "geolocation=()" in public["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "age", "said"),
    [
        (SEEN, settings.SESSION_IDLE_TIMEOUT + 5, "had not used partnerplan for 60 minutes"),
        (SIGNED_IN, settings.SESSION_ABSOLUTE_LIFETIME + 5, "signed in over 12 hours ago"),
    ],
)
def test_it_signs_out_an_idle_or_old_session_and_says_why(world, key, age, said):
    client = world.client("officer")
    assert client.get("/").status_code == 200
    session = client.session
    session[key] = time.time() - age
    session.save()
    response = client.get("/portfolio/", follow=True)
    assert response.redirect_chain[0][0].startswith("/sign-in/?next=/portfolio/")
    assert said in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default only")
def test_it_lets_concurrent_writers_queue_on_sqlite_instead_of_failing(
    tmp_path: Path, django_db_blocker: Any
):
    """Eight threads, each with its own connection configured as settings configures the
    embedded database, write at once: none meets "database is locked"."""
    with django_db_blocker.unblock():
        _race_writers(tmp_path)


def _race_writers(tmp_path: Path) -> None:
    config: dict[str, Any] = {
        **settings.DATABASES["default"],
        "NAME": str(tmp_path / "wal.sqlite3"),
        "TEST": {},
    }
    handler = ConnectionHandler({"default": config})
    setup = handler["default"]
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n integer)")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    setup.close()
    assert mode == "wal"
    errors: list[Exception] = []
    barrier = threading.Barrier(8)

    def write() -> None:
        own = ConnectionHandler({"default": config})["default"]
        try:
            barrier.wait(timeout=10)
            for _ in range(20):
                with own.cursor() as cursor:
                    own.set_autocommit(False)
                    cursor.execute("SELECT count(*) FROM counter").fetchone()
                    cursor.execute("INSERT INTO counter VALUES (1)")
                    own.commit()
                    own.set_autocommit(True)
        except Exception as exc:  # noqa: BLE001 - the test reports what each thread met
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=write) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    check = ConnectionHandler({"default": config})["default"]
    with check.cursor() as cursor:
        assert cursor.execute("SELECT count(*) FROM counter").fetchone()[0] == 160
    check.close()


@pytest.mark.django_db
def test_it_locks_a_username_only_from_the_address_that_failed(world):
    from django.test import Client, override_settings

    from partnerplan.partners.tests.factories import UserFactory

    UserFactory.create(username="victim", password="correct-horse-battery")
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5):
        attacker = Client(REMOTE_ADDR="203.0.113.9")
        for _ in range(5):
            attacker.post("/sign-in/", {"username": "victim", "password": "wrong-guess-123"})
        locked = attacker.post(
            "/sign-in/", {"username": "victim", "password": "correct-horse-battery"}
        )
        assert locked.status_code in (403, 429) and "_auth_user_id" not in attacker.session
        victim = Client(REMOTE_ADDR="198.51.100.4")
        answer = victim.post(
            "/sign-in/", {"username": "victim", "password": "correct-horse-battery"}
        )
        assert answer.status_code == 302 and "_auth_user_id" in victim.session
