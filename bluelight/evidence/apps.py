from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "bluelight.evidence"
    label = "evidence"
    verbose_name = "Evidence from data"
