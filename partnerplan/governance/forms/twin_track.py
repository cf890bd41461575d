"""Forms for twin-track matters and their tracks."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.forms.subjects import SubjectField, subject_choices
from partnerplan.governance.models import (
    ApprovalRule,
    Body,
    TrackOutcome,
)


class TrackForm(GovUKFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label="Body", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    outcome = forms.ChoiceField(
        label="Its decision",
        choices=[(TrackOutcome.APPROVED, "Approved"), (TrackOutcome.REJECTED, "Rejected")],
        widget=forms.RadioSelect,
    )
    decided_on = GovUKDateField(label="Date of its decision")
    reference = forms.CharField(
        label="Where it is recorded",
        max_length=300,
        help_text="For example, notes of the meeting of 10 November 2010",
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)


class ResolveForm(GovUKFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="Does the matter go ahead?",
        choices=[
            ("proceed", "Yes: the decisions held back take effect"),
            ("drop", "No: the decisions held back are dropped"),
        ],
        widget=forms.RadioSelect,
    )
    resolution = forms.CharField(
        label="How was the conflict resolved?", widget=forms.Textarea, max_length=4000
    )


class MatterForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="What needs approving", max_length=300)
    description = forms.CharField(
        label="Details", widget=forms.Textarea, max_length=4000, required=False
    )
    bodies = forms.ModelMultipleChoiceField(
        label="Bodies that must approve it",
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    subject_params = SubjectField(
        label="What is it about",
        choices=[],
        help_text="The project the matter decides, if any: its page shows the matter until "
        "every track has decided.",
    )
    rule = forms.ChoiceField(
        label="Approval needed from", choices=ApprovalRule.choices, widget=forms.RadioSelect
    )
    visibility = forms.ChoiceField(
        label="Who can see it",
        choices=[(v.value, v.label) for v in (Visibility.PUBLIC, Visibility.PARTNERSHIP)],
        widget=forms.RadioSelect,
        initial=Visibility.PARTNERSHIP,
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "bodies", bodies)
        if "subject_params" in self.fields:
            field = self.fields["subject_params"]
            assert isinstance(field, SubjectField)
            field.choices = [("", "Nothing in partnerplan")] + subject_choices(
                ["project_id"], with_effect_choices=False
            )
