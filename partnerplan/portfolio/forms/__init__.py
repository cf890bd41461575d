"""Forms for the portfolio pages. Forms check each field on its own; the rules (date order,
cycles, gates, scales) are the services' job, so that every write path gets them.

One sub-module per sub-noun; the names are re-exported here."""

from partnerplan.portfolio.forms.benefits import BenefitActualForm as BenefitActualForm
from partnerplan.portfolio.forms.benefits import BenefitForm as BenefitForm
from partnerplan.portfolio.forms.business_cases import ApproveForm as ApproveForm
from partnerplan.portfolio.forms.business_cases import (
    BusinessCaseCreateForm as BusinessCaseCreateForm,
)
from partnerplan.portfolio.forms.business_cases import (
    BusinessCaseVersionForm as BusinessCaseVersionForm,
)
from partnerplan.portfolio.forms.overlap import OverlapForm as OverlapForm
from partnerplan.portfolio.forms.prioritisation import SAATY as SAATY
from partnerplan.portfolio.forms.prioritisation import CompareForm as CompareForm
from partnerplan.portfolio.forms.prioritisation import CriterionForm as CriterionForm
from partnerplan.portfolio.forms.prioritisation import MethodForm as MethodForm
from partnerplan.portfolio.forms.prioritisation import PairwiseForm as PairwiseForm
from partnerplan.portfolio.forms.prioritisation import ScoreForm as ScoreForm
from partnerplan.portfolio.forms.prioritisation import WeightsForm as WeightsForm
from partnerplan.portfolio.forms.prioritisation import saaty_value as saaty_value
from partnerplan.portfolio.forms.programmes import ProgrammeForm as ProgrammeForm
from partnerplan.portfolio.forms.programmes import StageAddForm as StageAddForm
from partnerplan.portfolio.forms.programmes import StageForm as StageForm
from partnerplan.portfolio.forms.programmes import WorkstreamForm as WorkstreamForm
from partnerplan.portfolio.forms.projects import BoardMemberForm as BoardMemberForm
from partnerplan.portfolio.forms.projects import DependencyForm as DependencyForm
from partnerplan.portfolio.forms.projects import DocumentForm as DocumentForm
from partnerplan.portfolio.forms.projects import GateForm as GateForm
from partnerplan.portfolio.forms.projects import LinkForm as LinkForm
from partnerplan.portfolio.forms.projects import ProjectForm as ProjectForm
from partnerplan.portfolio.forms.projects import ReasonForm as ReasonForm
from partnerplan.portfolio.forms.projects import ReviewForm as ReviewForm
from partnerplan.portfolio.forms.status import HighlightReportForm as HighlightReportForm
from partnerplan.portfolio.forms.status import RaidCloseForm as RaidCloseForm
from partnerplan.portfolio.forms.status import RaidForm as RaidForm
from partnerplan.portfolio.forms.workplan import WorkplanFilterForm as WorkplanFilterForm
from partnerplan.portfolio.models import Weighting as Weighting
