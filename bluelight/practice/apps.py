from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "bluelight.practice"
    label = "practice"
    verbose_name = "National practice library"
