"""Pages for partners and people. Each view: read the form, call one service, redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import apply_validation_error
from partnerplan.core.history import history_for
from partnerplan.core.services import InUseError, usage_of
from partnerplan.partners import selectors, services
from partnerplan.partners.forms import (
    ArchiveForm,
    ChangePartnerForm,
    PartnerFilterForm,
    PartnerForm,
    PersonFilterForm,
    PersonForm,
)

PAGE_SIZE = 50


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
    require(viewer_for(request.user), "partners.add_partner")
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"{partner.name} has been added.")
            return redirect("partners:partner-detail", pk=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "nav_partners": True})


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    partner = selectors.partner_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.change_partner", partner)
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(actor=request.user, partner=partner, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("partners:partner-detail", pk=partner.pk)
    return render(
        request,
        "partners/partner_form.html",
        {"form": form, "partner": partner, "nav_partners": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_archive(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    partner = selectors.partner_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.archive_partner", partner)
    form = ArchiveForm(request.POST or None)
    if request.method == "POST":
        if partner.is_archived:
            try:
                services.partner_restore(actor=request.user, partner=partner)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, f"{partner.name} has been restored.")
                return redirect("partners:partner-detail", pk=partner.pk)
        elif form.is_valid():
            try:
                services.partner_archive(
                    actor=request.user, partner=partner, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, f"{partner.name} has been archived.")
                return redirect("partners:partner-detail", pk=partner.pk)
    return render(
        request,
        "partners/archive.html",
        {"form": form, "record": partner, "kind": "partner", "nav_partners": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    partner = selectors.partner_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.delete_partner", partner)
    error = None
    if request.method == "POST":
        try:
            services.partner_delete(actor=request.user, partner=partner)
        except InUseError as exc:
            error = exc.messages[0]
        else:
            messages.success(request, f"{partner.name} has been deleted.")
            return redirect("partners:partner-list")
    return render(
        request,
        "partners/delete.html",
        {
            "record": partner,
            "kind": "partner",
            "usages": usage_of(partner),
            "error": error,
            "archive_url": "partners:partner-archive",
            "nav_partners": True,
        },
        status=409 if error else 200,
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
            "history": history_for(person) if can(viewer, "core.view_history") else None,
            "nav_people": True,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "partners.add_person")
    form = PersonForm(request.POST or None, partners=selectors.partner_choices(viewer=viewer))
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"{person.full_name} has been added.")
            return redirect("partners:person-detail", pk=person.pk)
    return render(request, "partners/person_form.html", {"form": form, "nav_people": True})


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.change_person", person)
    form = PersonForm(
        request.POST or None,
        instance=person,
        partners=selectors.partner_choices(viewer=viewer),
        editing=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("partners:person-detail", pk=person.pk)
    return render(
        request, "partners/person_form.html", {"form": form, "person": person, "nav_people": True}
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_change_partner(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.change_person", person)
    form = ChangePartnerForm(
        request.POST or None, partners=selectors.partner_choices(viewer=viewer)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_change_partner(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"{person.full_name} now works for {person.partner}.")
            return redirect("partners:person-detail", pk=person.pk)
    return render(
        request,
        "partners/person_change_partner.html",
        {"form": form, "person": person, "nav_people": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_archive(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.archive_person", person)
    form = ArchiveForm(request.POST or None)
    if request.method == "POST":
        if person.is_archived:
            services.person_restore(actor=request.user, person=person)
            messages.success(request, f"{person.full_name} has been restored.")
            return redirect("partners:person-detail", pk=person.pk)
        if form.is_valid():
            services.person_archive(
                actor=request.user, person=person, reason=form.cleaned_data["reason"]
            )
            messages.success(request, f"{person.full_name} has been archived.")
            return redirect("partners:person-detail", pk=person.pk)
    return render(
        request,
        "partners/archive.html",
        {"form": form, "record": person, "kind": "person", "nav_people": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_detail(viewer=viewer, pk=pk)
    require(viewer, "partners.delete_person", person)
    error = None
    if request.method == "POST":
        try:
            services.person_delete(actor=request.user, person=person)
        except InUseError as exc:
            error = exc.messages[0]
        else:
            messages.success(request, f"{person.full_name} has been deleted.")
            return redirect("partners:person-list")
    return render(
        request,
        "partners/delete.html",
        {
            "record": person,
            "kind": "person",
            "usages": usage_of(person),
            "error": error,
            "archive_url": "partners:person-archive",
            "nav_people": True,
        },
        status=409 if error else 200,
    )
