"""Governance services: the register of members' interests, dispensations, and the interests
declared at a meeting (recorded against the agenda item and checked against the register).

The one rule of a declaration is `declaration_record`: a declared interest not on the member's
register is recorded and flagged; a disclosable pecuniary interest means leaving the room unless
a dispensation in force covers the meeting (Localism Act 2011 s31 and s33). `interest_prompts`
lists the registered interests that touch an item (its recommendations act on the project or
fund the interest names, or the item names the partner), so the clerk can ask."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    AgendaItem,
    Declaration,
    Dispensation,
    Interest,
    InterestKind,
    MeetingStatus,
    OfficerRole,
    Participation,
    StatutoryOfficer,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.services._common import _fail, _today

# A dispensation lasts at most four years (Localism Act 2011 s33(3)).
DISPENSATION_MAX_DAYS = 4 * 365 + 1


def legal_officer_words() -> str:
    """Who grants dispensations, for a refusal: the named legal officer, or who names one."""
    officer = StatutoryOfficer.objects.filter(role=OfficerRole.LEGAL).select_related("person")
    named = officer.first()
    if named is None:
        return (
            "the partnership's legal officer (Monitoring Officer equivalent), whom a partnership "
            "administrator names under Governance, Statutory officers"
        )
    return f"{named.person.full_name}, the partnership's legal officer"


@transaction.atomic
def interest_register(
    *,
    actor: Actor,
    person: Any,
    kind: str,
    description: str,
    registered_on: dt.date | None = None,
    partner: Any = None,
    subject_params: dict[str, Any] | None = None,
    subject_label: str = "",
    given_by: str = "",
    value: Decimal | None = None,
    today: dt.date | None = None,
) -> Interest:
    """Add an entry to a person's register of interests."""
    day = _today(today)
    registered_on = registered_on or day
    if kind not in InterestKind.values:
        raise _fail("kind", "Choose the kind of interest")
    if not description.strip():
        raise _fail("description", "Describe the interest, for example 'Director of Example Ltd'")
    if registered_on > day:
        raise _fail("registered_on", "An interest is registered on or before today")
    if kind == InterestKind.GIFT:
        if not given_by.strip():
            raise _fail("given_by", "Say who gave the gift or hospitality")
        if value is None or value <= 0:
            raise _fail("value", "Give the estimated value of the gift or hospitality, in pounds")
    interest = Interest(
        person=person,
        kind=kind,
        description=description.strip(),
        partner=partner,
        subject_params=dict(subject_params or {}),
        subject_label=subject_label.strip()[:300],
        given_by=given_by.strip()[:300],
        value=value,
        registered_on=registered_on,
    )
    save_with_actor(interest, actor)
    return interest


