"""Forms for the register of interests, dispensations, declarations, statutory officers, urgent
items, the signing of minutes, and public alerts."""

from __future__ import annotations

import json
from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_choices, set_queryset
from partnerplan.governance.forms.subjects import subject_choices
from partnerplan.governance.models import Interest, InterestKind, Participation
from partnerplan.partners.models import Partner, Person


class InterestForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Kind of interest", choices=InterestKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label="The interest",
        widget=forms.Textarea,
        max_length=2000,
        help_text="For example, 'Director of Example Ltd', 'Land at ...', 'Dinner at ...'.",
    )
    partner = forms.ModelChoiceField(
        label="Partner organisation it is in (if any)",
        queryset=Partner.objects.none(),
        required=False,
    )
    subject = forms.ChoiceField(
        label="Project or fund it touches (if any)",
        required=False,
        help_text="An agenda item acting on it prompts the member to declare the interest.",
    )
    given_by = forms.CharField(
        label="Gifts and hospitality: given by", max_length=300, required=False
    )
    value = forms.DecimalField(
        label="Gifts and hospitality: estimated value, in pounds",
        required=False,
        max_digits=12,
        decimal_places=2,
    )
    registered_on = GovUKDateField(label="Registered on", required=False)

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "partner", partners, empty_label="None")
        self._subjects = dict(subject_choices(with_effect_choices=False))
        set_choices(self, "subject", [("", "None"), *self._subjects.items()])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        value = data.pop("subject", "") or ""
        data["subject_params"] = json.loads(value) if value else {}
        data["subject_label"] = self._subjects.get(value, "")
        return data


class EndForm(GovUKFormMixin, forms.Form):
    ended_on = GovUKDateField(label="No longer held from", required=False)


class DispensationForm(GovUKFormMixin, forms.Form):
    granted_by = forms.ModelChoiceField(
        label="Granted by",
        queryset=Person.objects.none(),
        help_text="Usually the partnership's legal officer (Monitoring Officer equivalent).",
    )
    purpose = forms.CharField(label="What it allows", widget=forms.Textarea, max_length=2000)
    interest = forms.ModelChoiceField(
        label="The registered interest it is for (if one)",
        queryset=Interest.objects.none(),
        required=False,
    )
    granted_on = GovUKDateField(label="Granted on", required=False)
    ends_on = GovUKDateField(label="Lasts until", help_text="At most four years.")

    def __init__(
        self, *args: Any, people: Any = None, interests: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "granted_by", people, empty_label="Choose who granted it")
        set_queryset(self, "interest", interests, empty_label="None")


class DeclarationForm(GovUKFormMixin, forms.Form):
    person = forms.ModelChoiceField(label="Who declared it", queryset=Person.objects.none())
    kind = forms.ChoiceField(
        label="Kind of interest", choices=InterestKind.choices, widget=forms.RadioSelect
    )
    nature = forms.CharField(
        label="The interest, as declared", widget=forms.Textarea, max_length=2000
    )
    interest = forms.ModelChoiceField(
        label="The register entry it matches (leave blank to check the register)",
        queryset=Interest.objects.none(),
        required=False,
    )
    participation = forms.ChoiceField(
        label="What the member did", choices=Participation.choices, widget=forms.RadioSelect
    )

    def __init__(
        self, *args: Any, people: Any = None, interests: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "person", people, empty_label="Choose a member")
        set_queryset(
            self,
            "interest",
            interests,
            empty_label="Check the register",
            label=lambda i: f"{i.person.full_name}: {i}",
        )


class OfficersForm(GovUKFormMixin, forms.Form):
    finance = forms.ModelChoiceField(
        label="Finance officer (Section 151 equivalent)", queryset=Person.objects.none()
    )
    legal = forms.ModelChoiceField(
        label="Legal officer (Monitoring Officer equivalent)", queryset=Person.objects.none()
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "finance", people, empty_label="Choose a person")
        set_queryset(self, "legal", people, empty_label="Choose a person")


class UrgentForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="The special circumstances that make it urgent",
        widget=forms.Textarea,
        max_length=2000,
        help_text="The chair must agree. They are recorded in the minutes.",
    )


class AlertForm(GovUKFormMixin, forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    agendas = forms.BooleanField(label="When an agenda is published", required=False, initial=True)
    decisions = forms.BooleanField(
        label="When decisions are published", required=False, initial=True
    )


class SensitiveForm(GovUKFormMixin, forms.Form):
    agreed_by = forms.ModelChoiceField(
        label="Agreed by",
        queryset=Person.objects.none(),
        help_text="The Monitoring Officer (the partnership's named legal officer).",
    )
    agreed_on = GovUKDateField(label="Agreed on", required=False)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreed_by"].queryset = people  # type: ignore[attr-defined]
