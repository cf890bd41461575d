"""Forms for meetings, agenda items, recommendations, attendance and minutes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_choices, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.effects import Param, effect_for, effects
from partnerplan.governance.forms._common import LONDON, PARAGRAPHS, _time
from partnerplan.governance.models import (
    ItemKind,
    Meeting,
    PowerKind,
)
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


class RecommendationForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(label="Recommendation", widget=forms.Textarea, max_length=4000)
    reference = forms.CharField(
        label="Paragraph number in the report",
        max_length=20,
        required=False,
        help_text="For example, 2.4",
    )
    power = forms.ChoiceField(
        label="Power used if approved",
        choices=[("", "None: to note or agree")] + list(PowerKind.choices),
        required=False,
    )
    amount = forms.DecimalField(
        label="Amount in pounds", max_digits=12, decimal_places=2, required=False
    )
    effect_kind = forms.ChoiceField(
        label="What approving it does in partnerplan", choices=[], required=False
    )
    # The questions for each effect's parameters come from the effect registry: make the form
    # with `recommendation_form()`.

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(
            self,
            "effect_kind",
            [("", "Nothing automatic")] + [(e.kind, e.label) for e in effects()],
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("effect_kind")
        params: dict[str, Any] = {}
        if kind:
            for param in effect_for(kind).params:
                value = data.get(param.name)
                if value is None or value == "":
                    continue
                params[param.name] = str(value) if isinstance(value, Decimal) else value
        data["effect_params"] = params
        return data


def recommendation_form(data: Any = None) -> RecommendationForm:
    """The recommendation form, asking for the parameters of every registered effect."""
    form_class = type(
        "RecommendationForm", (RecommendationForm,), {**_effect_fields(), "__module__": __name__}
    )
    form: RecommendationForm = form_class(data)
    return form


def _effect_field(param: Param, help_texts: list[str]) -> forms.Field:
    help_text = " ".join(help_texts)
    if param.type is int:
        return forms.IntegerField(
            label=param.label, required=False, min_value=1, help_text=help_text
        )
    if param.type is Decimal:
        return forms.DecimalField(
            label=param.label, required=False, max_digits=12, decimal_places=2,
            help_text=help_text,
        )  # fmt: skip
    return forms.CharField(label=param.label, max_length=40, required=False, help_text=help_text)


def _effect_fields() -> dict[str, forms.Field]:
    """One question per parameter of the registered effects (a parameter several effects take,
    such as the project, is asked once; the recommendation's own fields, such as the amount,
    are not asked again)."""
    declared: dict[str, tuple[Param, list[str]]] = {}
    for effect in effects():
        for param in effect.params:
            if param.name in RecommendationForm.base_fields:
                continue
            _param, helps = declared.setdefault(param.name, (param, []))
            if param.help_text and param.help_text not in helps:
                helps.append(param.help_text)
    return {name: _effect_field(param, helps) for name, (param, helps) in declared.items()}


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

    def __init__(self, *args: Any, meetings: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "at_meeting", meetings)


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
