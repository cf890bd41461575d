from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "partnerplan.portfolio"
    label = "portfolio"
    verbose_name = "Portfolio"
