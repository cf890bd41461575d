"""Forms for meetings, agenda items, recommendations, attendance and minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.forms._common import LONDON, PARAGRAPHS, _time
from partnerplan.governance.models import ItemKind, Meeting
from partnerplan.partners.models import Person


class MeetingForm(GovUKFormMixin, forms.Form):
    date = GovUKDateField(label="Date of the meeting")
    start_time = forms.CharField(label="Start time", max_length=5, help_text="For example, 10:00")
    end_time = forms.CharField(
        label="End time", max_length=5, required=False, help_text="Optional. For example, 12:30"
    )
    venue = forms.CharField(label="Venue", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = data.get("date")
        if day and data.get("start_time"):
            try:
                start = _time(data["start_time"], "Start time")
            except forms.ValidationError as exc:
                self.add_error("start_time", exc)
                return data
            data["starts_at"] = dt.datetime.combine(day, start, LONDON)
            data["ends_at"] = None
            if data.get("end_time"):
                try:
                    end = _time(data["end_time"], "End time")
                except forms.ValidationError as exc:
                    self.add_error("end_time", exc)
                    return data
                data["ends_at"] = dt.datetime.combine(day, end, LONDON)
        return data


class RescheduleForm(MeetingForm):
    reason = forms.CharField(
        label="Why is the meeting being moved?", widget=forms.Textarea, max_length=2000
    )
    venue = forms.CharField(
        label="Venue", max_length=200, required=False, help_text="Leave blank to keep the venue."
    )


class CancelForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        widget=forms.Textarea,
        max_length=2000,
        help_text="For example, 'adverse weather'. Its business moves to the next meeting.",
    )


class PublishForm(GovUKFormMixin, forms.Form):
    urgency_reason = forms.CharField(
        label="If this is late: why is it urgent?",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
        help_text="Only needed when there are fewer clear days than the body's rules require. "
        "The chair must agree; the reason is recorded in the minutes.",
    )


class AgendaItemForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    kind = forms.ChoiceField(
        label="Kind of item",
        choices=ItemKind.choices,
        widget=forms.RadioSelect,
        initial=ItemKind.REPORT,
    )
    author = forms.ModelChoiceField(
        label="Report author", queryset=Person.objects.none(), required=False, empty_label="None"
    )
    purpose = forms.CharField(
        label="Purpose of the report", widget=forms.Textarea, max_length=4000, required=False
    )
    report = forms.CharField(
        label="Report", widget=forms.Textarea, max_length=100000, required=False
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Exempt information (Schedule 12A)",
        choices=PARAGRAPHS,
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Choose a paragraph to make the report exempt: the public agenda will show only "
        "the heading and the paragraph.",
    )
    public_heading = forms.CharField(
        label="Exempt items: the heading the public see",
        max_length=300,
        required=False,
        help_text="Shown on the public agenda and minutes instead of the title.",
    )
    public_interest_test = forms.CharField(
        label="Exempt items: the public interest test",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
        help_text="Why the public interest in keeping it exempt outweighs disclosing it.",
    )
    exemption_review_on = GovUKDateField(
        label="Exempt items: review the exemption on", required=False
    )
    public_summary = forms.CharField(
        label="Exempt items: fair summary for the public minutes",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    late_reason = forms.CharField(
        label="If the agenda is already published: why is this item urgent?",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "author", people)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["visibility"] = (
            Visibility.EXEMPT if data.get("exempt_paragraph") else Visibility.PUBLIC
        )
        return data


class AgendaItemChangeForm(AgendaItemForm):
    """Change an item; after publication, `published=True` asks what changed."""

    change_note = forms.CharField(
        label="What changed, and why",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
        help_text="The agenda is published: this is shown on it as 'Changed after publication'.",
    )

    def __init__(self, *args: Any, published: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["late_reason"]
        if not published:
            del self.fields["change_note"]
        else:
            self.fields["change_note"].required = True


class WithdrawForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it withdrawn?",
        widget=forms.Textarea,
        max_length=2000,
        help_text="Shown on the agenda and the item as 'Withdrawn: <reason>'.",
    )


class AttendanceForm(GovUKFormMixin, forms.Form):
    present = forms.ModelMultipleChoiceField(
        label="Who was present?",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    apologies = forms.ModelMultipleChoiceField(
        label="Who sent apologies?",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "present", people)
        set_queryset(self, "apologies", people)


class MinutesForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(label="Minutes", widget=forms.Textarea, max_length=100000)


class MinutesApproveForm(GovUKFormMixin, forms.Form):
    at_meeting = forms.ModelChoiceField(
        label="Approved as a correct record at",
        queryset=Meeting.objects.none(),
        empty_label="Choose a meeting",
    )
    signed_by = forms.ModelChoiceField(
        label="Signed by",
        queryset=Person.objects.none(),
        empty_label="Choose who signed them",
        help_text="The person presiding at that meeting, usually the chair.",
    )
    signed_on = GovUKDateField(label="Signed on", required=False)

    def __init__(self, *args: Any, meetings: Any = None, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "at_meeting", meetings)
        set_queryset(self, "signed_by", people)


class MinutesCorrectionForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(label="Corrected minutes", widget=forms.Textarea, max_length=100000)
    reason = forms.CharField(
        label="Why is the correction needed?", widget=forms.Textarea, max_length=2000
    )


class MeetingSeriesForm(MeetingForm):
    count = forms.IntegerField(
        label="How many meetings",
        min_value=1,
        max_value=52,
        initial=6,
        help_text="Up to 52. They follow the body's usual cadence from the first date.",
    )
    date = GovUKDateField(label="Date of the first meeting")
