"""Check the ledger's invariants and reconcile it to the approvals (safe to run on a live
system: it only reads). Exit status 1 and a list of problems if any rule is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from partnerplan.finance.models import Entry, LedgerTransaction
from partnerplan.finance.selectors import authority_breaks, ledger_problems


class Command(BaseCommand):
    help = (
        "Check the finance ledger: every transaction balanced and authorised, balances equal "
        "the sum of movements, reversals mirror their originals, no fund below zero unless "
        "allowed and flagged; and reconcile it to the approvals: every call and drawdown to the "
        "use of its authority, every delegation's uses to its limit, every approved request to "
        "its movement, no authority used twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        problems = ledger_problems() + [b.message for b in authority_breaks()]
        counts = (
            f"{LedgerTransaction.objects.count()} transactions, {Entry.objects.count()} entries"
        )
        if problems:
            for problem in problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(f"The ledger has {len(problems)} problem(s) ({counts}).")
        self.stdout.write(
            self.style.SUCCESS(f"The ledger is sound and agrees with the approvals ({counts}).")
        )
