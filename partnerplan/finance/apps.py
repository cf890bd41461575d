from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "partnerplan.finance"
    label = "finance"
    verbose_name = "Finance"

    def ready(self) -> None:
        from partnerplan.finance.effects import register_effects

        register_effects()
        from partnerplan.finance.selectors import project_control
        from partnerplan.portfolio import control_sources

        control_sources.register_spend(project_control.spend_by_project)
        control_sources.register_funds(project_control.fund_choices)
