"""The reads behind the finance forms: the objects a form acts on, scoped to the viewer."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.finance.models import (
    Bid,
    Entry,
    Fund,
    FundingRequest,
    LedgerTransaction,
    Scenario,
)
from partnerplan.finance.selectors._scope import none_or_visible
from partnerplan.partners.models import Person
from partnerplan.portfolio.models import Project


def transaction_detail(*, viewer: Viewer, pk: int) -> LedgerTransaction:
    """A movement with its entries, for the reverse and mark-paid forms (administrators).
    Every movement touches a fund or a project: one the viewer may not see is not found."""
    seen = Entry.objects.filter(
        Q(account__fund__in=visible(Fund.objects.all(), viewer))
        | Q(account__project__in=visible(Project.objects.all(), viewer)),
        transaction=OuterRef("pk"),
    )
    try:
        return (
            LedgerTransaction.objects.filter(Exists(seen))
            .select_related(
                "posted_by",
                "decision__body",
                "decision__recommendation__item",
                "officer_decision__taken_by",
                "prior_decision__body",
                "delegation",
                "drawn_by",
                "authority_body",
            )
            .prefetch_related(
                Prefetch(
                    "entries",
                    queryset=Entry.objects.select_related(
                        "account__fund", "account__project", "account__partner"
                    ),
                )
            )
            .get(pk=pk)
        )
    except LedgerTransaction.DoesNotExist:
        raise Http404("No such movement") from None


def people_who_may_draw(*, viewer: Viewer, fund: Fund) -> QuerySet[Person]:
    """Who the drawdown form offers: the people who sit on a body the contingency's delegation
    names (an administrator may record any of them; anyone else only themselves). The service
    checks the membership dates and the limit."""
    if fund.delegation_id is None:
        return Person.objects.none()
    qs = Person.objects.filter(
        body_memberships__body__delegations_held=fund.delegation_id,
        archived_at__isnull=True,
    )
    if not viewer.is_admin:
        qs = qs.filter(pk=viewer.person_id or 0)
    return qs.distinct().order_by("last_name", "first_name")


def request_detail(*, viewer: Viewer, pk: int) -> FundingRequest:
    """A funding request, if the viewer may see the fund it is asked of (else not found)."""
    try:
        return (
            FundingRequest.objects.filter(fund__in=visible(Fund.objects.all(), viewer))
            .select_related(
                "fund",
                "to_fund",
                "project",
                "transaction__prior_decision__body",
                "transaction__officer_decision__taken_by",
                "decision__body",
                "decision__recommendation__item",
            )
            .get(pk=pk)
        )
    except FundingRequest.DoesNotExist:
        raise Http404("No such request") from None


def scenario_list(*, viewer: Viewer) -> list[Scenario]:
    """The scenarios, each with the requests on funds (and for projects) the viewer may see."""
    requests = (
        FundingRequest.objects.filter(visible_q(viewer, Fund, "fund__"))
        .filter(none_or_visible(viewer, Fund, "to_fund"))
        .filter(none_or_visible(viewer, Project, "project"))
        .select_related("fund")
    )
    return list(
        Scenario.objects.prefetch_related(Prefetch("requests", queryset=requests)).order_by("name")
    )


def bid_detail(*, viewer: Viewer, pk: int) -> Bid:
    try:
        return (
            visible(Bid.objects.all(), viewer)
            .select_related(
                "project",
                "fund",
                "income",
                "decision__body",
                "decision__recommendation__item",
                "prior_decision__body",
            )
            .get(pk=pk)
        )
    except Bid.DoesNotExist:
        raise Http404("No such bid") from None
