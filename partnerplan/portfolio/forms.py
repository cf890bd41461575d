"""Forms for the portfolio pages. Forms check each field on its own; the rules (date order,
cycles, gates, scales) are the services' job, so that every write path gets them."""

from __future__ import annotations

import itertools
from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_choices, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.models import APPROVING, Body, Decision, OfficerDecision
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import (
    BoardRole,
    BusinessCaseStage,
    Confidence,
    ConfidenceScale,
    LinkKind,
    Method,
    Programme,
    Project,
    RaidKind,
    ReviewOutcomeKind,
    ServiceArea,
    Stage,
    Weighting,
    Workstream,
)
from partnerplan.portfolio.selectors import SORTS

VISIBILITY_CHOICES = [(v.value, v.label) for v in Visibility if v != Visibility.EXEMPT]


class _Form(GovUKFormMixin, forms.Form):
    pass


class _ModelForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    def _post_clean(self) -> None:
        # Model validation is the service's job.
        pass


def _people(queryset: Any) -> forms.ModelChoiceField:  # type: ignore[type-arg]
    return forms.ModelChoiceField(queryset=queryset, required=False, empty_label="None")


class WorkplanFilterForm(_Form):
    q = forms.CharField(label="Title or summary", required=False, max_length=100)
    programme = forms.ModelChoiceField(
        label="Programme", queryset=Programme.objects.none(), required=False, empty_label="Any"
    )
    workstream = forms.ModelChoiceField(
        label="Workstream", queryset=Workstream.objects.none(), required=False, empty_label="Any"
    )
    lead_partner = forms.ModelChoiceField(
        label="Lead partner", queryset=Partner.objects.none(), required=False, empty_label="Any"
    )
    stage = forms.ChoiceField(label="Stage", required=False)
    status = forms.ChoiceField(
        label="Review outcome",
        required=False,
        choices=[("", "Any"), ("none", "Not reviewed"), *ReviewOutcomeKind.choices],
    )
    rag = forms.ChoiceField(
        label="Delivery confidence (RAG)",
        required=False,
        choices=[("", "Any"), ("none", "No report yet"), *Confidence.choices],
    )
    at_risk = forms.BooleanField(label="Only business cases at risk", required=False)
    sort = forms.ChoiceField(label="Order by", required=False, choices=())
    include_archived = forms.BooleanField(label="Include archived projects", required=False)

    def __init__(
        self,
        *args: Any,
        programmes: Any,
        workstreams: Any,
        partners: Any,
        stages: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "programme", programmes)
        set_queryset(self, "workstream", workstreams)
        self.fields["workstream"].label_from_instance = (  # type: ignore[attr-defined]
            lambda w: f"{w.programme.label}: {w}"
        )
        set_queryset(self, "lead_partner", partners)
        set_choices(self, "stage", [("", "Any"), *stages])
        set_choices(self, "sort", [(key, label) for key, (label, _fields) in SORTS.items()])


