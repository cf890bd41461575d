"""DEMO DATA: the sign-in accounts of the demo partnership.

Runs right after the partners step of `load_demo`, so that every later step can record who made
its changes: it puts `accounts` (by username) and `actor` (the Partnership Director's account)
into the context.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerplan.core.models import User

# The demonstration starts in the week before the joint committee of 17 December 2010, with
# its agenda published (core.clock; only where settings.PARTNERPLAN_DEMO_CLOCK is on).
DEMO_AS_AT = dt.date(2010, 12, 13)
# DEMO DATA: the seed does not say when its agenda and report were published; 9 December 2010 is
# the last day that gives the 17 December meeting five clear working days. The report's
# proposals and the report itself are recorded as on that day.
PAPERS_PUBLISHED = dt.date(2010, 12, 9)
DEMO_PASSWORD = "demo-partnerplan-2010"  # noqa: S105 - DEMO DATA, printed for the user

# (username, person key in context["people"], is administrator, what the account is)
ACCOUNTS = [
    ("director", "Andrew Street", True, "Partnership Director: partnership administrator"),
    ("member", "member", False, "Member of the Joint Committee"),
    ("pm", "pm", False, "Project manager"),
    ("officer", "officer", False, "Partner officer"),
]


def load(context: dict[str, Any]) -> None:
    people = context["people"]
    accounts: dict[str, User] = {}
    for username, key, admin, _label in ACCOUNTS:
        person = people[key]
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "person": person,
                "is_partnership_admin": admin,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "email": person.email or f"{username}@demo.invalid",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        accounts[username] = user
    context["accounts"] = accounts
    context["actor"] = accounts["director"]
