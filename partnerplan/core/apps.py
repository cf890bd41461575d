from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "partnerplan.core"
    label = "core"
    verbose_name = "Core"
