"""Projects: details, gates and reviews, links, dependencies, board, documents."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict

from partnerplan.core.forms import GovUKDateField, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.governance.models import Body, Decision, OfficerDecision
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.forms._common import (
    VISIBILITY_CHOICES,
    _Form,
    _ModelForm,
    decision_label,
)
from partnerplan.portfolio.models import (
    BoardRole,
    LinkKind,
    Programme,
    Project,
    ReviewOutcomeKind,
    ServiceArea,
    Stage,
    Workstream,
)
from partnerplan.portfolio.selectors.authority import AuthorityChoices


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
        bodies: Any,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "programme", programmes)
        set_queryset(
            self,
            "workstream",
            workstreams,
            empty_label="None: directly in the programme",
            label=lambda w: f"{w.programme.label}: {w}",
        )
        for name in ("lead_partners", "shared_with"):
            set_queryset(self, name, partners)
        for name in ("officer_lead", "project_executive", "project_manager"):
            set_queryset(self, name, people, empty_label="None yet")
        set_queryset(self, "sponsoring_body", bodies)
        if editing:
            del self.fields["programme"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("visibility") == Visibility.PARTNERS and not data.get("shared_with"):
            self.add_error("shared_with", "Choose at least one partner who can see this project")
        return data


class ReasonForm(_Form):
    reason = forms.CharField(
        label="Why is it being archived?",
        max_length=500,
        error_messages={"required": "Enter why it is being archived"},
        widget=forms.Textarea,
        help_text="This is kept in its history.",
    )


def _officer_label(od: OfficerDecision) -> str:
    return str(od)


class _AuthorityForm(_Form):
    """The authority for an act: a decision that could cover it, a delegated decision, or a
    decision taken before partnerplan was in use, from the papers (the body must have held the
    power; it is recorded as a decision and then cited)."""

    decision = forms.ModelChoiceField(
        label="Decision of a body",
        queryset=Decision.objects.none(),
        required=False,
        empty_label="None",
        help_text="Only the approving decisions recorded in partnerplan that could allow this.",
    )
    officer_decision = forms.ModelChoiceField(
        label="Decision under a delegation",
        queryset=OfficerDecision.objects.none(),
        required=False,
        empty_label="None",
        help_text="Only the delegated decisions about this project that could allow this.",
    )

    def set_authorities(self, choices: AuthorityChoices) -> None:
        fields: Any = self.fields
        fields["decision"].queryset = choices.decisions
        fields["decision"].label_from_instance = decision_label
        fields["officer_decision"].queryset = choices.officer_decisions
        fields["officer_decision"].label_from_instance = _officer_label
        set_queryset(self, "deciding_body", Body.objects.filter(archived_at__isnull=True))


#: How a gate was authorised: the answers exclude each other, so each shows only its own fields.
GATE_AUTHORITY = {
    "decision": ["decision"],
    "officer": ["officer_decision"],
    "papers": ["deciding_body", "decision_reference", "decided_on"],
}


class GateForm(_AuthorityForm):
    to_stage = forms.ModelChoiceField(
        label="Stage to enter", queryset=Stage.objects.none(), empty_label=None
    )
    authorised_by = forms.ChoiceField(
        label="How was this gate authorised?",
        choices=[
            ("decision", "By a decision of a body recorded in partnerplan"),
            ("officer", "By a decision under a delegation"),
            ("papers", "By a decision taken before partnerplan was in use, from the papers"),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    reveals = {"authorised_by": GATE_AUTHORITY}
    deciding_body = forms.ModelChoiceField(
        label="Body that decided (decisions taken before partnerplan was in use)",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None",
        help_text="It must have held the power for this gate on the date decided.",
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

    field_order = [
        "to_stage", "authorised_by", "decision", "officer_decision", "deciding_body",
        "decision_reference", "decided_on", "note",
    ]  # fmt: skip

    def __init__(self, *args: Any, stages: Any, authorities: AuthorityChoices, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "to_stage", stages)
        self.set_authorities(authorities)
        chosen = self.add_prefix("authorised_by")
        if self.is_bound and not self.data.get(chosen):
            # No answer chosen (a script, an old form): the fields filled in say which it is.
            for answer, names in GATE_AUTHORITY.items():
                if (
                    any(self.data.get(self.add_prefix(n)) for n in names)
                    or self.data.get(self.add_prefix("decided_on_year"))
                    and answer == "papers"
                ):
                    data = QueryDict(mutable=True)
                    data.update(self.data)
                    data[chosen] = answer
                    self.data = data
                    break

    def clean(self) -> dict[str, Any]:
        """Keep only the chosen answer's fields (a hidden answer's leftovers never count)."""
        data: dict[str, Any] = super().clean() or {}
        chosen = data.pop("authorised_by", "") or ""
        if chosen in GATE_AUTHORITY:
            for answer, names in GATE_AUTHORITY.items():
                if answer != chosen:
                    for name in names:
                        data[name] = None if name != "decision_reference" else ""
        return data


class ReviewForm(_AuthorityForm):
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
        label="Body",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None",
        help_text="For a decided withdrawal, discontinuation or redesign taken before "
        "partnerplan was in use: the body must have held the power to withdraw or redesign a "
        "project.",
    )
    reference = forms.CharField(
        label="Report, meeting or decision",
        max_length=300,
        required=False,
        help_text="Not needed when you choose a decision above.",
    )
    dated = GovUKDateField(label="Date", required=False)
    note = forms.CharField(label="Note", required=False, max_length=2000, widget=forms.Textarea)

    field_order = [
        "outcome", "is_proposal", "keeper", "decision", "officer_decision", "deciding_body",
        "reference", "dated", "note",
    ]  # fmt: skip

    def __init__(self, *args: Any, partners: Any, authorities: AuthorityChoices, **kwargs: Any):
        super().__init__(*args, **kwargs)
        set_queryset(self, "keeper", partners)
        self.set_authorities(authorities)
        fields: Any = self.fields
        fields["decision"].help_text = (
            "Only for a decided withdrawal, discontinuation or redesign: the approving "
            "decisions recorded in partnerplan that could allow it."
        )


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
        set_queryset(self, "workstream", workstreams, label=lambda w: f"{w.programme.label}: {w}")


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
