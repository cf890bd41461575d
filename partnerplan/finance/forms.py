"""Forms for the finance pages: filters, the figure check, and the forms that post to the
ledger, record requests, scenarios and bids (each handed to one service)."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.core.money import format_money
from partnerplan.finance.models import (
    Basis,
    BidStatus,
    Fund,
    FundingRequest,
    FundKind,
    FundStatus,
    RequestStatus,
    TransactionKind,
)
from partnerplan.finance.services.authority import CitedAuthority
from partnerplan.governance.models import (
    APPROVING,
    Body,
    Decision,
    Delegation,
    OfficerDecision,
    PowerKind,
)
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project


class MovementFilterForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Kind of movement",
        required=False,
        choices=[("", "Any kind"), *TransactionKind.choices],
    )
    basis = forms.ChoiceField(
        label="Paid or approved", required=False, choices=[("", "Either"), *Basis.choices]
    )
    text = forms.CharField(label="Description or reference contains", required=False)


class ForecastForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Forecast date", required=False)
    figure = forms.CharField(
        label="Check a figure",
        required=False,
        max_length=1000,
        help_text="Paste the sentence from a report, such as 'the March 2011 forecast balance "
        "would be £129,700'. The last £ figure is checked against the ledger.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    scenario = forms.ChoiceField(label="Assuming", required=False)

    def __init__(self, *args: object, scenarios: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["scenario"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Approved calls only"), *scenarios]


class BidFilterForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *BidStatus.choices]
    )
    funder = forms.CharField(label="Funder", required=False)


# --- Forms that post to the ledger ---------------------------------------------------------
# Amounts are text fields on purpose: the services read them (finance.services.parse_amount)
# and give the plain-English reason for anything that is not pounds and pence over £0.


class AuthorityKind:
    DECISION = "decision"
    OFFICER = "officer_decision"
    REFERENCE = "reference"


AMOUNT_HELP = "In pounds, for example 17500 or 17500.50"


def _amount(label: str = "Amount") -> forms.CharField:
    return forms.CharField(label=label, max_length=30, required=False, help_text=AMOUNT_HELP)


def _decisions() -> Any:
    return Decision.objects.filter(outcome__in=APPROVING).select_related(
        "body", "recommendation__item"
    )


def _officer_decisions() -> Any:
    return OfficerDecision.objects.select_related("taken_by")


class AuthorityMixin(forms.Form):
    """The authority for a movement: a decision of a body, a delegated (officer) decision, or
    a recorded reference (body, reference, date) for an authority not recorded here."""

    authority = forms.ChoiceField(
        label="What authorises this movement?",
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (AuthorityKind.DECISION, "A decision of a body recorded in partnerplan"),
            (AuthorityKind.OFFICER, "A delegated decision recorded in partnerplan"),
            (AuthorityKind.REFERENCE, "Another authority: give the body, reference and date"),
        ],
    )
    decision = forms.ModelChoiceField(
        label="Decision", queryset=Decision.objects.none(), required=False
    )
    officer_decision = forms.ModelChoiceField(
        label="Delegated decision", queryset=OfficerDecision.objects.none(), required=False
    )
    authority_body = forms.ModelChoiceField(
        label="Body that authorised it",
        queryset=Body.objects.none(),
        required=False,
        help_text="For another authority only",
    )
    authority_reference = forms.CharField(
        label="Reference",
        max_length=500,
        required=False,
        help_text="For another authority only: the minute, report paragraph or award letter",
    )
    authority_date = GovUKDateField(
        label="Date it was authorised", required=False, help_text="For example, 17 12 2010"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "decision", _decisions())
        set_queryset(self, "officer_decision", _officer_decisions())
        set_queryset(self, "authority_body", Body.objects.order_by("name"))

    AUTHORITY_FIELDS = (
        "authority", "decision", "officer_decision", "authority_body", "authority_reference",
        "authority_date",
    )  # fmt: skip

    def main_fields(self) -> list[Any]:
        return [self[n] for n in self.fields if n not in self.AUTHORITY_FIELDS]

    def authority_fields(self) -> list[Any]:
        return [self[n] for n in self.AUTHORITY_FIELDS]

    def authority_value(self) -> CitedAuthority:
        """Only what the chosen kind of authority asks for; the service says what is missing."""
        data = self.cleaned_data
        kind = data.get("authority")
        if kind == AuthorityKind.DECISION:
            return CitedAuthority(decision=data.get("decision"))
        if kind == AuthorityKind.OFFICER:
            return CitedAuthority(officer_decision=data.get("officer_decision"))
        if kind == AuthorityKind.REFERENCE:
            return CitedAuthority(
                body=data.get("authority_body"),
                reference=data.get("authority_reference") or "",
                on=data.get("authority_date"),
            )
        return CitedAuthority()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("authority")
        if kind == AuthorityKind.DECISION and not data.get("decision"):
            self.add_error("decision", "Choose the decision that authorises the movement")
        if kind == AuthorityKind.OFFICER and not data.get("officer_decision"):
            self.add_error(
                "officer_decision", "Choose the delegated decision that authorises the movement"
            )
        return data


def _funds(exclude: Fund | None = None) -> Any:
    qs = Fund.objects.filter(status=FundStatus.OPEN, archived_at__isnull=True).order_by("name")
    return qs.exclude(pk=exclude.pk) if exclude is not None else qs


def _projects() -> Any:
    return Project.objects.filter(archived_at__isnull=True).order_by("title")


class ContributionForm(GovUKFormMixin, AuthorityMixin):
    partner = forms.ModelChoiceField(label="Partner", queryset=Partner.objects.none())
    amount = _amount()
    on = GovUKDateField(label="Date received")
    description = forms.CharField(label="Description (optional)", max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self, "partner", Partner.objects.filter(archived_at__isnull=True).order_by("name")
        )


class IncomeForm(GovUKFormMixin, AuthorityMixin):
    funder = forms.CharField(label="Who provided the money", max_length=200)
    amount = _amount()
    on = GovUKDateField(label="Date received")
    description = forms.CharField(label="Description (optional)", max_length=500, required=False)


class CallForm(GovUKFormMixin, AuthorityMixin):
    amount = _amount()
    purpose = forms.CharField(label="What the call is for", max_length=500)
    to_fund = forms.ModelChoiceField(
        label="To an earmarked reserve or other fund",
        queryset=Fund.objects.none(),
        required=False,
        help_text="Choose a fund or a project, not both",
    )
    project = forms.ModelChoiceField(
        label="Or to a project", queryset=Project.objects.none(), required=False
    )
    on = GovUKDateField(label="Date the money moves or is expected to be paid")
    paid = forms.ChoiceField(
        label="Has the money been paid?",
        widget=forms.RadioSelect,
        choices=[
            (Basis.COMMITTED, "No: approved, not yet paid (a commitment)"),
            (Basis.ACTUAL, "Yes: the money has moved"),
        ],
        initial=Basis.COMMITTED,
    )

    def __init__(self, *args: Any, fund: Fund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "to_fund", _funds(exclude=fund))
        set_queryset(self, "project", _projects())


class SpendForm(GovUKFormMixin, AuthorityMixin):
    fund = forms.ModelChoiceField(
        label="Paid from a fund",
        queryset=Fund.objects.none(),
        required=False,
        help_text="Choose a fund or a project, not both",
    )
    project = forms.ModelChoiceField(
        label="Or from a project's allocation", queryset=Project.objects.none(), required=False
    )
    amount = _amount()
    on = GovUKDateField(label="Date paid")
    description = forms.CharField(label="What was paid for", max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "fund", _funds())
        set_queryset(self, "project", _projects())


class ReleaseForm(GovUKFormMixin, AuthorityMixin):
    from_fund = forms.ModelChoiceField(
        label="Unspent money from a fund",
        queryset=Fund.objects.none(),
        required=False,
        help_text="Choose a fund or a project, not both",
    )
    project = forms.ModelChoiceField(
        label="Or from a project", queryset=Project.objects.none(), required=False
    )
    to_fund = forms.ModelChoiceField(label="Given back to", queryset=Fund.objects.none())
    amount = _amount()
    on = GovUKDateField(label="Date released")
    description = forms.CharField(label="Why it is released", max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "from_fund", _funds())
        set_queryset(self, "project", _projects())
        set_queryset(self, "to_fund", _funds())


class DrawdownForm(GovUKFormMixin, forms.Form):
    drawn_by = forms.ModelChoiceField(
        label="Drawn by",
        queryset=Person.objects.none(),
        help_text="Someone the delegation names (or who sits on a body it names)",
    )
    amount = _amount()
    purpose = forms.CharField(label="What it is drawn for", max_length=500)
    to_fund = forms.ModelChoiceField(
        label="To a fund",
        queryset=Fund.objects.none(),
        required=False,
        help_text="Choose a fund or a project, not both",
    )
    project = forms.ModelChoiceField(
        label="Or to a project", queryset=Project.objects.none(), required=False
    )
    on = GovUKDateField(label="Date drawn", help_text="Today or earlier, for example 17 12 2010")

    def __init__(self, *args: Any, fund: Fund, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "drawn_by", people)
        set_queryset(self, "to_fund", _funds(exclude=fund))
        set_queryset(self, "project", _projects())


class ReverseForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is this movement being corrected?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    on = GovUKDateField(
        label="Date of the correction",
        required=False,
        help_text="Leave blank for today. It takes effect no earlier than the original",
    )


class PayForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Date paid")


class FundForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind of fund", choices=FundKind.choices)
    description = forms.CharField(
        label="Description", required=False, max_length=4000, widget=forms.Textarea
    )
    owner_body = forms.ModelChoiceField(
        label="Owned by (the body that decides on it)",
        queryset=Body.objects.none(),
        empty_label="Choose a body",
    )
    contributors = forms.ModelMultipleChoiceField(
        label="Partners that contribute",
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    parent = forms.ModelChoiceField(
        label="Held within (for an earmarked reserve or a contingency)",
        queryset=Fund.objects.none(),
        required=False,
        empty_label="None",
    )
    delegation = forms.ModelChoiceField(
        label="Delegation under which it may be drawn (contingencies)",
        queryset=Delegation.objects.none(),
        required=False,
        empty_label="None",
    )
    funder = forms.CharField(
        label="Funder (external funding streams)", required=False, max_length=200
    )
    allow_negative = forms.BooleanField(
        label="The fund may go below zero (it is then flagged)", required=False
    )
    visibility = forms.ChoiceField(
        label="Who can see it",
        choices=[(v, label) for v, label in Visibility.choices if v != Visibility.EXEMPT],
    )

    def __init__(self, *args: Any, fund: Fund | None = None, **kwargs: Any) -> None:
        if fund is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": fund.name, "kind": fund.kind, "description": fund.description,
                    "owner_body": fund.owner_body_id, "parent": fund.parent_id,
                    "contributors": [p.pk for p in fund.contributors.all()],
                    "delegation": fund.delegation_id, "funder": fund.funder,
                    "allow_negative": fund.allow_negative, "visibility": fund.visibility,
                },
            )  # fmt: skip
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["owner_body"].queryset = Body.objects.filter(archived_at__isnull=True)
        fields["contributors"].queryset = Partner.objects.filter(archived_at__isnull=True)
        others = Fund.objects.exclude(status=FundStatus.CLOSED)
        fields["parent"].queryset = others.exclude(pk=fund.pk) if fund else others
        fields["delegation"].queryset = Delegation.objects.filter(
            power=PowerKind.DRAW_CONTINGENCY
        ).select_related("from_body")


class CloseFundForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Date closed")


class RequestForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    amount = _amount()
    expected_on = GovUKDateField(label="When the money would be paid if approved")
    to_fund = forms.ModelChoiceField(
        label="For a fund (optional)", queryset=Fund.objects.none(), required=False
    )
    project = forms.ModelChoiceField(
        label="Or for a project (optional)", queryset=Project.objects.none(), required=False
    )
    purpose = forms.CharField(
        label="Purpose (optional)",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reference = forms.CharField(
        label="Where it was asked for (optional)",
        max_length=500,
        required=False,
        help_text="For example, report to the Joint Committee, paragraph 4.9",
    )

    def __init__(self, *args: Any, fund: Fund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "to_fund", _funds(exclude=fund))
        set_queryset(self, "project", _projects())


class RequestChoiceField(forms.ModelMultipleChoiceField[FundingRequest]):
    """Pending requests, each shown with its amount and fund."""

    def label_from_instance(self, obj: FundingRequest) -> str:
        return f"{obj.title}: {format_money(obj.amount)} from {obj.fund.name}"


class ScenarioForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    description = forms.CharField(
        label="Description (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    requests = RequestChoiceField(
        label="Requests assumed approved",
        queryset=FundingRequest.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only requests still pending count in a forecast",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "requests",
            FundingRequest.objects.filter(status=RequestStatus.PENDING)
            .select_related("fund")
            .order_by("fund__name", "expected_on", "pk"),
        )


class BidForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    funder = forms.CharField(label="Funder", max_length=200)
    bidder = forms.CharField(label="Who is bidding (optional)", max_length=300, required=False)
    amount = _amount("Amount bid for")
    project = forms.ModelChoiceField(
        label="Project (optional)", queryset=Project.objects.none(), required=False
    )
    fund = forms.ModelChoiceField(
        label="Fund the money goes into if secured (optional)",
        queryset=Fund.objects.none(),
        required=False,
    )
    decision_expected_on = GovUKDateField(label="Decision expected (optional)", required=False)
    notes = forms.CharField(
        label="Notes (optional)",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    visibility = forms.ChoiceField(
        label="Who can see this bid",
        choices=[
            (Visibility.PUBLIC, "Everyone"),
            (Visibility.PARTNERSHIP, Visibility.PARTNERSHIP.label),
        ],
        widget=forms.RadioSelect,
        initial=Visibility.PARTNERSHIP,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "project", _projects())
        set_queryset(self, "fund", _funds())


class BidDateForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Date")


class BidSecureForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Date awarded")
    amount = forms.CharField(
        label="Amount awarded (optional)",
        max_length=30,
        required=False,
        help_text="Leave blank if the full amount bid for was awarded",
    )
    award_reference = forms.CharField(
        label="Award reference", max_length=400, help_text="The funder's award letter or reference"
    )
    authority_body = forms.ModelChoiceField(
        label="Body that accepted the award", queryset=Body.objects.none()
    )
    fund = forms.ModelChoiceField(
        label="Fund the money goes into", queryset=Fund.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "authority_body", Body.objects.order_by("name"))
        set_queryset(self, "fund", _funds())


class TableFilterForm(GovUKFormMixin, forms.Form):
    on = GovUKDateField(label="Up to", required=False)


class RequestCloseForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="What happened to the request?",
        widget=forms.RadioSelect,
        choices=[
            (RequestStatus.REFUSED, "It was refused"),
            (RequestStatus.WITHDRAWN, "It was withdrawn"),
        ],
        help_text="An approval goes through the decision that approves it, which posts the call",
    )
