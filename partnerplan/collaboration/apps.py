from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "partnerplan.collaboration"
    label = "collaboration"
    verbose_name = "Collaboration"

    def ready(self) -> None:
        # The person page (partners) shows what a person works on: a panel plugged in here,
        # since partners may not import the apps above it.
        from partnerplan.collaboration.directory import projects_panel
        from partnerplan.partners.panels import register

        register("collaboration.projects", projects_panel)
