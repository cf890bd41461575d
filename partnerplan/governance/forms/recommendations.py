"""The recommendation form: the effect of approving it is chosen from pickers the effect
registry offers (the projects and their next stages, the funds, the requests), never typed as
numbers or codes.

For each registered effect the form asks, under its own heading (GOV.UK radios reveal only the
chosen effect's questions; without JavaScript every effect's questions are shown and only the
chosen one's are read):

- one select built from `Effect.choices()`: each `Choice` sets several parameters at once (a
  project and the stage it would move to);
- a select from `Param.choices` for each parameter the picker does not always set;
- a typed box only for amounts and text (and, as a fallback, for a parameter its app offers no
  choices for).

The recommendation's own amount is the effect's `amount` when it takes one. The effect's own
`check` runs in the service (`validate_effect`); its message is shown on the chosen effect's
picker (`RecommendationForm.rekeyed`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

from partnerplan.core.forms import GovUKFormMixin, set_choices, set_queryset
from partnerplan.governance.effects import Choice, Effect, Param, effects
from partnerplan.governance.models import Matter, PowerKind, Recommendation

R = TypeVar("R")

#: The recommendation's own fields; an effect parameter of the same name is not asked again.
OWN_FIELDS = ("text", "reference", "power", "amount", "matter", "effect_kind")


def _prefix(effect: Effect) -> str:
    return effect.kind.replace(".", "_").replace("-", "_")


def encode(params: dict[str, Any]) -> str:
    """The value of a picker option: its parameters as canonical JSON."""
    return json.dumps(params, sort_keys=True, default=str)


def _picker_names(effect: Effect, choices: list[Choice]) -> set[str]:
    """The parameters every option of the effect's picker sets (asked nowhere else)."""
    if effect.choices is None:
        return set()
    if not choices:
        # Nothing to choose today: the picker still stands for the parameters that have no
        # picker of their own, so that no number is asked for by hand.
        return {p.name for p in effect.params if p.choices is None and p.type is not Decimal}
    names = set(choices[0].params)
    for choice in choices[1:]:
        names &= set(choice.params)
    return names


def _param_field(param: Param) -> forms.Field:
    help_text = param.help_text
    if param.choices is not None:
        coerce: Callable[[Any], Any] = param.type if param.type is not Decimal else str
        return forms.TypedChoiceField(
            label=param.label,
            choices=[("", "Choose one")] + [(str(v), label) for v, label in param.choices()],
            coerce=coerce,
            empty_value=None,
            required=False,
            help_text=help_text,
        )
    if param.type is Decimal:
        return forms.DecimalField(
            label=param.label, required=False, max_digits=12, decimal_places=2,
            help_text=help_text,
        )  # fmt: skip
    if param.type is int:
        return forms.IntegerField(
            label=param.label, required=False, min_value=1, help_text=help_text
        )
    return forms.CharField(label=param.label, max_length=200, required=False, help_text=help_text)


