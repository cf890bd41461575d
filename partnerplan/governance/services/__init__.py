"""Every write to governance records. Each service checks the rules, refuses bad input with the
rule in plain English (ValidationError keyed by field), saves atomically and records the actor.

Services that depend on "today" take `today=` so that tests (and the demo, which replays 2010)
can say what day it is; it defaults to the local date.

One module per noun (bodies, meetings, agenda, decisions, minutes, officer_decisions, twin_track,
forward_plan, actions, calendar_feeds); this package re-exports the names other apps, the demo
and the tests use.
"""

from __future__ import annotations

from partnerplan.governance.services.actions import (
    action_create,
    action_update,
    actions_notify_overdue,
)
from partnerplan.governance.services.agenda import (
    agenda_item_add,
    exempt_access_log,
    recommendation_add,
    recommendation_set_effect,
)
from partnerplan.governance.services.bodies import (
    BODY_FIELDS,
    body_create,
    body_update,
    delegation_bring_into_force,
    delegation_create,
    delegation_revoke,
    membership_add,
    membership_end,
    power_add,
    reporting_line_add,
    reporting_line_end,
)
from partnerplan.governance.services.calendar_feeds import (
    calendar_feed_renew,
)
from partnerplan.governance.services.call_in import (
    call_in_outcome_record,
    call_in_reconsider,
    call_in_request,
    decision_implement,
    decision_record_publish,
    decisions_implement_due,
)
from partnerplan.governance.services.decisions import (
    decision_record,
)
from partnerplan.governance.services.forward_plan import (
    KEY_DECISION_NOTICE_DAYS,
    forward_plan_add,
    forward_plan_update,
)
from partnerplan.governance.services.key_decisions import (
    key_decision_exception_record,
    key_decision_flag,
    key_decision_refusal,
    special_urgency_reported,
)
from partnerplan.governance.services.meetings import (
    MEETING_LIFECYCLE,
    WHY_NOT,
    meeting_cancel,
    meeting_mark_held,
    meeting_publish_agenda,
    meeting_record_attendance,
    meeting_reschedule,
    meeting_schedule,
    meeting_schedule_series,
    quorum_at,
    why_not,
)
from partnerplan.governance.services.minutes import (
    minutes_approve,
    minutes_correct,
    minutes_save_draft,
)
from partnerplan.governance.services.officer_decisions import (
    officer_decision_record,
)
from partnerplan.governance.services.private_meetings import (
    private_item_refusal,
    private_notice_final,
    private_notice_record,
    private_notice_urgency,
)
from partnerplan.governance.services.substitutes import substitute_record
from partnerplan.governance.services.twin_track import (
    matter_create,
    matter_record_track,
    matter_resolve,
)

__all__ = [
    "BODY_FIELDS",
    "body_create",
    "body_update",
    "membership_add",
    "membership_end",
    "power_add",
    "delegation_create",
    "delegation_bring_into_force",
    "delegation_revoke",
    "reporting_line_add",
    "reporting_line_end",
    "MEETING_LIFECYCLE",
    "WHY_NOT",
    "why_not",
    "meeting_schedule",
    "meeting_schedule_series",
    "meeting_publish_agenda",
    "meeting_cancel",
    "meeting_reschedule",
    "meeting_record_attendance",
    "meeting_mark_held",
    "quorum_at",
    "agenda_item_add",
    "exempt_access_log",
    "recommendation_add",
    "recommendation_set_effect",
    "decision_record",
    "minutes_save_draft",
    "minutes_approve",
    "minutes_correct",
    "officer_decision_record",
    "matter_create",
    "matter_record_track",
    "matter_resolve",
    "KEY_DECISION_NOTICE_DAYS",
    "forward_plan_add",
    "forward_plan_update",
    "key_decision_flag",
    "key_decision_exception_record",
    "key_decision_refusal",
    "special_urgency_reported",
    "decision_record_publish",
    "decision_implement",
    "decisions_implement_due",
    "call_in_request",
    "call_in_outcome_record",
    "call_in_reconsider",
    "private_item_refusal",
    "private_notice_record",
    "private_notice_final",
    "private_notice_urgency",
    "substitute_record",
    "action_create",
    "action_update",
    "actions_notify_overdue",
    "calendar_feed_renew",
]
