from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "bluelight.exchange"
    verbose_name = "Workbook import and export"

    def ready(self):
        from bluelight.core import worker
        from bluelight.exchange import tasks

        worker.register_sweep(tasks.sweep)
