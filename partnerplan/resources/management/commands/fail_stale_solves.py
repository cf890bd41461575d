"""Mark failed, with the reason, every background solve whose worker died mid-job.

Run it from cron or a systemd timer beside the worker (the pages and the next job also run the
same check, so this is only needed when nobody is looking)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from partnerplan.resources.services.worker import solves_fail_stale


class Command(BaseCommand):
    help = "Mark failed every planner run or task schedule whose worker stopped mid-solve."

    def handle(self, *args: Any, **options: Any) -> None:
        failed = solves_fail_stale()
        for row in failed:
            self.stdout.write(f"{type(row).__name__} {row.pk}: {row.error}")
        self.stdout.write(f"{len(failed)} stale solve{'s' if len(failed) != 1 else ''} failed.")
