"""Governance models: bodies, powers and delegations, meetings, agendas, decisions and actions.

Rules (quorum, clear days, powers) live in services and the framework-free `rules/` package;
these models only hold the data. See docs/governance.md. Each sub-noun has its own module;
this package re-exports every model and choices class, so `from partnerplan.governance.models
import X` keeps working.
"""

from partnerplan.governance.models.agendas import SupplementaryAgenda as SupplementaryAgenda
from partnerplan.governance.models.alerts import AlertKind as AlertKind
from partnerplan.governance.models.alerts import AlertSent as AlertSent
from partnerplan.governance.models.alerts import AlertSubscription as AlertSubscription
from partnerplan.governance.models.authority import ActKind as ActKind
from partnerplan.governance.models.authority import AuthorityUse as AuthorityUse
from partnerplan.governance.models.authority import PriorDecision as PriorDecision
from partnerplan.governance.models.bodies import VOTING_ROLES as VOTING_ROLES
from partnerplan.governance.models.bodies import Body as Body
from partnerplan.governance.models.bodies import BodyKind as BodyKind
from partnerplan.governance.models.bodies import BodyMembership as BodyMembership
from partnerplan.governance.models.bodies import Cadence as Cadence
from partnerplan.governance.models.bodies import CallInScope as CallInScope
from partnerplan.governance.models.bodies import MemberRole as MemberRole
from partnerplan.governance.models.calendar_feeds import CalendarFeed as CalendarFeed
from partnerplan.governance.models.call_in import CallIn as CallIn
from partnerplan.governance.models.call_in import CallInOutcome as CallInOutcome
from partnerplan.governance.models.call_in import Reconsideration as Reconsideration
from partnerplan.governance.models.decisions import APPROVING as APPROVING
from partnerplan.governance.models.decisions import AuthorisedBy as AuthorisedBy
from partnerplan.governance.models.decisions import Decision as Decision
from partnerplan.governance.models.decisions import EffectState as EffectState
from partnerplan.governance.models.decisions import OfficerDecision as OfficerDecision
from partnerplan.governance.models.decisions import Outcome as Outcome
from partnerplan.governance.models.decisions import Vote as Vote
from partnerplan.governance.models.decisions import VoteChoice as VoteChoice
from partnerplan.governance.models.forward_plan import Action as Action
from partnerplan.governance.models.forward_plan import ActionStatus as ActionStatus
from partnerplan.governance.models.forward_plan import ExceptionKind as ExceptionKind
from partnerplan.governance.models.forward_plan import ForwardPlanEntry as ForwardPlanEntry
from partnerplan.governance.models.forward_plan import PlanStatus as PlanStatus
from partnerplan.governance.models.interests import Declaration as Declaration
from partnerplan.governance.models.interests import Dispensation as Dispensation
from partnerplan.governance.models.interests import Interest as Interest
from partnerplan.governance.models.interests import InterestKind as InterestKind
from partnerplan.governance.models.interests import Participation as Participation
from partnerplan.governance.models.key_decisions import ChairRole as ChairRole
from partnerplan.governance.models.key_decisions import KeyDecision as KeyDecision
from partnerplan.governance.models.key_decisions import (
    KeyDecisionException as KeyDecisionException,
)
from partnerplan.governance.models.meetings import AccessPath as AccessPath
from partnerplan.governance.models.meetings import AgendaItem as AgendaItem
from partnerplan.governance.models.meetings import Attendance as Attendance
from partnerplan.governance.models.meetings import AttendanceStatus as AttendanceStatus
from partnerplan.governance.models.meetings import ExemptAccess as ExemptAccess
from partnerplan.governance.models.meetings import ItemKind as ItemKind
from partnerplan.governance.models.meetings import Meeting as Meeting
from partnerplan.governance.models.meetings import MeetingStatus as MeetingStatus
from partnerplan.governance.models.meetings import Minutes as Minutes
from partnerplan.governance.models.meetings import MinutesCorrection as MinutesCorrection
from partnerplan.governance.models.meetings import MinutesStatus as MinutesStatus
from partnerplan.governance.models.meetings import Recommendation as Recommendation
from partnerplan.governance.models.officers import OfficerRole as OfficerRole
from partnerplan.governance.models.officers import StatutoryOfficer as StatutoryOfficer
from partnerplan.governance.models.powers import Delegation as Delegation
from partnerplan.governance.models.powers import DelegationStatus as DelegationStatus
from partnerplan.governance.models.powers import LineStyle as LineStyle
from partnerplan.governance.models.powers import Power as Power
from partnerplan.governance.models.powers import PowerKind as PowerKind
from partnerplan.governance.models.powers import ReportingLine as ReportingLine
from partnerplan.governance.models.private_meetings import (
    PrivateMeetingNotice as PrivateMeetingNotice,
)
from partnerplan.governance.models.substitutes import Substitution as Substitution
from partnerplan.governance.models.twin_track import ApprovalRule as ApprovalRule
from partnerplan.governance.models.twin_track import Matter as Matter
from partnerplan.governance.models.twin_track import Track as Track
from partnerplan.governance.models.twin_track import TrackOutcome as TrackOutcome
