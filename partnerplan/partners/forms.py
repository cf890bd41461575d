from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.partners.models import MembershipStatus, Partner, PartnerKind, Person, Role

VISIBILITY_CHOICES = [(v.value, v.label) for v in Visibility if v != Visibility.EXEMPT]


class PartnerForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    joined_on = GovUKDateField(label="Date joined", required=False)
    notice_given_on = GovUKDateField(label="Date notice of resignation given", required=False)
    left_on = GovUKDateField(label="Date left", required=False)
    website = forms.URLField(label="Website", max_length=300, required=False, assume_scheme="https")
    visibility = forms.ChoiceField(
        label="Who can see this partner",
        choices=[(v.value, v.label) for v in (Visibility.PUBLIC, Visibility.PARTNERSHIP)],
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )

    class Meta:
        model = Partner
        fields = [
            "name", "abbreviation", "kind", "joined_on", "notice_given_on", "left_on",
            "website", "notes", "visibility",
        ]  # fmt: skip
        labels = {"name": "Full name", "kind": "Kind of organisation", "website": "Website"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind: Any = self.fields["kind"]
        kind.choices = [("", "Choose a kind")] + list(PartnerKind.choices)

    def _post_clean(self) -> None:
        # Model validation (uniqueness, date order) is the service's job, so that every write
        # path gets it; the form only checks each field on its own.
        pass


class ArchiveForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it being archived?",
        max_length=500,
        error_messages={"required": "Enter why it is being archived"},
        widget=forms.Textarea,
        help_text="For example, 'Left the partnership in March 2011'. This is kept in its history.",
    )


class PartnerFilterForm(GovUKFormMixin, forms.Form):
    q = forms.CharField(label="Name or abbreviation", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind")] + list(PartnerKind.choices)
    )
    status = forms.ChoiceField(
        label="Membership",
        required=False,
        choices=[("", "Any")] + list(MembershipStatus.choices),
    )
    include_archived = forms.BooleanField(label="Include archived partners", required=False)


class PersonForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    partner = forms.ModelChoiceField(
        label="Partner", queryset=Partner.objects.none(), required=False, empty_label="None"
    )
    roles = forms.ModelMultipleChoiceField(
        label="Roles",
        queryset=Role.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    visibility = forms.ChoiceField(
        label="Who can see this person",
        choices=VISIBILITY_CHOICES,
        widget=forms.RadioSelect,
        initial=Visibility.PARTNERSHIP,
        help_text="Public: anyone. Everyone in the partnership: anyone signed in. "
        "Named partners only: people of the partners you choose.",
    )
    shared_with = forms.ModelMultipleChoiceField(
        label="Named partners",
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only used when 'Named partners only' is chosen.",
    )

    class Meta:
        model = Person
        fields = [
            "honorific", "first_name", "last_name", "job_title", "partner", "roles", "email",
            "phone", "notes", "visibility", "shared_with",
        ]  # fmt: skip
        labels = {"email": "Email address", "phone": "Telephone number"}

    def __init__(
        self,
        *args: Any,
        partners: Any = None,
        editing: bool = False,
        can_change_roles: bool = True,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        choices = partners if partners is not None else Partner.objects.none()
        set_queryset(self, "partner", choices)
        set_queryset(self, "shared_with", choices)
        if editing:
            # Changing partner keeps the earlier spell: it has its own page.
            del self.fields["partner"]
        if not can_change_roles:
            # Roles are for administrators (core.access "partners.change_roles").
            del self.fields["roles"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("visibility") == Visibility.PARTNERS and not data.get("shared_with"):
            self.add_error("shared_with", "Choose at least one partner who can see this person")
        return data

    def _post_clean(self) -> None:
        pass


class PersonFilterForm(GovUKFormMixin, forms.Form):
    q = forms.CharField(label="Name or job title", required=False, max_length=100)
    partner = forms.ModelChoiceField(
        label="Partner", queryset=Partner.objects.none(), required=False, empty_label="Any partner"
    )
    role = forms.ChoiceField(label="Role", required=False)
    include_archived = forms.BooleanField(label="Include archived people", required=False)

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "partner", partners)
        role: Any = self.fields["role"]
        role.choices = [("", "Any role")] + [(r.code, r.name) for r in Role.objects.all()]


class ChangePartnerForm(GovUKFormMixin, forms.Form):
    partner = forms.ModelChoiceField(
        label="New partner", queryset=Partner.objects.none(), empty_label="Choose a partner"
    )
    started_on = GovUKDateField(label="Date they start at the new partner")
    job_title = forms.CharField(
        label="Job title at the new partner",
        max_length=200,
        required=False,
        help_text="Leave blank to keep their current job title.",
    )

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "partner", partners)
