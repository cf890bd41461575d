"""Forms for governance pages. They check each field on its own; the rules are the services'.

Each sub-noun has its own module; this package re-exports the forms, so
`from partnerplan.governance.forms import X` keeps working.
"""

from partnerplan.governance.forms._common import LONDON as LONDON
from partnerplan.governance.forms._common import PARAGRAPHS as PARAGRAPHS
from partnerplan.governance.forms.bodies import BODY_VISIBILITY as BODY_VISIBILITY
from partnerplan.governance.forms.bodies import BodyForm as BodyForm
from partnerplan.governance.forms.bodies import MembershipEndForm as MembershipEndForm
from partnerplan.governance.forms.bodies import MembershipForm as MembershipForm
from partnerplan.governance.forms.decisions import NO_VOTE as NO_VOTE
from partnerplan.governance.forms.decisions import DecisionForm as DecisionForm
from partnerplan.governance.forms.decisions import DecisionWithVotesForm as DecisionWithVotesForm
from partnerplan.governance.forms.decisions import OfficerDecisionForm as OfficerDecisionForm
from partnerplan.governance.forms.decisions import PriorDecisionForm as PriorDecisionForm
from partnerplan.governance.forms.forward_plan import ActionForm as ActionForm
from partnerplan.governance.forms.forward_plan import ActionUpdateForm as ActionUpdateForm
from partnerplan.governance.forms.forward_plan import ForwardPlanForm as ForwardPlanForm
from partnerplan.governance.forms.meetings import AgendaItemChangeForm as AgendaItemChangeForm
from partnerplan.governance.forms.meetings import AgendaItemForm as AgendaItemForm
from partnerplan.governance.forms.meetings import AttendanceForm as AttendanceForm
from partnerplan.governance.forms.meetings import CancelForm as CancelForm
from partnerplan.governance.forms.meetings import MeetingForm as MeetingForm
from partnerplan.governance.forms.meetings import MeetingSeriesForm as MeetingSeriesForm
from partnerplan.governance.forms.meetings import MinutesApproveForm as MinutesApproveForm
from partnerplan.governance.forms.meetings import MinutesCorrectionForm as MinutesCorrectionForm
from partnerplan.governance.forms.meetings import MinutesForm as MinutesForm
from partnerplan.governance.forms.meetings import PublishForm as PublishForm
from partnerplan.governance.forms.meetings import RescheduleForm as RescheduleForm
from partnerplan.governance.forms.meetings import WithdrawForm as WithdrawForm
from partnerplan.governance.forms.powers import DelegationForm as DelegationForm
from partnerplan.governance.forms.powers import DelegationRevokeForm as DelegationRevokeForm
from partnerplan.governance.forms.powers import DelegationStartForm as DelegationStartForm
from partnerplan.governance.forms.powers import PowerForm as PowerForm
from partnerplan.governance.forms.powers import ReportingLineEndForm as ReportingLineEndForm
from partnerplan.governance.forms.powers import ReportingLineForm as ReportingLineForm
from partnerplan.governance.forms.recommendations import (
    RecommendationForm as RecommendationForm,
)
from partnerplan.governance.forms.recommendations import (
    recommendation_form as recommendation_form,
)
from partnerplan.governance.forms.twin_track import MatterForm as MatterForm
from partnerplan.governance.forms.twin_track import ResolveForm as ResolveForm
from partnerplan.governance.forms.twin_track import TrackForm as TrackForm
