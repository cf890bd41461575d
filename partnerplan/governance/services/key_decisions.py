"""Governance services: key decisions (2012 Regulations, regulations 9 to 11 and 19).

A key decision (a recommendation flagged as one, or a delegated decision recorded as one) may be
taken only if one of these is on file, which `key_decision_refusal` decides, for every path
(the decision form, `decision_record`, `officer_decision_record`):

- its forward-plan notice was given at least 28 clear days before (regulation 9; calendar days,
  as docs/governance-rules.md explains);
- a general exception (regulation 10): the chair of the overview and scrutiny committee was
  told in writing, and a notice was published at least five clear working days before;
- special urgency (regulation 11): that chair (or the chair, then vice-chair, of the council)
  agreed that the decision is urgent and cannot reasonably be deferred. Special-urgency
  decisions are listed for the annual report to council (regulation 19).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    Body,
    ChairRole,
    ExceptionKind,
    ForwardPlanEntry,
    KeyDecision,
    KeyDecisionException,
    MemberRole,
    PlanStatus,
    Recommendation,
)
from partnerplan.governance.rules.clear_days import (
    CALENDAR_DAYS,
    check_key_decision_notice,
    earliest_meeting_date,
    format_date,
    latest_publication_date,
)
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.forward_plan import KEY_DECISION_NOTICE_DAYS

#: Regulation 10: the general exception notice, at least five clear days before the decision.
GENERAL_EXCEPTION_DAYS = 5

__all__ = [
    "GENERAL_EXCEPTION_DAYS",
    "KeyDecisionStatus",
    "key_decision_exception_record",
    "key_decision_flag",
    "key_decision_refusal",
    "key_decision_status",
    "key_decision_taken",
    "scrutiny_chair_words",
    "special_urgency_reported",
]


@dataclass(frozen=True)
class KeyDecisionStatus:
    """Whether a key decision may be taken on `on`, by which route, and the sentence for the
    page: what is on file, or what is missing, by when, and who can give it."""

    ok: bool
    route: str
    sentence: str


def scrutiny_chair_words(body: Body, on: dt.date) -> str:
    """Who is told of a general exception and agrees special urgency, by name if known."""
    scrutiny = body.scrutinised_by
    if scrutiny is None:
        return (
            f"the chair of the overview and scrutiny committee (none is named for {body}: a "
            "partnership administrator sets it on the body's page), or failing that the chair "
            "of the council"
        )
    chair = next(
        (
            m.person
            for m in scrutiny.memberships.select_related("person")
            if m.role == MemberRole.CHAIR and m.is_current(on)
        ),
        None,
    )
    return f"the chair of {scrutiny}" + (f" ({chair})" if chair is not None else "")


def _exception_problem(exc: KeyDecisionException, on: dt.date, body: Body) -> str | None:
    """Why this exception on file does not allow the decision on `on` (None: it does)."""
    if exc.kind == ExceptionKind.GENERAL:
        if exc.chair_informed_on is None or exc.chair_informed_on > on:
            return "the general exception does not record when the chair was told"
        check = check_key_decision_notice(
            exc.notice_published_on, on, body.working_calendar, GENERAL_EXCEPTION_DAYS
        )
        if not check.ok:
            return (
                f"the general exception notice published on "
                f"{format_date(exc.notice_published_on)} gives {check.clear_days} clear "
                f"working day{'s' if check.clear_days != 1 else ''} before the decision; it "
                f"needs five, so the decision can be taken on "
                f"{format_date(_earliest(exc.notice_published_on, body))} at the earliest"
            )
        return None
    if exc.agreed_on is None or exc.agreed_on > on:
        return "the special-urgency agreement is dated after the decision"
    return None


def _earliest(published: dt.date, body: Body) -> dt.date:
    return earliest_meeting_date(
        published, GENERAL_EXCEPTION_DAYS, body.working_calendar, on_counting_day=True
    )


def key_decision_status(
    *, entry: ForwardPlanEntry | None, on: dt.date, body: Body
) -> KeyDecisionStatus:
    """Whether `body` may take a key decision on `on` with the notice `entry` (or none)."""

    def routes() -> str:
        due_by = latest_publication_date(on, KEY_DECISION_NOTICE_DAYS, CALENDAR_DAYS)
        who = scrutiny_chair_words(body, on)
        return (
            f"It needs a forward plan notice published by {format_date(due_by)} (28 clear days "
            f"before {format_date(on)}), or a general exception ({who} told in writing and a "
            f"notice published by {format_date(_latest_general(on, body))}, five clear working "
            f"days before), or special urgency ({who} agreeing that it is urgent and cannot "
            "reasonably be deferred). A partnership administrator records them on the forward "
            "plan."
        )

    if entry is None:
        return KeyDecisionStatus(
            False,
            "",
            "This is a key decision, but no forward plan notice is linked to it. " + routes(),
        )
    if entry.body_id != body.pk:
        return KeyDecisionStatus(
            False, "", f"The forward plan notice '{entry}' is for {entry.body}, not {body}."
        )
    if entry.status == PlanStatus.WITHDRAWN:
        return KeyDecisionStatus(
            False, "", f"The forward plan notice '{entry}' was withdrawn. " + routes()
        )
    check = check_key_decision_notice(
        entry.notice_given_on, on, CALENDAR_DAYS, KEY_DECISION_NOTICE_DAYS
    )
    if check.ok:
        return KeyDecisionStatus(
            True,
            "notice",
            f"Forward plan notice given on {format_date(entry.notice_given_on)}: "
            f"{check.clear_days} clear days before {format_date(on)}, so it is in time.",
        )
    problems = []
    for exc in entry.exceptions.all():
        problem = _exception_problem(exc, on, body)
        if problem is None:
            if exc.kind == ExceptionKind.GENERAL:
                sentence = (
                    f"General exception: {exc.chair} ({exc.get_chair_role_display().lower()}) "
                    f"was told on {format_date(exc.chair_informed_on)}"  # type: ignore[arg-type]
                    f" and the notice was published on {format_date(exc.notice_published_on)}."
                )
            else:
                sentence = (
                    f"Special urgency: {exc.chair} ({exc.get_chair_role_display().lower()}) "
                    f"agreed on {format_date(exc.agreed_on)} that it is urgent and cannot "  # type: ignore[arg-type]
                    "reasonably be deferred. It will be reported to council."
                )
            return KeyDecisionStatus(True, exc.kind, sentence)
        problems.append(problem)
    sentence = check.explanation
    if problems:
        sentence += " On file: " + "; ".join(problems) + "."
    return KeyDecisionStatus(False, "", sentence + " " + routes())


def _latest_general(on: dt.date, body: Body) -> dt.date:
    return latest_publication_date(
        on, GENERAL_EXCEPTION_DAYS, body.working_calendar, on_counting_day=True
    )


def key_decision_refusal(*, entry: ForwardPlanEntry | None, on: dt.date, body: Body) -> str | None:
    """Why `body` may not take a key decision on `on` with notice `entry`; None if it may.
    The one rule for key decisions, on every path."""
    status = key_decision_status(entry=entry, on=on, body=body)
    return None if status.ok else status.sentence


def key_decision_taken(*, actor: Actor, entry: ForwardPlanEntry | None) -> None:
    """The notice has been carried out: the entry leaves the forward plan as decided."""
    if entry is not None and entry.status == PlanStatus.PLANNED:
        entry.status = PlanStatus.DECIDED
        save_with_actor(entry, actor)


@transaction.atomic
def key_decision_flag(
    *,
    actor: Actor,
    recommendation: Recommendation,
    entry: ForwardPlanEntry | None = None,
    why_key: str = "",
    is_key: bool = True,
) -> KeyDecision | None:
    """Flag a recommendation as a key decision (and link the forward plan notice of it), or
    unflag it (`is_key=False`), before it is decided."""
    rec = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("item__meeting__body")
        .get(pk=recommendation.pk)
    )
    if hasattr(rec, "decision"):
        raise _fail("entry", "This recommendation has been decided: it can no longer change")
    body = rec.item.meeting.body
    existing = KeyDecision.objects.filter(recommendation=rec).first()
    if not is_key:
        if existing is not None:
            existing.delete()
        return None
    if entry is not None and entry.body_id != body.pk:
        raise _fail("entry", f"Choose a forward plan notice of {body}: this one is {entry.body}'s")
    if entry is not None and not entry.is_key:
        raise _fail("entry", "That forward plan entry is not a notice of a key decision")
    record = existing or KeyDecision(recommendation=rec)
    record.entry = entry
    record.why_key = why_key.strip()[:300]
    save_with_actor(record, actor)
    return record


def _check_general(
    entry: ForwardPlanEntry,
    body: Body,
    chair_informed_on: dt.date | None,
    notice_published_on: dt.date,
) -> None:
    """Regulation 10: the chair told in writing, and five clear working days' notice."""
    if chair_informed_on is None:
        raise _fail(
            "chair_informed_on",
            "Enter the date the chair was told in writing (regulation 10)",
        )
    if chair_informed_on > notice_published_on:
        raise _fail(
            "chair_informed_on",
            "The chair is told before (or when) the general exception notice is published",
        )
    notice = check_key_decision_notice(
        notice_published_on, entry.decision_due, body.working_calendar, GENERAL_EXCEPTION_DAYS
    )
    if not notice.ok:
        raise _fail(
            "notice_published_on",
            f"A general exception notice published on {format_date(notice_published_on)} "
            f"gives {notice.clear_days} clear working "
            f"day{'s' if notice.clear_days != 1 else ''} before the decision due on "
            f"{format_date(entry.decision_due)}: it needs five. Move the decision to "
            f"{format_date(_earliest(notice_published_on, body))} or later, or record "
            "special urgency. " + notice.basis,
        )


