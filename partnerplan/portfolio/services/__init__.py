"""Every write to the portfolio. Each service validates, saves atomically, records who made the
change in the audit trail, and refuses bad input with plain-English messages keyed by field:
nothing is saved when anything is wrong.

The services live in sub-modules by noun (programmes, projects, gates, business_cases, benefits,
prioritisation, status, raid); this package re-exports the names other apps, the demo, the
benchmarks and the tests use. Code inside the portfolio imports the sub-modules.
"""

from partnerplan.portfolio.acts import GATE_POWERS as GATE_POWERS
from partnerplan.portfolio.acts import GATE_POWERS_OTHERWISE as GATE_POWERS_OTHERWISE
from partnerplan.portfolio.services.benefits import BENEFIT_FIELDS as BENEFIT_FIELDS
from partnerplan.portfolio.services.benefits import benefit_create as benefit_create
from partnerplan.portfolio.services.benefits import benefit_is_behind as benefit_is_behind
from partnerplan.portfolio.services.benefits import benefit_record_actual as benefit_record_actual
from partnerplan.portfolio.services.benefits import benefit_update as benefit_update
from partnerplan.portfolio.services.benefits import expected_value as expected_value
from partnerplan.portfolio.services.business_cases import CASE_FIELDS as CASE_FIELDS
from partnerplan.portfolio.services.business_cases import (
    business_case_approve_by_decision as business_case_approve_by_decision,
)
from partnerplan.portfolio.services.business_cases import (
    business_case_create as business_case_create,
)
from partnerplan.portfolio.services.business_cases import (
    business_case_new_version as business_case_new_version,
)
from partnerplan.portfolio.services.business_cases import (
    business_case_version_approve as business_case_version_approve,
)
from partnerplan.portfolio.services.business_cases import (
    business_case_version_update as business_case_version_update,
)
from partnerplan.portfolio.services.confidence import DCA_FIELDS as DCA_FIELDS
from partnerplan.portfolio.services.confidence import current_assessment as current_assessment
from partnerplan.portfolio.services.confidence import dca_record as dca_record
from partnerplan.portfolio.services.gates import REVIEW_LIFECYCLE as REVIEW_LIFECYCLE
from partnerplan.portfolio.services.gates import allowed_gates as allowed_gates
from partnerplan.portfolio.services.gates import gate_refusal as gate_refusal
from partnerplan.portfolio.services.gates import is_stopped as is_stopped
from partnerplan.portfolio.services.gates import (
    project_gate_by_decision as project_gate_by_decision,
)
from partnerplan.portfolio.services.gates import project_pass_gate as project_pass_gate
from partnerplan.portfolio.services.gates import project_record_review as project_record_review
from partnerplan.portfolio.services.gates import (
    project_review_by_decision as project_review_by_decision,
)
from partnerplan.portfolio.services.prioritisation import CRITERION_FIELDS as CRITERION_FIELDS
from partnerplan.portfolio.services.prioritisation import criterion_add as criterion_add
from partnerplan.portfolio.services.prioritisation import method_create as method_create
from partnerplan.portfolio.services.prioritisation import method_set_pairwise as method_set_pairwise
from partnerplan.portfolio.services.prioritisation import method_set_weights as method_set_weights
from partnerplan.portfolio.services.prioritisation import ranking_move as ranking_move
from partnerplan.portfolio.services.prioritisation import ranking_reset as ranking_reset
from partnerplan.portfolio.services.prioritisation import score_record as score_record
from partnerplan.portfolio.services.programmes import DEFAULT_STAGES as DEFAULT_STAGES
from partnerplan.portfolio.services.programmes import PROGRAMME_FIELDS as PROGRAMME_FIELDS
from partnerplan.portfolio.services.programmes import WORKSTREAM_FIELDS as WORKSTREAM_FIELDS
from partnerplan.portfolio.services.programmes import programme_create as programme_create
from partnerplan.portfolio.services.programmes import programme_update as programme_update
from partnerplan.portfolio.services.programmes import stage_add as stage_add
from partnerplan.portfolio.services.programmes import stage_remove as stage_remove
from partnerplan.portfolio.services.programmes import stage_update as stage_update
from partnerplan.portfolio.services.programmes import workstream_create as workstream_create
from partnerplan.portfolio.services.programmes import workstream_update as workstream_update
from partnerplan.portfolio.services.projects import DATE_PAIRS as DATE_PAIRS
from partnerplan.portfolio.services.projects import PROJECT_FIELDS as PROJECT_FIELDS
from partnerplan.portfolio.services.projects import board_member_add as board_member_add
from partnerplan.portfolio.services.projects import dependency_add as dependency_add
from partnerplan.portfolio.services.projects import dependency_remove as dependency_remove
from partnerplan.portfolio.services.projects import document_add as document_add
from partnerplan.portfolio.services.projects import link_create as link_create
from partnerplan.portfolio.services.projects import link_delete as link_delete
from partnerplan.portfolio.services.projects import project_archive as project_archive
from partnerplan.portfolio.services.projects import project_create as project_create
from partnerplan.portfolio.services.projects import project_restore as project_restore
from partnerplan.portfolio.services.projects import project_update as project_update
from partnerplan.portfolio.services.raid import RAID_FIELDS as RAID_FIELDS
from partnerplan.portfolio.services.raid import raid_close as raid_close
from partnerplan.portfolio.services.raid import raid_convert as raid_convert
from partnerplan.portfolio.services.raid import raid_create as raid_create
from partnerplan.portfolio.services.raid import raid_escalate as raid_escalate
from partnerplan.portfolio.services.raid import raid_update as raid_update
from partnerplan.portfolio.services.status import HIGHLIGHT_FIELDS as HIGHLIGHT_FIELDS
from partnerplan.portfolio.services.status import highlight_report_create as highlight_report_create
from partnerplan.portfolio.services.status import is_overdue as is_overdue
from partnerplan.portfolio.services.status import project_set_reporting as project_set_reporting
from partnerplan.portfolio.services.status import report_overdue as report_overdue
