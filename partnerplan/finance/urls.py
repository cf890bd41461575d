from django.urls import path

from partnerplan.finance import views
from partnerplan.finance.views.project_funding import project_funding

app_name = "finance"

urlpatterns = [
    path("", views.fund_list, name="fund-list"),
    path("funds/<int:pk>/", views.fund_detail, name="fund-detail"),
    path("funds/<int:pk>/movements.csv", views.movements_csv, name="movements-csv"),
    path("funds/<int:pk>/movements.xlsx", views.movements_xlsx, name="movements-xlsx"),
    path("funds/<int:pk>/contributions/new/", views.contribution_new, name="contribution-new"),
    path("funds/<int:pk>/calls/new/", views.call_new, name="call-new"),
    path("funds/<int:pk>/draw/", views.drawdown_new, name="drawdown-new"),
    path("funds/<int:pk>/requests/new/", views.request_new, name="request-new"),
    path("funds/new/", views.fund_create, name="fund-create"),
    path("funds/<int:pk>/income/new/", views.income_new, name="income-new"),
    path("funds/<int:pk>/change/", views.fund_edit, name="fund-edit"),
    path("funds/<int:pk>/close/", views.fund_close, name="fund-close"),
    path("requests/<int:pk>/close/", views.request_close, name="request-close"),
    path("movements/spend/", views.spend_new, name="spend-new"),
    path("movements/release/", views.release_new, name="release-new"),
    path("movements/<int:pk>/reverse/", views.movement_reverse, name="movement-reverse"),
    path("movements/<int:pk>/pay/", views.commitment_pay, name="commitment-pay"),
    path("scenarios/", views.scenario_list, name="scenario-list"),
    path("scenarios/new/", views.scenario_new, name="scenario-new"),
    path("scenarios/<int:pk>/edit/", views.scenario_edit, name="scenario-edit"),
    path("bids/", views.bid_list, name="bid-list"),
    path("bids/new/", views.bid_new, name="bid-new"),
    path("bids/<int:pk>/", views.bid_detail, name="bid-detail"),
    path("bids/<int:pk>/submit/", views.bid_submit, name="bid-submit"),
    path("bids/<int:pk>/green-light/", views.bid_green_light, name="bid-green-light"),
    path("bids/<int:pk>/secure/", views.bid_secure, name="bid-secure"),
    path("bids/<int:pk>/reject/", views.bid_reject, name="bid-reject"),
    path("bids/<int:pk>/withdraw/", views.bid_withdraw, name="bid-withdraw"),
    path("contributions/", views.contributions, name="contributions"),
    path("by-project/", views.funding_table, name="funding-table"),
    path("by-project.csv", views.funding_table_csv, name="funding-table-csv"),
    path("projects/<int:pk>/funding/", project_funding, name="project-funding"),
    path("by-project.xlsx", views.funding_table_xlsx, name="funding-table-xlsx"),
]
