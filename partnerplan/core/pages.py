"""The one form page: require, form, one service call, message, redirect.

Every page that writes goes through `form_page`:

    viewer = viewer_for(request.user)
    partner = selectors.partner_detail(viewer=viewer, pk=pk)
    return form_page(
        request, PartnerForm(bound(request), instance=partner),
        rule=("partners.change_partner", partner),
        act=lambda data: services.partner_update(actor=request.user, partner=partner, **data),
        success="Your changes have been saved.",
        done=lambda result: reverse("partners:partner-detail", args=[partner.pk]),
        title=f"Change {partner.name}", cancel=partner_url,
    )

A GET shows the form (200). A POST whose form is invalid, or whose service refuses it with a
ValidationError, shows the form again with the GOV.UK error summary, answering
`INVALID_STATUS` (400) in every app. A POST the service accepts redirects with the success
message. The template is `core/form_page.html`; an app's own template extends it and fills its
blocks (`before_form`, `fields`, `after_form`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict

from partnerplan.core.access import require, viewer_for
from partnerplan.core.forms import apply_validation_error

R = TypeVar("R")

#: The status of a page whose form was refused, in every app.
INVALID_STATUS = 400

__all__ = ["INVALID_STATUS", "bound", "bound_files", "form_page", "render_form"]


def bound(request: HttpRequest) -> QueryDict | None:
    """The posted data, or None for a GET. A POST with nothing chosen is still a POST, so its
    form is bound and its missing answers are reported (`request.POST or None` would not)."""
    return request.POST if request.method == "POST" else None


def bound_files(request: HttpRequest) -> MultiValueDict[str, Any] | None:
    """The uploaded files of a POST, or None for a GET."""
    return request.FILES if request.method == "POST" else None


def _text(value: str | Callable[[Any], str], result: Any) -> str:
    return value(result) if callable(value) else value


def render_form(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    title: str,
    cancel: str = "",
    caption: str = "",
    intro: str = "",
    submit: str = "Save",
    template: str = "core/form_page.html",
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """Show `form` on its page; a form with errors answers INVALID_STATUS."""
    page = {
        "form": form,
        "title": title,
        "caption": caption,
        "intro": intro,
        "submit": submit,
        "cancel": cancel,
        **(context or {}),
    }
    status = INVALID_STATUS if form.is_bound and form.errors else 200
    return render(request, template, page, status=status)


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    act: Callable[[dict[str, Any]], R],
    success: str | Callable[[R], str],
    done: str | Callable[[R], str],
    title: str,
    cancel: str = "",
    rule: tuple[str, Any] | str | None = None,
    caption: str = "",
    intro: str = "",
    submit: str = "Save",
    template: str = "core/form_page.html",
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """The whole cycle of a page that writes.

    `rule`: the access rule (and the object it is about) checked before anything else; leave it
    out only when the view has already called `require` (because it needed the answer earlier).
    `act(cleaned_data)` makes the one service call; `success` and `done` (the URL to go to) may
    be worded from its result.
    """
    if rule is not None:
        action, obj = (rule, None) if isinstance(rule, str) else rule
        require(viewer_for(request.user), action, obj)
    if request.method == "POST" and form.is_valid():
        try:
            result = act(dict(form.cleaned_data))
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            message = _text(success, result)
            if message:
                messages.success(request, message)
            return redirect(_text(done, result))
    return render_form(
        request, form, title=title, cancel=cancel, caption=caption, intro=intro, submit=submit,
        template=template, context=context,
    )  # fmt: skip
