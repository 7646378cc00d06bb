from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "bluelight.evidence"
    label = "evidence"
    verbose_name = "Evidence from data"

    def ready(self):
        from bluelight.core import worker
        from bluelight.evidence import report, tasks
        from bluelight.governance import pack
        from bluelight.reports import annual

        worker.register_sweep(tasks.lost_analyses_fail)
        annual.register_section("evidence", report.annual_section)
        pack.register_section("evidence", report.pack_section)
