"""What the finance forms share: amounts, the pickers of funds and projects, and the
authority a movement names."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import GovUKDateField, set_queryset
from partnerplan.finance.models import Fund, FundStatus
from partnerplan.finance.services.authority import CitedAuthority
from partnerplan.governance.models import APPROVING, Body, Decision, OfficerDecision, PriorDecision
from partnerplan.portfolio.models import Project

# --- Forms that post to the ledger ---------------------------------------------------------
# Amounts are text fields on purpose: the services read them (finance.services.parse_amount)
# and give the plain-English reason for anything that is not pounds and pence over £0.


class AuthorityKind:
    DECISION = "decision"
    OFFICER = "officer_decision"
    PRIOR = "prior_decision"
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


def _prior_decisions() -> Any:
    return PriorDecision.objects.select_related("body")


class AuthorityMixin(forms.Form):
    """The authority for a movement: a decision of a body, a delegated (officer) decision, a
    decision taken before partnerplan (already recorded, or given here by its body, reference
    and date: a movement that needs a power records it as a decision first)."""

    authority = forms.ChoiceField(
        label="What authorises this movement?",
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (AuthorityKind.DECISION, "A decision of a body recorded in partnerplan"),
            (AuthorityKind.OFFICER, "A delegated decision recorded in partnerplan"),
            (AuthorityKind.PRIOR, "A decision taken before partnerplan, already recorded"),
            (
                AuthorityKind.REFERENCE,
                "A decision taken before partnerplan, not yet recorded: give the body, "
                "reference and date",
            ),
        ],
    )
    decision = forms.ModelChoiceField(
        label="Decision", queryset=Decision.objects.none(), required=False
    )
    officer_decision = forms.ModelChoiceField(
        label="Delegated decision", queryset=OfficerDecision.objects.none(), required=False
    )
    prior_decision = forms.ModelChoiceField(
        label="Decision taken before partnerplan",
        queryset=PriorDecision.objects.none(),
        required=False,
    )
    authority_body = forms.ModelChoiceField(
        label="Body that authorised it",
        queryset=Body.objects.none(),
        required=False,
        help_text="For a decision not yet recorded only",
    )
    authority_reference = forms.CharField(
        label="Reference",
        max_length=500,
        required=False,
        help_text="For a decision not yet recorded only: the minute, report paragraph or award "
        "letter",
    )
    authority_date = GovUKDateField(
        label="Date it was authorised", required=False, help_text="For example, 17 12 2010"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "decision", _decisions())
        set_queryset(self, "officer_decision", _officer_decisions())
        set_queryset(self, "prior_decision", _prior_decisions())
        set_queryset(self, "authority_body", Body.objects.order_by("name"))

    AUTHORITY_FIELDS = (
        "authority", "decision", "officer_decision", "prior_decision", "authority_body",
        "authority_reference", "authority_date",
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
        if kind == AuthorityKind.PRIOR:
            return CitedAuthority(prior_decision=data.get("prior_decision"))
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
        if kind == AuthorityKind.PRIOR and not data.get("prior_decision"):
            self.add_error(
                "prior_decision", "Choose the decision taken before partnerplan that authorises it"
            )
        return data


def _funds(exclude: Fund | None = None) -> Any:
    qs = Fund.objects.filter(status=FundStatus.OPEN, archived_at__isnull=True).order_by("name")
    return qs.exclude(pk=exclude.pk) if exclude is not None else qs


def _projects() -> Any:
    return Project.objects.filter(archived_at__isnull=True).order_by("title")


class OtherPurpose:
    EARMARKED = "earmarked"
    OTHER = "other"


def other_purpose_field() -> forms.ChoiceField:
    """For money leaving an earmarked reserve: for its earmarked purpose, or another one (which
    needs the approval of the body the fund's page names)."""
    return forms.ChoiceField(
        label="What is the money used for?",
        widget=forms.RadioSelect,
        choices=[
            (OtherPurpose.EARMARKED, "Its earmarked purpose (or the fund is not earmarked)"),
            (
                OtherPurpose.OTHER,
                "Another purpose: this needs the approval of the body the fund's page names",
            ),
        ],
        required=False,
        initial=OtherPurpose.EARMARKED,
    )
