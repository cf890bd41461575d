"""Demand: the roles projects need, read through the project's visibility
(`visible_q(viewer, Project, "project__")`)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.finance.models import Fund
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import Assignment, RoleDemand


def _demands(viewer: Viewer) -> QuerySet[RoleDemand]:
    return RoleDemand.objects.filter(visible_q(viewer, Project, "project__")).filter(
        project__archived_at__isnull=True
    )


def demand_list(*, viewer: Viewer) -> QuerySet[Project]:
    """Projects with role demand, with their demand and bookings."""
    demands = RoleDemand.objects.select_related("skill").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("member__person"))
    )
    return (
        visible(Project.objects.filter(archived_at__isnull=True), viewer)
        .filter(role_demands__isnull=False)
        .distinct()
        .select_related("stage", "planning")
        .prefetch_related(Prefetch("role_demands", queryset=demands))
        .order_by("title")
    )


def project_demand(*, viewer: Viewer, pk: int) -> Project:
    demands = RoleDemand.objects.select_related("skill").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("member__person"))
    )
    try:
        return (
            visible(Project.objects.all(), viewer)
            .select_related("stage", "planning__fund", "programme")
            .prefetch_related(Prefetch("role_demands", queryset=demands))
            .get(pk=pk)
        )
    except Project.DoesNotExist:
        raise Http404("No project you can see has that number") from None


def demand_detail(*, viewer: Viewer, pk: int) -> RoleDemand:
    try:
        return _demands(viewer).select_related("project", "skill").get(pk=pk)
    except RoleDemand.DoesNotExist:
        raise Http404("No role you can see has that number") from None


def project_choices(*, viewer: Viewer) -> QuerySet[Project]:
    return (
        visible(Project.objects.filter(archived_at__isnull=True), viewer)
        .filter(role_demands__isnull=False)
        .distinct()
        .order_by("title")
    )


def fund_choices(*, viewer: Viewer) -> QuerySet[Fund]:
    """Funds the viewer sees that could pay for a project's spending."""
    return visible(Fund.objects.filter(archived_at__isnull=True), viewer).order_by("name")
