"""Benefits and their actuals."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, set_queryset
from partnerplan.partners.models import Person
from partnerplan.portfolio.forms._common import _Form
from partnerplan.portfolio.models import BenefitKind


class BenefitForm(_Form):
    kind = forms.ChoiceField(
        label="Benefit or dis-benefit",
        choices=BenefitKind.choices,
        initial=BenefitKind.BENEFIT,
        required=False,
        widget=forms.RadioSelect,
        help_text="A dis-benefit is an outcome someone sees as negative, to be managed down.",
    )
    description = forms.CharField(label="Description", max_length=300)
    measure = forms.CharField(label="Measure", max_length=200)
    baseline = forms.DecimalField(label="Baseline", max_digits=14, decimal_places=2)
    baseline_on = GovUKDateField(label="Baseline date")
    target = forms.DecimalField(label="Target", max_digits=14, decimal_places=2)
    target_on = GovUKDateField(label="Target date")
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Choose the owner",
    )
    realisation_plan = forms.CharField(
        label="Realisation plan",
        widget=forms.Textarea,
        required=False,
        help_text="How and when it will be realised, by whom, and how it will be measured.",
    )
    tolerance_percent = forms.DecimalField(
        label="Tolerance (per cent)", max_digits=5, decimal_places=2, initial=10
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        data["kind"] = data.get("kind") or BenefitKind.BENEFIT
        return data


class BenefitActualForm(_Form):
    measured_on = GovUKDateField(label="Date measured")
    value = forms.DecimalField(label="Value", max_digits=14, decimal_places=2)
    note = forms.CharField(label="Note", required=False, max_length=300)
