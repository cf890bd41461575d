"""The forms of the bids register."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_queryset
from partnerplan.core.models import Visibility
from partnerplan.finance.forms._common import AuthorityMixin, _amount, _funds, _projects
from partnerplan.finance.models import Fund
from partnerplan.governance.models import Body
from partnerplan.portfolio.models import Project


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
    needs_approval = forms.BooleanField(
        label="The funder requires a decision before it is submitted",
        required=False,
        help_text="Then submitting it needs a decision of a body with the power to approve bids",
    )
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


class BidSubmitForm(GovUKFormMixin, AuthorityMixin):
    """Submitting a bid; for a bid the funder requires a decision on, the decision about it."""

    on = GovUKDateField(label="Date submitted")

    def __init__(self, *args: Any, bid: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not bid.needs_approval:
            for name in self.AUTHORITY_FIELDS:
                del self.fields[name]

    def authority_fields(self) -> list[Any]:
        return [self[n] for n in self.AUTHORITY_FIELDS if n in self.fields]


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
