"""Programmes, their stages and workstreams."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.models import Body
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.forms._common import VISIBILITY_CHOICES, _Form, _ModelForm
from partnerplan.portfolio.models import (
    BusinessCaseStage,
    ConfidenceScale,
    Programme,
    Stage,
    Workstream,
)


class ProgrammeForm(_ModelForm):
    visibility = forms.ChoiceField(
        label="Who can see this programme",
        choices=VISIBILITY_CHOICES[:2],
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )

    class Meta:
        model = Programme
        fields = [
            "name", "short_name", "owner_body", "description", "is_partnership_plan",
            "confidence_scale", "report_every_days", "visibility",
        ]  # fmt: skip
        labels = {"owner_body": "Body that owns it", "short_name": "Short name"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner_body", Body.objects.filter(archived_at__isnull=True))
        self.fields["confidence_scale"].widget = forms.RadioSelect(choices=ConfidenceScale.choices)


class StageForm(_ModelForm):
    class Meta:
        model = Stage
        fields = ["name", "requires_business_case", "expects_reports"]


class StageAddForm(_Form):
    name = forms.CharField(label="Name", max_length=100)
    code = forms.SlugField(
        label="Short code",
        max_length=40,
        help_text="Lower-case letters, numbers and hyphens, such as 'feasibility'. Governance "
        "decisions name stages by this code.",
    )
    position = forms.IntegerField(
        label="Position", min_value=1, help_text="1 puts it first; later stages move down."
    )
    requires_business_case = forms.ChoiceField(
        label="Business case needed to enter",
        required=False,
        choices=[("", "None"), *BusinessCaseStage.choices],
    )
    expects_reports = forms.BooleanField(label="Highlight reports expected", required=False)


class WorkstreamForm(_ModelForm):
    leads = forms.ModelMultipleChoiceField(
        label="Lead people",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_partners = forms.ModelMultipleChoiceField(
        label="Lead partners",
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Workstream
        fields = ["number", "name", "description", "leads", "lead_partners", "lead_note"]

    def __init__(self, *args: Any, people: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "leads", people)
        set_queryset(self, "lead_partners", partners)
