"""Every write to the finance ledger, funds, requests, scenarios and bids.

The rules (docs/finance.md):
- amounts are Decimal pounds, more than £0, with at most two decimal places (never float);
- every transaction is balanced (its entries add up to zero) and names its authority;
- nothing is edited or deleted: corrections are reversals;
- a fund or project never goes below zero unless the fund's rules allow it (then it is flagged);
- nothing is posted to a closed fund;
- a movement that needs authority (a call on reserves, another use of an earmarked reserve, a
  contingency drawdown) uses it once through governance's `authority_use`, and keeps the use;
  reversing the movement gives the use back;
- a contingency is drawn only by someone the delegation names, while it is in force, within its
  limit, counted on the delegation's one account (officer decisions and drawdowns together).
  The fund and delegation rows are locked first, so concurrent uses queue.
If a rule is broken a ValidationError in plain English is raised and nothing is posted.

One module per noun; this package re-exports the names other apps, the demo and the tests use
(`partnerplan.finance.services.reserve_call_from_decision` is the governance effect's).
"""

from __future__ import annotations

from partnerplan.finance.services._common import MAX_AMOUNT as MAX_AMOUNT
from partnerplan.finance.services._common import parse_amount as parse_amount
from partnerplan.finance.services.accounts import OPENING as OPENING
from partnerplan.finance.services.accounts import SUPPLIERS as SUPPLIERS
from partnerplan.finance.services.accounts import account_for_fund as account_for_fund
from partnerplan.finance.services.accounts import account_for_partner as account_for_partner
from partnerplan.finance.services.accounts import account_for_project as account_for_project
from partnerplan.finance.services.accounts import account_outside as account_outside
from partnerplan.finance.services.authority import CitedAuthority as CitedAuthority
from partnerplan.finance.services.bids import BID_FIELDS as BID_FIELDS
from partnerplan.finance.services.bids import BID_TRANSITIONS as BID_TRANSITIONS
from partnerplan.finance.services.bids import bid_create as bid_create
from partnerplan.finance.services.bids import bid_green_light as bid_green_light
from partnerplan.finance.services.bids import bid_reject as bid_reject
from partnerplan.finance.services.bids import bid_secure as bid_secure
from partnerplan.finance.services.bids import bid_submit as bid_submit
from partnerplan.finance.services.bids import bid_withdraw as bid_withdraw
from partnerplan.finance.services.calls import call_on_reserves as call_on_reserves
from partnerplan.finance.services.calls import (
    request_decide_from_decision as request_decide_from_decision,
)
from partnerplan.finance.services.calls import (
    request_refuse_from_decision as request_refuse_from_decision,
)
from partnerplan.finance.services.calls import (
    reserve_call_from_decision as reserve_call_from_decision,
)
from partnerplan.finance.services.funds import FUND_FIELDS as FUND_FIELDS
from partnerplan.finance.services.funds import fund_close as fund_close
from partnerplan.finance.services.funds import fund_create as fund_create
from partnerplan.finance.services.funds import fund_update as fund_update
from partnerplan.finance.services.movements import commitment_pay as commitment_pay
from partnerplan.finance.services.movements import contingency_draw as contingency_draw
from partnerplan.finance.services.movements import contribution_record as contribution_record
from partnerplan.finance.services.movements import delegation_used as delegation_used
from partnerplan.finance.services.movements import income_record as income_record
from partnerplan.finance.services.movements import opening_balance_record as opening_balance_record
from partnerplan.finance.services.movements import release_record as release_record
from partnerplan.finance.services.movements import spend_record as spend_record
from partnerplan.finance.services.movements import transaction_reverse as transaction_reverse
from partnerplan.finance.services.posting import Line as Line
from partnerplan.finance.services.requests import REQUEST_TRANSITIONS as REQUEST_TRANSITIONS
from partnerplan.finance.services.requests import request_close as request_close
from partnerplan.finance.services.requests import request_create as request_create
from partnerplan.finance.services.requests import scenario_create as scenario_create
from partnerplan.finance.services.requests import scenario_update as scenario_update
