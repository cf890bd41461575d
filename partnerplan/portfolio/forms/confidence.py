"""The delivery confidence assessment form: a radio per point of the partnership's scale, with
commentary and an action revealed under Amber/Red and Red (the conditional radios pattern of
the highlight report form)."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, set_choices, set_queryset
from partnerplan.partners.models import Person
from partnerplan.portfolio.forms._common import _Form


class ConfidenceAssessmentForm(_Form):
    assessed_on = GovUKDateField(label="Date assessed")
    rating = forms.ChoiceField(label="Delivery confidence", choices=(), widget=forms.RadioSelect)
    assessor = forms.ModelChoiceField(
        label="Assessed by", queryset=Person.objects.none(), required=False, empty_label="Me"
    )
    summary = forms.CharField(
        label="Basis of the assessment", required=False, widget=forms.Textarea
    )
    commentary = forms.CharField(label="Commentary", required=False, widget=forms.Textarea)
    action = forms.CharField(label="Action being taken", required=False, widget=forms.Textarea)
    # One field cannot sit in two reveals: Amber/Red's boxes carry their own names.
    commentary_amber_red = forms.CharField(
        label="Commentary", required=False, widget=forms.Textarea
    )
    action_amber_red = forms.CharField(
        label="Action being taken", required=False, widget=forms.Textarea
    )
    reveals = {
        "rating": {
            "amber_red": ["commentary_amber_red", "action_amber_red"],
            "red": ["commentary", "action"],
        }
    }

    def __init__(
        self, *args: Any, scale: list[tuple[str, str]], people: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "rating", scale)
        set_queryset(self, "assessor", people)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        amber_red = (data.pop("commentary_amber_red", ""), data.pop("action_amber_red", ""))
        if data.get("rating") == "amber_red":
            data["commentary"], data["action"] = amber_red
        elif data.get("rating") != "red":
            data["commentary"] = data["action"] = ""
        return data

    def add_error(self, field: str | None, error: Any) -> None:
        if field in ("commentary", "action") and self.data.get(self.add_prefix("rating")) == (
            "amber_red"
        ):
            field = f"{field}_amber_red"
        super().add_error(field, error)
