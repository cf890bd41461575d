"""Helpers the services tests share."""

from __future__ import annotations

import datetime as dt

from partnerplan.finance.models import (
    Entry,
    LedgerTransaction,
)

MARCH = dt.date(2011, 3, 31)


def _count():
    return LedgerTransaction.objects.count(), Entry.objects.count()
