from django.apps import AppConfig


class CoverConfig(AppConfig):
    name = "bluelight.cover"
    label = "cover"
    verbose_name = "Response cover"

    def ready(self):
        from bluelight.cover import drawing, runner
        from bluelight.evidence import engines
        from bluelight.evidence.models import Analysis

        engines.register(Analysis.Kind.COVER, runner.run, figure=drawing.figure)
