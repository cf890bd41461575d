"""Load the demo partnership: the Staffordshire Connects partnership of the seed report.

Each app contributes its part through its own `demo.load(context)`, in the order of DEMO_APPS;
an app reads what earlier apps put into the shared `context` dict (partners, people, accounts,
actor, bodies, ...) and adds its own. Running it again adds only what is missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from partnerplan.core.demo import ACCOUNTS, DEMO_AS_AT, DEMO_PASSWORD
from partnerplan.core.services import demo_clock_start

# In dependency order: core creates the demo accounts once the people exist. An app without a
# demo.py is skipped.
DEMO_APPS = [
    "partners", "core", "governance", "portfolio", "finance",
    "resources", "reports", "collaboration",
]  # fmt: skip


class Command(BaseCommand):
    help = "Load the demo partnership of the seed report, with demo sign-in accounts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print sign-ins")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        context: dict[str, Any] = {}
        # The clock first, so every record the demo makes is dated as the demonstration sees it.
        demo_clock_start(on=DEMO_AS_AT)
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"partnerplan.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"partnerplan.{app}.demo":
                    raise
                continue
            module.load(context)
        self.stdout.write(self.style.SUCCESS("Demo partnership loaded: Staffordshire Connects."))
        if not options["quiet_accounts"]:
            self.stdout.write("Demo sign-ins (DEMO DATA), all with password " + DEMO_PASSWORD)
            for username, _key, _admin, label in ACCOUNTS:
                self.stdout.write(f"  {username:<10} {label}")
