"""Governance services: bodies, powers, delegations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from partnerplan.core.money import format_money
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    VOTING_ROLES,
    Body,
    BodyKind,
    BodyMembership,
    Delegation,
    DelegationStatus,
    LineStyle,
    MemberRole,
    OfficerDecision,
    Power,
    PowerKind,
    Recommendation,
    ReportingLine,
)
from partnerplan.governance.rules.clear_days import (
    format_date,
)
from partnerplan.governance.selectors.authority import NO_LIMIT
from partnerplan.governance.services._common import _fail

BODY_FIELDS = {
    "name", "abbreviation", "kind", "parent", "description", "cadence", "quorum_minimum",
    "quorum_fraction", "agenda_notice_days", "notice_counts_weekends",
    "notice_counts_bank_holidays", "requires_reasons", "requires_interests", "default_venue",
    "visibility",
    "exempt_paragraph",
    "executive_functions", "scrutinised_by", "call_in_scope", "call_in_days",
    "call_in_members_required",
}  # fmt: skip


def _check_executive(body: Body) -> None:
    """Call-in needs a scrutiny committee to call decisions in, and executive functions."""
    scrutiny = body.scrutinised_by
    if scrutiny is not None and (scrutiny.kind != BodyKind.SCRUTINY or scrutiny.pk == body.pk):
        raise _fail(
            "scrutinised_by", f"{scrutiny} is not an overview and scrutiny committee: choose one"
        )
    if body.call_in_scope and not body.is_executive:
        raise _fail(
            "call_in_scope",
            "Only decisions of a body discharging executive functions can be called in",
        )
    if body.call_in_scope and scrutiny is None:
        raise _fail(
            "scrutinised_by",
            "Choose the overview and scrutiny committee whose members may call decisions in",
        )
    if not 1 <= body.call_in_days <= 20:
        raise _fail("call_in_days", "The call-in period is 1 to 20 clear working days")
    if body.call_in_members_required < 1:
        raise _fail("call_in_members_required", "A call-in needs at least one member")


def _check_body(body: Body) -> None:
    body.name = body.name.strip()
    if not body.name:
        raise _fail("name", "Enter the name of the body")
    if Body.objects.filter(name__iexact=body.name).exclude(pk=body.pk).exists():
        raise _fail("name", f"There is already a body called {body.name}: choose another name")
    if body.quorum_minimum < 1:
        raise _fail(
            "quorum_minimum", "The quorum must be at least 1 voting member: nobody cannot decide"
        )
    if body.quorum_fraction > 100:
        raise _fail("quorum_fraction", "The quorum percentage must be 100 or less")
    if body.agenda_notice_days > 60:
        raise _fail("agenda_notice_days", "Agenda notice must be 60 clear days or fewer")
    _check_executive(body)
    parent = body.parent
    seen: set[int | None] = set()
    while parent is not None:
        if body.pk is not None and parent.pk == body.pk:
            raise _fail(
                "parent",
                f"{body} cannot be part of {body.parent}: {body.parent} is already part of {body}",
            )
        if parent.pk in seen:
            break
        seen.add(parent.pk)
        parent = parent.parent
    errors = body.clean_visibility()
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def body_create(*, actor: Actor, **data: Any) -> Body:
    unknown = set(data) - BODY_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    body = Body(**data)
    _check_body(body)
    save_with_actor(body, actor)
    return body


@transaction.atomic
def body_update(*, actor: Actor, body: Body, **data: Any) -> Body:
    """Change a body's details: kind, parent, cadence, quorum and notice rules. Decisions
    already taken keep the rules they were taken under (attendance and decisions are records)."""
    unknown = set(data) - BODY_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    body = Body.objects.select_for_update().get(pk=body.pk)
    for name, value in data.items():
        setattr(body, name, value)
    if body.parent_id == body.pk:
        raise _fail("parent", f"{body} cannot be part of itself")
    _check_body(body)
    save_with_actor(body, actor)
    return body


@transaction.atomic
def membership_add(
    *,
    actor: Actor,
    body: Body,
    person: Any,
    role: str = MemberRole.MEMBER,
    represents: Any = None,
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
) -> BodyMembership:
    if started_on and ended_on and ended_on < started_on:
        raise _fail("ended_on", "The end of membership must be on or after its start")
    overlapping = BodyMembership.objects.filter(body=body, person=person).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=started_on or dt.date.min)
    )
    if overlapping.exists():
        raise _fail("person", f"{person} is already a member of {body}")
    if body.kind == BodyKind.OFFICE_HOLDER and role in VOTING_ROLES:
        holders = BodyMembership.objects.filter(
            body=body, role__in=VOTING_ROLES, ended_on__isnull=True
        )
        if holders.exists():
            raise _fail(
                "person",
                f"{body} is held by one person at a time: end the current holder's term first",
            )
    membership = BodyMembership(
        body=body,
        person=person,
        role=role,
        represents=represents,
        started_on=started_on,
        ended_on=ended_on,
    )
    save_with_actor(membership, actor)
    return membership


@transaction.atomic
def membership_end(
    *, actor: Actor, membership: BodyMembership, ended_on: dt.date
) -> BodyMembership:
    """End a membership on `ended_on` (the last day as a member). The record stays, so past
    attendance and votes still show the role the person held."""
    membership = (
        BodyMembership.objects.select_for_update(of=("self",))
        .select_related("body", "person")
        .get(pk=membership.pk)
    )
    if membership.ended_on is not None:
        raise _fail(
            "ended_on",
            f"{membership.person}'s membership of {membership.body} already ended on "
            f"{format_date(membership.ended_on)}",
        )
    if membership.started_on and ended_on < membership.started_on:
        raise _fail(
            "ended_on",
            f"The membership cannot end before it started, on {format_date(membership.started_on)}",
        )
    membership.ended_on = ended_on
    save_with_actor(membership, actor)
    return membership


@transaction.atomic
def power_add(
    *,
    actor: Actor,
    body: Body,
    kind: str,
    financial_limit: Decimal | None = None,
    description: str = "",
    source: str = "",
) -> Power:
    if Power.objects.filter(body=body, kind=kind).exists():
        raise _fail("kind", f"{body} already has the power to {PowerKind(kind).label.lower()}")
    if financial_limit is not None and financial_limit <= 0:
        raise _fail(
            "financial_limit", "The financial limit must be more than £0, or blank for no limit"
        )
    power = Power(
        body=body,
        kind=kind,
        financial_limit=financial_limit,
        description=description,
        source=source,
    )
    save_with_actor(power, actor)
    return power


@transaction.atomic
def delegation_create(
    *,
    actor: Actor,
    from_body: Body,
    to_bodies: Iterable[Body],
    power: str,
    purpose: str,
    financial_limit: Decimal | None = None,
    limit_is_total: bool = False,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    source: str = "",
    proposed_in: Recommendation | None = None,
) -> Delegation:
    """Propose a delegation. It comes into force with `delegation_bring_into_force`, or when
    the recommendation it is `proposed_in` is approved."""
    targets = list(to_bodies)
    if not targets:
        raise _fail("to_bodies", "Choose the body or office holder the power is delegated to")
    if from_body in targets:
        raise _fail("to_bodies", f"{from_body} cannot delegate to itself")
    if not purpose.strip():
        raise _fail("purpose", "Enter the purpose of the delegation")
    if starts_on and ends_on and ends_on < starts_on:
        raise _fail("ends_on", "The delegation must end on or after the day it starts")
    own = Power.objects.filter(body=from_body, kind=power).first()
    if own is None:
        raise _fail(
            "power",
            f"{from_body} cannot delegate the power to {PowerKind(power).label.lower()}: "
            "it does not have that power itself",
        )
    if own.financial_limit is not None and (
        financial_limit is None or financial_limit > own.financial_limit
    ):
        raise _fail(
            "financial_limit",
            f"{from_body} can only delegate up to its own limit of "
            f"{format_money(own.financial_limit, none=NO_LIMIT)}",
        )
    delegation = Delegation(
        from_body=from_body,
        power=power,
        purpose=purpose.strip(),
        financial_limit=financial_limit,
        limit_is_total=limit_is_total,
        starts_on=starts_on,
        ends_on=ends_on,
        source=source,
        proposed_in=proposed_in,
    )
    save_with_actor(delegation, actor)
    delegation.to_bodies.set(targets)
    return delegation


@transaction.atomic
def delegation_bring_into_force(
    *, actor: Actor, delegation: Delegation, starts_on: dt.date
) -> Delegation:
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.status != DelegationStatus.PROPOSED:
        raise _fail(
            "status",
            "Only a proposed delegation can come into force; this one is "
            f"{delegation.get_status_display().lower()}",
        )
    if delegation.ends_on and delegation.ends_on < starts_on:
        raise _fail("starts_on", "The delegation would end before it starts")
    delegation.status = DelegationStatus.IN_FORCE
    delegation.starts_on = starts_on
    save_with_actor(delegation, actor)
    return delegation


@transaction.atomic
def delegation_revoke(*, actor: Actor, delegation: Delegation, ends_on: dt.date) -> Delegation:
    """Revoke a delegation: `ends_on` is its last day. Decisions already taken under it stand,
    so it cannot end before the last of them."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.status == DelegationStatus.REVOKED:
        raise _fail("ends_on", "This delegation has already been revoked")
    if delegation.starts_on and ends_on < delegation.starts_on:
        raise _fail(
            "ends_on",
            f"The delegation cannot end before it started, on {format_date(delegation.starts_on)}",
        )
    last = (
        OfficerDecision.objects.filter(delegation=delegation, decided_on__gt=ends_on)
        .order_by("-decided_on")
        .first()
    )
    if last is not None:
        raise _fail(
            "ends_on",
            f"A decision was taken under this delegation on {format_date(last.decided_on)}: "
            "it cannot end before then",
        )
    delegation.status = DelegationStatus.REVOKED
    delegation.ends_on = ends_on
    save_with_actor(delegation, actor)
    return delegation


