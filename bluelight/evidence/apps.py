from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "bluelight.evidence"
    label = "evidence"
    verbose_name = "Evidence from data"

    def ready(self):
        from bluelight.core import worker
        from bluelight.evidence import tasks

        worker.register_sweep(tasks.lost_analyses_fail)
