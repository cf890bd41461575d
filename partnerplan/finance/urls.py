from django.urls import path

from partnerplan.finance.views import (
    approvals,
    bids,
    funds,
    money_by_project,
    postings,
    scenarios,
)
from partnerplan.finance.views.project_funding import project_funding

app_name = "finance"

urlpatterns = [
    path("", funds.fund_list, name="fund-list"),
    path("funds/<int:pk>/", funds.fund_detail, name="fund-detail"),
    path("funds/<int:pk>/movements.csv", funds.movements_csv, name="movements-csv"),
    path("funds/<int:pk>/movements.xlsx", funds.movements_xlsx, name="movements-xlsx"),
    path("funds/<int:pk>/contributions/new/", postings.contribution_new, name="contribution-new"),
    path("funds/<int:pk>/calls/new/", postings.call_new, name="call-new"),
    path("funds/<int:pk>/draw/", postings.drawdown_new, name="drawdown-new"),
    path("funds/<int:pk>/requests/new/", funds.request_new, name="request-new"),
    path("funds/new/", funds.fund_create, name="fund-create"),
    path("funds/<int:pk>/income/new/", postings.income_new, name="income-new"),
    path("funds/<int:pk>/change/", funds.fund_edit, name="fund-edit"),
    path("funds/<int:pk>/close/", funds.fund_close, name="fund-close"),
    path("requests/<int:pk>/", approvals.request_detail, name="request-detail"),
    path("requests/<int:pk>/close/", funds.request_close, name="request-close"),
    path("reconciliation/", approvals.reconciliation, name="reconciliation"),
    path("movements/spend/", postings.spend_new, name="spend-new"),
    path("movements/release/", postings.release_new, name="release-new"),
    path("movements/<int:pk>/reverse/", postings.movement_reverse, name="movement-reverse"),
    path("movements/<int:pk>/pay/", postings.commitment_pay, name="commitment-pay"),
    path("scenarios/", scenarios.scenario_list, name="scenario-list"),
    path("scenarios/new/", scenarios.scenario_new, name="scenario-new"),
    path("scenarios/<int:pk>/edit/", scenarios.scenario_edit, name="scenario-edit"),
    path("bids/", bids.bid_list, name="bid-list"),
    path("bids/new/", bids.bid_new, name="bid-new"),
    path("bids/<int:pk>/", bids.bid_detail, name="bid-detail"),
    path("bids/<int:pk>/submit/", bids.bid_submit, name="bid-submit"),
    path("bids/<int:pk>/green-light/", bids.bid_green_light, name="bid-green-light"),
    path("bids/<int:pk>/secure/", bids.bid_secure, name="bid-secure"),
    path("bids/<int:pk>/reject/", bids.bid_reject, name="bid-reject"),
    path("bids/<int:pk>/withdraw/", bids.bid_withdraw, name="bid-withdraw"),
    path("contributions/", funds.contributions, name="contributions"),
    path("by-project/", money_by_project.funding_table, name="funding-table"),
    path("by-project.csv", money_by_project.funding_table_csv, name="funding-table-csv"),
    path("projects/<int:pk>/funding/", project_funding, name="project-funding"),
    path("by-project.xlsx", money_by_project.funding_table_xlsx, name="funding-table-xlsx"),
]
