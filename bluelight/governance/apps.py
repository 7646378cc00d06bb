from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "bluelight.governance"
    verbose_name = "Governance"
