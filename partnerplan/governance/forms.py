"""Forms for governance pages. They check each field on its own; the rules are the services'."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django import forms

from partnerplan.core.forms import GovUKDateField, GovUKFormMixin, set_choices, set_queryset
from partnerplan.core.models import SCHEDULE_12A, Visibility
from partnerplan.governance.effects import Param, effect_for, effects
from partnerplan.governance.models import (
    ActionStatus,
    ApprovalRule,
    Body,
    BodyKind,
    Cadence,
    ExceptionKind,
    ItemKind,
    LineStyle,
    Meeting,
    MemberRole,
    Outcome,
    PowerKind,
    TrackOutcome,
    VoteChoice,
)
from partnerplan.partners.models import Person

LONDON = ZoneInfo("Europe/London")
PARAGRAPHS = [("", "Not exempt")] + [(str(v), label) for v, label in SCHEDULE_12A.choices]


def _time(value: str, label: str) -> dt.time:
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", value or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise forms.ValidationError(f"{label} must be a time like 10:00 or 14:30")
    return dt.time(int(match[1]), int(match[2]))


class MeetingForm(GovUKFormMixin, forms.Form):
    date = GovUKDateField(label="Date of the meeting")
    start_time = forms.CharField(label="Start time", max_length=5, help_text="For example, 10:00")
    end_time = forms.CharField(
        label="End time", max_length=5, required=False, help_text="Optional. For example, 12:30"
    )
    venue = forms.CharField(label="Venue", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = data.get("date")
        if day and data.get("start_time"):
            try:
                start = _time(data["start_time"], "Start time")
            except forms.ValidationError as exc:
                self.add_error("start_time", exc)
                return data
            data["starts_at"] = dt.datetime.combine(day, start, LONDON)
            data["ends_at"] = None
            if data.get("end_time"):
                try:
                    end = _time(data["end_time"], "End time")
                except forms.ValidationError as exc:
                    self.add_error("end_time", exc)
                    return data
                data["ends_at"] = dt.datetime.combine(day, end, LONDON)
        return data


class RescheduleForm(MeetingForm):
    reason = forms.CharField(
        label="Why is the meeting being moved?", widget=forms.Textarea, max_length=2000
    )
    venue = forms.CharField(
        label="Venue", max_length=200, required=False, help_text="Leave blank to keep the venue."
    )


class CancelForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        widget=forms.Textarea,
        max_length=2000,
        help_text="For example, 'adverse weather'. Its business moves to the next meeting.",
    )


class PublishForm(GovUKFormMixin, forms.Form):
    urgency_reason = forms.CharField(
        label="If this is late: why is it urgent?",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
        help_text="Only needed when there are fewer clear days than the body's rules require. "
        "The chair must agree; the reason is recorded in the minutes.",
    )


class AgendaItemForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    kind = forms.ChoiceField(
        label="Kind of item",
        choices=ItemKind.choices,
        widget=forms.RadioSelect,
        initial=ItemKind.REPORT,
    )
    author = forms.ModelChoiceField(
        label="Report author", queryset=Person.objects.none(), required=False, empty_label="None"
    )
    purpose = forms.CharField(
        label="Purpose of the report", widget=forms.Textarea, max_length=4000, required=False
    )
    report = forms.CharField(
        label="Report", widget=forms.Textarea, max_length=100000, required=False
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Exempt information (Schedule 12A)",
        choices=PARAGRAPHS,
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Choose a paragraph to make the report exempt: the public agenda will show only "
        "the heading and the paragraph.",
    )
    late_reason = forms.CharField(
        label="If the agenda is already published: why is this item urgent?",
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "author", people)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["visibility"] = (
            Visibility.EXEMPT if data.get("exempt_paragraph") else Visibility.PUBLIC
        )
        return data


class RecommendationForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(label="Recommendation", widget=forms.Textarea, max_length=4000)
    reference = forms.CharField(
        label="Paragraph number in the report",
        max_length=20,
        required=False,
        help_text="For example, 2.4",
    )
    power = forms.ChoiceField(
        label="Power used if approved",
        choices=[("", "None: to note or agree")] + list(PowerKind.choices),
        required=False,
    )
    amount = forms.DecimalField(
        label="Amount in pounds", max_digits=12, decimal_places=2, required=False
    )
    effect_kind = forms.ChoiceField(
        label="What approving it does in partnerplan", choices=[], required=False
    )
    # The questions for each effect's parameters come from the effect registry: make the form
    # with `recommendation_form()`.

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(
            self,
            "effect_kind",
            [("", "Nothing automatic")] + [(e.kind, e.label) for e in effects()],
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("effect_kind")
        params: dict[str, Any] = {}
        if kind:
            for param in effect_for(kind).params:
                value = data.get(param.name)
                if value is None or value == "":
                    continue
                params[param.name] = str(value) if isinstance(value, Decimal) else value
        data["effect_params"] = params
        return data


def recommendation_form(data: Any = None) -> RecommendationForm:
    """The recommendation form, asking for the parameters of every registered effect."""
    form_class = type(
        "RecommendationForm", (RecommendationForm,), {**_effect_fields(), "__module__": __name__}
    )
    form: RecommendationForm = form_class(data)
    return form


def _effect_field(param: Param, help_texts: list[str]) -> forms.Field:
    help_text = " ".join(help_texts)
    if param.type is int:
        return forms.IntegerField(
            label=param.label, required=False, min_value=1, help_text=help_text
        )
    if param.type is Decimal:
        return forms.DecimalField(
            label=param.label, required=False, max_digits=12, decimal_places=2,
            help_text=help_text,
        )  # fmt: skip
    return forms.CharField(label=param.label, max_length=40, required=False, help_text=help_text)


def _effect_fields() -> dict[str, forms.Field]:
    """One question per parameter of the registered effects (a parameter several effects take,
    such as the project, is asked once; the recommendation's own fields, such as the amount,
    are not asked again)."""
    declared: dict[str, tuple[Param, list[str]]] = {}
    for effect in effects():
        for param in effect.params:
            if param.name in RecommendationForm.base_fields:
                continue
            _param, helps = declared.setdefault(param.name, (param, []))
            if param.help_text and param.help_text not in helps:
                helps.append(param.help_text)
    return {name: _effect_field(param, helps) for name, (param, helps) in declared.items()}


class DecisionForm(GovUKFormMixin, forms.Form):
    outcome = forms.ChoiceField(label="Decision", choices=Outcome.choices, widget=forms.RadioSelect)
    amended_text = forms.CharField(
        label="The recommendation as amended",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
        help_text="Only for 'approved as amended'.",
    )
    reasons = forms.CharField(
        label="Reasons", widget=forms.Textarea, max_length=4000, required=False
    )
    options_considered = forms.CharField(
        label="Other options considered and rejected",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    declared_interests = forms.CharField(
        label="Interests declared", widget=forms.Textarea, max_length=2000, required=False
    )


NO_VOTE = ""


class DecisionWithVotesForm(DecisionForm):
    """The decision, and optionally a recorded (named) vote: one choice per person recorded as
    present. Co-opted members and officer advisers are listed because they were present; the
    service refuses a vote from them, with the rule."""

    def __init__(self, *args: Any, attendance: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.voters: dict[str, Any] = {}
        for row in attendance:
            name = f"vote_{row.person_id}"
            role = MemberRole(row.role).label.lower() if row.role else "not a member"
            self.fields[name] = forms.ChoiceField(
                label=f"{row.person.full_name} ({role})",
                choices=[(NO_VOTE, "No vote recorded"), *VoteChoice.choices],
                required=False,
            )
            self.voters[name] = row.person

    def vote_fields(self) -> list[Any]:
        return [self[name] for name in self.voters]

    def decision_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name not in self.voters]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["votes"] = {
            person: data[name] for name, person in self.voters.items() if data.get(name)
        }
        for name in self.voters:
            data.pop(name, None)
        return data


class AttendanceForm(GovUKFormMixin, forms.Form):
    present = forms.ModelMultipleChoiceField(
        label="Who was present?",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    apologies = forms.ModelMultipleChoiceField(
        label="Who sent apologies?",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "present", people)
        set_queryset(self, "apologies", people)


class MinutesForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(label="Minutes", widget=forms.Textarea, max_length=100000)


class MinutesApproveForm(GovUKFormMixin, forms.Form):
    at_meeting = forms.ModelChoiceField(
        label="Approved as a correct record at",
        queryset=Meeting.objects.none(),
        empty_label="Choose a meeting",
    )

    def __init__(self, *args: Any, meetings: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "at_meeting", meetings)


class MinutesCorrectionForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(label="Corrected minutes", widget=forms.Textarea, max_length=100000)
    reason = forms.CharField(
        label="Why is the correction needed?", widget=forms.Textarea, max_length=2000
    )


class ActionForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Action", max_length=300)
    owner = forms.ModelChoiceField(
        label="Owner", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    due_on = GovUKDateField(label="Due by")

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people)


class ActionUpdateForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect
    )
    progress = forms.CharField(
        label="Progress", widget=forms.Textarea, max_length=4000, required=False
    )


class OfficerDecisionForm(GovUKFormMixin, forms.Form):
    taken_by = forms.ModelChoiceField(
        label="Taken by", queryset=Body.objects.none(), empty_label="Choose who took it"
    )
    decided_by = forms.ModelChoiceField(
        label="Person who decided", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    title = forms.CharField(label="Title", max_length=300)
    decision = forms.CharField(label="Decision", widget=forms.Textarea, max_length=4000)
    amount = forms.DecimalField(
        label="Amount in pounds", max_digits=12, decimal_places=2, required=False
    )
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea, max_length=4000)
    options_considered = forms.CharField(
        label="Other options considered", widget=forms.Textarea, max_length=4000, required=False
    )
    declared_interests = forms.CharField(
        label="Interests declared", widget=forms.Textarea, max_length=2000, required=False
    )
    decided_on = GovUKDateField(label="Date of the decision")

    def __init__(self, *args: Any, bodies: Any = None, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "taken_by", bodies)
        set_queryset(self, "decided_by", people)


class ForwardPlanForm(GovUKFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label="Who decides", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    title = forms.CharField(label="What will be decided", max_length=300)
    description = forms.CharField(
        label="Details", widget=forms.Textarea, max_length=4000, required=False
    )
    decision_due = GovUKDateField(label="When the decision is due")
    is_key = forms.BooleanField(label="This is a key decision", required=False, initial=True)
    in_private = forms.BooleanField(label="It will be taken in private", required=False)
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph (if in private)",
        choices=PARAGRAPHS,
        required=False,
        coerce=int,
        empty_value=None,
    )
    exception = forms.ChoiceField(
        label="Exception to the 28 days' notice", choices=ExceptionKind.choices, required=False
    )
    exception_reason = forms.CharField(
        label="Reason for the exception", widget=forms.Textarea, max_length=2000, required=False
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)


class TrackForm(GovUKFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label="Body", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    outcome = forms.ChoiceField(
        label="Its decision",
        choices=[(TrackOutcome.APPROVED, "Approved"), (TrackOutcome.REJECTED, "Rejected")],
        widget=forms.RadioSelect,
    )
    decided_on = GovUKDateField(label="Date of its decision")
    reference = forms.CharField(
        label="Where it is recorded",
        max_length=300,
        help_text="For example, notes of the meeting of 10 November 2010",
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "body", bodies)


class ResolveForm(GovUKFormMixin, forms.Form):
    resolution = forms.CharField(
        label="How was the conflict resolved?", widget=forms.Textarea, max_length=4000
    )


class MembershipForm(GovUKFormMixin, forms.Form):
    person = forms.ModelChoiceField(
        label="Person", queryset=Person.objects.none(), empty_label="Choose a person"
    )
    role = forms.ChoiceField(label="Role", choices=MemberRole.choices, widget=forms.RadioSelect)
    started_on = GovUKDateField(label="Member from", required=False)
    ended_on = GovUKDateField(label="Member until", required=False)

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "person", people)


class PowerForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Power", choices=[("", "Choose a power")] + PowerKind.choices)
    financial_limit = forms.DecimalField(
        label="Financial limit in pounds",
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text="Leave blank for no limit.",
    )
    description = forms.CharField(
        label="Description", widget=forms.Textarea, max_length=2000, required=False
    )
    source = forms.CharField(label="Where the power comes from", max_length=300, required=False)


class DelegationForm(GovUKFormMixin, forms.Form):
    to_bodies = forms.ModelMultipleChoiceField(
        label="Delegated to",
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Office holders, such as the Partnership Director, are listed as bodies.",
    )
    power = forms.ChoiceField(label="Power", choices=[("", "Choose a power")] + PowerKind.choices)
    purpose = forms.CharField(label="Purpose", widget=forms.Textarea, max_length=2000)
    financial_limit = forms.DecimalField(
        label="Financial limit in pounds", max_digits=12, decimal_places=2, required=False
    )
    limit_is_total = forms.BooleanField(
        label="The limit is a total for all decisions under it (for example a contingency)",
        required=False,
    )
    starts_on = GovUKDateField(label="Start date", required=False)
    ends_on = GovUKDateField(label="End date", required=False)
    source = forms.CharField(label="Where it comes from", max_length=300, required=False)

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "to_bodies", bodies)


class MatterForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="What needs approving", max_length=300)
    description = forms.CharField(
        label="Details", widget=forms.Textarea, max_length=4000, required=False
    )
    bodies = forms.ModelMultipleChoiceField(
        label="Bodies that must approve it",
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    rule = forms.ChoiceField(
        label="Approval needed from", choices=ApprovalRule.choices, widget=forms.RadioSelect
    )
    visibility = forms.ChoiceField(
        label="Who can see it",
        choices=[(v.value, v.label) for v in (Visibility.PUBLIC, Visibility.PARTNERSHIP)],
        widget=forms.RadioSelect,
        initial=Visibility.PARTNERSHIP,
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "bodies", bodies)


class DelegationStartForm(GovUKFormMixin, forms.Form):
    starts_on = GovUKDateField(label="In force from")


BODY_VISIBILITY = [(v.value, v.label) for v in (Visibility.PUBLIC, Visibility.PARTNERSHIP)]


class BodyForm(GovUKFormMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    abbreviation = forms.CharField(
        label="Abbreviation", max_length=12, required=False, help_text="For example, SAB"
    )
    kind = forms.ChoiceField(
        label="Kind of body", choices=BodyKind.choices, widget=forms.RadioSelect
    )
    parent = forms.ModelChoiceField(
        label="Part of",
        queryset=Body.objects.none(),
        required=False,
        empty_label="Not part of another body",
        help_text="For a sub-committee or working group: the body it belongs to.",
    )
    description = forms.CharField(
        label="Description", widget=forms.Textarea, max_length=4000, required=False
    )
    cadence = forms.ChoiceField(
        label="Usually meets", choices=Cadence.choices, widget=forms.RadioSelect
    )
    default_venue = forms.CharField(label="Usual venue", max_length=200, required=False)
    quorum_minimum = forms.IntegerField(
        label="Quorum: the fewest voting members present",
        min_value=1,
        max_value=100,
        initial=1,
        help_text="Co-opted members and officer advisers do not count.",
    )
    quorum_fraction = forms.IntegerField(
        label="Quorum: percentage of voting members (0 for none)",
        min_value=0,
        max_value=100,
        initial=0,
        help_text="If set, at least this percentage of the voting members (rounded up) must also "
        "be present.",
    )
    agenda_notice_days = forms.IntegerField(
        label="Clear days' notice of agendas",
        min_value=0,
        max_value=60,
        initial=5,
        help_text="Clear days leave out the day of publication and the day of the meeting.",
    )
    notice_counts_weekends = forms.BooleanField(
        label="Weekends count as clear days", required=False
    )
    notice_counts_bank_holidays = forms.BooleanField(
        label="Bank holidays (England and Wales) count as clear days", required=False
    )
    requires_reasons = forms.BooleanField(
        label="Decisions must record their reasons", required=False, initial=True
    )
    requires_interests = forms.BooleanField(
        label="Decisions must record the interests declared (or 'None')", required=False
    )
    visibility = forms.ChoiceField(
        label="Who can see the body and its meetings",
        choices=BODY_VISIBILITY,
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )

    def __init__(self, *args: Any, parents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "parent", parents)


class MembershipEndForm(GovUKFormMixin, forms.Form):
    ended_on = GovUKDateField(label="Last day as a member")


class DelegationRevokeForm(GovUKFormMixin, forms.Form):
    ends_on = GovUKDateField(
        label="Last day of the delegation",
        help_text="Decisions already taken under it stand.",
    )


class ReportingLineForm(GovUKFormMixin, forms.Form):
    target = forms.ModelChoiceField(
        label="Reports to", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    style = forms.ChoiceField(
        label="Kind of line",
        choices=LineStyle.choices,
        widget=forms.RadioSelect,
        initial=LineStyle.REPORTS_TO,
        help_text="Twin track: it also reports to a second body, which must approve too.",
    )
    label = forms.CharField(
        label="Label on the diagram",
        max_length=100,
        required=False,
        help_text="Optional. For example, monthly",
    )

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "target", bodies)


class ReportingLineEndForm(GovUKFormMixin, forms.Form):
    ended_on = GovUKDateField(label="Last day of the reporting line")


class MeetingSeriesForm(MeetingForm):
    count = forms.IntegerField(
        label="How many meetings",
        min_value=1,
        max_value=52,
        initial=6,
        help_text="Up to 52. They follow the body's usual cadence from the first date.",
    )
    date = GovUKDateField(label="Date of the first meeting")
