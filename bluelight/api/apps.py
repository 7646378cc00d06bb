from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bluelight.api"
    label = "api"
    verbose_name = "JSON API and personal tokens"
