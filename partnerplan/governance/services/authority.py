"""The chain of authority: one function decides whether an authority covers an act, and one
account records every use, so that no authority is used twice and no delegation beyond its limit.

An *act* is something that needs authority: a gate passed, a business case approved, a review
outcome, a call on reserves, a spend from an earmark for another purpose, a contingency
drawdown, an officer decision under a delegation, a funding request decided, a bid submitted.
The *grant* is what the person acting cites: a body's decision, a delegated (officer) decision, a
decision recorded from the papers (`PriorDecision`), or, for a drawdown, the delegation itself
and the person drawing.

`authority_refusal(act=, grant=)` answers, in plain English, why the grant does not cover the
act (or None). It covers it when:

- the body (or office holder) has the power for this kind of act, for this amount, on the date
  of its decision (its terms of reference, or a delegation in force then), and, where the act
  names who alone may approve it (an earmark's approver), it is that body or its delegate;
- the decision is about this subject: the recommendation's effect (or the recorded decision's
  subject) names this project, fund, request or matter, and the same terms (the stage);
- it approved something, is in force on the date of the act and was not taken before what it
  approves; it is not held back on a twin track;
- it has not been used up: a decision is used once for each kind of act, and a delegation's
  uses (officer decisions, drawdowns, delegated spends) never exceed its limit.

`authority_use(actor=, act=, grant=)` locks the grant's row (and the delegation's), asks
`authority_refusal`, and records the `AuthorityUse`; the act keeps a link to it. Reversing the
act releases the use (`authority_use_release`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from partnerplan.core import clock
from partnerplan.core.models import Visibility
from partnerplan.core.money import format_money, pennies
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import effects
from partnerplan.governance.models import (
    APPROVING,
    AuthorityUse,
    Body,
    Decision,
    Delegation,
    EffectState,
    OfficerDecision,
    Power,
    PowerKind,
    PriorDecision,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.selectors.authority import (
    authority_for,
    delegation_names,
    power_words,
)
from partnerplan.governance.services._common import _fail

__all__ = [
    "Act",
    "DelegationAccount",
    "Grant",
    "Subject",
    "authority_refusal",
    "authority_use",
    "authority_use_release",
    "delegation_account",
    "holders_sentence",
    "prior_decision_record",
]


@dataclass(frozen=True)
class Subject:
    """What an act is about, named as the effect registry names it: `key` is the parameter
    ("project_id", "fund_id", "request_id", "matter_id", "bid_id"), `id` its value, `label` the
    words for messages."""

    key: str
    id: int
    label: str


@dataclass(frozen=True)
class Act:
    """An act that needs authority.

    `powers`: any one of these PowerKinds covers it (empty: no power is needed, only the
    `approver`). `on`: the date of the act. `label`: what it does, for messages ("move
    Digital customer services into 'Approved'"). `terms`: further parameters the decision must
    agree with where it names them ({"to_stage": "approved"}). `not_before`: the decision may not
    be older than this (what it approves came into being then). `approver`: only this body, or
    a body it delegated to, may authorise it. `single_use`: a decision is used once for this
    kind of act."""

    kind: str
    powers: tuple[str, ...]
    on: dt.date
    label: str
    subject: Subject | None = None
    amount: Decimal | None = None
    terms: Mapping[str, Any] = field(default_factory=dict)
    not_before: dt.date | None = None
    approver: Body | None = None
    single_use: bool = True


@dataclass(frozen=True)
class Grant:
    """The authority cited for an act: exactly one of a decision, a delegated decision, a
    decision recorded from the papers, or a delegation used directly by `drawn_by`."""

    decision: Decision | None = None
    officer_decision: OfficerDecision | None = None
    prior_decision: PriorDecision | None = None
    delegation: Delegation | None = None
    drawn_by: Any = None

    def named(self) -> list[object]:
        return [
            x
            for x in (self.decision, self.officer_decision, self.prior_decision, self.delegation)
            if x is not None
        ]

    def use_fields(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "officer_decision": self.officer_decision,
            "prior_decision": self.prior_decision,
            "delegation": self.delegation,
        }


def holders_sentence(act: Act) -> str:
    """ "This needs a decision of the Joint Committee, which holds the power to call on
    reserves": who could authorise the act instead."""
    if act.approver is not None and not act.powers:
        return f"This needs a decision of {act.approver}, which may approve it."
    holders: list[Body] = []
    words = ""
    for power in act.powers:
        found = [
            p.body
            for p in Power.objects.filter(kind=power).select_related("body")
            if p.financial_limit is None or act.amount is None or act.amount <= p.financial_limit
        ]
        if act.approver is not None:
            found = [b for b in found if b.pk == act.approver.pk]
        if found:
            holders, words = found, power_words(power)
            break
    if not holders:
        wanted = " or ".join(power_words(p) for p in act.powers) or "approve it"
        return (
            f"No body in partnerplan holds the power to {wanted}"
            + (f" for {format_money(act.amount)}" if act.amount is not None else "")
            + ": check the terms of reference."
        )
    names = " or ".join(str(b) for b in holders)
    verb = "holds" if len(holders) == 1 else "hold"
    return f"This needs a decision of {names}, which {verb} the power to {words}."


# --- Delegations: one account of their use -----------------------------------------------


@dataclass(frozen=True)
class DelegationAccount:
    delegation: Delegation
    limit: Decimal | None
    used: Decimal
    left: Decimal | None
    uses: list[AuthorityUse]


def _delegation_used(delegation: Delegation, *, exclude: AuthorityUse | None = None) -> Decimal:
    uses = AuthorityUse.objects.filter(delegation=delegation, released_at__isnull=True)
    if exclude is not None:
        uses = uses.exclude(pk=exclude.pk)
    # To the penny: SQLite sums DecimalFields as floating point.
    return pennies(uses.aggregate(s=Sum("amount"))["s"])


def delegation_account(delegation: Delegation) -> DelegationAccount:
    """Every use of `delegation` (officer decisions, drawdowns, delegated spends; released ones
    too), what they add up to, and what is left of its limit."""
    uses = list(AuthorityUse.objects.filter(delegation=delegation).order_by("used_on", "pk"))
    used = sum((u.amount or Decimal(0) for u in uses if not u.is_released), Decimal(0))
    limit = delegation.financial_limit
    left = None
    if limit is not None:
        left = max(limit - used, Decimal(0)) if delegation.limit_is_total else limit
    return DelegationAccount(delegation, limit, used, left, uses)


# --- The one function: does the grant cover the act? ---------------------------------------


def _about(params: Mapping[str, Any], matter_id: int | None, act: Act) -> str | None:
    """Why a decision with these effect parameters is not about the act's subject and terms."""
    subject = act.subject
    if subject is not None:
        if subject.key == "matter_id":
            if matter_id != subject.id and params.get("matter_id") != subject.id:
                return f"it is not about {subject.label}"
        elif params.get(subject.key) != subject.id:
            return f"it is not about {subject.label}"
    for name, wanted in act.terms.items():
        if name in params and params[name] != wanted:
            # In the user's words, never the stored codes: "it approved a different stage".
            words = name.removeprefix("to_").replace("_", " ")
            return f"it approved a different {words}"
    return None


def _dates(what: str, decided_on: dt.date, act: Act) -> str | None:
    if decided_on > act.on:
        return (
            f"{what} was taken on {format_date(decided_on)}, after the date of this act "
            f"({format_date(act.on)})"
        )
    if act.not_before is not None and decided_on < act.not_before:
        return (
            f"{what} was taken on {format_date(decided_on)}, before what it would approve existed "
            f"({format_date(act.not_before)})"
        )
    return None


def _used(act: Act, **grant: Any) -> str | None:
    if not act.single_use:
        return None
    earlier = (
        AuthorityUse.objects.filter(act=act.kind, released_at__isnull=True, **grant)
        .order_by("pk")
        .first()
    )
    if earlier is None:
        return None
    return (
        f"it has already been used to {earlier.description[:1].lower()}"
        f"{earlier.description[1:]} ({format_date(earlier.used_on)}): one decision authorises "
        "one act"
    )


def _power_refusal(
    body: Body, power: str | None, amount: Decimal | None, act: Act, on: dt.date
) -> str | None:
    """Why `body`, deciding on `on` with the recommendation's `power` (blank: whichever of the
    act's powers it holds), had no power for the act."""
    if act.approver is not None and body.pk != act.approver.pk:
        return f"only {act.approver} may approve this, not {body}"
    if not act.powers:
        return None
    candidates = [power] if power else list(act.powers)
    if power and power not in act.powers:
        return f"it used the power to {power_words(power)}, not a power for this"
    for candidate in candidates:
        if authority_for(body=body, power=candidate, amount=amount, on=on).allowed:
            return None
    return f"{body} did not hold the power for it on {format_date(on)}"


def _decision_refusal(decision: Decision, act: Act) -> str | None:
    if decision.outcome not in APPROVING:
        return f"it was {decision.get_outcome_display().lower()}: it authorises nothing"
    if decision.effect_state == EffectState.HELD:
        return "it is held back until every body on its twin track has approved"
    if decision.effect_state == EffectState.DROPPED:
        return (
            "it was not approved on its twin track, or was changed after a call-in, so it has "
            "no effect"
        )
    if decision.effect_state == EffectState.WAITING:
        if decision.implement_from is None:
            return (
                "it can be called in, and its decision record has not been published: it cannot "
                "be implemented until the call-in period after publication ends"
            )
        return (
            f"it cannot be implemented before {format_date(decision.implement_from)} (the "
            "call-in period)"
        )
    if decision.effect_state == EffectState.CALLED_IN:
        return (
            "it has been called in by the overview and scrutiny committee and is frozen until "
            "the outcome is recorded"
        )
    rec = decision.recommendation
    amount = act.amount if act.amount is not None else rec.amount
    if rec.amount is not None and act.amount is not None and act.amount > rec.amount:
        return f"it approved {format_money(rec.amount)}, not {format_money(act.amount)}"
    return (
        _about(rec.effect_params or {}, rec.matter_id, act)
        or _power_refusal(decision.body, rec.power, amount, act, decision.decided_on)
        or _dates("The decision", decision.decided_on, act)
        or _used(act, decision=decision)
    )


def _officer_refusal(od: OfficerDecision, act: Act) -> str | None:
    delegation = od.delegation
    if act.powers and delegation.power not in act.powers:
        return f"it was taken under a delegation to {power_words(delegation.power)}"
    if act.approver is not None and delegation.from_body_id != act.approver.pk:
        return f"only {act.approver} or its delegates may approve this"
    if od.amount is not None and act.amount is not None and act.amount > od.amount:
        return f"it decided {format_money(od.amount)}, not {format_money(act.amount)}"
    return (
        _about(od.subject_params or {}, None, act)
        or _dates("The delegated decision", od.decided_on, act)
        or _used(act, officer_decision=od)
    )


def _prior_refusal(prior: PriorDecision, act: Act) -> str | None:
    if prior.amount is not None and act.amount is not None and act.amount > prior.amount:
        return f"it approved {format_money(prior.amount)}, not {format_money(act.amount)}"
    amount = act.amount if act.amount is not None else prior.amount
    return (
        _about(prior.subject_params or {}, None, act)
        or _power_refusal(prior.body, prior.power, amount, act, prior.decided_on)
        or _dates("The decision", prior.decided_on, act)
        or _used(act, prior_decision=prior)
    )


def _delegation_refusal(
    delegation: Delegation, drawn_by: Any, act: Act, *, exclude: AuthorityUse | None = None
) -> str | None:
    if act.powers and delegation.power not in act.powers:
        return f"it delegates the power to {power_words(delegation.power)}"
    if act.approver is not None and delegation.from_body_id != act.approver.pk:
        return f"only {act.approver} or its delegates may approve this"
    if not delegation.in_force_on(act.on):
        return f"it was not in force on {format_date(act.on)}"
    if drawn_by is not None and not delegation_names(delegation, drawn_by, act.on):
        holders = ", ".join(str(b) for b in delegation.to_bodies.all())
        return f"{drawn_by} is not named by it: only {holders} may use it"
    limit = delegation.financial_limit
    if limit is not None and act.amount is not None:
        if delegation.limit_is_total:
            used = _delegation_used(delegation, exclude=exclude)
            if used + act.amount > limit:
                return (
                    f"{format_money(act.amount)} would exceed its limit of "
                    f"{format_money(limit)} in total: {format_money(used)} has been used "
                    "(officer decisions, drawdowns and delegated spends together), so at most "
                    f"{format_money(max(limit - used, Decimal(0)))} is left"
                )
        elif act.amount > limit:
            return f"{format_money(act.amount)} is over its limit of {format_money(limit)}"
    return None


def authority_refusal(*, act: Act, grant: Grant) -> str | None:
    """Why `grant` does not cover `act`, as a sentence that names what is missing and who can
    give it; None when it covers it."""
    named = grant.named()
    if len(named) != 1:
        if not named:
            return f"Choose the decision that allows this. {holders_sentence(act)}"
        return "Choose one authority for this: a decision, a delegated decision or a delegation"
    if grant.decision is not None:
        what, why = str(grant.decision), _decision_refusal(grant.decision, act)
    elif grant.officer_decision is not None:
        what, why = str(grant.officer_decision), _officer_refusal(grant.officer_decision, act)
    elif grant.prior_decision is not None:
        what, why = str(grant.prior_decision), _prior_refusal(grant.prior_decision, act)
    else:
        assert grant.delegation is not None
        what = f"The delegation from {grant.delegation.from_body}"
        why = _delegation_refusal(grant.delegation, grant.drawn_by, act)
    if why is None:
        return None
    sentence = f"{what} does not allow you to {act.label}: {why}."
    if "power" in why or "only" in why:
        sentence += " " + holders_sentence(act)
    return sentence


def _locked(grant: Grant) -> Grant:
    """The grant with its rows locked, in one order (delegation, then the decision), so that two
    uses at the same moment are checked one after the other."""
    delegation = grant.delegation
    officer_decision = grant.officer_decision
    if officer_decision is not None:
        officer_decision = OfficerDecision.objects.select_for_update(of=("self",)).get(
            pk=officer_decision.pk
        )
    if delegation is not None:
        delegation = Delegation.objects.select_for_update(of=("self",)).get(pk=delegation.pk)
    decision = grant.decision
    if decision is not None:
        decision = (
            Decision.objects.select_for_update(of=("self",))
            .select_related("recommendation", "body")
            .get(pk=decision.pk)
        )
    prior = grant.prior_decision
    if prior is not None:
        prior = PriorDecision.objects.select_for_update(of=("self",)).get(pk=prior.pk)
    return Grant(decision, officer_decision, prior, delegation, grant.drawn_by)


@transaction.atomic
def authority_use(
    *, actor: Actor, act: Act, grant: Grant, description: str = "", field_name: str = "authority"
) -> AuthorityUse:
    """Record that `grant` was used for `act`, if it covers it (else ValidationError on
    `field_name`). The grant's rows are locked first."""
    grant = _locked(grant)
    refusal = authority_refusal(act=act, grant=grant)
    if refusal:
        raise _fail(field_name, refusal)
    use = AuthorityUse(
        act=act.kind,
        subject_key=act.subject.key if act.subject else "",
        subject_id=act.subject.id if act.subject else None,
        subject_label=(act.subject.label if act.subject else "")[:300],
        amount=act.amount,
        used_on=act.on,
        description=(description or act.label[:1].upper() + act.label[1:])[:500],
        **grant.use_fields(),
    )
    save_with_actor(use, actor)
    return use


@transaction.atomic
def authority_use_release(*, actor: Actor, use: AuthorityUse, reason: str) -> AuthorityUse:
    """Give back a use (its act was reversed): the decision may be used again, and the amount
    no longer counts against a delegation."""
    use = AuthorityUse.objects.select_for_update(of=("self",)).get(pk=use.pk)
    if use.released_at is not None:
        raise _fail("authority", "This use of the authority has already been given back")
    if not reason.strip():
        raise _fail("reason", "Say why the use of the authority is given back")
    use.released_at = clock.now()
    use.release_reason = reason.strip()[:500]
    save_with_actor(use, actor)
    return use


# --- Decisions taken before partnerplan was used -----------------------------------------


@transaction.atomic
def prior_decision_record(
    *,
    actor: Actor,
    body: Body | None,
    power: str,
    decided_on: dt.date | None,
    reference: str,
    title: str,
    amount: Decimal | None = None,
    subject_params: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    visibility: str = Visibility.PUBLIC,
    exempt_paragraph: int | None = None,
    shared_with: Iterable[Any] = (),
) -> PriorDecision:
    """Record, from the papers, a decision taken before partnerplan was used. The body must
    have held the power (for the amount) on that date; then it is cited like any other.

    It is seen at `visibility`, or, if what it is about (its subject, looked up through
    `effects.subject_records`) is more restricted, at the subject's visibility: the register
    never names a fund or project to someone who may not see it."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if body is None:
        add("body", "Choose the body that took the decision")
    if power not in PowerKind.values:
        add("power", "Choose the power the decision used")
    if decided_on is None:
        add("decided_on", "Enter the date the decision was taken")
    elif decided_on > (today or clock.today()):
        add("decided_on", "The date decided cannot be in the future")
    if not reference.strip():
        add(
            "reference",
            "Enter where the decision is recorded (the meeting, item and recommendation, or the "
            "delegated decision's reference)",
        )
    if not title.strip():
        add("title", "Enter what was decided")
    if body is not None and power in PowerKind.values and decided_on is not None:
        answer = authority_for(body=body, power=power, amount=amount, on=decided_on)
        if not answer.allowed:
            add("body", answer.reason)
    visibility, exempt_paragraph, partners = _narrowest(
        dict(subject_params or {}), visibility, exempt_paragraph, list(shared_with)
    )
    if errors:
        raise ValidationError(errors)
    assert body is not None and decided_on is not None
    prior = PriorDecision(
        body=body,
        power=power,
        decided_on=decided_on,
        reference=reference.strip()[:500],
        title=title.strip()[:300],
        amount=amount,
        subject_params=dict(subject_params or {}),
        visibility=visibility,
        exempt_paragraph=exempt_paragraph,
    )
    problems = prior.clean_visibility()
    if problems:
        raise ValidationError(problems)
    save_with_actor(prior, actor)
    prior.shared_with.set(partners if visibility == Visibility.PARTNERS else [])
    return prior


def _narrowest(
    params: dict[str, Any], visibility: str, paragraph: int | None, partners: list[Any]
) -> tuple[str, int | None, list[Any]]:
    """The narrowest of the given visibility and those of the records the subject names."""
    for record in effects.subject_records(params):
        theirs = getattr(record, "visibility", Visibility.PUBLIC)
        if _NARROWNESS.get(theirs, 0) > _NARROWNESS.get(visibility, 0):
            visibility = theirs
            paragraph = getattr(record, "exempt_paragraph", None)
            partners = list(record.shared_with.all()) if theirs == Visibility.PARTNERS else []
    return visibility, paragraph, partners


#: How narrow a visibility is: a prior decision takes the narrowest of its own and its subject's.
_NARROWNESS: dict[str, int] = {
    Visibility.PUBLIC: 0,
    Visibility.PARTNERSHIP: 1,
    Visibility.PARTNERS: 2,
    Visibility.EXEMPT: 3,
}
