from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bluelight.reports"
    label = "reports"
    verbose_name = "Reports"
