"""Form helpers: GOV.UK date inputs and error messages in plain English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class GovUKDateInput(forms.MultiWidget):
    """The GOV.UK date input: separate day, month and year boxes."""

    template_name = "core/widgets/date_input.html"
    #: The boxes core/field.html draws, in order, with their labels.
    parts: tuple[tuple[str, str], ...] = (("day", "Day"), ("month", "Month"), ("year", "Year"))

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "month": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(  # type: ignore[override]  # one ISO string, not a list of parts
        self, data: Any, files: Any, name: str
    ) -> str | None:
        day, month, year = (
            (data.get(f"{name}_{part}") or "").strip() for part in ("day", "month", "year")
        )
        if not (day or month or year):
            return None
        return f"{year}-{month}-{day}"


class GovUKMonthInput(GovUKDateInput):
    """The GOV.UK date input without the day, where a month is meant: month and year boxes."""

    parts = (("month", "Month"), ("year", "Year"))

    def decompress(self, value: Any) -> list[Any]:
        return super().decompress(value)[1:]

    def value_from_datadict(  # type: ignore[override]  # one ISO string, not a list of parts
        self, data: Any, files: Any, name: str
    ) -> str | None:
        month, year = ((data.get(f"{name}_{part}") or "").strip() for part in ("month", "year"))
        if not (month or year):
            return None
        return f"{year}-{month}-01"


#: The years a date in partnerplan may fall in (year 0001 or 9999 is a typing slip, and 9999
#: overflows date arithmetic in the clear-days and forecast rules).
FIRST_YEAR, LAST_YEAR = 1900, 2100


class GovUKDateField(forms.DateField):
    widget = GovUKDateInput
    input_formats = ["%Y-%m-%d"]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "For example, 17 12 2010")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str) and value:
            year, _, rest = value.partition("-")
            month, _, day = rest.partition("-")
            if not (year and month and day):
                missing = [n for n, v in (("day", day), ("month", month), ("year", year)) if not v]
                raise ValidationError(
                    f"{self.label} must include a {' and a '.join(missing)}", code="incomplete"
                )
            if len(year) != 4:
                raise ValidationError(f"{self.label}: the year must be 4 numbers", code="invalid")
            if year.isdigit() and not FIRST_YEAR <= int(year) <= LAST_YEAR:
                raise ValidationError(
                    f"{self.label}: the year must be between {FIRST_YEAR} and {LAST_YEAR}",
                    code="invalid",
                )
        return super().to_python(value)


class GovUKMonthField(GovUKDateField):
    """A month (month and year boxes); its value is the first day of the month."""

    widget = GovUKMonthInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "For example, 9 2010")
        super().__init__(**kwargs)


DJANGO_DEFAULTS = {
    "This field is required.",
    "Enter a valid email address.",
    "Enter a valid URL.",
    "Enter a valid date.",
    "Select a valid choice. That choice is not one of the available choices.",
    "Select a valid choice. %(value)s is not one of the available choices.",
}


def _label(field: forms.Field, name: str) -> str:
    return str(field.label or name.replace("_", " ").capitalize())


class GovUKFormMixin:
    """Rewrite Django's default messages into the GOV.UK style, naming the field."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = _label(field, name)
            lower = label[0].lower() + label[1:]
            messages = {"required": f"Enter {lower}"}
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                messages["required"] = f"Select {lower}"
                messages["invalid_choice"] = f"Select {lower} from the list"
            if isinstance(field, forms.EmailField):
                messages["invalid"] = (
                    "Enter an email address in the correct format, like name@example.com"
                )
            if isinstance(field, forms.URLField):
                messages["invalid"] = (
                    "Enter a web address in the correct format, like https://example.org"
                )
            if isinstance(field, forms.DateField):
                messages["invalid"] = f"{label} must be a real date"
            max_length = getattr(field, "max_length", None)
            if max_length:
                messages["max_length"] = f"{label} must be {max_length} characters or fewer"
            # A message the form set itself wins over the generic one.
            for key, default in list(messages.items()):
                current = str(field.error_messages.get(key, ""))
                if current and current not in DJANGO_DEFAULTS:
                    messages.pop(key)
                del default
            field.error_messages.update(messages)
            validator: Any
            for validator in field.validators:
                if getattr(validator, "code", "") == "max_length":
                    validator.message = f"{label} must be %(limit_value)d characters or fewer"

    @property
    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the GOV.UK error summary, in the order of the form."""
        form: Any = self
        items: list[tuple[str, str]] = []
        for message in form.non_field_errors():
            items.append(("", message))
        for name, field in form.fields.items():
            anchor = form[name].auto_id or name
            if isinstance(field.widget, GovUKDateInput):
                anchor = f"{anchor}_{field.widget.parts[0][0]}"
            elif isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                anchor = f"{anchor}_0"
            for message in form.errors.get(name, []):
                items.append((anchor, message))
        return items


def apply_validation_error(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, against the right fields."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            target = _visible_field(form, name) if name in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(None, exc)


def _visible_field(form: forms.BaseForm, name: str) -> str:
    """The field to show an error against: a field inside the conditional reveal of a radio
    answer not chosen (`form.reveals`) is hidden, so its error goes on the radios."""
    reveals: dict[str, dict[str, list[str]]] = getattr(form, "reveals", {})
    for radio, options in reveals.items():
        for value, names in options.items():
            if name in names and form.data.get(form.add_prefix(radio)) != value:
                return radio
    return name


class ConfirmForm(GovUKFormMixin, forms.Form):
    """Nothing to fill in: the button itself is the answer ("Delete", "Publish", "Cancel it")."""


def set_queryset(
    form: forms.BaseForm,
    name: str,
    queryset: Any,
    *,
    empty_label: str | None = None,
    label: Callable[[Any], str] | None = None,
) -> None:
    """Give a model choice field of `form` the rows it offers (the picker's choices), and
    optionally the words for "none" and for each row."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset
    if empty_label is not None:
        field.empty_label = empty_label
    if label is not None:
        setattr(field, "label_from_instance", label)  # noqa: B010 - an instance override


def set_choices(form: forms.BaseForm, name: str, choices: Any) -> None:
    """Give a choice field of `form` the (value, label) pairs it offers."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    field.choices = choices


__all__ = [
    "NON_FIELD_ERRORS",
    "ConfirmForm",
    "set_choices",
    "set_queryset",
    "GovUKDateField",
    "GovUKDateInput",
    "GovUKFormMixin",
    "apply_validation_error",
]
