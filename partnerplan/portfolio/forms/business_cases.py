"""Business cases and their approval."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, set_queryset
from partnerplan.governance.models import Body, Decision
from partnerplan.portfolio.forms._common import _Form, decision_label
from partnerplan.portfolio.models import (
    BusinessCaseStage,
)


class BusinessCaseCreateForm(_Form):
    stage = forms.ChoiceField(
        label="Stage of business case", choices=BusinessCaseStage.choices, widget=forms.RadioSelect
    )


class BusinessCaseVersionForm(_Form):
    strategic = forms.CharField(label="Strategic case", required=False, widget=forms.Textarea)
    economic = forms.CharField(label="Economic case", required=False, widget=forms.Textarea)
    commercial = forms.CharField(label="Commercial case", required=False, widget=forms.Textarea)
    financial = forms.CharField(label="Financial case", required=False, widget=forms.Textarea)
    management = forms.CharField(label="Management case", required=False, widget=forms.Textarea)
    options = forms.CharField(
        label="Options considered",
        required=False,
        widget=forms.Textarea,
        help_text="One option a line, including business as usual or do minimum, with why each "
        "was kept or dropped.",
    )
    preferred_option = forms.CharField(label="Preferred option", required=False, max_length=300)


class ApproveForm(_Form):
    """The authority for the approval: a decision that could cover it, or a decision taken
    before partnerplan was in use, from the papers (the body must have held the power to
    approve a business case)."""

    decision = forms.ModelChoiceField(
        label="Decision that approved it",
        queryset=Decision.objects.none(),
        required=False,
        empty_label="None",
        help_text="Only the approving decisions recorded in partnerplan that could approve it.",
    )
    approved_by = forms.ModelChoiceField(
        label="Body that approved it (decisions taken before partnerplan was in use)",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None",
        help_text="It must have held the power to approve a business case on that date.",
    )
    approval_reference = forms.CharField(
        label="Meeting or decision, from the papers", max_length=300, required=False
    )
    approved_on = GovUKDateField(
        label="Date approved (decisions taken before partnerplan was in use)", required=False
    )

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "decision", decisions)
        fields: Any = self.fields
        fields["decision"].label_from_instance = decision_label
        set_queryset(self, "approved_by", Body.objects.filter(archived_at__isnull=True))
