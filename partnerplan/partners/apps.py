from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partnerplan.partners"
    label = "partners"
    verbose_name = "Partners"
