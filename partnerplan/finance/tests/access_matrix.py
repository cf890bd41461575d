"""The finance pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.core.models import Visibility
from partnerplan.core.tests.matrix import ADMIN_ONLY, ALL_OK, SIGNED_IN, SIGNED_IN_ONLY
from partnerplan.finance import services
from partnerplan.finance.tests.factories import (
    BidFactory,
    ContingencyFundFactory,
    EarmarkedFundFactory,
    FundingRequestFactory,
    ScenarioFactory,
    authority,
    fund_with_balance,
)

# Movements and exports: signed-in people only (the public is refused, not redirected, since
# the export is a download with no sign-in page to come back to).
LEDGER = {**ALL_OK, "public": 403}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "finance:fund-list": (None, ALL_OK),
    "finance:fund-detail": ("fund", ALL_OK),
    "finance:movements-csv": ("fund", LEDGER),
    "finance:movements-xlsx": ("fund", LEDGER),
    "finance:bid-list": (None, ALL_OK),
    "finance:bid-detail": ("bid", ALL_OK),
    "finance:contributions": (None, LEDGER),
    "finance:funding-table": (None, LEDGER),
    "finance:funding-table-csv": (None, LEDGER),
    "finance:funding-table-xlsx": (None, LEDGER),
    "finance:scenario-list": (None, SIGNED_IN_ONLY),
    # A project's funding panel: seen by whoever sees the project page (the portfolio's
    # "project" object, the same statuses as portfolio:project-detail).
    "finance:project-funding": ("project", SIGNED_IN),
    # Forms that post: partnership administrators only (others are told why: 403).
    "finance:contribution-new": ("fund", ADMIN_ONLY),
    "finance:call-new": ("fund", ADMIN_ONLY),
    "finance:request-new": ("fund", ADMIN_ONLY),
    "finance:fund-create": (None, ADMIN_ONLY),
    "finance:income-new": ("fund", ADMIN_ONLY),
    "finance:fund-edit": ("fund", ADMIN_ONLY),
    "finance:fund-close": ("fund", ADMIN_ONLY),
    "finance:request-close": ("request", ADMIN_ONLY),
    # A request's page: whoever sees the fund it is asked of (here a public fund).
    "finance:request-detail": ("request", ALL_OK),
    # The ledger reconciled to the approvals: administrators only.
    "finance:reconciliation": (None, ADMIN_ONLY),
    "finance:spend-new": (None, ADMIN_ONLY),
    "finance:release-new": (None, ADMIN_ONLY),
    "finance:movement-reverse": ("movement", ADMIN_ONLY),
    "finance:commitment-pay": ("commitment", ADMIN_ONLY),
    "finance:scenario-new": (None, ADMIN_ONLY),
    "finance:scenario-edit": ("scenario", ADMIN_ONLY),
    "finance:bid-new": (None, ADMIN_ONLY),
    "finance:bid-submit": ("bid", ADMIN_ONLY),
    "finance:bid-green-light": ("bid", ADMIN_ONLY),
    "finance:bid-secure": ("bid", ADMIN_ONLY),
    "finance:bid-reject": ("bid", ADMIN_ONLY),
    "finance:bid-withdraw": ("bid", ADMIN_ONLY),
    # Drawing on a contingency: administrators and the bodies the delegation names (here the
    # Joint Committee, on which the member sits).
    "finance:drawdown-new": ("contingency", {**ADMIN_ONLY, "member": 200}),
}


def objects(world: Any) -> dict[str, Any]:
    admin = world.users["admin"]
    fund = fund_with_balance(admin, amount="1000", visibility=Visibility.PUBLIC)
    bid = BidFactory.create(fund=fund, visibility=Visibility.PUBLIC)
    earmark = EarmarkedFundFactory.create()
    commitment = services.call_on_reserves(
        actor=admin, fund=fund, amount=Decimal("100"), purpose="Matrix call",
        on=dt.date(2010, 5, 1), to_fund=earmark, authority=authority(on=dt.date(2010, 4, 1)),
    )  # fmt: skip
    contingency = ContingencyFundFactory.create(
        visibility=Visibility.PUBLIC, delegation__to_bodies=[world.body]
    )
    return {
        "fund": fund,
        "bid": bid,
        "movement": fund.account.entries.first().transaction,
        "commitment": commitment,
        "contingency": contingency,
        "scenario": ScenarioFactory.create(),
        "request": FundingRequestFactory.create(fund=fund),
    }
