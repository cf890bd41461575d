"""Governance pages: changing or withdrawing an agenda item or a recommendation before the
decision. Once the agenda is published a change asks what changed, and the agenda shows it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from partnerplan.core.access import require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors
from partnerplan.governance.forms import AgendaItemChangeForm, WithdrawForm, recommendation_form
from partnerplan.governance.services import agenda as agenda_services
from partnerplan.governance.views._common import NAV


def _to_item(pk: int) -> str:
    return reverse("governance:item-detail", args=[pk])


@login_required
@require_http_methods(["GET", "POST"])
def item_change(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", item)
    form = AgendaItemChangeForm(
        bound(request),
        people=selectors.people_choices(viewer=viewer),
        published=item.meeting.agenda_published_on is not None,
        initial={
            "title": item.title,
            "kind": item.kind,
            "author": item.author_id,
            "purpose": item.purpose,
            "report": item.report,
            "exempt_paragraph": item.exempt_paragraph,
            "public_heading": item.public_heading,
            "public_summary": item.public_summary,
            "public_interest_test": item.public_interest_test,
            "exemption_review_on": item.exemption_review_on,
            "change_note": item.change_note,
        },
    )
    return form_page(
        request,
        form,
        title="Change the agenda item",
        caption=str(item),
        cancel=_to_item(item.pk),
        act=lambda d: agenda_services.agenda_item_update(
            actor=request.user,
            item=item,
            title=d["title"],
            kind=d["kind"],
            author=d["author"],
            purpose=d["purpose"],
            report=d["report"],
            visibility=d["visibility"],
            exempt_paragraph=d["exempt_paragraph"],
            change_note=d.get("change_note", ""),
            public_heading=d["public_heading"],
            public_summary=d["public_summary"],
            public_interest_test=d["public_interest_test"],
            exemption_review_on=d["exemption_review_on"],
        ),
        done=lambda i: _to_item(i.pk),
        success="The item has been changed.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", item)
    return form_page(
        request,
        WithdrawForm(bound(request)),
        title="Withdraw the agenda item",
        caption=str(item),
        cancel=_to_item(item.pk),
        intro="The item stays on the agenda, marked withdrawn with the reason. Its "
        "recommendations are withdrawn with it and can no longer be decided.",
        submit="Withdraw the item",
        act=lambda d: agenda_services.agenda_item_withdraw(
            actor=request.user, item=item, reason=d["reason"]
        ),
        done=lambda i: _to_item(i.pk),
        success="The item has been withdrawn.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_change(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    rec = selectors.recommendation_for_decision(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", rec)
    meeting = rec.item.meeting
    form = recommendation_form(
        bound(request),
        matters=selectors.matter_choices(viewer=viewer, body=meeting.body),
        recommendation=rec,
        change_note=meeting.agenda_published_on is not None,
    )
    return form_page(
        request,
        form,
        title=f"Change recommendation {rec.number}",
        caption=f"{meeting}, item {rec.item.number}",
        cancel=_to_item(rec.item_id),
        template="governance/recommendation_form.html",
        act=lambda d: form.rekeyed(
            lambda: agenda_services.recommendation_update(
                actor=request.user,
                recommendation=rec,
                text=d["text"],
                reference=d["reference"],
                power=d["power"],
                amount=d["amount"],
                effect_kind=d["effect_kind"],
                effect_params=d["effect_params"],
                matter=d["matter"],
                change_note=d.get("change_note", ""),
            ),
            d["effect_kind"],
        ),
        done=lambda _r: _to_item(rec.item_id),
        success="The recommendation has been changed.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    rec = selectors.recommendation_for_decision(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", rec)
    return form_page(
        request,
        WithdrawForm(bound(request)),
        title=f"Withdraw recommendation {rec.number}",
        caption=f"{rec.item.meeting}, item {rec.item.number}",
        cancel=_to_item(rec.item_id),
        intro=rec.text,
        submit="Withdraw the recommendation",
        act=lambda d: agenda_services.recommendation_withdraw(
            actor=request.user, recommendation=rec, reason=d["reason"]
        ),
        done=lambda _r: _to_item(rec.item_id),
        success="The recommendation has been withdrawn.",
        context=NAV,
    )
