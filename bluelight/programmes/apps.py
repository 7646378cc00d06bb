from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "bluelight.programmes"
    label = "programmes"
    verbose_name = "Programmes and workstreams"
