""" "What is it about": one picker built from the registered effects, for the records that name
their subject in the effect registry's words (`subject_params`): a decision taken before
partnerplan was used, a twin-track matter.

The options are every effect's own choices (a project and the stage it would move to) and the
choices of the parameters that name a subject (a project, a fund, a request); the value of an
option is its parameters as canonical JSON, which the form turns back into `subject_params`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django import forms

from partnerplan.governance.effects import effects

#: The parameters that name what an act is about (governance.services.authority.Subject.key).
SUBJECT_KEYS = ("project_id", "fund_id", "request_id", "matter_id", "bid_id")


def subject_value(params: dict[str, Any]) -> str:
    """The picker's value for these subject parameters."""
    return json.dumps(params, sort_keys=True, default=str)


_encode = subject_value


def subject_choices(
    keys: Iterable[str] = SUBJECT_KEYS, *, with_effect_choices: bool = True
) -> list[tuple[str, str]]:
    """(value, label) pairs of what a record can be about, without repeats."""
    wanted = set(keys)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []

    def add(params: dict[str, Any], label: str) -> None:
        value = _encode(params)
        if value not in seen:
            seen.add(value)
            out.append((value, label))

    for effect in effects():
        for param in effect.params:
            if param.name in wanted and param.choices is not None:
                for value, label in param.choices():
                    add({param.name: value}, label)
    if with_effect_choices:
        for effect in effects():
            if effect.choices is None:
                continue
            for choice in effect.choices():
                if wanted & set(choice.params):
                    add(dict(choice.params), f"{effect.label}: {choice.label}")
    return out


class SubjectField(forms.ChoiceField):
    """A picker of what the record is about; cleans to the `subject_params` dict ({} for
    none)."""

    def __init__(self, *, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(choices=[("", "Nothing in partnerplan")] + choices, **kwargs)

    def clean(self, value: Any) -> dict[str, Any]:  # a dict, not text
        text = super().clean(value)
        return dict(json.loads(text)) if text else {}

    def prepare_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            return _encode(data) if data else ""
        return data
