from django import forms

from bluelight.core.forms import GovukForm


class ReportTextForm(GovukForm):
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}), required=False, label="Executive summary",
        help_text="A blank line between paragraphs. Leave it empty to go back to the summary Bluelight works out.",
    )  # fmt: skip
    recommendations = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, label="Recommendations",
        help_text="What the board is asked to do. Leave it empty for “The report is for the board to note.”",
    )  # fmt: skip
    summary_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    recommendations_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
