"""Finance's area: its secondary navigation and breadcrumb root (core.navigation)."""

from partnerplan.core.navigation import Area, Link, register

register(
    Area(
        namespace="finance",
        label="Funding",
        index="finance:fund-list",
        links=(
            Link("Funds", "finance:fund-list", also=("finance:fund-detail",)),
            Link("Bids register", "finance:bid-list", also=("finance:bid-detail",)),
            Link("Partner contributions", "finance:contributions", rule="finance.view_ledger"),
            Link(
                "Money by project and funding source",
                "finance:funding-table",
                rule="finance.view_ledger",
            ),
            Link("Scenarios", "finance:scenario-list", rule="finance.view_ledger"),
            Link("Reconciliation", "finance:reconciliation", rule="finance.post"),
        ),
    )
)
