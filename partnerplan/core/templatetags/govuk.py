"""Template tags for GOV.UK Design System markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms, template
from django.forms import BoundField

from partnerplan.core.forms import GovUKDateInput
from partnerplan.core.money import format_money

register = template.Library()


def widget_kind(bound: BoundField) -> str:
    widget = bound.field.widget
    if isinstance(widget, GovUKDateInput):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


@register.inclusion_tag("core/field.html")
def govuk_field(bound: BoundField, width: str = "") -> dict[str, Any]:
    kind = widget_kind(bound)
    input_type = getattr(bound.field.widget, "input_type", "text")
    if kind == "date":
        values = bound.field.widget.decompress(bound.value())
        parts = [
            {"label": label, "name": f"{bound.html_name}_{part}", "id": f"{bound.auto_id}_{part}",
             "value": "" if value is None else value, "width": 4 if part == "year" else 2}
            for (part, label), value in zip(
                (("day", "Day"), ("month", "Month"), ("year", "Year")), values, strict=True
            )
        ]  # fmt: skip
        return {"field": bound, "kind": kind, "id": bound.auto_id, "errors": bound.errors,
                "parts": parts}  # fmt: skip
    return {
        "field": bound,
        "kind": kind,
        "input_type": input_type,
        "width": width,
        "id": bound.auto_id,
        "errors": bound.errors,
        "value": bound.value() if bound.value() is not None else "",
        "subwidgets": list(bound.subwidgets) if kind in {"checkboxes", "radios", "date"} else [],
    }


@register.inclusion_tag("core/error_summary.html")
def govuk_error_summary(*forms_: Any) -> dict[str, Any]:
    items: list[tuple[str, str]] = []
    for form in forms_:
        if form is not None and hasattr(form, "error_summary"):
            items.extend(form.error_summary)
    return {"items": items}


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current query string with some parameters changed (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(list(params.lists()), doseq=True) if params else "?"


@register.filter
def pounds(value: Any) -> str:
    """£232,290, £17,500.50 or -£1,200 (core.money); blank for nothing."""
    return format_money(value)
