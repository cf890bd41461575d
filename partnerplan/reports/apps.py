from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "partnerplan.reports"
    label = "reports"
    verbose_name = "Reports"
