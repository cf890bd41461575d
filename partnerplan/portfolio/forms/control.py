"""Forms of project control: baselines, milestones, tolerances, change requests, Exception
Reports and the board's decision on them, and the highlight report with its forecast."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, set_choices, set_queryset
from partnerplan.governance.models import Body
from partnerplan.portfolio.forms._common import _Form
from partnerplan.portfolio.forms.projects import _AuthorityForm
from partnerplan.portfolio.forms.status import HighlightReportForm
from partnerplan.portfolio.models import ExceptionOutcome, Stage


def _money(label: str, required: bool = False, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
    )


def _text(label: str, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea, max_length=4000, help_text=help_text
    )


class BaselineForm(_Form):
    stage = forms.ModelChoiceField(
        label="Baseline of",
        queryset=Stage.objects.none(),
        required=False,
        empty_label="The whole project",
    )
    starts_on = GovUKDateField(label="Start")
    ends_on = GovUKDateField(label="End")
    capital_cost = _money("Capital cost (£)")
    revenue_cost = _money("Revenue cost (£)")
    fund = forms.TypedChoiceField(
        label="Funding source", coerce=int, required=False, empty_value=None, choices=()
    )
    scope = _text("Scope and products", help_text="One product a line.")

    def __init__(self, *args: Any, stages: Any, funds: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "stage", stages, empty_label="The whole project")
        set_choices(self, "fund", [("", "Not yet known"), *funds])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["fund_id"] = data.pop("fund", None)
        return data


class MilestoneForm(_Form):
    title = forms.CharField(label="Milestone", max_length=200)
    due_on = GovUKDateField(label="Baseline date")


class MilestoneUpdateForm(_Form):
    forecast_on = GovUKDateField(label="Forecast date", required=False)
    achieved_on = GovUKDateField(label="Date achieved", required=False)


class _BoardForm(_Form):
    def set_bodies(self, name: str, bodies: Any) -> None:
        set_queryset(self, name, bodies)


class ToleranceForm(_BoardForm):
    time_days = forms.IntegerField(
        label="Time tolerance (days)", help_text="How many days later than the baseline end."
    )
    cost_amount = _money(
        "Cost tolerance (£)", required=True, help_text="How much over the baseline cost."
    )
    scope_products = forms.IntegerField(
        label="Scope tolerance (products)", help_text="How many products may be dropped."
    )
    set_by = forms.ModelChoiceField(
        label="Board that set them", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    reference = forms.CharField(label="Meeting or decision", max_length=500)
    set_on = GovUKDateField(label="Date set")

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_bodies("set_by", bodies)


class ChangeRequestForm(_Form):
    reason = _text("Why should the baseline change?")
    starts_on = GovUKDateField(label="New start", required=False)
    ends_on = GovUKDateField(label="New end", required=False)
    capital_cost = _money("New capital cost (£)")
    revenue_cost = _money("New revenue cost (£)")
    scope = _text("New scope and products", required=False, help_text="Leave blank to keep it.")


class ChangeDecideForm(_BoardForm):
    approve = forms.TypedChoiceField(
        label="The board's decision",
        choices=[("yes", "Approved: change the baseline"), ("no", "Rejected: keep the baseline")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    decided_by = forms.ModelChoiceField(
        label="Board that decided", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    decision_reference = forms.CharField(label="Meeting or decision", max_length=500)
    decided_on = GovUKDateField(label="Date decided")

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_bodies("decided_by", bodies)


class ExceptionReportForm(_Form):
    cause = _text("Cause", help_text="What has happened, or is forecast to happen.")
    consequences = _text("Consequences", help_text="For the project, and for the programme.")
    options = _text(
        "Options", help_text="And their effect on the business case, risks and tolerances."
    )
    recommendation = _text("Recommendation")
    lessons = _text("Lessons", required=False)


class ExceptionDecideForm(_AuthorityForm):
    outcome = forms.ChoiceField(
        label="The board's decision", choices=ExceptionOutcome.choices, widget=forms.RadioSelect
    )
    deciding_body = forms.ModelChoiceField(
        label="Body that decided (decisions taken before partnerplan was in use)",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None",
    )
    decision_reference = forms.CharField(
        label="Meeting or delegated decision, from the papers", max_length=300, required=False
    )
    decided_on = GovUKDateField(label="Date decided (from the papers)", required=False)
    plan_ends_on = GovUKDateField(label="Exception plan: new end", required=False)
    plan_capital_cost = _money("Exception plan: new capital cost (£)")
    plan_revenue_cost = _money("Exception plan: new revenue cost (£)")
    note = forms.CharField(label="Note", required=False, max_length=3000, widget=forms.Textarea)

    reveals = {
        "outcome": {
            "exception_plan": ["plan_ends_on", "plan_capital_cost", "plan_revenue_cost"],
        }
    }
    field_order = [
        "outcome", "plan_ends_on", "plan_capital_cost", "plan_revenue_cost", "decision",
        "officer_decision", "deciding_body", "decision_reference", "decided_on", "note",
    ]  # fmt: skip

    def __init__(self, *args: Any, authorities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_authorities(authorities)


class HighlightReportControlForm(HighlightReportForm):
    """The highlight report with the forecast it is measured by against the tolerances."""

    forecast_end = GovUKDateField(label="Forecast end", required=False)
    forecast_cost = _money("Forecast cost (£)")
    forecast_products_dropped = forms.IntegerField(
        label="Products forecast not to be delivered", required=False, min_value=0
    )
