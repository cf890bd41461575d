"""Forms for bodies and their memberships."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.models import (
    Body,
    BodyKind,
    Cadence,
    CallInScope,
    MemberRole,
)
from partnerplan.partners.models import Person


class MembershipForm(GovUKFormMixin, forms.Form):
    person = forms.ModelChoiceField(
        label="Person", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    role = forms.ChoiceField(label="Role", choices=MemberRole.choices, widget=forms.RadioSelect)
    started_on = GovUKDateField(label="Member from", required=False)
    ended_on = GovUKDateField(label="Member until", required=False)

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "person", people)


BODY_VISIBILITY = [(v.value, v.label) for v in (Visibility.PUBLIC, Visibility.PARTNERSHIP)]


class BodyForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    abbreviation = forms.CharField(
        label="Abbreviation", max_length=12, required=False, help_text="For example, SAB"
    )
    kind = forms.ChoiceField(
        label="Kind of body", choices=BodyKind.choices, widget=forms.RadioSelect
    )
    parent = forms.ModelChoiceField(
        label="Part of",
        queryset=Body.objects.none(),
        required=False,
        empty_label="Not part of another body",
        help_text="For a sub-committee or working group: the body it belongs to.",
    )
    description = forms.CharField(
        label="Description", widget=forms.Textarea, max_length=4000, required=False
    )
    cadence = forms.ChoiceField(
        label="Usually meets", choices=Cadence.choices, widget=forms.RadioSelect
    )
    default_venue = forms.CharField(label="Usual venue", max_length=200, required=False)
    quorum_minimum = forms.IntegerField(
        label="Quorum: the fewest voting members present",
        min_value=1,
        max_value=100,
        initial=1,
        help_text="Co-opted members and officer advisers do not count.",
    )
    quorum_fraction = forms.IntegerField(
        label="Quorum: percentage of voting members (0 for none)",
        min_value=0,
        max_value=100,
        initial=0,
        help_text="If set, at least this percentage of the voting members (rounded up) must also "
        "be present.",
    )
    agenda_notice_days = forms.IntegerField(
        label="Clear days' notice of agendas",
        min_value=0,
        max_value=60,
        initial=5,
        help_text="Clear days leave out the day of publication and the day of the meeting.",
    )
    notice_counts_weekends = forms.BooleanField(
        label="Weekends count as clear days", required=False
    )
    notice_counts_bank_holidays = forms.BooleanField(
        label="Bank holidays (England and Wales) count as clear days", required=False
    )
    requires_reasons = forms.BooleanField(
        label="Decisions must record their reasons", required=False, initial=True
    )
    requires_interests = forms.BooleanField(
        label="Decisions must record the interests declared (or 'None')", required=False
    )
    visibility = forms.ChoiceField(
        label="Who can see the body and its meetings",
        choices=BODY_VISIBILITY,
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )
    executive_functions = forms.BooleanField(
        label="It discharges executive functions (the 2012 Regulations apply)",
        required=False,
        help_text="Key decisions, notices of private meetings and call-in. Always so for an "
        "executive (cabinet).",
    )
    scrutinised_by = forms.ModelChoiceField(
        label="Overview and scrutiny committee",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None",
        help_text="Its chair is told of general exceptions and agrees special urgency; its "
        "members may call decisions in.",
    )
    call_in_scope = forms.ChoiceField(
        label="Call-in", choices=CallInScope.choices, widget=forms.RadioSelect, required=False
    )
    call_in_days = forms.IntegerField(
        label="Clear working days before a decision can be implemented (call-in period)",
        min_value=1,
        max_value=20,
        initial=5,
        required=False,
    )
    call_in_members_required = forms.IntegerField(
        label="For an overview and scrutiny committee: members needed to call a decision in",
        min_value=1,
        max_value=50,
        initial=3,
        required=False,
    )

    def clean_call_in_days(self) -> int:
        return int(self.cleaned_data.get("call_in_days") or 5)

    def clean_call_in_members_required(self) -> int:
        return int(self.cleaned_data.get("call_in_members_required") or 3)

    def __init__(self, *args: Any, parents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "parent", parents)
        set_queryset(
            self,
            "scrutinised_by",
            parents.filter(kind=BodyKind.SCRUTINY) if parents is not None else Body.objects.none(),
        )


class MembershipEndForm(GovUKFormMixin, forms.Form):
    ended_on = GovUKDateField(label="Last day as a member")
