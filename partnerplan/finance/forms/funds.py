"""The forms that open, change and close funds, record and close requests, and scenarios."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.core.money import format_money
from partnerplan.finance.forms._common import _amount, _funds, _projects
from partnerplan.finance.models import Fund, FundingRequest, FundKind, FundStatus, RequestStatus
from partnerplan.governance.models import Body, Delegation, PowerKind
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import Project


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
    earmarked_for = forms.CharField(
        label="Earmarked for (earmarked reserves)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The purpose the money was set aside for",
    )
    other_use_approver = forms.ModelChoiceField(
        label="Who may approve another use (earmarked reserves)",
        queryset=Body.objects.none(),
        required=False,
        empty_label="Nobody named yet",
        help_text="The body whose decision (or a body it delegated to) allows the money to be "
        "spent or released for another purpose",
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
                    "earmarked_for": fund.earmarked_for,
                    "other_use_approver": fund.other_use_approver_id,
                    "allow_negative": fund.allow_negative, "visibility": fund.visibility,
                },
            )  # fmt: skip
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["owner_body"].queryset = Body.objects.filter(archived_at__isnull=True)
        fields["other_use_approver"].queryset = Body.objects.filter(
            archived_at__isnull=True
        ).order_by("name")
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