@transaction.atomic
def interest_end(*, actor: Actor, interest: Interest, ended_on: dt.date | None = None) -> Interest:
    """The interest is no longer held: it stays on the record, ended."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    ended_on = ended_on or _today(None)
    if interest.ended_on is not None:
        raise _fail("ended_on", f"This interest ended on {format_date(interest.ended_on)}")
    if ended_on < interest.registered_on:
        raise _fail(
            "ended_on",
            f"It cannot end before it was registered ({format_date(interest.registered_on)})",
        )
    interest.ended_on = ended_on
    save_with_actor(interest, actor)
    return interest


@transaction.atomic
def dispensation_grant(
    *,
    actor: Actor,
    person: Any,
    granted_by: Any,
    purpose: str,
    ends_on: dt.date,
    granted_on: dt.date | None = None,
    interest: Interest | None = None,
    body: Any = None,
    today: dt.date | None = None,
) -> Dispensation:
    """Record a dispensation: who granted it, what it allows, until when (at most four years)."""
    granted_on = granted_on or _today(today)
    if not purpose.strip():
        raise _fail("purpose", "Say what the dispensation allows the member to do")
    if granted_by is None:
        raise _fail("granted_by", f"Choose who granted it: usually {legal_officer_words()}")
    if granted_by.pk == person.pk:
        raise _fail("granted_by", "A member cannot grant themselves a dispensation")
    if ends_on < granted_on:
        raise _fail("ends_on", "The dispensation must end on or after the day it is granted")
    if (ends_on - granted_on).days > DISPENSATION_MAX_DAYS:
        raise _fail(
            "ends_on", "A dispensation lasts at most four years (Localism Act 2011, section 33)"
        )
    if interest is not None and interest.person_id != person.pk:
        raise _fail("interest", "Choose one of this member's own registered interests")
    dispensation = Dispensation(
        person=person,
        granted_by=granted_by,
        purpose=purpose.strip(),
        granted_on=granted_on,
        ends_on=ends_on,
        interest=interest,
        body=body,
    )
    save_with_actor(dispensation, actor)
    return dispensation


# --- Declarations at a meeting -----------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _touches(interest: Interest, item: AgendaItem, params: list[dict[str, Any]]) -> bool:
    """Does this registered interest touch the item: a recommendation acts on its project or
    fund, or the item names its partner."""
    subject = interest.subject_params or {}
    for effect in params:
        if any(effect.get(key) == value for key, value in subject.items()):
            return True
    if interest.partner is not None:
        text = _words(f"{item.title} {item.purpose} {item.report}")
        names = [_words(interest.partner.name)]
        if getattr(interest.partner, "abbreviation", ""):
            names.append(_words(interest.partner.abbreviation))
        return any(name and f" {name} " in f" {text} " for name in names)
    return False


@dataclass(frozen=True)
class Prompt:
    """A registered interest that touches an item: ask the member whether they declare it."""

    interest: Interest
    declared: bool

    @property
    def sentence(self) -> str:
        i = self.interest
        return (
            f"{i.person.full_name} has registered {i.get_kind_display().lower()}: "
            f"{i.description}. It touches this item"
            + (": declared." if self.declared else ": ask whether they declare it.")
        )


def interest_prompts(item: AgendaItem) -> list[Prompt]:
    """The current registered interests of the body's members that touch `item`."""
    meeting = item.meeting
    members = [m.person_id for m in meeting.body.memberships.all() if m.is_current(meeting.date)]
    params = [r.effect_params or {} for r in item.recommendations.all()]
    declared = {d.interest_id for d in item.declarations.all() if d.interest_id}
    prompts = []
    for interest in (
        Interest.objects.filter(person_id__in=members)
        .select_related("person", "partner")
        .order_by("person__last_name", "pk")
    ):
        if interest.is_current(meeting.date) and _touches(interest, item, params):
            prompts.append(Prompt(interest, interest.pk in declared))
    return prompts


def _dispensation_for(person: Any, item: AgendaItem) -> Dispensation | None:
    day = item.meeting.date
    for d in Dispensation.objects.filter(
        person=person, granted_on__lte=day, ends_on__gte=day
    ).order_by("-granted_on"):
        if d.body_id is None or d.body_id == item.meeting.body_id:
            return d
    return None


