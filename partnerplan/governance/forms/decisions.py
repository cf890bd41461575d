"""Forms for decisions, votes and officer decisions."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.forms.subjects import SubjectField, subject_choices
from partnerplan.governance.models import (
    Body,
    MemberRole,
    Outcome,
    PowerKind,
    VoteChoice,
)
from partnerplan.partners.models import Person


class DecisionForm(GovUKFormMixin, forms.Form):
    outcome = forms.ChoiceField(label="Decision", choices=Outcome.choices, widget=forms.RadioSelect)
    amended_text = forms.CharField(
        label="The recommendation as amended",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
        help_text="Only for 'approved as amended'.",
    )
    reasons = forms.CharField(
        label="Reasons", widget=forms.Textarea, max_length=4000, required=False
    )
    options_considered = forms.CharField(
        label="Other options considered and rejected",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    declared_interests = forms.CharField(
        label="Interests declared", widget=forms.Textarea, max_length=2000, required=False
    )


NO_VOTE = ""


class DecisionWithVotesForm(DecisionForm):
    """The decision, and optionally a recorded (named) vote: one choice per person recorded as
    present. Co-opted members and officer advisers are listed because they were present; the
    service refuses a vote from them, with the rule."""

    def __init__(self, *args: Any, attendance: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.voters: dict[str, Any] = {}
        for row in attendance:
            name = f"vote_{row.person_id}"
            role = MemberRole(row.role).label.lower() if row.role else "not a member"
            self.fields[name] = forms.ChoiceField(
                label=f"{row.person.full_name} ({role})",
                choices=[(NO_VOTE, "No vote recorded"), *VoteChoice.choices],
                required=False,
            )
            self.voters[name] = row.person

    def vote_fields(self) -> list[Any]:
        return [self[name] for name in self.voters]

    def decision_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name not in self.voters]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["votes"] = {
            person: data[name] for name, person in self.voters.items() if data.get(name)
        }
        for name in self.voters:
            data.pop(name, None)
        return data


class OfficerDecisionForm(GovUKFormMixin, forms.Form):
    taken_by = forms.ModelChoiceField(
        label="Taken by", queryset=Body.objects.none(), empty_label="Choose who took it"
    )
    decided_by = forms.ModelChoiceField(
        label="Person who decided", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    title = forms.CharField(label="Title", max_length=300)
    decision = forms.CharField(label="Decision", widget=forms.Textarea, max_length=4000)
    subject_params = SubjectField(
        label="What is it about",
        choices=[],
        help_text="The project and stage, fund or request the decision approves, so that it can "
        "be cited for it (and only for it): for a gate or a call on reserves.",
    )
    amount = forms.DecimalField(
        label="Amount in pounds", max_digits=12, decimal_places=2, required=False
    )
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea, max_length=4000)
    options_considered = forms.CharField(
        label="Other options considered", widget=forms.Textarea, max_length=4000, required=False
    )
    declared_interests = forms.CharField(
        label="Interests declared", widget=forms.Textarea, max_length=2000, required=False
    )
    decided_on = GovUKDateField(label="Date of the decision")

    def __init__(self, *args: Any, bodies: Any = None, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "taken_by", bodies)
        set_queryset(self, "decided_by", people)
        field = self.fields["subject_params"]
        assert isinstance(field, SubjectField)
        field.choices = [("", "Nothing in partnerplan")] + subject_choices()


class PriorDecisionForm(GovUKFormMixin, forms.Form):
    """A decision taken before partnerplan was used, from the papers."""

    body = forms.ModelChoiceField(
        label="Body that took the decision",
        queryset=Body.objects.none(),
        empty_label="Choose a body",
        help_text="It must have held the power on that date.",
    )
    power = forms.ChoiceField(
        label="Power the decision used", choices=[("", "Choose a power")] + PowerKind.choices
    )
    decided_on = GovUKDateField(label="Date decided")
    reference = forms.CharField(
        label="Meeting or decision",
        max_length=500,
        help_text="Where it is recorded: for example 'Joint Committee, 17 December 2010, item 6, "
        "recommendation 2.1'.",
    )
    title = forms.CharField(label="What was decided", max_length=300)
    amount = forms.DecimalField(
        label="Amount in pounds",
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text="Only if the decision approved an amount.",
    )
    subject_params = SubjectField(
        label="What it is about",
        choices=[],
        help_text="The project, fund or request the decision approved, so that it can be cited "
        "for it (and only for it).",
    )
    visibility = forms.ChoiceField(
        label="Who can see it",
        choices=[(v.value, v.label) for v in (Visibility.PUBLIC, Visibility.PARTNERSHIP)],
        widget=forms.RadioSelect,
        required=False,
        initial=Visibility.PUBLIC,
        help_text="A decision about a restricted fund or project is seen only by those who may "
        "see it, whatever is chosen here.",
    )

    def clean_visibility(self) -> str:
        return str(self.cleaned_data.get("visibility") or Visibility.PUBLIC)

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)
        field = self.fields["subject_params"]
        assert isinstance(field, SubjectField)
        field.choices = [("", "Nothing in partnerplan")] + subject_choices()
