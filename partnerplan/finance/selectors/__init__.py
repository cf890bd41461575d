"""Reads of the finance ledger: balances, forecasts, scenarios, figure checks and pages.

`fund_balance` and `figure_check` are the interface other apps (reports) use; see
docs/finance.md. One module per part; this package re-exports the names used elsewhere.
"""

from __future__ import annotations

from partnerplan.finance.selectors.balances import ZERO as ZERO
from partnerplan.finance.selectors.balances import ForecastSeries as ForecastSeries
from partnerplan.finance.selectors.balances import Include as Include
from partnerplan.finance.selectors.balances import Position as Position
from partnerplan.finance.selectors.balances import ScenarioArg as ScenarioArg
from partnerplan.finance.selectors.balances import compare_scenarios as compare_scenarios
from partnerplan.finance.selectors.balances import forecast_series as forecast_series
from partnerplan.finance.selectors.balances import fund_balance as fund_balance
from partnerplan.finance.selectors.balances import fund_position as fund_position
from partnerplan.finance.selectors.balances import month_ends as month_ends
from partnerplan.finance.selectors.figure_checks import FIGURE as FIGURE
from partnerplan.finance.selectors.figure_checks import FigureCheck as FigureCheck
from partnerplan.finance.selectors.figure_checks import figure_check as figure_check
from partnerplan.finance.selectors.figure_checks import figures_in as figures_in
from partnerplan.finance.selectors.forms import bid_detail as bid_detail
from partnerplan.finance.selectors.forms import people_who_may_draw as people_who_may_draw
from partnerplan.finance.selectors.forms import request_detail as request_detail
from partnerplan.finance.selectors.forms import scenario_list as scenario_list
from partnerplan.finance.selectors.forms import transaction_detail as transaction_detail
from partnerplan.finance.selectors.invariants import ledger_problems as ledger_problems
from partnerplan.finance.selectors.money_by_project import HIDDEN_SOURCE as HIDDEN_SOURCE
from partnerplan.finance.selectors.money_by_project import FundingRow as FundingRow
from partnerplan.finance.selectors.money_by_project import FundingTable as FundingTable
from partnerplan.finance.selectors.money_by_project import funding_table as funding_table
from partnerplan.finance.selectors.pages import BidFilters as BidFilters
from partnerplan.finance.selectors.pages import ContributionRow as ContributionRow
from partnerplan.finance.selectors.pages import MovementFilters as MovementFilters
from partnerplan.finance.selectors.pages import ProjectFunding as ProjectFunding
from partnerplan.finance.selectors.pages import as_of as as_of
from partnerplan.finance.selectors.pages import bid_list as bid_list
from partnerplan.finance.selectors.pages import bid_totals as bid_totals
from partnerplan.finance.selectors.pages import fund_detail as fund_detail
from partnerplan.finance.selectors.pages import fund_list as fund_list
from partnerplan.finance.selectors.pages import fund_movements as fund_movements
from partnerplan.finance.selectors.pages import fund_requests as fund_requests
from partnerplan.finance.selectors.pages import partner_contributions as partner_contributions
from partnerplan.finance.selectors.pages import pending_requests as pending_requests
from partnerplan.finance.selectors.pages import project_funding as project_funding
from partnerplan.finance.selectors.pages import scenario_detail as scenario_detail
from partnerplan.finance.selectors.pages import scenarios_for as scenarios_for
from partnerplan.finance.selectors.reconciliation import Break as Break
from partnerplan.finance.selectors.reconciliation import authority_breaks as authority_breaks
