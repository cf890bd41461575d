"""Forms for the forward plan and actions."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.governance.forms._common import PARAGRAPHS
from partnerplan.governance.models import (
    ActionStatus,
    Body,
)
from partnerplan.partners.models import Person


class ActionForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Action", max_length=300)
    owner = forms.ModelChoiceField(
        label="Owner", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    due_on = GovUKDateField(label="Due by")

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people)


class ActionUpdateForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect
    )
    progress = forms.CharField(
        label="Progress", widget=forms.Textarea, max_length=4000, required=False
    )


class ForwardPlanForm(GovUKFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label="Who decides", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    title = forms.CharField(label="What will be decided", max_length=300)
    description = forms.CharField(
        label="Details", widget=forms.Textarea, max_length=4000, required=False
    )
    decision_due = GovUKDateField(label="When the decision is due")
    is_key = forms.BooleanField(label="This is a key decision", required=False, initial=True)
    in_private = forms.BooleanField(label="It will be taken in private", required=False)
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph (if in private)",
        choices=PARAGRAPHS,
        required=False,
        coerce=int,
        empty_value=None,
    )
    documents = forms.CharField(
        label="Documents to be submitted",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
        help_text="The reports and background papers, and how to ask for them.",
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)
