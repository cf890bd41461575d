from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "partnerplan.portfolio"
    label = "portfolio"
    verbose_name = "Portfolio"

    def ready(self) -> None:
        from partnerplan.portfolio.effects import register_effects

        register_effects()
