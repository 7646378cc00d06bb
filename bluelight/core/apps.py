from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bluelight.core"
    label = "core"
    verbose_name = "Organisations, people and history"

    def ready(self):
        from bluelight.core import security  # noqa: F401  (connects the security log's signal receivers)
