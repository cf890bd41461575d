"""Prioritisation methods: criteria, weights, pairwise judgements, scores, comparison."""

from __future__ import annotations

import itertools
from typing import Any

from django import forms

from partnerplan.core.forms import set_queryset
from partnerplan.governance.models import Body
from partnerplan.partners.models import Partner
from partnerplan.portfolio.forms._common import _Form
from partnerplan.portfolio.models import (
    Method,
    Project,
)


class MethodForm(_Form):
    name = forms.CharField(label="Name", max_length=200)
    owner_body = forms.ModelChoiceField(
        label="Body that owns it", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner_body", Body.objects.filter(archived_at__isnull=True))


class CriterionForm(_Form):
    name = forms.CharField(label="Name", max_length=100)
    description = forms.CharField(label="Description", required=False, max_length=300)
    weight = forms.FloatField(label="Weight", initial=1, min_value=0)
    scale_min = forms.IntegerField(label="Lowest score", initial=1)
    scale_max = forms.IntegerField(label="Highest score", initial=5)
    higher_is_better = forms.BooleanField(
        label="A higher score is better", required=False, initial=True
    )


class WeightsForm(_Form):
    def __init__(self, *args: Any, method: Method, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for c in method.criteria.all():
            self.fields[f"weight_{c.pk}"] = forms.FloatField(
                label=f"Weight of {c.name}", initial=c.weight, min_value=0
            )


SAATY = [
    ("9", "9: extremely more important"), ("7", "7: very strongly more important"),
    ("5", "5: strongly more important"), ("3", "3: moderately more important"),
    ("1", "1: equally important"), ("1/3", "1/3: moderately less important"),
    ("1/5", "1/5: strongly less important"), ("1/7", "1/7: very strongly less important"),
    ("1/9", "1/9: extremely less important"),
]  # fmt: skip


def saaty_value(text: str) -> float:
    if "/" in text:
        top, bottom = text.split("/")
        return float(top) / float(bottom)
    return float(text)


class PairwiseForm(_Form):
    """One question per pair of criteria: how important is the first compared with the second."""

    def __init__(self, *args: Any, method: Method, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        given = {(j.first_id, j.second_id): j.value for j in method.judgements.all()}
        self.pairs = list(itertools.combinations(list(method.criteria.all()), 2))
        for a, b in self.pairs:
            value = given.get((a.pk, b.pk))
            initial = "1"
            if value is not None:
                initial = str(round(value)) if value >= 1 else f"1/{round(1 / value)}"
            self.fields[f"pair_{a.pk}_{b.pk}"] = forms.ChoiceField(
                label=f"How important is {a.name} compared with {b.name}?",
                choices=SAATY,
                initial=initial,
            )

    def judgements(self) -> list[tuple[int, int, float]]:
        return [
            (a.pk, b.pk, saaty_value(self.cleaned_data[f"pair_{a.pk}_{b.pk}"]))
            for a, b in self.pairs
        ]


class ScoreForm(_Form):
    project = forms.ModelChoiceField(
        label="Project", queryset=Project.objects.none(), empty_label="Choose a project"
    )
    partner = forms.ModelChoiceField(
        label="Scoring for", queryset=Partner.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, method: Method, projects: Any, partners: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "project", projects)
        set_queryset(self, "partner", partners)
        self.criteria = list(method.criteria.all())
        for c in self.criteria:
            self.fields[f"criterion_{c.pk}"] = forms.FloatField(
                label=f"{c.name} ({c.scale_min} to {c.scale_max}"
                f"{'' if c.higher_is_better else ', lower is better'})",
                help_text=c.description,
            )

    def values(self) -> dict[int, float]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class CompareForm(_Form):
    a = forms.ModelChoiceField(label="First method", queryset=Method.objects.none())
    b = forms.ModelChoiceField(label="Second method", queryset=Method.objects.none())

    def __init__(self, *args: Any, methods: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "a", methods)
        set_queryset(self, "b", methods)
