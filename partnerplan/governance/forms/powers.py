"""Forms for powers, delegations and reporting lines."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.governance.models import (
    Body,
    LineStyle,
    PowerKind,
)


class PowerForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Power", choices=[("", "Choose a power")] + PowerKind.choices)
    financial_limit = forms.DecimalField(
        label="Financial limit in pounds",
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text="Leave blank for no limit.",
    )
    description = forms.CharField(
        label="Description", widget=forms.Textarea, max_length=2000, required=False
    )
    source = forms.CharField(label="Where the power comes from", max_length=300, required=False)


class DelegationForm(GovUKFormMixin, forms.Form):
    to_bodies = forms.ModelMultipleChoiceField(
        label="Delegated to",
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Office holders, such as the Partnership Director, are listed as bodies.",
    )
    power = forms.ChoiceField(label="Power", choices=[("", "Choose a power")] + PowerKind.choices)
    purpose = forms.CharField(label="Purpose", widget=forms.Textarea, max_length=2000)
    financial_limit = forms.DecimalField(
        label="Financial limit in pounds", max_digits=12, decimal_places=2, required=False
    )
    limit_is_total = forms.BooleanField(
        label="The limit is a total for all decisions under it (for example a contingency)",
        required=False,
    )
    starts_on = GovUKDateField(label="Start date", required=False)
    ends_on = GovUKDateField(label="End date", required=False)
    source = forms.CharField(label="Where it comes from", max_length=300, required=False)

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "to_bodies", bodies)


class DelegationStartForm(GovUKFormMixin, forms.Form):
    starts_on = GovUKDateField(label="In force from")


class DelegationRevokeForm(GovUKFormMixin, forms.Form):
    ends_on = GovUKDateField(
        label="Last day of the delegation",
        help_text="Decisions already taken under it stand.",
    )


class ReportingLineForm(GovUKFormMixin, forms.Form):
    target = forms.ModelChoiceField(
        label="Reports to", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    style = forms.ChoiceField(
        label="Kind of line",
        choices=LineStyle.choices,
        widget=forms.RadioSelect,
        initial=LineStyle.REPORTS_TO,
        help_text="Twin track: it also reports to a second body, which must approve too.",
    )
    label = forms.CharField(
        label="Label on the diagram",
        max_length=100,
        required=False,
        help_text="Optional. For example, monthly",
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "target", bodies)


class ReportingLineEndForm(GovUKFormMixin, forms.Form):
    ended_on = GovUKDateField(label="Last day of the reporting line")
