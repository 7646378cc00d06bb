from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "bluelight.programmes"
    label = "programmes"
    verbose_name = "Programmes and workstreams"

    def ready(self):
        from bluelight.programmes.models import Workstream
        from bluelight.programmes.scope import register_marked

        register_marked("workstreams", Workstream, "programme")
