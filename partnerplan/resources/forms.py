from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, GovUKMonthField, set_queryset
from partnerplan.finance.models import Fund
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import Assignment, PlanScenario, PoolMember, ProjectTask, Skill

DAYS_HELP = "From 0 to 5, for example 3 or 2.5"


def _days(label: str, required: bool = True, help_text: str = DAYS_HELP) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=3,
        decimal_places=2,
        required=required,
        help_text=help_text,
        error_messages={"invalid": f"{label} must be a number, like 3 or 2.5"},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


def _money(label: str, required: bool = False, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=14,
        decimal_places=2,
        required=required,
        help_text=help_text,
        error_messages={"invalid": f"{label} must be an amount in pounds, like 20000"},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class PoolMemberForm(GovUKFormMixin, forms.Form):
    person = forms.ModelChoiceField(
        label="Person", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    home_partner = forms.ModelChoiceField(
        label="Partner lending them",
        queryset=Partner.objects.none(),
        empty_label="Choose a partner",
    )
    skills = forms.ModelMultipleChoiceField(
        label="Skills",
        queryset=Skill.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    days_per_week = _days("Days a week lent to the pool")
    available_from = GovUKDateField(label="Lent from", required=False)
    available_until = GovUKDateField(label="Lent until", required=False)
    cost_rate_per_day = _money("Cost per day (£)", help_text="What a day of their time costs")
    notes = forms.CharField(label="Notes", required=False, max_length=2000, widget=forms.Textarea)

    def __init__(self, *args: Any, people: Any = None, partners: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "person", people)
        set_queryset(self, "home_partner", partners)

    def clean_cost_rate_per_day(self) -> Any:
        return self.cleaned_data.get("cost_rate_per_day") or 0


class AvailabilityForm(GovUKFormMixin, forms.Form):
    starts_on = GovUKDateField(label="From")
    ends_on = GovUKDateField(label="Until", required=False, help_text="Leave blank if open-ended")
    days_per_week = _days("Days a week")


class LeaveForm(GovUKFormMixin, forms.Form):
    starts_on = GovUKDateField(label="First day of leave")
    ends_on = GovUKDateField(label="Last day of leave")
    note = forms.CharField(label="Note", required=False, max_length=200)


class DemandForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Role", max_length=100, initial="Project manager")
    skill = forms.ModelChoiceField(
        label="Skill needed",
        queryset=Skill.objects.all(),
        required=False,
        empty_label="Choose a skill",
    )
    days_per_week = _days("Days a week")
    starts_on = GovUKMonthField(label="First month", help_text="For example, 9 2010")
    months = forms.IntegerField(
        label="How many months",
        min_value=1,
        max_value=60,
        error_messages={
            "invalid": "How many months must be a whole number, like 6",
            "min_value": "How many months must be 1 or more",
            "max_value": "How many months must be 60 or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    source = forms.CharField(
        label="Where the need is stated", required=False, max_length=300,
        help_text="Optional, for example 'Report, Appendix B'",
    )  # fmt: skip


class PlanningForm(GovUKFormMixin, forms.Form):
    committed = forms.BooleanField(
        label="Already committed: keep it at its planned start", required=False
    )
    earliest_start = GovUKDateField(label="Earliest start", required=False)
    deadline = GovUKDateField(label="Deadline", required=False)
    value = forms.DecimalField(
        label="Priority value",
        required=False,
        max_digits=8,
        decimal_places=2,
        help_text="Leave blank to use its prioritisation score",
        error_messages={"invalid": "Priority value must be a number, like 60"},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    cost_per_month = _money("Cost per month (£)", help_text="Spending other than the pool's time")
    fund = forms.ModelChoiceField(
        label="Fund",
        queryset=Fund.objects.none(),
        required=False,
        empty_label="The money set on a run",
    )

    def __init__(self, *args: Any, funds: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "fund", funds)

    def clean_cost_per_month(self) -> Any:
        return self.cleaned_data.get("cost_per_month") or 0


class AssignmentForm(GovUKFormMixin, forms.Form):
    member = forms.ModelChoiceField(
        label="Pool member", queryset=PoolMember.objects.none(), empty_label="Choose someone"
    )
    days_per_week = _days(
        "Days a week", required=False, help_text="Leave blank for what the role needs"
    )

    def __init__(self, *args: Any, members: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "member",
            members,
            label=lambda m: f"{m.person} ({m.days_per_week.normalize():f} days a week)",
        )


class ScenarioForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    description = forms.CharField(
        label="Description", required=False, max_length=2000, widget=forms.Textarea
    )
    force_in = forms.ModelMultipleChoiceField(
        label="Force these projects in", queryset=Project.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    force_out = forms.ModelMultipleChoiceField(
        label="Force these projects out", queryset=Project.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    remove_members = forms.ModelMultipleChoiceField(
        label="Take these people out of the pool",
        queryset=PoolMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    add_skill = forms.ModelChoiceField(
        label="Add a pool member with this skill",
        queryset=Skill.objects.all(),
        required=False,
        empty_label="Nobody extra",
    )
    add_days_per_week = _days("Their days a week", required=False)
    money_change = _money(
        "Change to the money (£)", help_text="Negative to take money away, for example -20000"
    )
    money_month = GovUKMonthField(label="Money changes from", required=False)

    def __init__(self, *args: Any, projects: Any = None, members: Any = None, **kw: Any):
        super().__init__(*args, **kw)
        set_queryset(self, "force_in", projects)
        set_queryset(self, "force_out", projects)
        set_queryset(self, "remove_members", members)


class RunForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name of the run", max_length=200)
    starts_on = GovUKMonthField(label="First month to plan", help_text="For example, 1 2011")
    months = forms.IntegerField(
        label="Months to plan",
        min_value=1,
        max_value=60,
        initial=18,
        error_messages={
            "invalid": "Months to plan must be a whole number, like 18",
            "min_value": "Months to plan must be 1 or more",
            "max_value": "Months to plan must be 60 or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    time_limit_s = forms.TypedChoiceField(
        label="Time limit for each plan",
        coerce=int,
        choices=[(5, "5 seconds"), (10, "10 seconds"), (30, "30 seconds"), (60, "1 minute"),
                 (300, "5 minutes")],
        initial=10,
        help_text="Longer limits can prove more plans best; the page does not wait.",
    )  # fmt: skip
    money = _money(
        "Money available (£)",
        help_text="For projects with costs and no fund of their own. Leave blank for none.",
    )
    scenarios = forms.ModelMultipleChoiceField(
        label="Compare with these scenarios", queryset=PlanScenario.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    frontier = forms.BooleanField(label="Also draw the cost-value frontier", required=False)

    def __init__(self, *args: Any, scenarios: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "scenarios", scenarios)


class MemberEditForm(PoolMemberForm):
    """Change a pool member (everything but who they are)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["person"]


class LeavePoolForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why are they leaving the pool?",
        max_length=500,
        error_messages={"required": "Say why they are leaving the pool"},
        widget=forms.Textarea,
        help_text="For example, 'Returned to the district full-time'. This is kept in the history.",
    )


class AssignmentEditForm(GovUKFormMixin, forms.Form):
    days_per_week = _days("Days a week")
    starts_on = GovUKDateField(label="From")
    ends_on = GovUKDateField(label="Until")


# --- Task networks -----------------------------------------------------------------------------


def _whole(label: str, *, required: bool = True, help_text: str = "", example: str = "2") -> Any:
    return forms.IntegerField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={"invalid": f"{label} must be a whole number, like {example}"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


class TaskResourceForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(
        label="Name", max_length=100, help_text="For example, ICT team or Test environment"
    )
    capacity = _whole(
        "How many at any one time",
        help_text="For example, 2 if two people in the team can work on tasks at once",
    )


class TaskForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Task", max_length=200)
    weeks = _whole("How many weeks it takes", help_text="0 for a milestone", example="6")
    after = forms.ModelMultipleChoiceField(
        label="It starts after these tasks have finished",
        queryset=ProjectTask.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, others: Any = None, resources: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "after", others)
        self.resources = list(resources)
        for r in self.resources:
            self.fields[f"need_{r.pk}"] = _whole(
                f"How many of {r.name} it needs",
                required=False,
                help_text=f"The project has {r.capacity}. Leave blank or 0 if it needs none.",
            )

    def service_data(self) -> dict[str, Any]:
        """The cleaned data as the task services take it: ``needs`` by resource."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "weeks": data["weeks"],
            "after": list(data["after"]),
            "needs": {r: data.get(f"need_{r.pk}") or 0 for r in self.resources},
        }


class TaskScheduleForm(GovUKFormMixin, forms.Form):
    starts_on = GovUKDateField(label="The work starts on", help_text="For example, 7 3 2011")
    time_limit_s = forms.TypedChoiceField(
        label="Time limit",
        coerce=int,
        choices=[(5, "5 seconds"), (10, "10 seconds"), (30, "30 seconds"), (60, "1 minute")],
        initial=10,
        help_text="A longer limit can prove a schedule shortest; the page does not wait.",
    )


class ActualForm(GovUKFormMixin, forms.Form):
    """The days a booking actually took in a month (simple monthly entries)."""

    assignment = forms.ModelChoiceField(
        label="Booking", queryset=Assignment.objects.none(), empty_label="Choose the booking"
    )
    month = forms.TypedChoiceField(
        label="Month", choices=(), coerce=dt.date.fromisoformat, empty_value=None
    )
    days = forms.DecimalField(
        label="Days spent", max_digits=5, decimal_places=2, help_text="For example 11.5"
    )
    note = forms.CharField(label="Note", required=False, max_length=300)

    def __init__(
        self, *args: Any, bookings: Any, months: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "assignment",
            bookings,
            label=lambda a: f"{a.member.person}, {a.demand.title} "
            f"({a.starts_on:%b %Y} to {a.ends_on:%b %Y})",
        )
        fields: Any = self.fields
        fields["month"].choices = [("", "Choose the month"), *months]
