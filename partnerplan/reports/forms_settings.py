"""The form of the partnership's report template page (``views.settings``)."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKFormMixin
from partnerplan.reports.models import IMPLICATIONS

MAX_UPLOAD = 10 * 1024 * 1024
MAX_LOGO = 2 * 1024 * 1024


class HouseStyleForm(GovUKFormMixin, forms.Form):
    required_sections = forms.MultipleChoiceField(
        label="Implications sections every report needs",
        choices=[(name, f"{words.capitalize()} implications") for name, words in IMPLICATIONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="A report goes on a published agenda only once each of these is written.",
    )
    partnership_name = forms.CharField(
        label="Partnership's name",
        max_length=200,
        required=False,
        help_text="At the top of every page of the built-in Word template, for example "
        "'Staffordshire Connects'.",
    )
    logo = forms.FileField(
        label="Logo (PNG)",
        required=False,
        help_text="Beside the name at the top of every page; smaller than 2 MB.",
    )
    remove_logo = forms.BooleanField(label="Remove the logo", required=False)
    template = forms.FileField(
        label="The council's own Word template (.docx or .dotx)",
        required=False,
        help_text="Used for every report without a template of its own, in place of the "
        "built-in one. It must define the styles Title, Heading 1, Heading 2, Heading 3 and "
        "List Bullet.",
    )
    remove_template = forms.BooleanField(
        label="Use the built-in template (with the name and logo above)", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        template = data.get("template")
        if template is not None and template.size > MAX_UPLOAD:
            self.add_error("template", "The template must be smaller than 10 MB")
        logo = data.get("logo")
        if logo is not None and logo.size > MAX_LOGO:
            self.add_error("logo", "The logo must be smaller than 2 MB")
        return data
