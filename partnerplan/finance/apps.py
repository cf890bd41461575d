from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "partnerplan.finance"
    label = "finance"
    verbose_name = "Finance"
