from django.apps import AppConfig


class BenefitsConfig(AppConfig):
    name = "bluelight.benefits"
    label = "benefits"
    verbose_name = "Benefits realisation"

    def ready(self):
        from bluelight.benefits.lines import benefit_evidence
        from bluelight.benefits.models import Benefit
        from bluelight.benefits.selectors import report_section
        from bluelight.programmes.scope import register_marked
        from bluelight.reports.annual import register_section
        from bluelight.status.evidence import register_evidence

        register_marked("benefits", Benefit, "workstream__programme")
        register_evidence(benefit_evidence)
        register_section("benefits", report_section)