def _check_urgency(
    entry: ForwardPlanEntry, agreed_on: dt.date | None, notice_published_on: dt.date
) -> None:
    """Regulation 11: the chair agreed, before the decision; the notice follows."""
    if agreed_on is None:
        raise _fail("agreed_on", "Enter the date the chair agreed that the decision is urgent")
    if agreed_on > entry.decision_due:
        raise _fail("agreed_on", "The agreement must come before the decision")
    if notice_published_on < agreed_on:
        raise _fail(
            "notice_published_on",
            "The special-urgency notice is published after the chair's agreement",
        )


@transaction.atomic
def key_decision_exception_record(
    *,
    actor: Actor,
    entry: ForwardPlanEntry,
    kind: str,
    reasons: str,
    chair: Any,
    notice_published_on: dt.date | None,
    chair_role: str = ChairRole.SCRUTINY_CHAIR,
    chair_informed_on: dt.date | None = None,
    agreed_on: dt.date | None = None,
    today: dt.date | None = None,
) -> KeyDecisionException:
    """Put a general exception or a special-urgency agreement on file for a key decision
    whose forward plan notice is too short. A general exception whose notice cannot give five
    clear working days before the decision is due is refused (with the earliest date)."""
    entry = ForwardPlanEntry.objects.select_related("body").get(pk=entry.pk)
    body = entry.body
    if kind not in ExceptionKind.values:
        raise _fail("kind", "Choose the general exception or special urgency")
    if not entry.is_key:
        raise _fail("kind", "Only a key decision needs an exception to the 28 days' notice")
    check = check_key_decision_notice(
        entry.notice_given_on, entry.decision_due, CALENDAR_DAYS, KEY_DECISION_NOTICE_DAYS
    )
    if check.ok:
        raise _fail("kind", check.explanation + " No exception is needed.")
    if not reasons.strip():
        raise _fail(
            "reasons",
            "Enter why 28 days' notice is impracticable"
            if kind == ExceptionKind.GENERAL
            else "Enter why the decision is urgent and cannot reasonably be deferred",
        )
    if chair is None:
        raise _fail("chair", f"Choose {scrutiny_chair_words(body, entry.decision_due)}")
    if chair_role not in ChairRole.values:
        raise _fail("chair_role", "Choose whose agreement or notice this is")
    if notice_published_on is None:
        raise _fail("notice_published_on", "Enter the date the notice was published")
    if notice_published_on > _today(today):
        raise _fail("notice_published_on", "The notice cannot be published in the future")
    if kind == ExceptionKind.GENERAL:
        _check_general(entry, body, chair_informed_on, notice_published_on)
        agreed_on = None
    else:
        _check_urgency(entry, agreed_on, notice_published_on)
        chair_informed_on = None
    exc = KeyDecisionException(
        entry=entry,
        kind=kind,
        reasons=reasons.strip(),
        chair=chair,
        chair_role=chair_role,
        chair_informed_on=chair_informed_on,
        agreed_on=agreed_on,
        notice_published_on=notice_published_on,
    )
    save_with_actor(exc, actor)
    return exc


@transaction.atomic
def special_urgency_reported(
    *, actor: Actor, exception: KeyDecisionException, reported_on: dt.date
) -> KeyDecisionException:
    """Record that a special-urgency decision was reported to council (regulation 19)."""
    exc = KeyDecisionException.objects.select_for_update().get(pk=exception.pk)
    if exc.kind != ExceptionKind.SPECIAL_URGENCY:
        raise _fail("reported_on", "Only special-urgency decisions are reported to council")
    if exc.agreed_on is not None and reported_on < exc.agreed_on:
        raise _fail("reported_on", "It can only be reported after the agreement")
    exc.reported_to_council_on = reported_on
    save_with_actor(exc, actor)
    return exc
