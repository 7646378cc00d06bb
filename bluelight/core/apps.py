from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bluelight.core"
    label = "core"
    verbose_name = "Organisations, people and history"
