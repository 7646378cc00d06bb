from decimal import Decimal

from django import forms

from bluelight.benefits.models import Benefit, BenefitSettings, DeflatorRelease, UnitCost
from bluelight.benefits.services import YearValues
from bluelight.core.forms import GovukForm, VersionedForm, marking_choice
from bluelight.core.years import label


class ActualForm(GovukForm):
    year = forms.TypedChoiceField(coerce=int, label="Financial year")
    amount = forms.DecimalField(
        max_digits=16,
        decimal_places=2,
        label="Actual benefit, £",
        help_text="In the programme's price-base-year prices.",
    )
    note = forms.CharField(widget=forms.Textarea, required=False, label="Evidence or note")

    def __init__(self, *args, years: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = years


class SignOffForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _year_choices(first: int, last: int) -> list[tuple[int, str]]:
    return [(year, label(year)) for year in range(first, last + 1)]


class PercentField(forms.DecimalField):
    """Entered as a percentage (e.g. 92.5), cleaned to a share (0.925)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 100)
        super().__init__(max_digits=7, decimal_places=4, **kwargs)

    def clean(self, value):
        cleaned = super().clean(value)
        return None if cleaned is None else cleaned / 100

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value * 100:f}".rstrip("0").rstrip(".")
        return value


class BenefitSettingsForm(VersionedForm):
    target = forms.DecimalField(max_digits=16, decimal_places=2, min_value=1, label="Minimum benefits target, £")
    price_base_year = forms.TypedChoiceField(coerce=int, label="Price base year")
    appraisal_year = forms.TypedChoiceField(
        coerce=int, label="Appraisal year (year 0 of discounting)",
        help_text="The year the appraisal is made in: present values are discounted to it. Often the year the "
        "programme's business case was approved.",
    )  # fmt: skip
    before_year_0 = forms.ChoiceField(
        choices=BenefitSettings.Before.choices, widget=forms.RadioSelect, label="Values in years before year 0"
    )
    target_basis = forms.ChoiceField(
        choices=BenefitSettings.Basis.choices, widget=forms.RadioSelect, label="The benefits rating uses",
        help_text="Every page shows all three totals and says which one the rating uses.",
    )  # fmt: skip
    green_at = PercentField(label="Green at (% of target)", max_value=1000)
    amber_at = PercentField(label="Amber at (% of target)", max_value=1000)

    deflators = forms.ModelChoiceField(
        queryset=None, required=False, label="GDP deflator series",
        empty_label="The programme's own series (entered in the workbook)",
        help_text="The published release values priced in other years are restated by. Load a release with "
        "bluelight benefits deflators load.",
    )  # fmt: skip

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["price_base_year"].choices = _year_choices(
            programme.cycle_start_year - 10, programme.cycle_end_year
        )
        self.fields["appraisal_year"].choices = _year_choices(programme.cycle_start_year - 10, programme.cycle_end_year)
        self.fields["deflators"].queryset = DeflatorRelease.objects.all()
        for grade in range(1, 7):
            self.fields[f"grade_{grade}"] = PercentField(label=f"Optimism bias for confidence grade {grade} (%)")
        self._decorate()


class UnitCostForm(GovukForm):
    name = forms.CharField(max_length=200)
    category = forms.ChoiceField(choices=[], widget=forms.RadioSelect)
    unit = forms.CharField(max_length=100, help_text="What one unit is, e.g. per offence")
    value = forms.DecimalField(max_digits=16, decimal_places=2, min_value=0, label="Value, £")
    price_year = forms.TypedChoiceField(coerce=int, label="Price year")
    source = forms.CharField(
        max_length=500, required=False, help_text="Publisher, title, edition and table, e.g. Home Office, The economic "
        "and social costs of crime, 2nd edition (2018)",
    )  # fmt: skip

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = UnitCost.Category.choices
        self.fields["price_year"].choices = _year_choices(programme.cycle_start_year - 15, programme.cycle_end_year)


class BenefitForm(VersionedForm):
    """A benefit with its gainers' shares and its yearly profile (one row per year of the cycle)."""

    def __init__(self, *args, programme, workstreams=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = list(range(programme.cycle_start_year, programme.cycle_end_year + 1))
        self.partners = list(programme.partners.all())
        f = self.fields
        f["workstream"] = forms.ModelChoiceField(
            queryset=programme.workstreams.all() if workstreams is None else workstreams,
            empty_label="Choose a workstream",
        )
        if not editing:
            f["key"] = forms.SlugField(
                max_length=80, label="Short name", help_text="e.g. fleet-savings. Cannot be changed."
            )
        f["title"] = forms.CharField(max_length=300)
        f["kind"] = forms.ChoiceField(choices=Benefit.Kind.choices, widget=forms.RadioSelect, label="Type")
        f["value_kind"] = forms.ChoiceField(
            choices=[("", "Follows from the type"), *Benefit.ValueKind.choices], required=False,
            label="Kind of value", help_text="As the GMCA model splits public value: fiscal, economic or social.",
        )  # fmt: skip
        f["transfer"] = forms.BooleanField(
            required=False, label="A transfer, such as a one-off capital receipt (left out of economic value)"
        )
        f["status"] = forms.ChoiceField(choices=Benefit.Status.choices)
        f["owner"] = forms.CharField(max_length=200, required=False)
        f["measure"] = forms.CharField(max_length=300, required=False)
        f["baseline"] = forms.CharField(max_length=300, required=False)
        f["confidence_grade"] = forms.TypedChoiceField(
            coerce=int, choices=[(g, f"Grade {g}") for g in range(1, 7)], label="Confidence grade",
            help_text="1 is the strongest evidence; each grade carries the programme's optimism-bias correction.",
        )  # fmt: skip
        f["method"] = forms.ChoiceField(
            choices=Benefit.Method.choices, widget=forms.RadioSelect, label="How it is valued"
        )
        f["unit_cost"] = forms.ModelChoiceField(
            queryset=programme.unit_costs.all(), required=False, empty_label="None (stated amounts)",
            help_text="For volume x unit cost only.",
        )  # fmt: skip
        f["price_year"] = forms.TypedChoiceField(
            coerce=int, choices=_year_choices(programme.cycle_start_year - 15, programme.cycle_end_year),
            label="Price year of the stated amounts",
        )  # fmt: skip
        f["deadweight"] = PercentField(
            required=False, label="Deadweight (%)", help_text="Share that would have happened anyway."
        )
        f["attribution"] = PercentField(
            required=False, label="Attribution (%)", help_text="Share due to this work. 100 if left blank."
        )
        f["adjustments_justification"] = forms.CharField(
            widget=forms.Textarea, required=False, label="Why these adjustments"
        )
        f["evidence"] = forms.CharField(
            widget=forms.Textarea, required=False, label="Evidence",
            help_text="Where the case for this benefit comes from: an evaluation, a study, another area's results.",
        )  # fmt: skip
        f["health"] = forms.BooleanField(required=False, label="A health benefit (discount at 1.5%)")
        f["illustrative"] = forms.BooleanField(required=False, label="Figures are illustrative")
        f["marking"] = marking_choice()
        f["payers"] = forms.ModelMultipleChoiceField(
            queryset=programme.partners.all(), widget=forms.CheckboxSelectMultiple, required=False,
            label="Organisations that pay",
        )  # fmt: skip
        for org in self.partners:
            f[f"gain_{org.pk}"] = PercentField(required=False, label=f"{org.name} (%)")
        for year in self.years:
            for case in ("low", "central", "high"):
                f[f"{case}_{year}"] = forms.DecimalField(
                    max_digits=16, decimal_places=4, required=False, label=f"{case.capitalize()} {label(year)}"
                )
        self._decorate()

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("gain_", "low_", "central_", "high_"))]

    def gain_fields(self):
        return [self[f"gain_{org.pk}"] for org in self.partners]

    def profile_rows(self):
        return [(label(y), self[f"low_{y}"], self[f"central_{y}"], self[f"high_{y}"]) for y in self.years]

    def clean(self):
        data = super().clean()
        data["gains"] = [(org, data[f"gain_{org.pk}"]) for org in self.partners if data.get(f"gain_{org.pk}")]
        years = []
        for year in self.years:
            low, central, high = (data.get(f"{case}_{year}") for case in ("low", "central", "high"))
            if central is None:
                if low is not None or high is not None:
                    self.add_error(
                        f"central_{year}", f"Enter the central value for {label(year)}: it has a low or high."
                    )
                continue
            # Only a central value: no uncertainty entered, so low and high equal it.
            years.append(YearValues(year, central if low is None else low, central, central if high is None else high))
        data["years"] = years
        data["deadweight"] = data.get("deadweight") or Decimal(0)
        data["attribution"] = Decimal(1) if data.get("attribution") is None else data["attribution"]
        return data


class CostForm(GovukForm):
    workstream = forms.ModelChoiceField(queryset=None, empty_label="Choose a workstream")
    year = forms.TypedChoiceField(coerce=int, label="Financial year")
    amount = forms.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, label="Cost, £", help_text="In price-base-year prices."
    )
    description = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workstream"].queryset = programme.workstreams.all()
        self.fields["year"].choices = _year_choices(programme.cycle_start_year, programme.cycle_end_year)
        self._decorate()
