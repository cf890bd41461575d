"""The pool: its members, their spells of other availability and their leave."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.resources import forms
from partnerplan.resources.models import Availability, Leave, PoolMember
from partnerplan.resources.selectors import pool as selectors
from partnerplan.resources.services import pool as services
from partnerplan.resources.views._common import CONFIRM, FORM, NAV, page


def _member_url(member: PoolMember) -> str:
    return reverse("resources:member-detail", args=[member.pk])


@login_required
@require_GET
def pool_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    left = request.GET.get("left") == "1"
    members = selectors.pool_list(viewer=viewer, include_archived=left)
    return render(
        request,
        "resources/pool_list.html",
        page(members=members, left=left, can_add=can(viewer, "resources.manage_pool")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = forms.PoolMemberForm(
        bound(request),
        people=selectors.person_choices(viewer=viewer),
        partners=selectors.partner_choices(viewer=viewer),
    )
    return form_page(
        request, form, rule="resources.manage_pool",
        act=lambda data: services.member_create(actor=request.user, **data),
        success=lambda member: f"{member} has been added to the pool.",
        done=_member_url,
        title="Add someone to the pool", cancel=reverse("resources:pool-list"),
        intro="A person a partner lends to the pool part-time. Add spells of different "
        "availability and leave on their page afterwards.",
        template=FORM, context=NAV,
    )  # fmt: skip


@login_required
@require_GET
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "resources.view")
    member = selectors.member_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "resources/member_detail.html",
        page(
            member=member,
            assignments=member.visible_assignments,  # type: ignore[attr-defined]
            months=selectors.member_months(member, today=clock.today()),
            can_change=can(viewer, "resources.change_member", member),
            can_manage=can(viewer, "resources.manage_pool", member),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def availability_create(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.member_detail(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, forms.AvailabilityForm(bound(request)),
        rule=("resources.change_member", member),
        act=lambda data: services.availability_add(actor=request.user, member=member, **data),
        success="The availability has been saved.", done=_member_url(member),
        title="Change availability", cancel=_member_url(member),
        caption=str(member), template="resources/availability_form.html",
        context=page(member=member, page_title=f"Change availability of {member}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def leave_create(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.member_detail(viewer=viewer_for(request.user), pk=pk)
    return form_page(
        request, forms.LeaveForm(bound(request)),
        rule=("resources.change_member", member),
        act=lambda data: services.leave_add(actor=request.user, member=member, **data),
        success="The leave has been saved.", done=_member_url(member),
        title="Add leave", cancel=_member_url(member), caption=str(member),
        template=FORM, context=page(page_title=f"Add leave for {member}"),
    )  # fmt: skip


MEMBER_INITIAL = ("days_per_week", "available_from", "available_until", "cost_rate_per_day",
                  "notes")  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    member = selectors.member_detail(viewer=viewer, pk=pk)
    initial: dict[str, Any] = {name: getattr(member, name) for name in MEMBER_INITIAL}
    initial["home_partner"] = member.home_partner_id
    initial["skills"] = [s.pk for s in member.skills.all()]
    form = forms.MemberEditForm(
        bound(request), initial=initial, partners=selectors.partner_choices(viewer=viewer)
    )
    return form_page(
        request, form, rule=("resources.manage_pool", member),
        act=lambda data: services.member_update(actor=request.user, member=member, **data),
        success=f"{member} has been changed.", done=_member_url(member),
        title="Change pool member", cancel=_member_url(member), caption=str(member),
        template=FORM, context=page(page_title=f"Change {member}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def member_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Take someone out of the pool with a reason (or bring them back: the button is the
    answer)."""
    member = selectors.member_detail(viewer=viewer_for(request.user), pk=pk)
    common: dict[str, Any] = {
        "rule": ("resources.manage_pool", member),
        "done": _member_url(member),
        "cancel": _member_url(member),
        "caption": str(member),
        "template": FORM,
    }
    if member.is_archived:
        return form_page(
            request, ConfirmForm(bound(request)),
            act=lambda _data: services.member_restore(actor=request.user, member=member),
            success=f"{member} is back in the pool.",
            title="Bring them back to the pool", submit="Bring back",
            intro="They will be listed in the pool, offered for bookings and counted by the "
            "planner again.",
            context=page(page_title=f"Bring {member} back to the pool"), **common,
        )  # fmt: skip
    return form_page(
        request, forms.LeavePoolForm(bound(request)),
        act=lambda data: services.member_archive(actor=request.user, member=member, **data),
        success=f"{member} has left the pool.",
        title="Take them out of the pool", submit="Take out of the pool",
        intro="They will no longer be listed in the pool, offered for bookings or counted by "
        "the planner. Their past bookings and history are kept. Someone still booked cannot "
        "leave: end or remove their bookings first.",
        context=page(page_title=f"Take {member} out of the pool"), **common,
    )  # fmt: skip


def _spell_delete(
    request: HttpRequest, row: Availability | Leave, delete: Callable[[], None], what: str
) -> HttpResponse:
    """Remove a spell of availability or a period of leave from a member's page."""
    member = row.member
    return form_page(
        request, ConfirmForm(bound(request)),
        rule=("resources.change_member", member),
        act=lambda _data: delete(),
        success=f"The {what} has been removed.", done=_member_url(member),
        title=f"Remove this {what}?", caption=str(member),
        intro=f"{row}. The change is kept in the history.", submit=f"Remove {what}",
        cancel=_member_url(member), template=CONFIRM, context=NAV,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def availability_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.availability_detail(viewer=viewer_for(request.user), pk=pk)
    member = row.member
    form = forms.AvailabilityForm(
        bound(request), initial={n: getattr(row, n) for n in ("starts_on", "ends_on",
                                                               "days_per_week")}
    )  # fmt: skip
    return form_page(
        request, form, rule=("resources.change_member", member),
        act=lambda data: services.availability_update(
            actor=request.user, availability=row, **data
        ),
        success="The availability has been changed.", done=_member_url(member),
        title="Change a spell of availability", cancel=_member_url(member), caption=str(member),
        intro="To end the spell, enter its last day in Until.",
        template=FORM, context=page(page_title=f"Change a spell of availability of {member}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def availability_delete(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.availability_detail(viewer=viewer_for(request.user), pk=pk)
    return _spell_delete(
        request, row,
        lambda: services.availability_delete(actor=request.user, availability=row),
        "spell of availability",
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def leave_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.leave_detail(viewer=viewer_for(request.user), pk=pk)
    member = row.member
    form = forms.LeaveForm(
        bound(request), initial={n: getattr(row, n) for n in ("starts_on", "ends_on", "note")}
    )
    return form_page(
        request, form, rule=("resources.change_member", member),
        act=lambda data: services.leave_update(actor=request.user, leave=row, **data),
        success="The leave has been changed.", done=_member_url(member),
        title="Change leave", cancel=_member_url(member), caption=str(member),
        template=FORM, context=page(page_title=f"Change leave of {member}"),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def leave_delete(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.leave_detail(viewer=viewer_for(request.user), pk=pk)
    return _spell_delete(
        request, row,
        lambda: services.leave_delete(actor=request.user, leave=row), "leave",
    )  # fmt: skip
