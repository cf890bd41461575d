"""Citing the authority for a portfolio act (a gate, a business-case approval, a review outcome
that stops or redesigns a project).

The grant is one of: a body's decision recorded in partnerplan, a decision taken under a
delegation (an officer decision), or a decision taken before partnerplan was used, given from
the papers (body, reference, date) and recorded as a `governance.PriorDecision` through
`prior_decision_record` with the power the body held for the act. Whether the grant covers the
act is decided by one function, `governance.services.authority.authority_use`, which also
records the use so that one decision authorises one act.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from partnerplan.core.types import Actor
from partnerplan.governance.models import AuthorityUse, Body, Decision, OfficerDecision
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.selectors import authority_for
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    authority_use,
    holders_sentence,
    prior_decision_record,
)
from partnerplan.portfolio.services._common import Errors, _add


@dataclass(frozen=True)
class Fields:
    """The names of the form fields the authority is given in (errors are keyed by them)."""

    choice: str = "decision"
    officer: str = "officer_decision"
    body: str = "deciding_body"
    reference: str = "decision_reference"
    decided_on: str = "decided_on"


@dataclass(frozen=True)
class Given:
    """The authority as given on the form: a decision, an officer decision, or the papers of
    a decision taken before partnerplan was used."""

    decision: Decision | None = None
    officer_decision: OfficerDecision | None = None
    body: Body | None = None
    reference: str = ""
    decided_on: dt.date | None = None

    @property
    def from_papers(self) -> bool:
        return self.body is not None or bool(self.reference.strip()) or self.decided_on is not None


@dataclass(frozen=True)
class Cited:
    """The authority an act was done on: the use recorded, and the body, reference and date to
    show with the act."""

    use: AuthorityUse
    grant: Grant
    body: Body | None
    reference: str
    decided_on: dt.date


def _power_held(body: Body, act: Act, on: dt.date) -> str | None:
    for power in act.powers:
        if authority_for(body=body, power=power, on=on).allowed:
            return power
    return None


def grant_problems(act: Act, given: Given, fields: Fields, what: str) -> Errors:
    """What is missing or wrong in the authority as given, before anything is written: one
    authority, and for a decision from the papers the body (holding the power), the reference
    and the date. `what` names the act in the request to choose ("this gate")."""
    errors: Errors = {}
    chosen = [x for x in (given.decision, given.officer_decision) if x is not None]
    if len(chosen) + given.from_papers > 1:
        _add(
            errors,
            fields.choice,
            "Choose one authority: a decision recorded in partnerplan, a delegated decision, "
            "or a decision taken before partnerplan was in use (from the papers), not several",
        )
        return errors
    if not chosen and not given.from_papers:
        _add(
            errors,
            fields.choice,
            f"Choose the decision that allows {what}, or, for a decision taken before "
            "partnerplan was in use, enter the body, the meeting or delegated decision from "
            f"the papers and the date. {holders_sentence(act)}",
        )
        return errors
    if not given.from_papers:
        return errors
    if given.body is None:
        _add(
            errors, fields.body, f"Choose the body that took the decision. {holders_sentence(act)}"
        )
    if not given.reference.strip():
        _add(
            errors,
            fields.reference,
            "Enter the meeting or delegated decision from the papers (for example 'Joint "
            "Committee, 17 December 2010, recommendation 2.1')",
        )
    if given.decided_on is None:
        _add(errors, fields.decided_on, "Enter the date the decision was taken")
    elif given.decided_on > act.on:
        _add(errors, fields.decided_on, "The date decided cannot be in the future")
    elif given.body is not None and _power_held(given.body, act, given.decided_on) is None:
        _add(
            errors,
            fields.body,
            f"{given.body} did not hold the power to {act.label} on "
            f"{format_date(given.decided_on)}. {holders_sentence(act)}",
        )
    return errors


_PRIOR_KEYS = {"body": "body", "decided_on": "decided_on", "reference": "reference"}


def cite(
    *,
    actor: Actor,
    act: Act,
    given: Given,
    fields: Fields,
    subject_params: Mapping[str, Any],
) -> Cited:
    """Record the use of the authority given for `act` (call `grant_problems` first). A decision
    from the papers is recorded as a PriorDecision first; the use is refused, keyed on
    `fields.choice`, when the grant does not cover the act."""
    if given.from_papers:
        assert given.body is not None and given.decided_on is not None
        power = _power_held(given.body, act, given.decided_on) or (act.powers or ("",))[0]
        try:
            prior = prior_decision_record(
                actor=actor,
                body=given.body,
                power=power,
                decided_on=given.decided_on,
                reference=given.reference,
                title=(act.label[:1].upper() + act.label[1:])[:300],
                subject_params=dict(subject_params),
                today=act.on,
            )
        except ValidationError as exc:
            errors: Errors = {}
            for key, messages in exc.message_dict.items():
                name = getattr(fields, _PRIOR_KEYS.get(key, "choice"), fields.choice)
                for message in messages:
                    _add(errors, name, message)
            raise ValidationError(errors) from exc
        grant = Grant(prior_decision=prior)
        body, reference, decided_on = prior.body, prior.reference, prior.decided_on
    elif given.decision is not None:
        decision = Decision.objects.select_related("body").get(pk=given.decision.pk)
        grant = Grant(decision=decision)
        body, reference, decided_on = decision.body, str(decision), decision.decided_on
    else:
        assert given.officer_decision is not None
        od = OfficerDecision.objects.select_related("taken_by").get(pk=given.officer_decision.pk)
        grant = Grant(officer_decision=od)
        body, reference, decided_on = od.taken_by, str(od), od.decided_on
    use = authority_use(actor=actor, act=act, grant=grant, field_name=fields.choice)
    return Cited(use, grant, body, reference[:500], decided_on)
