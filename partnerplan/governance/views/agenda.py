"""Governance pages: agenda items, recommendations, decisions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.models import Visibility
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    AgendaItemForm,
    DecisionWithVotesForm,
    recommendation_form,
)
from partnerplan.governance.models import AccessPath
from partnerplan.governance.selectors import interests as interest_selectors
from partnerplan.governance.services import interests as interest_services
from partnerplan.governance.views._common import (
    NAV,
    _managed_meeting,
    _to_meeting,
)
from partnerplan.governance.views.cycle import decision_page_notes


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    form = AgendaItemForm(bound(request), people=selectors.people_choices(viewer=viewer))
    return form_page(
        request,
        form,
        title="Add an agenda item",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        act=lambda d: services.agenda_item_add(
            actor=request.user,
            meeting=meeting,
            title=d["title"],
            kind=d["kind"],
            author=d["author"],
            purpose=d["purpose"],
            report=d["report"],
            visibility=d["visibility"],
            exempt_paragraph=d["exempt_paragraph"],
            late_reason=d["late_reason"],
            public_heading=d["public_heading"],
            public_summary=d["public_summary"],
            public_interest_test=d["public_interest_test"],
            exemption_review_on=d["exemption_review_on"],
        ),
        done=lambda i: reverse("governance:item-detail", args=[i.pk]),
        success="The item has been added.",
        context=NAV,
    )


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, can_open = selectors.item_detail(viewer=viewer, pk=pk)
    if can_open:
        services.exempt_access_log(user=request.user, item=item, via=AccessPath.ITEM_PAGE)
    can_manage = can(viewer, "governance.manage_meetings")
    exempt = item.visibility == Visibility.EXEMPT
    return render(
        request,
        "governance/item_detail.html",
        {
            "item": item,
            "can_open": can_open,
            "can_manage": can_manage,
            "declarations": interest_selectors.item_declarations(item) if can_open else [],
            "prompts": interest_services.interest_prompts(item) if can_manage else [],
            "review_due": bool(
                item.exemption_review_on and item.exemption_review_on <= clock.today()
            ),
            "can_see_log": exempt
            and can(viewer, "governance.view_exempt_log", interest_selectors.legal_officer()),
            **NAV,
        },
        status=200 if can_open else 403,
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", item)
    form = recommendation_form(
        bound(request), matters=selectors.matter_choices(viewer=viewer, body=item.meeting.body)
    )
    return form_page(
        request,
        form,
        title="Add a recommendation",
        caption=str(item),
        cancel=reverse("governance:item-detail", args=[item.pk]),
        template="governance/recommendation_form.html",
        act=lambda d: form.rekeyed(
            lambda: services.recommendation_add(
                actor=request.user,
                item=item,
                text=d["text"],
                reference=d["reference"],
                power=d["power"],
                amount=d["amount"],
                effect_kind=d["effect_kind"],
                effect_params=d["effect_params"],
                matter=d["matter"],
            ),
            d["effect_kind"],
        ),
        done=lambda _r: reverse("governance:item-detail", args=[item.pk]),
        success="The recommendation has been added.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    rec = selectors.recommendation_for_decision(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", rec)
    meeting = rec.item.meeting
    form = DecisionWithVotesForm(bound(request), attendance=selectors.voters_at(meeting))
    return form_page(
        request,
        form,
        title=f"Record the decision on recommendation {rec.number}",
        caption=f"{meeting}, item {rec.item.number}",
        cancel=_to_meeting(meeting),
        intro=rec.text + decision_page_notes(rec),
        template="governance/decision_form.html",
        act=lambda d: services.decision_record(actor=request.user, recommendation=rec, **d),
        done=lambda _d: _to_meeting(meeting),
        success="The decision has been recorded.",
        context=NAV,
    )
