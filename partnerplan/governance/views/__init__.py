"""Governance pages. Each view reads its form, calls one service and redirects; what a viewer
may see is decided by the selectors and core.access. One module per part of governance."""

from __future__ import annotations

from partnerplan.governance.views.actions import (
    action_create,
    action_update,
    my_actions,
)
from partnerplan.governance.views.agenda import (
    decision_create,
    item_create,
    item_detail,
    recommendation_create,
)
from partnerplan.governance.views.bodies import (
    body_create,
    body_detail,
    body_edit,
    body_list,
    delegation_create,
    delegation_detail,
    delegation_in_force,
    delegation_revoke,
    membership_create,
    membership_end,
    power_create,
    reporting_line_create,
    reporting_line_end,
    structure,
)
from partnerplan.governance.views.calendars import (
    body_calendar,
    my_calendar,
    person_calendar,
    private_calendar,
)
from partnerplan.governance.views.changes import (
    item_change,
    item_withdraw,
    recommendation_change,
    recommendation_withdraw,
)
from partnerplan.governance.views.meetings import (
    meeting_attendance,
    meeting_cancel,
    meeting_create,
    meeting_detail,
    meeting_held,
    meeting_publish,
    meeting_reschedule,
    meeting_series,
)
from partnerplan.governance.views.minutes import (
    minutes_approve,
    minutes_correct,
    minutes_edit,
)
from partnerplan.governance.views.registers import (
    decision_register,
    forward_plan,
    forward_plan_create,
    officer_decision_create,
    officer_decision_register,
    prior_decision_create,
    prior_decision_register,
)
from partnerplan.governance.views.twin_track import (
    matter_create,
    matter_detail,
    matter_list,
    matter_resolve,
    matter_track,
)

__all__ = [
    "body_list",
    "body_detail",
    "structure",
    "body_create",
    "body_edit",
    "reporting_line_create",
    "reporting_line_end",
    "membership_end",
    "membership_create",
    "power_create",
    "delegation_create",
    "delegation_in_force",
    "delegation_revoke",
    "delegation_detail",
    "item_change",
    "item_withdraw",
    "recommendation_change",
    "recommendation_withdraw",
    "prior_decision_register",
    "prior_decision_create",
    "meeting_detail",
    "meeting_create",
    "meeting_series",
    "meeting_publish",
    "meeting_cancel",
    "meeting_reschedule",
    "meeting_attendance",
    "meeting_held",
    "item_create",
    "item_detail",
    "recommendation_create",
    "decision_create",
    "minutes_edit",
    "minutes_approve",
    "minutes_correct",
    "decision_register",
    "officer_decision_register",
    "officer_decision_create",
    "forward_plan",
    "forward_plan_create",
    "matter_list",
    "matter_detail",
    "matter_create",
    "matter_track",
    "matter_resolve",
    "my_actions",
    "action_create",
    "action_update",
    "body_calendar",
    "person_calendar",
    "my_calendar",
    "private_calendar",
]
from partnerplan.governance.views.cycle import (  # noqa: E402 - the statutory cycle's pages
    call_in_create as call_in_create,
)
from partnerplan.governance.views.cycle import call_in_outcome as call_in_outcome
from partnerplan.governance.views.cycle import call_in_reconsider as call_in_reconsider
from partnerplan.governance.views.cycle import decision_detail as decision_detail
from partnerplan.governance.views.cycle import decision_implement as decision_implement
from partnerplan.governance.views.cycle import decision_publish as decision_publish
from partnerplan.governance.views.cycle import forward_plan_edit as forward_plan_edit
from partnerplan.governance.views.cycle import forward_plan_entry as forward_plan_entry
from partnerplan.governance.views.cycle import (
    key_decision_exception_create as key_decision_exception_create,
)
from partnerplan.governance.views.cycle import private_notice_create as private_notice_create
from partnerplan.governance.views.cycle import private_notice_final as private_notice_final
from partnerplan.governance.views.cycle import private_notice_urgency as private_notice_urgency
from partnerplan.governance.views.cycle import (
    recommendation_key_decision as recommendation_key_decision,
)
from partnerplan.governance.views.cycle import substitute_create as substitute_create
from partnerplan.governance.views.statutory import exempt_reviews as exempt_reviews
from partnerplan.governance.views.statutory import special_urgency_csv as special_urgency_csv
from partnerplan.governance.views.statutory import special_urgency_list as special_urgency_list
