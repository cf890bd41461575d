"""Governance services: delegated (officer) decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.models import Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    ActKind,
    Body,
    Delegation,
    ForwardPlanEntry,
    KeyDecision,
    OfficerDecision,
)
from partnerplan.governance.rules.clear_days import (
    format_date,
)
from partnerplan.governance.selectors.authority import authority_for
from partnerplan.governance.services._common import _fail
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    Subject,
    authority_refusal,
    authority_use,
)
from partnerplan.governance.services.call_in import decision_record_missing
from partnerplan.governance.services.key_decisions import key_decision_refusal, key_decision_taken


def _check_record(
    reasons: str,
    options_considered: str,
    declared_interests: str,
    is_key: bool,
    entry: ForwardPlanEntry | None,
    on: dt.date,
    taken_by: Body,
) -> None:
    """The record is complete, and a key decision has its notice (or an exception) on file."""
    missing = decision_record_missing(
        reasons=reasons,
        options_considered=options_considered,
        declared_interests=declared_interests,
    )
    if missing:
        raise ValidationError(missing)
    if is_key:
        refusal = key_decision_refusal(entry=entry, on=on, body=taken_by)
        if refusal:
            raise _fail("forward_plan_entry", refusal)


@transaction.atomic
def officer_decision_record(
    *,
    actor: Actor,
    delegation: Delegation,
    taken_by: Body,
    decided_by: Any,
    title: str,
    decision: str,
    reasons: str,
    decided_on: dt.date,
    amount: Decimal | None = None,
    options_considered: str = "",
    declared_interests: str = "",
    visibility: str = Visibility.PUBLIC,
    exempt_paragraph: int | None = None,
    subject_params: dict[str, Any] | None = None,
    is_key: bool = False,
    forward_plan_entry: ForwardPlanEntry | None = None,
    why_key: str = "",
) -> OfficerDecision:
    """Record and publish a decision taken under a delegation: within it, in force and within
    its limit; its record complete (reasons, options rejected, interests declared or 'None');
    and, for a key decision, with its forward plan notice or an exception on file."""
    delegation = (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("from_body")
        .get(pk=delegation.pk)
    )
    if not delegation.to_bodies.filter(pk=taken_by.pk).exists():
        raise _fail(
            "taken_by", f"The delegation from {delegation.from_body} was not given to {taken_by}"
        )
    if not delegation.in_force_on(decided_on):
        status = delegation.get_status_display().lower()
        raise _fail(
            "decided_on",
            f"The delegation was not in force on {format_date(decided_on)} (it is {status}"
            + (f", from {format_date(delegation.starts_on)}" if delegation.starts_on else "")
            + (f" to {format_date(delegation.ends_on)}" if delegation.ends_on else "")
            + ")",
        )
    member = taken_by.memberships.filter(person=decided_by).first()
    if member is None or not member.is_current(decided_on):
        raise _fail(
            "decided_by",
            f"{decided_by} did not hold or sit on {taken_by} on {format_date(decided_on)}",
        )
    authority = authority_for(body=taken_by, power=delegation.power, amount=amount, on=decided_on)
    if not authority.allowed or authority.source != delegation:
        raise _fail(
            "amount",
            authority.reason
            if not authority.allowed
            else f"This decision is within {taken_by}'s own powers: "
            "record it as a decision of the body",
        )
    for name, value in (("title", title), ("decision", decision)):
        if not value.strip():
            raise _fail(name, f"Enter the {name}")
    _check_record(
        reasons, options_considered, declared_interests, is_key, forward_plan_entry, decided_on,
        taken_by,
    )  # fmt: skip
    act = Act(
        kind=ActKind.OFFICER_DECISION,
        powers=(delegation.power,),
        on=decided_on,
        label=f"decide '{title.strip()}' under it",
        amount=amount,
        single_use=False,
    )
    refusal = authority_refusal(act=act, grant=Grant(delegation=delegation, drawn_by=decided_by))
    if refusal:
        raise _fail("amount", refusal)
    record = OfficerDecision(
        delegation=delegation,
        taken_by=taken_by,
        decided_by=decided_by,
        title=title.strip(),
        decision=decision.strip(),
        reasons=reasons.strip(),
        amount=amount,
        options_considered=options_considered.strip(),
        declared_interests=declared_interests.strip(),
        decided_on=decided_on,
        visibility=visibility,
        exempt_paragraph=exempt_paragraph,
        subject_params=dict(subject_params or {}),
    )
    errors = record.clean_visibility()
    if errors:
        raise ValidationError(errors)
    save_with_actor(record, actor)
    if is_key:
        save_with_actor(
            KeyDecision(officer_decision=record, entry=forward_plan_entry, why_key=why_key[:300]),
            actor,
        )
        key_decision_taken(actor=actor, entry=forward_plan_entry)
    # The delegation's one account: officer decisions, drawdowns and delegated spends together
    # never exceed its limit (the delegation's row is locked above).
    authority_use(
        actor=actor,
        act=replace(act, subject=Subject("officer_decision_id", record.pk, record.title)),
        grant=Grant(delegation=delegation, drawn_by=decided_by),
        description=f"Delegated decision: {record.title}",
        field_name="amount",
    )
    return record
