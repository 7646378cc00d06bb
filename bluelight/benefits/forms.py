from django import forms

from bluelight.core.forms import GovukForm


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
