from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "bluelight.exchange"
    verbose_name = "Workbook import and export"
