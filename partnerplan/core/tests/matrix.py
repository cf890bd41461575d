"""Shorthands for the access matrix: the expected HTTP status of a URL for each role."""

from __future__ import annotations

from partnerplan.core.tests.fixtures import ROLE_NAMES

ALL_OK = dict.fromkeys(ROLE_NAMES, 200)
ADMIN_ONLY = {**dict.fromkeys(ROLE_NAMES, 403), "public": 302, "admin": 200}
SIGNED_IN = {**ALL_OK, "public": 404}
SIGNED_IN_ONLY = {**ALL_OK, "public": 302}
