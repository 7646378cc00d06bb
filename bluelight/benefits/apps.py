from django.apps import AppConfig


class BenefitsConfig(AppConfig):
    name = "bluelight.benefits"
    label = "benefits"
    verbose_name = "Benefits realisation"
