from django.urls import path

from partnerplan.finance import views

app_name = "finance"

urlpatterns = [
    path("", views.fund_list, name="fund-list"),
    path("funds/<int:pk>/", views.fund_detail, name="fund-detail"),
    path("funds/<int:pk>/movements.csv", views.movements_csv, name="movements-csv"),
    path("funds/<int:pk>/movements.xlsx", views.movements_xlsx, name="movements-xlsx"),
    path("bids/", views.bid_list, name="bid-list"),
    path("contributions/", views.contributions, name="contributions"),
]
