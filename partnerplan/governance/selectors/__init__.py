"""Reads of governance records, scoped to what the viewer may see; and `authority_for`, the
question other apps ask before acting: may this body do this, for this much, on this day?

One module per noun; this package re-exports the names other apps and the views use.
"""

from __future__ import annotations

from partnerplan.governance.selectors.authority import (
    NO_LIMIT,
    Authority,
    authority_for,
)
from partnerplan.governance.selectors.bodies import (
    body_choices,
    body_detail,
    body_list,
)
from partnerplan.governance.selectors.calendars import (
    calendar_feed_of,
    calendar_meetings,
    person_for_calendar,
    private_calendar,
    structure,
)
from partnerplan.governance.selectors.meetings import (
    MeetingPage,
    item_detail,
    later_meetings,
    meeting_detail,
    meeting_list,
    minutes_of,
    recommendation_for_decision,
)
from partnerplan.governance.selectors.people import members_of, people_choices, viewer_person
from partnerplan.governance.selectors.registers import (
    action_for_update,
    decision_register,
    delegation_detail,
    forward_plan,
    membership_detail,
    my_actions,
    officer_decision_register,
    prior_decision_register,
    reporting_line_detail,
    voters_at,
)
from partnerplan.governance.selectors.twin_track import (
    MatterState,
    held_decisions,
    matter_choices,
    matter_detail,
    matter_list,
    matter_state,
)

__all__ = [
    "later_meetings",
    "minutes_of",
    "members_of",
    "people_choices",
    "viewer_person",
    "Authority",
    "authority_for",
    "NO_LIMIT",
    "body_list",
    "body_detail",
    "body_choices",
    "meeting_list",
    "MeetingPage",
    "meeting_detail",
    "item_detail",
    "recommendation_for_decision",
    "decision_register",
    "officer_decision_register",
    "prior_decision_register",
    "held_decisions",
    "matter_choices",
    "delegation_detail",
    "membership_detail",
    "reporting_line_detail",
    "voters_at",
    "forward_plan",
    "my_actions",
    "action_for_update",
    "MatterState",
    "matter_state",
    "matter_list",
    "matter_detail",
    "structure",
    "calendar_meetings",
    "person_for_calendar",
    "calendar_feed_of",
    "private_calendar",
]
