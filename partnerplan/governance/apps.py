from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "partnerplan.governance"
    label = "governance"
    verbose_name = "Governance"
