"""Load the demo partnership: the Staffordshire Connects partnership of the seed report.

Each app contributes its part through its own `demo.load(context)`, in the order of DEMO_APPS;
an app reads what earlier apps put into the shared `context` dict (people, partners, bodies, ...)
and adds its own. Running it again adds only what is missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from partnerplan.core.models import User

# In dependency order. An app without a demo.py is skipped.
DEMO_APPS = [
    "partners", "governance", "portfolio", "finance", "resources", "reports", "collaboration",
]  # fmt: skip

DEMO_PASSWORD = "demo-partnerplan-2010"  # noqa: S105 - DEMO DATA, printed for the user

# (username, person key, is administrator, what the account shows)
ACCOUNTS = [
    ("director", "Andrew Street", True, "Partnership Director: partnership administrator"),
    ("member", "member", False, "Member of the Joint Committee"),
    ("pm", "pm", False, "Project manager"),
    ("officer", "officer", False, "Partner officer"),
]


class Command(BaseCommand):
    help = "Load the demo partnership of the seed report, with demo sign-in accounts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print sign-ins")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        context: dict[str, Any] = {}
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"partnerplan.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"partnerplan.{app}.demo":
                    raise
                continue
            module.load(context)
        people = context["people"]
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
        self.stdout.write(self.style.SUCCESS("Demo partnership loaded: Staffordshire Connects."))
        if not options["quiet_accounts"]:
            self.stdout.write("Demo sign-ins (DEMO DATA), all with password " + DEMO_PASSWORD)
            for username, _key, _admin, label in ACCOUNTS:
                self.stdout.write(f"  {username:<10} {label}")
