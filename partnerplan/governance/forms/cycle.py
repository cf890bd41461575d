"""Forms for the statutory cycle: key decisions, exceptions, forward plan changes, decision
records, call-in, private meeting notices and substitutes. Pickers only; the rules are the
services'."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.governance.forms._common import PARAGRAPHS
from partnerplan.governance.models import (
    AgendaItem,
    CallInOutcome,
    ChairRole,
    ExceptionKind,
    ForwardPlanEntry,
    Meeting,
    PlanStatus,
    Reconsideration,
)
from partnerplan.partners.models import Person


class KeyDecisionForm(GovUKFormMixin, forms.Form):
    is_key = forms.BooleanField(label="This is a key decision", required=False, initial=True)
    entry = forms.ModelChoiceField(
        label="Forward plan notice",
        queryset=ForwardPlanEntry.objects.none(),
        required=False,
        empty_label="No notice yet",
        help_text="The notice of this key decision on the forward plan. Add it to the forward "
        "plan first if it is not listed.",
    )
    why_key = forms.CharField(
        label="Why it is a key decision",
        max_length=300,
        required=False,
        help_text="For example: spending over the threshold, or affecting two or more wards.",
    )

    def __init__(self, *args: Any, entries: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "entry",
            entries,
            label=lambda e: (
                f"{e.title} (due {e.decision_due:%d/%m/%Y}, notice {e.notice_given_on:%d/%m/%Y})"
            ),
        )


class ExceptionForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Exception", choices=ExceptionKind.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label="Reasons",
        widget=forms.Textarea,
        max_length=2000,
        help_text="General exception: why 28 days' notice is impracticable. Special urgency: "
        "why the decision is urgent and cannot reasonably be deferred.",
    )
    chair = forms.ModelChoiceField(
        label="Chair told (general exception) or who agreed (special urgency)",
        queryset=Person.objects.none(),
        empty_label="Choose a person",
    )
    chair_role = forms.ChoiceField(
        label="Their role", choices=ChairRole.choices, widget=forms.RadioSelect,
        initial=ChairRole.SCRUTINY_CHAIR,
    )  # fmt: skip
    chair_informed_on = GovUKDateField(
        label="General exception: date the chair was told in writing", required=False
    )
    agreed_on = GovUKDateField(label="Special urgency: date the chair agreed", required=False)
    notice_published_on = GovUKDateField(label="Date the notice was published")

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "chair", people)


class ForwardPlanChangeForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="What will be decided", max_length=300)
    description = forms.CharField(
        label="Details", widget=forms.Textarea, max_length=4000, required=False
    )
    decision_due = GovUKDateField(label="When the decision is due")
    meeting = forms.ModelChoiceField(
        label="At the meeting", queryset=Meeting.objects.none(), required=False,
        empty_label="Not at a meeting",
    )  # fmt: skip
    is_key = forms.BooleanField(label="This is a key decision", required=False)
    in_private = forms.BooleanField(label="It will be taken in private", required=False)
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph (if in private)", choices=PARAGRAPHS, required=False,
        coerce=int, empty_value=None,
    )  # fmt: skip
    documents = forms.CharField(
        label="Documents to be submitted", widget=forms.Textarea, max_length=2000, required=False
    )
    status = forms.ChoiceField(label="Status", choices=PlanStatus.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, meetings: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "meeting", meetings)


class DecisionRecordForm(GovUKFormMixin, forms.Form):
    reasons = forms.CharField(
        label="Reasons for the decision", widget=forms.Textarea, max_length=4000, required=False
    )
    options_considered = forms.CharField(
        label="Alternative options considered and rejected", widget=forms.Textarea,
        max_length=4000, required=False,
    )  # fmt: skip
    declared_interests = forms.CharField(
        label="Interests declared, and any dispensation", widget=forms.Textarea,
        max_length=2000, required=False, help_text="Write 'None' if none were declared.",
    )  # fmt: skip
    published_on = GovUKDateField(label="Date the record is published")


class CallInForm(GovUKFormMixin, forms.Form):
    members = forms.ModelMultipleChoiceField(
        label="Members calling it in", queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    reasons = forms.CharField(
        label="Reasons for the call-in", widget=forms.Textarea, max_length=4000
    )
    requested_on = GovUKDateField(label="Date of the call-in")

    def __init__(self, *args: Any, members: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "members", members)


class CallInOutcomeForm(GovUKFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome", choices=[c for c in CallInOutcome.choices if c[0]],
        widget=forms.RadioSelect,
    )  # fmt: skip
    notes = forms.CharField(
        label="The committee's concerns", widget=forms.Textarea, max_length=4000, required=False
    )
    on = GovUKDateField(label="Date of the committee's decision")


class ReconsiderForm(GovUKFormMixin, forms.Form):
    reconsideration = forms.ChoiceField(
        label="Reconsideration", choices=[c for c in Reconsideration.choices if c[0]],
        widget=forms.RadioSelect,
    )  # fmt: skip
    notes = forms.CharField(
        label="Where it is recorded and what was decided", widget=forms.Textarea, max_length=4000
    )
    on = GovUKDateField(label="Date reconsidered")


class PrivateNoticeForm(GovUKFormMixin, forms.Form):
    items = forms.ModelMultipleChoiceField(
        label="Exempt items to be taken in private", queryset=AgendaItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    reasons = forms.CharField(
        label="Why it will be held in private", widget=forms.Textarea, max_length=2000
    )
    intention_published_on = GovUKDateField(label="Date the notice of intention was published")

    def __init__(self, *args: Any, items: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "items", items)


class FinalNoticeForm(GovUKFormMixin, forms.Form):
    final_notice_published_on = GovUKDateField(label="Date the second notice was published")
    representations = forms.CharField(
        label="Representations received", widget=forms.Textarea, max_length=4000,
        help_text="Write 'None' if there were none.",
    )  # fmt: skip
    response = forms.CharField(
        label="The response to them", widget=forms.Textarea, max_length=4000, required=False
    )


class UrgencyForm(GovUKFormMixin, forms.Form):
    agreed_by = forms.ModelChoiceField(
        label="Chair who agreed", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    agreed_on = GovUKDateField(label="Date agreed")
    reason = forms.CharField(
        label="Why the meeting is urgent and cannot reasonably be deferred",
        widget=forms.Textarea, max_length=2000,
    )  # fmt: skip

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "agreed_by", people)


class SubstituteForm(GovUKFormMixin, forms.Form):
    member = forms.ModelChoiceField(
        label="Member who cannot attend", queryset=Person.objects.none(),
        empty_label="Choose a member",
    )  # fmt: skip
    substitute = forms.ModelChoiceField(
        label="Substitute attending", queryset=Person.objects.none(),
        empty_label="Choose a substitute",
    )  # fmt: skip

    def __init__(
        self, *args: Any, members: Any = None, substitutes: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "member", members)
        set_queryset(self, "substitute", substitutes)
