"""Governance pages: bodies and structure."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    BodyForm,
    DelegationForm,
    DelegationRevokeForm,
    DelegationStartForm,
    MembershipEndForm,
    MembershipForm,
    PowerForm,
    ReportingLineEndForm,
    ReportingLineForm,
)
from partnerplan.governance.models import DelegationStatus
from partnerplan.governance.rules.diagram import describe_governance, render_governance_svg
from partnerplan.governance.services.authority import delegation_account
from partnerplan.governance.views._common import (
    NAV,
    _managed_body,
    _to_body,
)


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "governance/body_list.html",
        {
            "bodies": selectors.body_list(viewer=viewer),
            "signed_in": viewer.is_authenticated,
            "can_manage_bodies": can(viewer, "governance.manage_bodies"),
            **NAV,
        },
    )


@require_GET
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "can_manage": can(viewer, "governance.manage_meetings"),
            "can_manage_bodies": can(viewer, "governance.manage_bodies"),
            **NAV,
        },
    )


@require_GET
def delegation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    account = delegation_account(delegation)
    return render(
        request,
        "governance/delegation_detail.html",
        {
            "delegation": delegation,
            "account": account,
            "released": any(u.is_released for u in account.uses),
            "can_decide": delegation.status == DelegationStatus.IN_FORCE
            and can(viewer, "governance.record_officer_decision", delegation),
            **NAV,
        },
    )


@require_GET
def structure(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    nodes, edges = selectors.structure(viewer=viewer)
    svg = (
        render_governance_svg(nodes, edges, title="Governance structure of the partnership")
        if nodes
        else ""
    )
    return render(
        request,
        "governance/structure.html",
        {"svg": svg, "sentences": describe_governance(nodes, edges) if nodes else [], **NAV},
    )


_BODY_FIELDS = [
    "name", "abbreviation", "kind", "parent", "description", "cadence", "default_venue",
    "quorum_minimum", "quorum_fraction", "agenda_notice_days", "notice_counts_weekends",
    "notice_counts_bank_holidays", "requires_reasons", "requires_interests", "visibility",
    "executive_functions", "scrutinised_by", "call_in_scope", "call_in_days",
    "call_in_members_required",
]  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_bodies")
    form = BodyForm(bound(request), parents=selectors.body_choices(viewer=viewer))
    return form_page(
        request,
        form,
        title="Add a body",
        caption="Governance",
        cancel=reverse("governance:body-list"),
        intro="A committee, board, officer group, outside body, or an individual office holder "
        "such as the Partnership Director.",
        act=lambda d: services.body_create(actor=request.user, **d),
        done=_to_body,
        success="The body has been added. Add its members and powers.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = BodyForm(
        bound(request),
        parents=selectors.body_choices(viewer=viewer).exclude(pk=body.pk),
        initial={name: getattr(body, name) for name in _BODY_FIELDS},
    )
    return form_page(
        request,
        form,
        title="Change the body's details",
        caption=str(body),
        cancel=_to_body(body),
        intro="Changes to the quorum and notice rules apply to meetings from now on; decisions "
        "already recorded keep the rules they were taken under.",
        act=lambda d: services.body_update(actor=request.user, body=body, **d),
        done=_to_body,
        success="The body's details have been changed.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_line_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = ReportingLineForm(
        bound(request), bodies=selectors.body_choices(viewer=viewer).exclude(pk=body.pk)
    )
    return form_page(
        request,
        form,
        title="Add a reporting line",
        caption=str(body),
        cancel=_to_body(body),
        intro=f"Who {body} reports to. Reporting lines are drawn on the governance structure.",
        act=lambda d: services.reporting_line_add(actor=request.user, source=body, **d),
        done=lambda _l: _to_body(body),
        success="The reporting line has been added.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_line_end(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    line = selectors.reporting_line_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", line)
    back = _to_body(line.source)
    return form_page(
        request,
        ReportingLineEndForm(bound(request), initial={"ended_on": clock.today()}),
        title="End the reporting line",
        caption=str(line),
        cancel=back,
        submit="End the reporting line",
        act=lambda d: services.reporting_line_end(actor=request.user, line=line, **d),
        done=lambda _l: back,
        success="The reporting line has ended.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    membership = selectors.membership_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", membership)
    back = _to_body(membership.body)
    return form_page(
        request,
        MembershipEndForm(bound(request), initial={"ended_on": clock.today()}),
        title="End the membership",
        caption=str(membership),
        cancel=back,
        intro="The record is kept: past attendance and votes still show the role held.",
        submit="End the membership",
        act=lambda d: services.membership_end(
            actor=request.user, membership=membership, ended_on=d["ended_on"]
        ),
        done=lambda _m: back,
        success="The membership has ended.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = MembershipForm(bound(request), people=selectors.people_choices(viewer=viewer))
    return form_page(
        request,
        form,
        title="Add a member",
        caption=str(body),
        cancel=_to_body(body),
        act=lambda d: services.membership_add(
            actor=request.user, body=body, represents=d["person"].partner, **d
        ),
        done=lambda _m: _to_body(body),
        success="The member has been added.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def power_create(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, body = _managed_body(request, pk)
    return form_page(
        request,
        PowerForm(bound(request)),
        title="Add a power",
        caption=str(body),
        cancel=_to_body(body),
        intro="A line of the body's terms of reference.",
        act=lambda d: services.power_add(actor=request.user, body=body, **d),
        done=lambda _p: _to_body(body),
        success="The power has been added.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = DelegationForm(
        bound(request), bodies=selectors.body_choices(viewer=viewer).exclude(pk=body.pk)
    )
    return form_page(
        request,
        form,
        title="Propose a delegation",
        caption=str(body),
        cancel=_to_body(body),
        intro="A body can delegate only powers it holds, up to its own limit. The delegation is "
        "proposed until it is brought into force.",
        act=lambda d: services.delegation_create(actor=request.user, from_body=body, **d),
        done=lambda _d: _to_body(body),
        success="The delegation has been proposed.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_in_force(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", delegation)
    back = _to_body(delegation.from_body)
    return form_page(
        request,
        DelegationStartForm(bound(request), initial={"starts_on": clock.today()}),
        title="Bring the delegation into force",
        caption=str(delegation),
        cancel=back,
        intro=delegation.purpose,
        act=lambda d: services.delegation_bring_into_force(
            actor=request.user, delegation=delegation, starts_on=d["starts_on"]
        ),
        done=lambda _d: back,
        success="The delegation is in force.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", delegation)
    back = _to_body(delegation.from_body)
    return form_page(
        request,
        DelegationRevokeForm(bound(request), initial={"ends_on": clock.today()}),
        title="Revoke the delegation",
        caption=str(delegation),
        cancel=back,
        intro=delegation.purpose,
        submit="Revoke the delegation",
        act=lambda d: services.delegation_revoke(
            actor=request.user, delegation=delegation, ends_on=d["ends_on"]
        ),
        done=lambda _d: back,
        success="The delegation has been revoked.",
        context=NAV,
    )
