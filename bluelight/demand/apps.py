from django.apps import AppConfig


class DemandConfig(AppConfig):
    name = "bluelight.demand"
    label = "demand"
    verbose_name = "Inter-service demand"