@transaction.atomic
def reporting_line_add(
    *, actor: Actor, source: Body, target: Body, style: str = LineStyle.REPORTS_TO, label: str = ""
) -> ReportingLine:
    if source == target:
        raise _fail("target", "A body cannot report to itself")
    if style not in LineStyle.values:
        raise _fail("style", "Choose how it reports: reports to, or also reports to (twin track)")
    if ReportingLine.objects.filter(source=source, target=target, ended_on__isnull=True).exists():
        raise _fail("target", f"{source} already reports to {target}")
    if (
        ReportingLine.objects.filter(
            source=target, target=source, ended_on__isnull=True, style=LineStyle.REPORTS_TO
        ).exists()
        and style == LineStyle.REPORTS_TO
    ):
        raise _fail(
            "target", f"{target} reports to {source}, so {source} cannot also report to {target}"
        )
    line = ReportingLine(source=source, target=target, style=style, label=label.strip())
    save_with_actor(line, actor)
    return line


@transaction.atomic
def reporting_line_end(*, actor: Actor, line: ReportingLine, ended_on: dt.date) -> ReportingLine:
    """End a reporting line on `ended_on`. It leaves the structure diagram; its history stays."""
    line = (
        ReportingLine.objects.select_for_update(of=("self",))
        .select_related("source", "target")
        .get(pk=line.pk)
    )
    if line.ended_on is not None:
        raise _fail("ended_on", f"This line already ended on {format_date(line.ended_on)}")
    line.ended_on = ended_on
    save_with_actor(line, actor)
    return line
