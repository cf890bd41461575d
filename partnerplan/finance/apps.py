from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "partnerplan.finance"
    label = "finance"
    verbose_name = "Finance"

    def ready(self) -> None:
        from partnerplan.finance.effects import register_effects

        register_effects()