@transaction.atomic
def declaration_record(
    *,
    actor: Actor,
    item: AgendaItem,
    person: Any,
    kind: str,
    nature: str,
    participation: str,
    interest: Interest | None = None,
) -> Declaration:
    """Record an interest declared at the meeting against `item`, checked against the register:
    matched to the member's registered interest (the one given, or the one of that kind that
    touches the item), or flagged as not on the register. A disclosable pecuniary interest needs
    the member to leave, unless a dispensation in force on the day covers it."""
    item = AgendaItem.objects.select_related("meeting__body").get(pk=item.pk)
    meeting = item.meeting
    if meeting.status == MeetingStatus.CANCELLED:
        raise _fail("person", f"{meeting} was cancelled: nobody declared anything at it")
    if kind not in InterestKind.values:
        raise _fail("kind", "Choose the kind of interest declared")
    if participation not in Participation.values:
        raise _fail("participation", "Say whether the member left the room or took part")
    if not nature.strip():
        raise _fail("nature", "Describe the interest as the member declared it")
    if not any(
        m.person_id == person.pk and m.is_current(meeting.date)
        for m in meeting.body.memberships.all()
    ):
        raise _fail(
            "person", f"{person} was not a member of {meeting.body} on {format_date(meeting.date)}"
        )
    if interest is not None and (
        interest.person_id != person.pk or not interest.is_current(meeting.date)
    ):
        raise _fail(
            "interest",
            "Choose one of this member's registered interests current on the day of the meeting",
        )
    if interest is None:
        params = [r.effect_params or {} for r in item.recommendations.all()]
        current = [
            i
            for i in Interest.objects.filter(person=person, kind=kind).select_related("partner")
            if i.is_current(meeting.date)
        ]
        touching = [i for i in current if _touches(i, item, params)]
        if len(touching) == 1:
            interest = touching[0]
        elif len(current) == 1 and not touching:
            interest = current[0]
    dispensation = None
    if kind == InterestKind.PECUNIARY and participation in {
        Participation.TOOK_PART,
        Participation.DISPENSATION,
    }:
        dispensation = _dispensation_for(person, item)
        if dispensation is None:
            raise _fail(
                "participation",
                f"{person} declared a disclosable pecuniary interest: they must leave the room "
                "and take no part, unless a dispensation in force on "
                f"{format_date(meeting.date)} allows it. A dispensation is granted by "
                f"{legal_officer_words()}.",
            )
        participation = Participation.DISPENSATION
    declaration = Declaration(
        item=item,
        person=person,
        kind=kind,
        nature=nature.strip(),
        participation=participation,
        interest=interest,
        dispensation=dispensation,
        not_on_register=interest is None,
    )
    save_with_actor(declaration, actor)
    return declaration


def declaration_sentence(d: Declaration) -> str:
    """How the minutes record a declaration."""
    text = (
        f"{d.person.full_name} declared {d.get_kind_display().lower()} ({d.nature}) and "
        f"{d.get_participation_display()[0].lower()}{d.get_participation_display()[1:]}"
    )
    if d.dispensation_id is not None and d.dispensation is not None:
        text += f" (dispensation granted on {format_date(d.dispensation.granted_on)})"
    if d.not_on_register:
        text += ". Not on the register of interests: the member is asked to register it"
    return text + "."


@transaction.atomic
def interest_mark_sensitive(
    *,
    actor: Actor,
    interest: Interest,
    agreed_by: Any,
    agreed_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Interest:
    """Mark a registered interest sensitive (Localism Act 2011 s32): the member and the
    Monitoring Officer (the named legal officer) agree that disclosing its details could lead to
    violence or intimidation. The public register then says only that an interest exists, and
    declarations against it likewise."""
    from partnerplan.governance.models import OfficerRole, StatutoryOfficer

    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    legal = StatutoryOfficer.objects.filter(role=OfficerRole.LEGAL).first()
    if legal is None:
        raise _fail(
            "agreed_by",
            "No legal officer (Monitoring Officer equivalent) is named: a partnership "
            "administrator names one on the statutory officers page first",
        )
    if agreed_by is None or agreed_by.pk != legal.person_id:
        raise _fail(
            "agreed_by",
            f"Only the Monitoring Officer ({legal.person}) can agree that an interest is sensitive",
        )
    day = _today(today)
    on = agreed_on or day
    if on > day:
        raise _fail("agreed_on", "The agreement is recorded on or after the day it was given")
    if interest.sensitive:
        raise _fail("agreed_by", "The interest is already marked sensitive")
    interest.sensitive = True
    interest.sensitive_agreed_by = agreed_by
    interest.sensitive_agreed_on = on
    save_with_actor(interest, actor)
    return interest
