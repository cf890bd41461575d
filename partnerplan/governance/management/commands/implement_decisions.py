"""Implement the decisions whose call-in period has ended without a call-in. Run daily (cron or
a scheduled task)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from partnerplan.governance.services import decisions_implement_due


class Command(BaseCommand):
    help = "Implement each decision whose call-in period has ended without a call-in."

    def handle(self, *args: Any, **options: Any) -> None:
        done = decisions_implement_due()
        self.stdout.write(f"Implemented {len(done)} decision{'s' if len(done) != 1 else ''}.")
