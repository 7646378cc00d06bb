import re

from django import forms

from bluelight.core.forms import GovukForm

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class AnalysisForm(GovukForm):
    title = forms.CharField(label="Title", max_length=200,
                            help_text="What it maps, such as “Violence against women and girls, 2025”.",
                            error_messages={"required": "Give the analysis a title."})  # fmt: skip
    data = forms.FileField(
        label="Crime or incident data",
        help_text="police.uk street-level crime CSVs as downloaded (one CSV, or a zip of the monthly folders), or "
        "an incidents CSV with the columns Date, Latitude, Longitude, Category.",
        error_messages={"required": "Choose a CSV or zip file to analyse."},
    )
    units = forms.ChoiceField(label="Count crimes in", widget=forms.RadioSelect, initial="grid",
                              error_messages={"required": "Choose whether to count crimes in grid cells or in LSOAs."},
                              choices=[("grid", "Square cells on the British National Grid"),
                                       ("lsoa", "LSOAs, as police.uk names them (police.uk files only)")])  # fmt: skip
    cell_size = forms.IntegerField(label="Cell size in metres", initial=250, min_value=50, max_value=5000,
                                   help_text="The side of each square cell on the British National Grid.")  # fmt: skip
    crime_types = forms.CharField(label="Crime types (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text="One a line, as police.uk names them, such as “Violence and sexual "
                                  "offences”. Leave blank for every type.")  # fmt: skip
    first_month = forms.CharField(label="First month (optional)", required=False, max_length=7,
                                  help_text="As 2025-01. Leave blank to start with the earliest month in the data.")  # fmt: skip
    last_month = forms.CharField(label="Last month (optional)", required=False, max_length=7,
                                 help_text="As 2025-12. Leave blank to end with the latest month in the data.")  # fmt: skip

    def _month(self, name):
        value = self.cleaned_data.get(name, "").strip()
        if value and not MONTH.match(value):
            raise forms.ValidationError(f"Enter the month as year and month, such as 2025-03, not “{value}”.")
        return value

    def clean_first_month(self):
        return self._month("first_month")

    def clean_last_month(self):
        return self._month("last_month")

    def clean(self):
        data = super().clean()
        first, last = data.get("first_month"), data.get("last_month")
        if first and last and first > last:
            self.add_error("last_month", "The last month must be the same as or after the first month.")
        return data


class GrantForm(GovukForm):
    grant = forms.IntegerField(label="Grant to spread, in whole pounds", min_value=0, max_value=10**11,
                               error_messages={"required": "Enter the grant in whole pounds."})  # fmt: skip
    floor = forms.IntegerField(label="Floor for each district, in whole pounds", min_value=0, initial=0, required=False)
    measure = forms.ChoiceField(label="Spread in proportion to", widget=forms.RadioSelect, initial="points_in_hot_cells",
                                choices=[("points_in_hot_cells", "Crimes in hot spots (95% or more)"),
                                         ("points", "All crimes mapped"), ("hot_cells", "Hot cells")])  # fmt: skip
