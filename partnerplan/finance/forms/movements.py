"""The forms that post movements to the ledger."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.money import format_money
from partnerplan.finance.forms._common import (
    AuthorityMixin,
    _amount,
    _funds,
    _projects,
    other_purpose_field,
)
from partnerplan.finance.models import Basis, Fund, FundingRequest, RequestStatus
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project


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


class PendingRequestField(forms.ModelChoiceField[FundingRequest]):
    """A pending request, shown by its title and amount."""

    def label_from_instance(self, obj: FundingRequest) -> str:
        return f"{obj.title}: {format_money(obj.amount)}"


class CallForm(GovUKFormMixin, AuthorityMixin):
    request = PendingRequestField(
        label="The request it answers (optional)",
        queryset=FundingRequest.objects.none(),
        required=False,
        empty_label="None",
        help_text="A pending request of this fund: posting the call approves and closes it",
    )
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
        set_queryset(
            self,
            "request",
            FundingRequest.objects.filter(fund=fund, status=RequestStatus.PENDING).order_by(
                "expected_on", "pk"
            ),
        )
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
    other_purpose = other_purpose_field()
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
    other_purpose = other_purpose_field()
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
