from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "partnerplan.resources"
    label = "resources"
    verbose_name = "Resources"