class ProgrammeForm(_ModelForm):
    visibility = forms.ChoiceField(
        label="Who can see this programme",
        choices=VISIBILITY_CHOICES[:2],
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )

    class Meta:
        model = Programme
        fields = [
            "name", "short_name", "owner_body", "description", "is_partnership_plan",
            "confidence_scale", "report_every_days", "visibility",
        ]  # fmt: skip
        labels = {"owner_body": "Body that owns it", "short_name": "Short name"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner_body", Body.objects.filter(archived_at__isnull=True))
        self.fields["confidence_scale"].widget = forms.RadioSelect(choices=ConfidenceScale.choices)


class StageForm(_ModelForm):
    class Meta:
        model = Stage
        fields = ["name", "requires_business_case", "expects_reports"]


class StageAddForm(_Form):
    name = forms.CharField(label="Name", max_length=100)
    code = forms.SlugField(
        label="Short code",
        max_length=40,
        help_text="Lower-case letters, numbers and hyphens, such as 'feasibility'. Governance "
        "decisions name stages by this code.",
    )
    position = forms.IntegerField(
        label="Position", min_value=1, help_text="1 puts it first; later stages move down."
    )
    requires_business_case = forms.ChoiceField(
        label="Business case needed to enter",
        required=False,
        choices=[("", "None"), *BusinessCaseStage.choices],
    )
    expects_reports = forms.BooleanField(label="Highlight reports expected", required=False)


class ReasonForm(_Form):
    reason = forms.CharField(
        label="Why is it being archived?",
        max_length=500,
        error_messages={"required": "Enter why it is being archived"},
        widget=forms.Textarea,
        help_text="This is kept in its history.",
    )


class WorkstreamForm(_ModelForm):
    leads = forms.ModelMultipleChoiceField(
        label="Lead people",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_partners = forms.ModelMultipleChoiceField(
        label="Lead partners",
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Workstream
        fields = ["number", "name", "description", "leads", "lead_partners", "lead_note"]

    def __init__(self, *args: Any, people: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "leads", people)
        set_queryset(self, "lead_partners", partners)


class ProjectForm(_ModelForm):
    programme = forms.ModelChoiceField(
        label="Programme", queryset=Programme.objects.none(), empty_label="Choose a programme"
    )
    planned_start = GovUKDateField(label="Planned start", required=False)
    planned_end = GovUKDateField(label="Planned end", required=False)
    forecast_start = GovUKDateField(label="Forecast start", required=False)
    forecast_end = GovUKDateField(label="Forecast end", required=False)
    actual_start = GovUKDateField(label="Actual start", required=False)
    actual_end = GovUKDateField(label="Actual end", required=False)
    lead_partners = forms.ModelMultipleChoiceField(
        label="Lead partners",
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    service_areas = forms.ModelMultipleChoiceField(
        label="Service areas",
        queryset=ServiceArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(
        label="Who can see this project",
        choices=VISIBILITY_CHOICES,
        widget=forms.RadioSelect,
        initial=Visibility.PARTNERSHIP,
    )
    shared_with = forms.ModelMultipleChoiceField(
        label="Named partners",
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only used when 'Named partners only' is chosen.",
    )

    class Meta:
        model = Project
        fields = [
            "programme", "workstream", "title", "summary", "lead_partners", "lead_note",
            "officer_lead", "project_executive", "project_manager", "sponsoring_body",
            "planned_start", "planned_end", "forecast_start", "forecast_end", "actual_start",
            "actual_end", "service_areas", "visibility", "shared_with",
        ]  # fmt: skip
        labels = {"project_executive": "Project Executive", "sponsoring_body": "Sponsoring body"}

    def __init__(
        self,
        *args: Any,
        programmes: Any,
        workstreams: Any,
        partners: Any,
        people: Any,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "programme", programmes)
        set_queryset(self, "workstream", workstreams)
        self.fields["workstream"].empty_label = "None: directly in the programme"  # type: ignore[attr-defined]
        self.fields["workstream"].label_from_instance = (  # type: ignore[attr-defined]
            lambda w: f"{w.programme.label}: {w}"
        )
        for name in ("lead_partners", "shared_with"):
            set_queryset(self, name, partners)
        for name in ("officer_lead", "project_executive", "project_manager"):
            set_queryset(self, name, people)
            self.fields[name].empty_label = "None yet"  # type: ignore[attr-defined]
        set_queryset(self, "sponsoring_body", Body.objects.filter(archived_at__isnull=True))
        if editing:
            del self.fields["programme"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("visibility") == Visibility.PARTNERS and not data.get("shared_with"):
            self.add_error("shared_with", "Choose at least one partner who can see this project")
        return data


class GateForm(_Form):
    to_stage = forms.ModelChoiceField(
        label="Stage to enter", queryset=Stage.objects.none(), empty_label=None
    )
    decision = forms.ModelChoiceField(
        label="Decision of a body",
        queryset=Decision.objects.none(),
        required=False,
        empty_label="None",
        help_text="An approving decision recorded in partnerplan.",
    )
    officer_decision = forms.ModelChoiceField(
        label="Decision under a delegation",
        queryset=OfficerDecision.objects.none(),
        required=False,
        empty_label="None",
    )
    deciding_body = forms.ModelChoiceField(
        label="Body that decided (decisions taken before partnerplan was in use)",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None: an office holder under delegation",
    )
    decision_reference = forms.CharField(
        label="Meeting or delegated decision, from the papers",
        max_length=300,
        required=False,
        help_text="Only for a decision taken before partnerplan was in use. For example "
        "'Joint Committee, 17 December 2010, recommendation 2.1'.",
    )
    decided_on = GovUKDateField(
        label="Date decided (decisions taken before partnerplan was in use)", required=False
    )
    note = forms.CharField(label="Note", required=False, max_length=2000, widget=forms.Textarea)

    def __init__(self, *args: Any, stages: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["to_stage"].queryset = stages
        fields["deciding_body"].queryset = Body.objects.filter(archived_at__isnull=True)
        fields["decision"].queryset = (
            Decision.objects.filter(outcome__in=APPROVING)
            .select_related("body", "meeting", "recommendation__item")
            .order_by("-decided_on", "-pk")
        )
        fields["officer_decision"].queryset = OfficerDecision.objects.select_related(
            "taken_by"
        ).order_by("-decided_on", "-pk")


class ReviewForm(_Form):
    outcome = forms.ChoiceField(
        label="Outcome", choices=ReviewOutcomeKind.choices, widget=forms.RadioSelect
    )
    is_proposal = forms.BooleanField(
        label="This is a proposal in a report, not yet decided", required=False
    )
    keeper = forms.ModelChoiceField(
        label="Lead partner keeping the watching brief",
        queryset=Partner.objects.none(),
        required=False,
        empty_label="None",
    )
    deciding_body = forms.ModelChoiceField(
        label="Body", queryset=Body.objects.none(), required=False, empty_label="None"
    )
    reference = forms.CharField(label="Report, meeting or decision", max_length=300)
    dated = GovUKDateField(label="Date")
    note = forms.CharField(label="Note", required=False, max_length=2000, widget=forms.Textarea)

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "keeper", partners)
        set_queryset(self, "deciding_body", Body.objects.filter(archived_at__isnull=True))


class LinkForm(_Form):
    workstream = forms.ModelChoiceField(
        label="Workstream of another programme",
        queryset=Workstream.objects.none(),
        empty_label="Choose a workstream",
    )
    kind = forms.ChoiceField(label="Relationship", choices=LinkKind.choices)
    note = forms.CharField(label="Comment", required=False, max_length=2000, widget=forms.Textarea)

    def __init__(self, *args: Any, workstreams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "workstream", workstreams)
        self.fields["workstream"].label_from_instance = (  # type: ignore[attr-defined]
            lambda w: f"{w.programme.label}: {w}"
        )


class DependencyForm(_Form):
    depends_on = forms.ModelChoiceField(
        label="Depends on", queryset=Project.objects.none(), empty_label="Choose a project"
    )
    note = forms.CharField(label="Note", required=False, max_length=300)

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "depends_on", projects)


class BoardMemberForm(_Form):
    person = forms.ModelChoiceField(
        label="Person", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    role = forms.ChoiceField(label="Role on the board", choices=BoardRole.choices)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "person", people)


class DocumentForm(_Form):
    title = forms.CharField(label="Title", max_length=200)
    url = forms.URLField(label="Web address", max_length=500, assume_scheme="https")


class BusinessCaseCreateForm(_Form):
    stage = forms.ChoiceField(
        label="Stage of business case", choices=BusinessCaseStage.choices, widget=forms.RadioSelect
    )


class BusinessCaseVersionForm(_Form):
    strategic = forms.CharField(label="Strategic case", required=False, widget=forms.Textarea)
    economic = forms.CharField(label="Economic case", required=False, widget=forms.Textarea)
    commercial = forms.CharField(label="Commercial case", required=False, widget=forms.Textarea)
    financial = forms.CharField(label="Financial case", required=False, widget=forms.Textarea)
    management = forms.CharField(label="Management case", required=False, widget=forms.Textarea)
    options = forms.CharField(
        label="Options considered",
        required=False,
        widget=forms.Textarea,
        help_text="One option a line, including business as usual or do minimum, with why each "
        "was kept or dropped.",
    )
    preferred_option = forms.CharField(label="Preferred option", required=False, max_length=300)


class ApproveForm(_Form):
    approved_by = forms.ModelChoiceField(
        label="Body that approved it",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None: an office holder under delegation",
    )
    approval_reference = forms.CharField(label="Meeting or decision", max_length=300)
    approved_on = GovUKDateField(label="Date approved")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "approved_by", Body.objects.filter(archived_at__isnull=True))


class BenefitForm(_Form):
    description = forms.CharField(label="Description", max_length=300)
    measure = forms.CharField(label="Measure", max_length=200)
    baseline = forms.DecimalField(label="Baseline", max_digits=14, decimal_places=2)
    baseline_on = GovUKDateField(label="Baseline date")
    target = forms.DecimalField(label="Target", max_digits=14, decimal_places=2)
    target_on = GovUKDateField(label="Target date")
    owner = forms.ModelChoiceField(
        label="Owner", queryset=Person.objects.none(), required=False, empty_label="None yet"
    )
    tolerance_percent = forms.DecimalField(
        label="Tolerance (per cent)", max_digits=5, decimal_places=2, initial=10
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people)


class BenefitActualForm(_Form):
    measured_on = GovUKDateField(label="Date measured")
    value = forms.DecimalField(label="Value", max_digits=14, decimal_places=2)
    note = forms.CharField(label="Note", required=False, max_length=300)


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

    def __init__(self, *args: Any, scale: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "confidence", scale)


SCORE_1_TO_5 = [(str(n), str(n)) for n in range(1, 6)]


class RaidForm(_Form):
    kind = forms.ChoiceField(label="Kind of entry", choices=RaidKind.choices)
    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    owner = forms.ModelChoiceField(
        label="Owner", queryset=Person.objects.none(), required=False, empty_label="None yet"
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
    response = forms.CharField(label="Response", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people)


class RaidCloseForm(_Form):
    closed_on = GovUKDateField(label="Date closed")
    note = forms.CharField(label="Why is it being closed?", max_length=500)


class MethodForm(_Form):
    name = forms.CharField(label="Name", max_length=200)
    owner_body = forms.ModelChoiceField(
        label="Body that owns it", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner_body", Body.objects.filter(archived_at__isnull=True))


class CriterionForm(_Form):
    name = forms.CharField(label="Name", max_length=100)
    description = forms.CharField(label="Description", required=False, max_length=300)
    weight = forms.FloatField(label="Weight", initial=1, min_value=0)
    scale_min = forms.IntegerField(label="Lowest score", initial=1)
    scale_max = forms.IntegerField(label="Highest score", initial=5)
    higher_is_better = forms.BooleanField(
        label="A higher score is better", required=False, initial=True
    )


class WeightsForm(_Form):
    def __init__(self, *args: Any, method: Method, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for c in method.criteria.all():
            self.fields[f"weight_{c.pk}"] = forms.FloatField(
                label=f"Weight of {c.name}", initial=c.weight, min_value=0
            )


SAATY = [
    ("9", "9: extremely more important"), ("7", "7: very strongly more important"),
    ("5", "5: strongly more important"), ("3", "3: moderately more important"),
    ("1", "1: equally important"), ("1/3", "1/3: moderately less important"),
    ("1/5", "1/5: strongly less important"), ("1/7", "1/7: very strongly less important"),
    ("1/9", "1/9: extremely less important"),
]  # fmt: skip


def saaty_value(text: str) -> float:
    if "/" in text:
        top, bottom = text.split("/")
        return float(top) / float(bottom)
    return float(text)


class PairwiseForm(_Form):
    """One question per pair of criteria: how important is the first compared with the second."""

    def __init__(self, *args: Any, method: Method, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        given = {(j.first_id, j.second_id): j.value for j in method.judgements.all()}
        self.pairs = list(itertools.combinations(list(method.criteria.all()), 2))
        for a, b in self.pairs:
            value = given.get((a.pk, b.pk))
            initial = "1"
            if value is not None:
                initial = str(round(value)) if value >= 1 else f"1/{round(1 / value)}"
            self.fields[f"pair_{a.pk}_{b.pk}"] = forms.ChoiceField(
                label=f"How important is {a.name} compared with {b.name}?",
                choices=SAATY,
                initial=initial,
            )

    def judgements(self) -> list[tuple[int, int, float]]:
        return [
            (a.pk, b.pk, saaty_value(self.cleaned_data[f"pair_{a.pk}_{b.pk}"]))
            for a, b in self.pairs
        ]


class ScoreForm(_Form):
    project = forms.ModelChoiceField(
        label="Project", queryset=Project.objects.none(), empty_label="Choose a project"
    )
    partner = forms.ModelChoiceField(
        label="Scoring for", queryset=Partner.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, method: Method, projects: Any, partners: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "project", projects)
        set_queryset(self, "partner", partners)
        self.criteria = list(method.criteria.all())
        for c in self.criteria:
            self.fields[f"criterion_{c.pk}"] = forms.FloatField(
                label=f"{c.name} ({c.scale_min} to {c.scale_max}"
                f"{'' if c.higher_is_better else ', lower is better'})",
                help_text=c.description,
            )

    def values(self) -> dict[int, float]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class OverlapForm(_Form):
    side = forms.ModelChoiceField(
        label="Workstreams of", queryset=Programme.objects.none(), empty_label=None
    )
    other = forms.ModelChoiceField(
        label="Related projects of", queryset=Programme.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "side", programmes)
        set_queryset(self, "other", programmes)


class CompareForm(_Form):
    a = forms.ModelChoiceField(label="First method", queryset=Method.objects.none())
    b = forms.ModelChoiceField(label="Second method", queryset=Method.objects.none())

    def __init__(self, *args: Any, methods: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "a", methods)
        set_queryset(self, "b", methods)


__all__ = ["Weighting"]
