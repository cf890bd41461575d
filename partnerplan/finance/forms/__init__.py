"""Forms for the finance pages: filters, the figure check, and the forms that post to the
ledger, record requests, scenarios and bids (each handed to one service). One module per part;
this package re-exports every form."""

from __future__ import annotations

from partnerplan.finance.forms._common import AuthorityKind as AuthorityKind
from partnerplan.finance.forms._common import AuthorityMixin as AuthorityMixin
from partnerplan.finance.forms._common import OtherPurpose as OtherPurpose
from partnerplan.finance.forms.bids import BidDateForm as BidDateForm
from partnerplan.finance.forms.bids import BidForm as BidForm
from partnerplan.finance.forms.bids import BidSecureForm as BidSecureForm
from partnerplan.finance.forms.bids import BidSubmitForm as BidSubmitForm
from partnerplan.finance.forms.filters import BidFilterForm as BidFilterForm
from partnerplan.finance.forms.filters import ForecastForm as ForecastForm
from partnerplan.finance.forms.filters import MovementFilterForm as MovementFilterForm
from partnerplan.finance.forms.filters import TableFilterForm as TableFilterForm
from partnerplan.finance.forms.funds import CloseFundForm as CloseFundForm
from partnerplan.finance.forms.funds import FundForm as FundForm
from partnerplan.finance.forms.funds import RequestChoiceField as RequestChoiceField
from partnerplan.finance.forms.funds import RequestCloseForm as RequestCloseForm
from partnerplan.finance.forms.funds import RequestForm as RequestForm
from partnerplan.finance.forms.funds import ScenarioForm as ScenarioForm
from partnerplan.finance.forms.movements import CallForm as CallForm
from partnerplan.finance.forms.movements import ContributionForm as ContributionForm
from partnerplan.finance.forms.movements import DrawdownForm as DrawdownForm
from partnerplan.finance.forms.movements import IncomeForm as IncomeForm
from partnerplan.finance.forms.movements import PayForm as PayForm
from partnerplan.finance.forms.movements import ReleaseForm as ReleaseForm
from partnerplan.finance.forms.movements import ReverseForm as ReverseForm
from partnerplan.finance.forms.movements import SpendForm as SpendForm
