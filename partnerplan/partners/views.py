"""Pages for partners and people. Each view: read the form, call one service, redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.history import history_for
from partnerplan.core.pages import bound, form_page
from partnerplan.core.services import usage_of
from partnerplan.partners import panels, selectors, services
from partnerplan.partners.forms import (
    ArchiveForm,
    ChangePartnerForm,
    PartnerFilterForm,
    PartnerForm,
    PersonFilterForm,
    PersonForm,
)
from partnerplan.partners.models import Partner, Person

PAGE_SIZE = 50
NAV_PARTNERS = {"nav_partners": True}
NAV_PEOPLE = {"nav_people": True}


def _page(request: HttpRequest, items: Any) -> Any:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Partners ------------------------------------------------------------------------------


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = PartnerFilterForm(request.GET or None)
    filters = selectors.PartnerFilters()
    if form.is_valid():
        filters = selectors.PartnerFilters(**form.cleaned_data)
    page = _page(request, selectors.partner_list(viewer=viewer, filters=filters))
    return render(
        request,
        "partners/partner_list.html",
        {
            "form": form,
            "page": page,
            "can_add": can(viewer, "partners.add_partner"),
            "nav_partners": True,
        },
    )


@require_GET
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    partner = selectors.partner_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "status": partner.membership_status(),
            "can_change": can(viewer, "partners.change_partner", partner),
            "history": history_for(partner) if can(viewer, "core.view_history") else None,
            "nav_partners": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        PartnerForm(bound(request)),
        rule="partners.add_partner",
        act=lambda data: services.partner_create(actor=request.user, **data),
        success=lambda partner: f"{partner.name} has been added.",
        done=lambda partner: reverse("partners:partner-detail", args=[partner.pk]),
        title="Add a partner",
        cancel=reverse("partners:partner-list"),
        template="partners/partner_form.html",
        context=NAV_PARTNERS,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_detail(viewer=viewer_for(request.user), pk=pk)
    detail = reverse("partners:partner-detail", args=[partner.pk])
    return form_page(
        request,
        PartnerForm(bound(request), instance=partner),
        rule=("partners.change_partner", partner),
        act=lambda data: services.partner_update(actor=request.user, partner=partner, **data),
        success="Your changes have been saved.",
        done=detail,
        title=f"Change {partner.name}",
        cancel=detail,
        template="partners/partner_form.html",
        context={"partner": partner, **NAV_PARTNERS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_archive(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_detail(viewer=viewer_for(request.user), pk=pk)
    return _archive_page(
        request,
        partner,
        rule="partners.archive_partner",
        archive=services.partner_archive,
        restore=services.partner_restore,
        name=partner.name,
        kind="partner",
        detail=reverse("partners:partner-detail", args=[partner.pk]),
        nav=NAV_PARTNERS,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_detail(viewer=viewer_for(request.user), pk=pk)
    return _delete_page(
        request,
        partner,
        rule="partners.delete_partner",
        delete=services.partner_delete,
        name=partner.name,
        kind="partner",
        detail=reverse("partners:partner-detail", args=[partner.pk]),
        listing=reverse("partners:partner-list"),
        archive_url="partners:partner-archive",
        nav=NAV_PARTNERS,
    )


# --- People --------------------------------------------------------------------------------


@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = PersonFilterForm(request.GET or None, partners=selectors.partner_choices(viewer=viewer))
    filters = selectors.PersonFilters()
    if form.is_valid():
        data = dict(form.cleaned_data)
        data["partner"] = data["partner"].pk if data.get("partner") else None
        filters = selectors.PersonFilters(**data)
    page = _page(request, selectors.person_list(viewer=viewer, filters=filters))
    return render(
        request,
        "partners/person_list.html",
        {
            "form": form,
            "page": page,
            "can_add": can(viewer, "partners.add_person"),
            "nav_people": True,
        },
    )


@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "partners/person_detail.html",
        {
            "person": person,
            "can_change": can(viewer, "partners.change_person", person),
            "can_archive": can(viewer, "partners.archive_person", person),
            "can_move": can(viewer, "partners.move_person", person),
            "history": history_for(person) if can(viewer, "core.view_history") else None,
            "panels": panels.panels_for(viewer, person),
            "nav_people": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return form_page(
        request,
        PersonForm(bound(request), partners=selectors.partner_choices(viewer=viewer)),
        rule="partners.add_person",
        act=lambda data: services.person_create(actor=request.user, **data),
        success=lambda person: f"{person.full_name} has been added.",
        done=lambda person: reverse("partners:person-detail", args=[person.pk]),
        title="Add a person",
        cancel=reverse("partners:person-list"),
        template="partners/person_form.html",
        context=NAV_PEOPLE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    detail = reverse("partners:person-detail", args=[person.pk])
    form = PersonForm(
        bound(request),
        instance=person,
        partners=selectors.partner_choices(viewer=viewer),
        editing=True,
        can_change_roles=can(viewer, "partners.change_roles"),
    )
    return form_page(
        request,
        form,
        rule=("partners.change_person", person),
        act=lambda data: services.person_update(actor=request.user, person=person, **data),
        success="Your changes have been saved.",
        done=detail,
        title=f"Change {person.full_name}",
        cancel=detail,
        template="partners/person_form.html",
        context={"person": person, **NAV_PEOPLE},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_change_partner(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    detail = reverse("partners:person-detail", args=[person.pk])
    return form_page(
        request,
        ChangePartnerForm(bound(request), partners=selectors.partner_choices(viewer=viewer)),
        rule=("partners.move_person", person),
        act=lambda data: services.person_change_partner(actor=request.user, person=person, **data),
        success=lambda moved: f"{moved.full_name} now works for {moved.partner}.",
        done=detail,
        title=f"Move {person.full_name} to another partner",
        cancel=detail,
        submit="Move",
        template="partners/person_change_partner.html",
        context={"person": person, **NAV_PEOPLE},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_archive(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_detail(viewer=viewer_for(request.user), pk=pk)
    return _archive_page(
        request,
        person,
        rule="partners.archive_person",
        archive=services.person_archive,
        restore=services.person_restore,
        name=person.full_name,
        kind="person",
        detail=reverse("partners:person-detail", args=[person.pk]),
        nav=NAV_PEOPLE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_detail(viewer=viewer_for(request.user), pk=pk)
    return _delete_page(
        request,
        person,
        rule="partners.delete_person",
        delete=services.person_delete,
        name=person.full_name,
        kind="person",
        detail=reverse("partners:person-detail", args=[person.pk]),
        listing=reverse("partners:person-list"),
        archive_url="partners:person-archive",
        nav=NAV_PEOPLE,
    )


# --- Archive and delete: the same two pages for partners and people ------------------------


def _archive_page(
    request: HttpRequest,
    record: Partner | Person,
    *,
    rule: str,
    archive: Callable[..., Any],
    restore: Callable[..., Any],
    name: str,
    kind: str,
    detail: str,
    nav: dict[str, bool],
) -> HttpResponse:
    """Archive a record (with a reason), or restore one that is archived."""
    if record.is_archived:
        form: ConfirmForm | ArchiveForm = ConfirmForm(bound(request))
        act: Callable[[dict[str, Any]], Any] = lambda data: restore(  # noqa: E731
            actor=request.user, **{kind: record}
        )
        verb, done_word = "Restore", "restored"
    else:
        form = ArchiveForm(bound(request))
        act = lambda data: archive(  # noqa: E731
            actor=request.user, reason=data["reason"], **{kind: record}
        )
        verb, done_word = "Archive", "archived"
    return form_page(
        request,
        form,
        rule=(rule, record),
        act=act,
        success=f"{name} has been {done_word}.",
        done=detail,
        title=f"{verb} {record}",
        cancel=detail,
        submit=verb,
        template="partners/archive.html",
        context={"record": record, "kind": kind, **nav},
    )


def _delete_page(
    request: HttpRequest,
    record: Partner | Person,
    *,
    rule: str,
    delete: Callable[..., Any],
    name: str,
    kind: str,
    detail: str,
    listing: str,
    archive_url: str,
    nav: dict[str, bool],
) -> HttpResponse:
    """Delete a record nothing uses; a record in use is refused, and archiving offered."""
    return form_page(
        request,
        ConfirmForm(bound(request)),
        rule=(rule, record),
        act=lambda data: delete(actor=request.user, **{kind: record}),
        success=f"{name} has been deleted.",
        done=listing,
        title=f"Delete {record}",
        cancel=detail,
        submit=f"Delete {kind}",
        template="partners/delete.html",
        context={
            "record": record,
            "kind": kind,
            "usages": usage_of(record),
            "archive_url": archive_url,
            **nav,
        },
    )
