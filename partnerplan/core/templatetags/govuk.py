"""Template tags for GOV.UK Design System markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms, template
from django.forms import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from partnerplan.core import navigation
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


def _revealed(form: Any) -> set[str]:
    """The fields a form shows only inside a radio's conditional reveal (`form.reveals`)."""
    reveals: dict[str, dict[str, list[str]]] = getattr(form, "reveals", {})
    return {name for options in reveals.values() for names in options.values() for name in names}


def auto_width(field: forms.Field) -> str:
    """An input as wide as its answer (govuk-input--width-N): money and numbers narrow, short
    codes short; `field.govuk_width` says otherwise."""
    explicit = getattr(field, "govuk_width", None)
    if explicit is not None:
        return str(explicit)
    if isinstance(field, forms.DecimalField):
        return "10"
    if isinstance(field, forms.IntegerField):
        return "5"
    if isinstance(field, (forms.EmailField, forms.URLField)):
        return ""
    max_length = getattr(field, "max_length", None)
    if isinstance(field, forms.CharField) and max_length:
        for width in (4, 10, 20, 30):
            if max_length <= width:
                return str(width)
    return ""


@register.inclusion_tag("core/field.html")
def govuk_field(bound: BoundField, width: str = "", nested: bool = False) -> dict[str, Any]:
    """One field in GOV.UK markup. A form's `reveals` ({radio field: {value: [field names]}})
    puts fields inside the conditional reveal of a radio (GOV.UK Frontend shows the one chosen);
    those fields are drawn there only."""
    if not nested and bound.name in _revealed(bound.form):
        return {"kind": "skip"}
    kind = widget_kind(bound)
    input_type = getattr(bound.field.widget, "input_type", "text")
    if kind == "date":
        widget = bound.field.widget
        values = widget.decompress(bound.value())
        parts = [
            {"label": label, "name": f"{bound.html_name}_{part}", "id": f"{bound.auto_id}_{part}",
             "value": "" if value is None else value, "width": 4 if part == "year" else 2}
            for (part, label), value in zip(widget.parts, values, strict=True)
        ]  # fmt: skip
        return {"field": bound, "kind": kind, "id": bound.auto_id, "errors": bound.errors,
                "parts": parts}  # fmt: skip
    subwidgets = list(bound.subwidgets) if kind in {"checkboxes", "radios"} else []
    reveal = getattr(bound.form, "reveals", {}).get(bound.name, {})
    options = [
        {
            "sub": sub,
            "cid": f"conditional-{sub.data['attrs']['id']}",
            "reveals": [
                bound.form[name]
                for name in reveal.get(str(sub.data["value"]), ())
                if name in bound.form.fields
            ],
        }
        for sub in subwidgets
    ]
    return {
        "field": bound,
        "kind": kind,
        "input_type": input_type,
        "width": width or auto_width(bound.field),
        "id": bound.auto_id,
        "errors": bound.errors,
        "value": bound.value() if bound.value() is not None else "",
        "options": options,
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


@register.simple_tag(takes_context=True)
def area_links(context: Any, key: str) -> dict[str, Any]:
    """The secondary navigation of an area (core/_subnav.html): its label and links."""
    area = navigation.area_named(key)
    request = context.get("request")
    if area is None or request is None:
        return {"label": "", "items": []}
    return {"label": area.nav_label or area.label, "items": navigation.links_for(area, request)}


@register.inclusion_tag("core/_breadcrumbs.html", takes_context=True)
def breadcrumbs(context: Any, *pairs: Any) -> dict[str, Any]:
    """GOV.UK breadcrumbs: Home, the page's area, then each (label, href) pair given."""
    request = context.get("request")
    return {"crumbs": navigation.trail(request, pairs) if request is not None else []}


class _TableScrollNode(template.Node):
    def __init__(self, nodelist: template.NodeList, label: Any) -> None:
        self.nodelist, self.label = nodelist, label

    def render(self, context: template.Context) -> str:
        label = str(self.label.resolve(context))
        if "{{" in label:  # "Members of {{ body.name }}": the template's own words, filled in
            label = template.Template(label).render(context)
        table = mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered, so escaped)
        return render_to_string("core/_table_scroll.html", {"label": label, "table": table})


@register.tag
def table_scroll(parser: Any, token: Any) -> _TableScrollNode:
    """`{% table_scroll "Bodies" %}<table>...</table>{% endtable_scroll %}`: a wide table in one
    focusable, labelled region that scrolls sideways on its own, so the page reflows at 320 px."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("table_scroll takes one argument, the region's label")
    nodelist = parser.parse(("endtable_scroll",))
    parser.delete_first_token()
    return _TableScrollNode(nodelist, parser.compile_filter(bits[1]))
