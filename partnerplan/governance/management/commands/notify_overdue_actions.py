"""Email the owners of overdue actions. Run daily (cron or a scheduled task)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from partnerplan.governance.services import actions_notify_overdue


class Command(BaseCommand):
    help = "Email the owner of each open action that is past its due date (once a day)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = actions_notify_overdue()
        self.stdout.write(
            f"Reminded the owners of {sent} overdue action{'s' if sent != 1 else ''}."
        )
