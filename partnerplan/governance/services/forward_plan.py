"""Governance services: forward plan."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    Body,
    ExceptionKind,
    ForwardPlanEntry,
    Meeting,
)
from partnerplan.governance.rules.clear_days import (
    CALENDAR_DAYS,
    check_key_decision_notice,
)
from partnerplan.governance.services._common import _fail, _today

KEY_DECISION_NOTICE_DAYS = 28


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
    exception: str = ExceptionKind.NONE,
    exception_reason: str = "",
    meeting: Meeting | None = None,
) -> ForwardPlanEntry:
    notice = _today(notice_given_on)
    if not title.strip():
        raise _fail("title", "Enter what will be decided")
    if decision_due <= notice:
        raise _fail("decision_due", "The decision must be due after the notice is given")
    if in_private and not exempt_paragraph:
        raise _fail(
            "exempt_paragraph",
            "A decision taken in private cites the paragraph of Schedule 12A that allows it",
        )
    if not in_private and exempt_paragraph:
        raise _fail(
            "exempt_paragraph", "Only decisions taken in private cite a Schedule 12A paragraph"
        )
    if is_key:
        check = check_key_decision_notice(
            notice, decision_due, CALENDAR_DAYS, KEY_DECISION_NOTICE_DAYS
        )
        if not check.ok and (not exception or not exception_reason.strip()):
            raise _fail(
                "exception_reason",
                check.explanation + " A key decision with less notice needs a recorded "
                "exception (general exception or special urgency) and the reason for it.",
            )
        if check.ok:
            exception, exception_reason = ExceptionKind.NONE, ""
    entry = ForwardPlanEntry(
        body=body,
        title=title.strip(),
        description=description,
        decision_due=decision_due,
        notice_given_on=notice,
        is_key=is_key,
        in_private=in_private,
        exempt_paragraph=exempt_paragraph,
        exception=exception,
        exception_reason=exception_reason.strip(),
        meeting=meeting,
    )
    save_with_actor(entry, actor)
    return entry
