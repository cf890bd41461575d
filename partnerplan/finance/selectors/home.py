"""Finance reads for the start page (`partnerplan/home.py`): each scoped by core.access."""

from __future__ import annotations

from partnerplan.core.access import Viewer, visible_q
from partnerplan.finance.models import Fund, FundingRequest, RequestStatus
from partnerplan.finance.selectors._scope import none_or_visible
from partnerplan.finance.selectors.invariants import ledger_problems
from partnerplan.finance.selectors.reconciliation import authority_breaks
from partnerplan.portfolio.models import Project


def requests_waiting(*, viewer: Viewer) -> list[FundingRequest]:
    """Funding requests waiting for a decision, on funds (and of projects) the viewer sees."""
    return list(
        FundingRequest.objects.filter(status=RequestStatus.PENDING)
        .filter(visible_q(viewer, Fund, "fund__"))
        .filter(none_or_visible(viewer, Fund, "to_fund"))
        .filter(none_or_visible(viewer, Project, "project"))
        .filter(fund__closed_on__isnull=True)
        .select_related("fund", "project")
        .order_by("expected_on", "pk")
    )


def ledger_exceptions(*, viewer: Viewer) -> list[str]:
    """For administrators: every break between the ledger and the approvals, and every
    ledger problem, in plain English (what Funding > Reconciliation lists)."""
    if not viewer.is_admin:
        return []
    return [*ledger_problems(), *(b.message for b in authority_breaks())]
