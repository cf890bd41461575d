"""What authorises a movement, as cited by the person posting it, and how a movement that needs
authority uses it (through governance's one account of uses, `authority_use`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from partnerplan.core.types import Actor
from partnerplan.finance.services._common import _fail
from partnerplan.governance.models import (
    APPROVING,
    Body,
    Decision,
    OfficerDecision,
    PriorDecision,
)
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    authority_use,
    holders_sentence,
    prior_decision_record,
)

#: prior_decision_record's fields, as the authority fields of the finance forms name them.
_PRIOR_FIELDS = {
    "body": "authority_body",
    "decided_on": "authority_date",
    "reference": "authority_reference",
    "power": "authority",
    "title": "authority",
}


@dataclass(frozen=True)
class CitedAuthority:
    """What authorises a movement. One of: a decision of a body; a delegated (officer)
    decision; a decision recorded from the papers (`PriorDecision`); or a reference (the body,
    its reference and the date) for an authority not recorded in partnerplan.

    Contributions, income and opening balances (each partner's own budget) may keep the
    reference as it is (`fields()`). A movement that needs a power (a call on reserves, another
    use of an earmark) turns the reference into a `PriorDecision` first, through
    `prior_decision_record`, so that the body must have held the power, and then uses it once
    (`authorise`). Drawdowns under a delegation get theirs from `contingency_draw`."""

    decision: Decision | None = None
    officer_decision: OfficerDecision | None = None
    body: Body | None = None
    reference: str = ""
    on: dt.date | None = None
    prior_decision: PriorDecision | None = None

    def _missing(self) -> list[str]:
        return [
            name
            for name, value in (
                ("the body that authorised it", self.body),
                ("its reference", self.reference.strip()),
                ("the date it was authorised", self.on),
            )
            if not value
        ]

    def fields(self) -> dict[str, Any]:
        """The movement's authority fields, for a movement that needs no power."""
        if self.decision is not None:
            if self.decision.outcome not in APPROVING:
                raise _fail(
                    "authority",
                    f"The decision ({self.decision}) was "
                    f"{self.decision.get_outcome_display().lower()}: only a decision that "
                    "approved something can authorise a movement",
                )
            return {"decision": self.decision}
        if self.officer_decision is not None:
            return {"officer_decision": self.officer_decision}
        if self.prior_decision is not None:
            return {"prior_decision": self.prior_decision}
        missing = self._missing()
        if missing:
            raise _fail(
                "authority",
                "Every movement needs the decision that authorises it. Choose the decision, or "
                "record " + ", ".join(missing),
            )
        return {
            "authority_body": self.body,
            "authority_reference": self.reference.strip(),
            "authority_date": self.on,
        }

    def grant(self, *, actor: Actor, act: Act, power: str, title: str) -> Grant:
        """The grant for `act`: the cited decision, or the reference recorded as a decision
        taken before partnerplan (the same body, date and reference are recorded once, so the
        same decision cannot be cited twice for one kind of act)."""
        if self.decision is not None:
            return Grant(decision=self.decision)
        if self.officer_decision is not None:
            return Grant(officer_decision=self.officer_decision)
        if self.prior_decision is not None:
            return Grant(prior_decision=self.prior_decision)
        missing = self._missing()
        if missing:
            raise _fail(
                "authority",
                "Every movement needs the decision that authorises it. Choose the decision, or "
                "record " + ", ".join(missing) + ". " + holders_sentence(act),
            )
        assert self.body is not None and self.on is not None
        reference = self.reference.strip()[:500]
        prior = PriorDecision.objects.filter(
            body=self.body, power=power, decided_on=self.on, reference=reference
        ).first()
        if prior is None:
            subject = {act.subject.key: act.subject.id} if act.subject else {}
            try:
                prior = prior_decision_record(
                    actor=actor,
                    body=self.body,
                    power=power,
                    decided_on=self.on,
                    reference=reference,
                    title=title,
                    subject_params=subject,
                )
            except ValidationError as exc:
                raise _rekeyed(exc, act) from exc
        return Grant(prior_decision=prior)


def _rekeyed(exc: ValidationError, act: Act) -> ValidationError:
    """prior_decision_record's refusal on the finance form's own fields; a body without the
    power is told who holds it."""
    if not hasattr(exc, "error_dict"):
        return exc
    errors: dict[str, list[str]] = {}
    for name, messages in exc.message_dict.items():
        for message in messages:
            if name == "body" and "must go to" not in message and "No body" not in message:
                message = f"{message} {holders_sentence(act)}"
            errors.setdefault(_PRIOR_FIELDS.get(name, "authority"), []).append(message)
    return ValidationError(errors)


def authorise(
    *,
    actor: Actor,
    act: Act,
    cited: CitedAuthority | None = None,
    grant: Grant | None = None,
    power: str = "",
    description: str = "",
    field_name: str = "authority",
) -> dict[str, Any]:
    """Use the authority for a movement that needs it, once: `authority_use` locks it, asks
    whether it covers `act` and records the use. Returns the movement's authority fields
    (the decision, delegated or recorded decision, or delegation, and the use)."""
    if grant is None:
        assert cited is not None
        grant = cited.grant(
            actor=actor,
            act=act,
            power=power or (act.powers[0] if act.powers else ""),
            title=description or act.label,
        )
    use = authority_use(
        actor=actor, act=act, grant=grant, description=description, field_name=field_name
    )
    fields: dict[str, Any] = {
        "decision": grant.decision,
        "officer_decision": grant.officer_decision,
        "prior_decision": grant.prior_decision,
        "authority_use": use,
    }
    if grant.delegation is not None:
        fields.update(delegation=grant.delegation, drawn_by=grant.drawn_by)
    return fields
