"""The portfolio: programmes, workstreams and projects moving through governed stage gates,
with business cases, benefits, prioritisation, highlight reports and a RAID log.

One module per noun; this package imports every model so that Django finds them, and
re-exports them for the rest of the code. No rules live here: validation and transitions are
in services, reads in selectors.
"""

from partnerplan.portfolio.models.baselines import Baseline as Baseline
from partnerplan.portfolio.models.baselines import ChangeRequest as ChangeRequest
from partnerplan.portfolio.models.baselines import ChangeState as ChangeState
from partnerplan.portfolio.models.baselines import CostKind as CostKind
from partnerplan.portfolio.models.baselines import Milestone as Milestone
from partnerplan.portfolio.models.benefits import Benefit as Benefit
from partnerplan.portfolio.models.benefits import BenefitActual as BenefitActual
from partnerplan.portfolio.models.business_cases import BusinessCase as BusinessCase
from partnerplan.portfolio.models.business_cases import BusinessCaseVersion as BusinessCaseVersion
from partnerplan.portfolio.models.choices import BUSINESS_CASE_RANK as BUSINESS_CASE_RANK
from partnerplan.portfolio.models.choices import CONFIDENCE_DEFINITIONS as CONFIDENCE_DEFINITIONS
from partnerplan.portfolio.models.choices import FIVE_CASES as FIVE_CASES
from partnerplan.portfolio.models.choices import NEEDS_ACTION as NEEDS_ACTION
from partnerplan.portfolio.models.choices import REQUIRED_CASES as REQUIRED_CASES
from partnerplan.portfolio.models.choices import SCALE_VALUES as SCALE_VALUES
from partnerplan.portfolio.models.choices import STOPPED_OUTCOMES as STOPPED_OUTCOMES
from partnerplan.portfolio.models.choices import THREE_POINT_DEFINITIONS as THREE_POINT_DEFINITIONS
from partnerplan.portfolio.models.choices import BenefitKind as BenefitKind
from partnerplan.portfolio.models.choices import BoardRole as BoardRole
from partnerplan.portfolio.models.choices import BusinessCaseStage as BusinessCaseStage
from partnerplan.portfolio.models.choices import Confidence as Confidence
from partnerplan.portfolio.models.choices import ConfidenceScale as ConfidenceScale
from partnerplan.portfolio.models.choices import ControlState as ControlState
from partnerplan.portfolio.models.choices import ExceptionOutcome as ExceptionOutcome
from partnerplan.portfolio.models.choices import LinkKind as LinkKind
from partnerplan.portfolio.models.choices import RaidKind as RaidKind
from partnerplan.portfolio.models.choices import RaidStatus as RaidStatus
from partnerplan.portfolio.models.choices import ReviewOutcomeKind as ReviewOutcomeKind
from partnerplan.portfolio.models.choices import RiskCategory as RiskCategory
from partnerplan.portfolio.models.choices import RiskProximity as RiskProximity
from partnerplan.portfolio.models.choices import RiskResponse as RiskResponse
from partnerplan.portfolio.models.choices import Weighting as Weighting
from partnerplan.portfolio.models.confidence import ConfidenceAssessment as ConfidenceAssessment
from partnerplan.portfolio.models.exceptions import ExceptionReport as ExceptionReport
from partnerplan.portfolio.models.gates import AuthorisedFromPapers as AuthorisedFromPapers
from partnerplan.portfolio.models.gates import GatePassage as GatePassage
from partnerplan.portfolio.models.gates import ReviewOutcome as ReviewOutcome
from partnerplan.portfolio.models.prioritisation import Criterion as Criterion
from partnerplan.portfolio.models.prioritisation import Method as Method
from partnerplan.portfolio.models.prioritisation import PairwiseJudgement as PairwiseJudgement
from partnerplan.portfolio.models.prioritisation import RankPosition as RankPosition
from partnerplan.portfolio.models.prioritisation import Score as Score
from partnerplan.portfolio.models.programmes import Programme as Programme
from partnerplan.portfolio.models.programmes import ServiceArea as ServiceArea
from partnerplan.portfolio.models.programmes import Stage as Stage
from partnerplan.portfolio.models.programmes import Workstream as Workstream
from partnerplan.portfolio.models.projects import BoardMember as BoardMember
from partnerplan.portfolio.models.projects import Dependency as Dependency
from partnerplan.portfolio.models.projects import ProgrammeLink as ProgrammeLink
from partnerplan.portfolio.models.projects import Project as Project
from partnerplan.portfolio.models.projects import ProjectDocument as ProjectDocument
from partnerplan.portfolio.models.status import HighlightReport as HighlightReport
from partnerplan.portfolio.models.status import RaidEntry as RaidEntry
from partnerplan.portfolio.models.tolerances import Tolerance as Tolerance
