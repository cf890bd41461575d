"""Filters of the governance lists (pickers only)."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKFormMixin
from partnerplan.governance.models import Body


class SpecialUrgencyFilterForm(GovUKFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label="Body", queryset=Body.objects.none(), required=False, empty_label="Every body"
    )
    year = forms.TypedChoiceField(
        label="Municipal year",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="From 1 May (the annual meeting) to 30 April.",
    )

    def __init__(self, *args: Any, bodies: Any, years: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]
        self.fields["year"].choices = [("", "Every year"), *years]  # type: ignore[attr-defined]
