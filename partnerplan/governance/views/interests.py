"""Governance pages: a person's register of interests, dispensations, declarations at a meeting,
the statutory officers, urgent items, supplementary agendas, published decisions, and the log of
openings of an exempt report."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors
from partnerplan.governance.forms.interests import (
    DeclarationForm,
    DispensationForm,
    EndForm,
    InterestForm,
    OfficersForm,
    SensitiveForm,
    UrgentForm,
)
from partnerplan.governance.models import Interest
from partnerplan.governance.selectors import interests as interest_selectors
from partnerplan.governance.services import agenda as agenda_services
from partnerplan.governance.services import alerts as alert_services
from partnerplan.governance.services import interests as interest_services
from partnerplan.governance.services import officers as officer_services
from partnerplan.governance.services import supplements as supplement_services
from partnerplan.governance.views._common import NAV, _managed_meeting, _to_meeting
from partnerplan.partners.models import Partner


def _to_person(pk: int) -> str:
    return reverse("governance:person-interests", args=[pk])


def _to_item(pk: int) -> str:
    return reverse("governance:item-detail", args=[pk])


@require_GET
def person_interests(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = interest_selectors.person_interests(viewer=viewer, pk=pk)
    return render(
        request,
        "governance/person_interests.html",
        {
            "page": page,
            "person": page.person,
            "can_manage": can(viewer, "governance.manage_interests", page.person),
            "can_grant": can(viewer, "governance.grant_dispensation"),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def interest_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = interest_selectors.person_for_interests(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_interests", person)
    form = InterestForm(bound(request), partners=Partner.objects.order_by("name"))
    return form_page(
        request,
        form,
        title="Register an interest",
        caption=person.full_name,
        cancel=_to_person(person.pk),
        act=lambda d: interest_services.interest_register(actor=request.user, person=person, **d),
        done=lambda _i: _to_person(person.pk),
        success="The interest has been registered.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def interest_end(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    interest: Interest = interest_selectors.interest_for_change(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_interests", interest.person)
    return form_page(
        request,
        EndForm(bound(request)),
        title="The interest is no longer held",
        caption=str(interest),
        cancel=_to_person(interest.person_id),
        act=lambda d: interest_services.interest_end(
            actor=request.user, interest=interest, ended_on=d["ended_on"]
        ),
        done=lambda _i: _to_person(interest.person_id),
        success="The interest is recorded as ended. It stays on the record.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def interest_sensitive(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    interest: Interest = interest_selectors.interest_for_change(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_interests", interest.person)
    legal = interest_selectors.legal_officer()
    form = SensitiveForm(
        bound(request),
        people=selectors.people_choices(viewer=viewer),
        initial={"agreed_by": legal.person_id if legal else None},
    )
    return form_page(
        request,
        form,
        title="Mark the interest sensitive",
        caption=str(interest),
        cancel=_to_person(interest.person_id),
        intro="Localism Act 2011 s32: if the member and the Monitoring Officer agree that "
        "disclosing the details could lead to the member, or someone connected with them, being "
        "subject to violence or intimidation, the public register and the declarations at "
        "meetings say only that the member has an interest. "
        + (
            f"The Monitoring Officer is {legal.person}."
            if legal
            else "No legal officer is named yet: an administrator names one first."
        ),
        submit="Mark it sensitive",
        act=lambda d: interest_services.interest_mark_sensitive(
            actor=request.user, interest=interest, **d
        ),
        done=lambda _i: _to_person(interest.person_id),
        success="The interest is marked sensitive: its details are withheld from the public.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def dispensation_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = interest_selectors.person_for_interests(viewer=viewer, pk=pk)
    require(viewer, "governance.grant_dispensation")
    legal = interest_selectors.legal_officer()
    form = DispensationForm(
        bound(request),
        people=selectors.people_choices(viewer=viewer),
        interests=interest_selectors.interests_of(person),
        initial={"granted_by": legal.person_id if legal else None},
    )
    return form_page(
        request,
        form,
        title="Record a dispensation",
        caption=person.full_name,
        cancel=_to_person(person.pk),
        intro="A dispensation lets a member take part despite an interest (Localism Act 2011, "
        "section 33). It lasts at most four years.",
        act=lambda d: interest_services.dispensation_grant(actor=request.user, person=person, **d),
        done=lambda _d: _to_person(person.pk),
        success="The dispensation has been recorded.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", item)
    members = selectors.members_of(viewer=viewer, body=item.meeting.body)
    form = DeclarationForm(
        bound(request),
        people=members,
        interests=Interest.objects.filter(person__in=members, ended_on__isnull=True)
        .select_related("person")
        .order_by("person__last_name", "pk"),
    )
    prompts = interest_services.interest_prompts(item)
    return form_page(
        request,
        form,
        title="Record a declaration of interest",
        caption=str(item),
        cancel=_to_item(item.pk),
        intro=" ".join(p.sentence for p in prompts)
        or "No registered interest of the members touches this item.",
        act=lambda d: interest_services.declaration_record(actor=request.user, item=item, **d),
        done=lambda _d: _to_item(item.pk),
        success="The declaration has been recorded against the item.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def statutory_officers(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_officers")
    named = interest_selectors.statutory_officers()
    form = OfficersForm(
        bound(request),
        people=selectors.people_choices(viewer=viewer),
        initial={role: o.person_id for role, o in named.items()},
    )
    return form_page(
        request,
        form,
        title="Statutory officers",
        intro="The finance and legal officers clear every report before it goes on a published "
        "agenda; the legal officer grants dispensations and sees who opened exempt reports.",
        act=lambda d: officer_services.statutory_officers_name(
            actor=request.user, finance=d["finance"], legal=d["legal"]
        ),
        done=reverse("governance:body-list"),
        success="The statutory officers have been named.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_urgent(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", item)
    return form_page(
        request,
        UrgentForm(bound(request), initial={"reason": item.late_reason}),
        title="Mark the item urgent",
        caption=str(item),
        cancel=_to_item(item.pk),
        act=lambda d: agenda_services.agenda_item_mark_urgent(
            actor=request.user, item=item, reason=d["reason"]
        ),
        done=lambda _i: _to_item(item.pk),
        success="The item is marked urgent.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def supplement_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    pending = supplement_services.supplement_pending(meeting)
    return form_page(
        request,
        ConfirmForm(bound(request)),
        title="Publish a supplementary agenda",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        intro="Items: " + ("; ".join(f"{i.number}. {i.title}" for i in pending) or "none yet."),
        submit="Publish the supplementary agenda",
        act=lambda _d: supplement_services.supplementary_agenda_publish(
            actor=request.user, meeting=meeting
        ),
        done=lambda _s: _to_meeting(meeting),
        success="The supplementary agenda has been published.",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decisions_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    waiting = alert_services.decisions_unannounced(meeting)
    return form_page(
        request,
        ConfirmForm(bound(request)),
        title="Publish the decisions",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        intro=f"{len(waiting)} public decision(s) not yet published to the people who asked for "
        "alerts.",
        submit="Publish the decisions",
        act=lambda _d: alert_services.decisions_publish(actor=request.user, meeting=meeting),
        done=lambda _n: _to_meeting(meeting),
        success=lambda n: f"The decisions have been published and {n} subscriber(s) emailed.",
        context=NAV,
    )


@login_required
@require_GET
def exempt_log(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.view_exempt_log", interest_selectors.legal_officer())
    return render(
        request,
        "governance/exempt_log.html",
        {"item": item, "openings": interest_selectors.exempt_log(item), **NAV},
    )
