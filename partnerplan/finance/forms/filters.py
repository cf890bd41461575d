"""Filters of the finance pages and the forecast's figure check."""

from __future__ import annotations

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin
from partnerplan.finance.models import Basis, BidStatus, TransactionKind


class MovementFilterForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Kind of movement",
        required=False,
        choices=[("", "Any kind"), *TransactionKind.choices],
    )
    basis = forms.ChoiceField(
        label="Paid or approved", required=False, choices=[("", "Either"), *Basis.choices]
    )
    text = forms.CharField(label="Description or reference contains", required=False)


class ForecastForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Forecast date", required=False)
    figure = forms.CharField(
        label="Check a figure",
        required=False,
        max_length=1000,
        help_text="Paste the sentence from a report, such as 'the March 2011 forecast balance "
        "would be £129,700'. The last £ figure is checked against the ledger.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    scenario = forms.ChoiceField(label="Assuming", required=False)

    def __init__(self, *args: object, scenarios: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["scenario"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Approved calls only"), *scenarios]


class BidFilterForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *BidStatus.choices]
    )
    funder = forms.CharField(label="Funder", required=False)


class TableFilterForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Up to", required=False)