class EffectQuestions:
    """The questions the form asks for one effect: the picker's field name (if any), the
    parameters it always sets, and the field of each other parameter."""

    def __init__(self, effect: Effect) -> None:
        self.effect = effect
        self.choices: list[Choice] = effect.choices() if effect.choices is not None else []
        self.picked = _picker_names(effect, self.choices)
        prefix = _prefix(effect)
        self.picker = f"{prefix}__choice" if effect.choices is not None else ""
        self.fields: dict[str, str] = {
            p.name: f"{prefix}__{p.name}"
            for p in effect.params
            if p.name not in self.picked and p.name not in OWN_FIELDS
        }

    def form_fields(self) -> dict[str, forms.Field]:
        out: dict[str, forms.Field] = {}
        if self.picker:
            empty = "Choose one" if self.choices else "There is nothing to choose now"
            out[self.picker] = forms.ChoiceField(
                label="What it is about",
                help_text=f"{self.effect.label}: only what it can act on now is offered.",
                choices=[("", empty)] + [(encode(c.params), c.label) for c in self.choices],
                required=False,
            )
        by_name = {p.name: p for p in self.effect.params}
        for name, field_name in self.fields.items():
            out[field_name] = _param_field(by_name[name])
        return out

    def field_names(self) -> list[str]:
        return ([self.picker] if self.picker else []) + list(self.fields.values())

    def initial(self, params: dict[str, Any]) -> dict[str, Any]:
        """The form's answers for a recommendation whose effect has these parameters."""
        out: dict[str, Any] = {}
        if self.picker:
            for choice in self.choices:
                if all(params.get(k) == v for k, v in choice.params.items()):
                    out[self.picker] = encode(choice.params)
                    break
        for name, field_name in self.fields.items():
            if params.get(name) is not None:
                out[field_name] = params[name]
        return out


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
    matter = forms.ModelChoiceField(
        label="Twin-track matter it decides",
        queryset=Matter.objects.none(),
        required=False,
        empty_label="None",
        help_text="Only if another body must approve it too: its effect waits for every track.",
    )
    effect_kind = forms.ChoiceField(
        label="What approving it does in partnerplan",
        choices=[],
        required=False,
        widget=forms.RadioSelect,
    )
    # The questions for each effect come from the effect registry: `recommendation_form()`.
    questions: list[EffectQuestions]

    def __init__(
        self,
        *args: Any,
        questions: list[EffectQuestions] | None = None,
        matters: Any = None,
        **kwargs: Any,
    ) -> None:
        self.questions = questions if questions is not None else []
        super().__init__(*args, **kwargs)
        set_choices(
            self,
            "effect_kind",
            [("", "Nothing automatic")] + [(q.effect.kind, q.effect.label) for q in self.questions],
        )
        if matters is not None:
            set_queryset(self, "matter", matters)

    # --- what the template shows ------------------------------------------------------

    def own_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in OWN_FIELDS if name != "effect_kind"]

    def effect_sections(self) -> list[dict[str, Any]]:
        """For the template: each effect's radio value, label and its questions."""
        chosen = self["effect_kind"].value() or ""
        return [
            {
                "kind": q.effect.kind,
                "label": q.effect.label,
                "id": f"effect-{_prefix(q.effect)}",
                "checked": chosen == q.effect.kind,
                "fields": [self[n] for n in q.field_names()],
            }
            for q in self.questions
        ]

    # --- reading the answers ----------------------------------------------------------

    def _questions_for(self, kind: str) -> EffectQuestions | None:
        return next((q for q in self.questions if q.effect.kind == kind), None)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("effect_kind") or ""
        params: dict[str, Any] = {}
        q = self._questions_for(kind)
        if q is not None:
            params = self._effect_params(q, data)
        data["effect_params"] = params
        return data

    def _effect_params(self, q: EffectQuestions, data: dict[str, Any]) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if q.picker:
            picked = data.get(q.picker) or ""
            if picked:
                params.update(json.loads(picked))
            elif q.picked:
                message = (
                    f"Choose what '{q.effect.label.lower()}' is about"
                    if q.choices
                    else f"There is nothing '{q.effect.label.lower()}' can be about now"
                )
                self.add_error(q.picker, message)
        by_name = {p.name: p for p in q.effect.params}
        for name, field_name in q.fields.items():
            if name in params:
                continue
            value = data.get(field_name)
            if value is None or value == "":
                if by_name[name].required and q.effect.checked and field_name not in self.errors:
                    label = by_name[name].label
                    self.add_error(field_name, f"Enter or choose {label[0].lower()}{label[1:]}")
                continue
            params[name] = str(value) if isinstance(value, Decimal) else value
        for param in q.effect.params:
            if param.name in OWN_FIELDS and param.name not in params:
                value = data.get(param.name)
                if value is not None and value != "":
                    params[param.name] = str(value) if isinstance(value, Decimal) else value
        return params

    def effect_field(self, kind: str) -> str | None:
        """The field that shows a refusal of the effect's parameters."""
        q = self._questions_for(kind)
        if q is None:
            return "effect_kind"
        return q.picker or next(iter(q.fields.values()), "effect_kind")

    def rekeyed(self, act: Callable[[], R], kind: str) -> R:
        """Call `act`; a refusal keyed "effect_params" is shown on the effect's own field."""
        try:
            return act()
        except ValidationError as exc:
            if not hasattr(exc, "error_dict") or "effect_params" not in exc.error_dict:
                raise
            errors = dict(exc.error_dict)
            target = self.effect_field(kind) or "effect_kind"
            errors.setdefault(target, []).extend(errors.pop("effect_params"))
            raise ValidationError(errors) from exc


def recommendation_form(
    data: Any = None,
    *,
    matters: Any = None,
    recommendation: Recommendation | None = None,
    change_note: bool = False,
) -> RecommendationForm:
    """The recommendation form, with a picker and questions for every registered effect.
    `recommendation`: the one being changed (its answers are the initial ones); `change_note`:
    the agenda is published, so the change must be explained."""
    questions = [EffectQuestions(e) for e in effects()]
    fields: dict[str, forms.Field] = {}
    for q in questions:
        fields.update(q.form_fields())
    if change_note:
        fields["change_note"] = forms.CharField(
            label="What changed, and why",
            widget=forms.Textarea,
            max_length=2000,
            help_text="The agenda is published: this is shown on it as 'Changed after "
            "publication'.",
        )
    form_class = type(
        "RecommendationForm", (RecommendationForm,), {**fields, "__module__": __name__}
    )
    initial: dict[str, Any] = {}
    if recommendation is not None:
        initial = {
            "text": recommendation.text,
            "reference": recommendation.reference,
            "power": recommendation.power,
            "amount": recommendation.amount,
            "matter": recommendation.matter_id,
            "effect_kind": recommendation.effect_kind,
        }
        for q in questions:
            if q.effect.kind == recommendation.effect_kind:
                initial.update(q.initial(recommendation.effect_params or {}))
    form: RecommendationForm = form_class(
        data, questions=questions, matters=matters, initial=initial
    )
    return form
