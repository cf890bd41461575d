from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "partnerplan.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        # Reports on an agenda are cleared before it is published (governance asks this app).
        from partnerplan.governance.publication import register_agenda_check
        from partnerplan.reports.clearance import agenda_check

        register_agenda_check("reports.clearance", agenda_check)
