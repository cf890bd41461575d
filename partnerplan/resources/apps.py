from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "partnerplan.resources"
    label = "resources"
    verbose_name = "Resources"

    def ready(self) -> None:
        from partnerplan.portfolio import control_sources
        from partnerplan.resources.selectors import project_control

        control_sources.register_booked(project_control.booked_by_project)
