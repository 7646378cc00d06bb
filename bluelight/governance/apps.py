from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "bluelight.governance"
    verbose_name = "Governance"

    def ready(self):
        from bluelight.governance import selectors
        from bluelight.governance.models import Risk
        from bluelight.programmes.scope import register_marked
        from bluelight.status.evidence import register_evidence

        register_marked("risks", Risk, "programme")
        register_evidence(selectors.milestone_and_risk_evidence)

        from bluelight.governance import report
        from bluelight.reports import annual

        annual.register_section("governance", report.annual_section)
