from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bluelight.core"
    label = "core"
    verbose_name = "Organisations, people and history"

    def ready(self):
        from bluelight.core import security, versions  # noqa: F401  (security connects the log's receivers)

        versions.watch()
