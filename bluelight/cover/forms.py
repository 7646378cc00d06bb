from decimal import Decimal

from django import forms

from bluelight.core.forms import GovukForm

MINUTES = {"min_value": Decimal("1"), "max_value": Decimal("120"), "decimal_places": 1}


class ScenarioForm(GovukForm):
    title = forms.CharField(label="Title", max_length=200,
                            help_text="What it tests, such as “Co-responding from on-call fire stations, 2025”.",
                            error_messages={"required": "Give the scenario a title."})  # fmt: skip
    stations = forms.FileField(
        label="Stations (CSV)",
        help_text="Columns Service, Name, Latitude, Longitude, Crewing (wholetime, on-call, day-crewed or standby), "
        "Turnout minutes, and Role: open (responding now) or candidate (a site that could be added).",
        error_messages={"required": "Choose the stations CSV."},
    )
    incidents = forms.FileField(
        label="Incidents (CSV)",
        help_text="Columns Date, Latitude, Longitude, Category, Service; Reference and District if you have them.",
        error_messages={"required": "Choose the incidents CSV."},
    )
    matrix = forms.FileField(
        label="Travel times (CSV, optional)", required=False,
        help_text="An origin–destination matrix from your GIS team: Origin (station name), Destination (incident "
        "reference), Minutes. Without one, travel is estimated from straight-line distance, as set below.",
    )  # fmt: skip
    within = forms.DecimalField(label="Standard: within how many minutes", initial=8, **MINUTES,
                                help_text="The share of incidents reached within this time is counted.")  # fmt: skip
    mean = forms.DecimalField(label="Standard: mean response, minutes (optional)", initial=7, required=False, **MINUTES,
                              help_text="Ambulance Category 1: a mean of 7 minutes.")  # fmt: skip
    centile = forms.DecimalField(label="Standard: 90th centile, minutes (optional)", initial=15, required=False,
                                 **MINUTES, help_text="Ambulance Category 1: 90% within 15 minutes.")  # fmt: skip
    speed = forms.DecimalField(label="Estimated speed, km/h", initial=48, min_value=5, max_value=130, decimal_places=1,
                               help_text="Used only without a travel-time matrix.")  # fmt: skip
    circuity = forms.DecimalField(label="Circuity factor", initial=Decimal("1.3"), min_value=1, max_value=3,
                                  decimal_places=2,
                                  help_text="Road distance ÷ straight-line distance. Used only without a matrix.")  # fmt: skip
    choose = forms.IntegerField(label="Candidate stations to add (optional)", required=False, min_value=0, max_value=100,
                                help_text="The best this many candidates, covering the most incidents not yet within "
                                "the standard.")  # fmt: skip
    share = forms.DecimalField(label="Or the fewest candidates to reach this share, % (optional)", required=False,
                               min_value=1, max_value=100, decimal_places=1)  # fmt: skip
    method = forms.ChoiceField(label="How to choose", widget=forms.RadioSelect, initial="auto",
                               choices=[("auto", "Exactly, unless the case is very large"), ("exact", "Exactly"),
                                        ("greedy", "Greedy with swaps (fast; its gap to the best is stated)")])  # fmt: skip


class BenefitLineForm(GovukForm):
    workstream = forms.ChoiceField(label="Workstream", error_messages={"required": "Choose the workstream it belongs to."})
    title = forms.CharField(label="Benefit title", max_length=300, error_messages={"required": "Give the benefit a title."})
    incidents_a_year = forms.DecimalField(
        label="Incidents brought within the standard a year", min_value=0, decimal_places=2,
        help_text="From the scenario, scaled to a year; change it if you know better.",
        error_messages={"required": "Enter the incidents a year."},
    )  # fmt: skip
    uplift_low = forms.DecimalField(label="Outcome uplift, low, %", min_value=0, max_value=100, decimal_places=3)
    uplift_central = forms.DecimalField(label="Outcome uplift, central, %", min_value=0, max_value=100, decimal_places=3,
                                        help_text="Of the incidents reached within the standard, the share with a "
                                        "better outcome (such as survival to discharge).")  # fmt: skip
    uplift_high = forms.DecimalField(label="Outcome uplift, high, %", min_value=0, max_value=100, decimal_places=3)
    unit_cost = forms.ChoiceField(label="Value of one better outcome (unit-cost library)",
                                  error_messages={"required": "Choose a unit cost from the library."})  # fmt: skip
    gains = forms.ChoiceField(label="Organisation that gains")
    first_year = forms.ChoiceField(label="First financial year")
    last_year = forms.ChoiceField(label="Last financial year")
    confidence_grade = forms.TypedChoiceField(label="Confidence grade", coerce=int, initial=5,
                                              choices=[(g, f"Grade {g}") for g in range(1, 7)])  # fmt: skip

    def __init__(self, *args, workstreams=(), unit_costs=(), organisations=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workstream"].choices = [("", "Choose…"), *workstreams]
        self.fields["unit_cost"].choices = [("", "Choose…"), *unit_costs]
        self.fields["gains"].choices = list(organisations)
        self.fields["first_year"].choices = self.fields["last_year"].choices = list(years)

    def share(self, name: str) -> Decimal:
        return self.cleaned_data[name] / 100
