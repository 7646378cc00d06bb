from django.apps import AppConfig


class HotspotsConfig(AppConfig):
    name = "bluelight.hotspots"
    label = "hotspots"
    verbose_name = "Hotspot maps"

    def ready(self):
        from bluelight.evidence import engines
        from bluelight.evidence.models import Analysis
        from bluelight.hotspots import drawing, runner

        engines.register(Analysis.Kind.HOTSPOTS, runner.run, figure=drawing.figure)
