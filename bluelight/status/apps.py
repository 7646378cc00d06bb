from django.apps import AppConfig


class StatusConfig(AppConfig):
    name = "bluelight.status"
    label = "status"
    verbose_name = "Reporting periods and RAG"
