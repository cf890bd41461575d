"""Highlight reports and the RAID log."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, set_choices, set_queryset
from partnerplan.partners.models import Person
from partnerplan.portfolio.forms._common import _Form
from partnerplan.portfolio.models import (
    RaidKind,
    RiskCategory,
    RiskProximity,
    RiskResponse,
)

BLANK = [("", "Choose one")]


class HighlightReportForm(_Form):
    period_start = GovUKDateField(label="Start of period")
    period_end = GovUKDateField(label="End of period")
    confidence = forms.ChoiceField(
        label="Overall delivery confidence", choices=(), widget=forms.RadioSelect
    )
    progress = forms.CharField(label="Progress this period", widget=forms.Textarea)
    next_period = forms.CharField(label="Work next period", required=False, widget=forms.Textarea)
    tolerances = forms.CharField(label="Tolerance status", required=False, widget=forms.Textarea)
    tolerance_forecast_exceeded = forms.BooleanField(
        label="A tolerance is forecast to be exceeded", required=False
    )
    risks_and_issues = forms.CharField(
        label="Top risks and issues", required=False, widget=forms.Textarea
    )
    decisions_needed = forms.CharField(
        label="Decisions needed", required=False, widget=forms.Textarea
    )
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        widget=forms.Textarea,
        help_text="Needed for amber/red or red.",
    )
    action = forms.CharField(
        label="Action being taken",
        required=False,
        widget=forms.Textarea,
        help_text="Needed for amber/red or red.",
    )

    # Commentary and action are asked for only when amber/red or red is chosen, inside each
    # answer's conditional reveal; amber/red's boxes carry their own names (one field cannot
    # sit in two reveals) and clean() gives the service one commentary and one action.
    commentary_amber_red = forms.CharField(
        label="Commentary", required=False, widget=forms.Textarea
    )
    action_amber_red = forms.CharField(
        label="Action being taken", required=False, widget=forms.Textarea
    )
    reveals = {
        "confidence": {
            "amber_red": ["commentary_amber_red", "action_amber_red"],
            "red": ["commentary", "action"],
        }
    }

    def __init__(self, *args: Any, scale: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "confidence", scale)
        fields: Any = self.fields
        fields["commentary"].help_text = fields["action"].help_text = ""

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        amber_red = (data.pop("commentary_amber_red", ""), data.pop("action_amber_red", ""))
        if data.get("confidence") == "amber_red":
            data["commentary"], data["action"] = amber_red
        elif data.get("confidence") != "red":
            data["commentary"] = data["action"] = ""
        return data

    def add_error(self, field: str | None, error: Any) -> None:
        # The service names commentary and action; amber/red shows its own boxes.
        if field in ("commentary", "action") and self.data.get(self.add_prefix("confidence")) == (
            "amber_red"
        ):
            field = f"{field}_amber_red"
        super().add_error(field, error)


class RaidForm(_Form):
    kind = forms.ChoiceField(label="Kind of entry", choices=RaidKind.choices)
    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Choose the owner",
        help_text="A risk has exactly one owner.",
    )
    raised_on = GovUKDateField(label="Date raised")
    likelihood = forms.IntegerField(
        label="Likelihood (1 to 5)", required=False, help_text="Risks only."
    )
    impact = forms.IntegerField(label="Impact (1 to 5)", required=False, help_text="Risks only.")
    residual_likelihood = forms.IntegerField(
        label="Residual likelihood (1 to 5)", required=False, help_text="After the response."
    )
    residual_impact = forms.IntegerField(
        label="Residual impact (1 to 5)", required=False, help_text="After the response."
    )
    proximity = forms.ChoiceField(
        label="Proximity", choices=BLANK + RiskProximity.choices, required=False
    )
    category = forms.ChoiceField(
        label="Category", choices=BLANK + RiskCategory.choices, required=False
    )
    response_type = forms.ChoiceField(
        label="Response type", choices=BLANK + RiskResponse.choices, required=False
    )
    response = forms.CharField(label="Response", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people)


class RaidConvertForm(_Form):
    """Converting an issue into a risk asks for the risk's assessment; a risk into an issue
    asks for nothing more."""

    likelihood = forms.IntegerField(label="Likelihood (1 to 5)", required=False)
    impact = forms.IntegerField(label="Impact (1 to 5)", required=False)
    residual_likelihood = forms.IntegerField(label="Residual likelihood (1 to 5)", required=False)
    residual_impact = forms.IntegerField(label="Residual impact (1 to 5)", required=False)
    proximity = forms.ChoiceField(
        label="Proximity", choices=BLANK + RiskProximity.choices, required=False
    )
    category = forms.ChoiceField(
        label="Category", choices=BLANK + RiskCategory.choices, required=False
    )
    response_type = forms.ChoiceField(
        label="Response type", choices=BLANK + RiskResponse.choices, required=False
    )
    response = forms.CharField(label="Response", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, to_risk: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not to_risk:
            for name in list(self.fields):
                if name != "response":
                    del self.fields[name]
            self.fields["response"].label = "What is being done about it"


class RaidEscalateForm(_Form):
    note = forms.CharField(
        label="Why does the programme need to know?", max_length=500, widget=forms.Textarea
    )


class LessonSearchForm(_Form):
    q = forms.CharField(label="Search the lessons", required=False, max_length=200)


class ReportingForm(_Form):
    report_every_days = forms.IntegerField(
        label="Highlight reports every (days)",
        required=False,
        help_text="7 for weekly, 14 fortnightly, 31 monthly. Leave blank for the programme's "
        "interval.",
    )


class RaidCloseForm(_Form):
    closed_on = GovUKDateField(label="Date closed")
    note = forms.CharField(label="Why is it being closed?", max_length=500)
