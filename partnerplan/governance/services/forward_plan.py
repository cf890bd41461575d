"""Governance services: the forward plan (notices of key decisions, regulation 9).

An entry is the notice: it can be given with any notice, and changed later (its history is
kept); whether a key decision may then be taken is decided when it is taken, by
`governance.services.key_decisions.key_decision_refusal`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    Body,
    ForwardPlanEntry,
    Meeting,
    PlanStatus,
)
from partnerplan.governance.services._common import _fail, _today

KEY_DECISION_NOTICE_DAYS = 28

#: What can be changed on an entry once notice is given (never the day notice was given).
ENTRY_FIELDS = {
    "title", "description", "decision_due", "is_key", "in_private", "exempt_paragraph",
    "meeting", "documents", "status",
}  # fmt: skip


def _check_entry(entry: ForwardPlanEntry) -> None:
    entry.title = entry.title.strip()
    if not entry.title:
        raise _fail("title", "Enter what will be decided")
    if entry.decision_due <= entry.notice_given_on:
        raise _fail("decision_due", "The decision must be due after the notice is given")
    if entry.in_private and not entry.exempt_paragraph:
        raise _fail(
            "exempt_paragraph",
            "A decision taken in private cites the paragraph of Schedule 12A that allows it",
        )
    if not entry.in_private and entry.exempt_paragraph:
        raise _fail(
            "exempt_paragraph", "Only decisions taken in private cite a Schedule 12A paragraph"
        )
    if entry.meeting is not None and entry.meeting.body_id != entry.body_id:
        raise _fail("meeting", f"The meeting is not a meeting of {entry.body}")
    if entry.status not in PlanStatus.values:
        raise _fail("status", "Choose planned, decided or withdrawn")


@transaction.atomic
def forward_plan_add(
    *,
    actor: Actor,
    body: Body,
    title: str,
    decision_due: dt.date,
    notice_given_on: dt.date | None = None,
    description: str = "",
    is_key: bool = True,
    in_private: bool = False,
    exempt_paragraph: int | None = None,
    meeting: Meeting | None = None,
    documents: str = "",
    today: dt.date | None = None,
) -> ForwardPlanEntry:
    """Give notice of a decision: today, or on `notice_given_on` (from the papers)."""
    notice = notice_given_on or _today(today)
    entry = ForwardPlanEntry(
        body=body,
        title=title,
        description=description,
        decision_due=decision_due,
        notice_given_on=notice,
        is_key=is_key,
        in_private=in_private,
        exempt_paragraph=exempt_paragraph,
        meeting=meeting,
        documents=documents.strip(),
    )
    _check_entry(entry)
    save_with_actor(entry, actor)
    return entry


@transaction.atomic
def forward_plan_update(
    *, actor: Actor, entry: ForwardPlanEntry, **changes: Any
) -> ForwardPlanEntry:
    """Change an entry (a new date, a different meeting, withdrawn). The day notice was given
    stays: a later date keeps the notice, an earlier one may need an exception. The history of
    the entry shows every change."""
    unknown = set(changes) - ENTRY_FIELDS
    if unknown:
        raise TypeError(f"Unexpected fields: {', '.join(sorted(unknown))}")
    entry = ForwardPlanEntry.objects.select_for_update().get(pk=entry.pk)
    for name, value in changes.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    _check_entry(entry)
    save_with_actor(entry, actor)
    return entry
