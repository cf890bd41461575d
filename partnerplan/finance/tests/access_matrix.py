"""The finance pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerplan.core.models import Visibility
from partnerplan.core.tests.matrix import ALL_OK
from partnerplan.finance.tests.factories import BidFactory, authority, fund_with_balance

# Movements and exports: signed-in people only (the public is refused, not redirected, since
# the export is a download with no sign-in page to come back to).
LEDGER = {**ALL_OK, "public": 403}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "finance:fund-list": (None, ALL_OK),
    "finance:fund-detail": ("fund", ALL_OK),
    "finance:movements-csv": ("fund", LEDGER),
    "finance:movements-xlsx": ("fund", LEDGER),
    "finance:bid-list": (None, ALL_OK),
    "finance:contributions": (None, LEDGER),
}


def objects(world: Any) -> dict[str, Any]:
    admin = world.users["admin"]
    fund = fund_with_balance(admin, amount="1000", visibility=Visibility.PUBLIC)
    BidFactory.create(fund=fund, visibility=Visibility.PUBLIC)
    assert authority(on=dt.date(2010, 4, 1))
    return {"fund": fund}
