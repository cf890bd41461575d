from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "partnerplan.collaboration"
    label = "collaboration"
    verbose_name = "Collaboration"
