"""The workplan filter."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import set_choices, set_queryset
from partnerplan.partners.models import Partner
from partnerplan.portfolio.forms._common import _Form
from partnerplan.portfolio.models import (
    Confidence,
    Programme,
    ReviewOutcomeKind,
    Workstream,
)
from partnerplan.portfolio.selectors import SORTS


class WorkplanFilterForm(_Form):
    q = forms.CharField(label="Title or summary", required=False, max_length=100)
    programme = forms.ModelChoiceField(
        label="Programme", queryset=Programme.objects.none(), required=False, empty_label="Any"
    )
    workstream = forms.ModelChoiceField(
        label="Workstream", queryset=Workstream.objects.none(), required=False, empty_label="Any"
    )
    lead_partner = forms.ModelChoiceField(
        label="Lead partner", queryset=Partner.objects.none(), required=False, empty_label="Any"
    )
    stage = forms.ChoiceField(label="Stage", required=False)
    status = forms.ChoiceField(
        label="Review outcome",
        required=False,
        choices=[("", "Any"), ("none", "Not reviewed"), *ReviewOutcomeKind.choices],
    )
    rag = forms.ChoiceField(
        label="Delivery confidence (RAG)",
        required=False,
        choices=[("", "Any"), ("none", "No report yet"), *Confidence.choices],
    )
    at_risk = forms.BooleanField(label="Only business cases at risk", required=False)
    sort = forms.ChoiceField(label="Order by", required=False, choices=())
    include_archived = forms.BooleanField(label="Include archived projects", required=False)

    def __init__(
        self,
        *args: Any,
        programmes: Any,
        workstreams: Any,
        partners: Any,
        stages: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "programme", programmes)
        set_queryset(self, "workstream", workstreams, label=lambda w: f"{w.programme.label}: {w}")
        set_queryset(self, "lead_partner", partners)
        set_choices(self, "stage", [("", "Any"), *stages])
        set_choices(self, "sort", [(key, label) for key, (label, _fields) in SORTS.items()])
