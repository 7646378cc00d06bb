from django import forms

from bluelight.core.forms import GovukDateField, GovukForm, VersionedForm
from bluelight.status.models import ReportingPeriod


class RatingForm(VersionedForm):
    """A rating on the programme's scale and its rationale: the heart of every rating form."""

    rating_label = "RAG rating"
    rating = forms.ChoiceField(widget=forms.RadioSelect)
    rationale = forms.CharField(
        widget=forms.Textarea, required=False, help_text="Why this rating. Required for every rating except Green."
    )

    def __init__(self, *args, scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = scale.choices()
        self.fields["rating"].label = self.rating_label


class AssessmentForm(RatingForm):
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}), required=False, label="Update for the report",
        help_text="Progress this period, as it should appear in the annual report.",
    )  # fmt: skip
    assessed_by = forms.CharField(
        max_length=200, required=False, label="Assessed by", help_text="The business lead who gave the rating."
    )
    assessed_on = GovukDateField(
        required=False, label="Date assessed", help_text="For example, 31 10 2023. Today if left blank."
    )
    departure_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Why your rating differs from the suggested one",
        help_text="Only needed if you choose a different rating from the one suggested above.",
    )  # fmt: skip

    def __init__(self, *args, suggestion=None, **kwargs):
        super().__init__(*args, **kwargs)
        if suggestion is None:
            del self.fields["departure_reason"]


class CorrectionForm(RatingForm):
    rating_label = "Corrected RAG rating"
    correction_reason = forms.CharField(
        widget=forms.Textarea, label="Why the published rating is being corrected",
        error_messages={"required": "Enter why the published rating is being corrected."},
    )  # fmt: skip


class OverallForm(RatingForm):
    rating_label = "Overall programme rating"
    correction_reason = forms.CharField(
        widget=forms.Textarea, required=False, label="Why the published rating is being corrected"
    )

    def __init__(self, *args, published: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not published:
            del self.fields["correction_reason"]


class PeriodForm(GovukForm):
    label = forms.CharField(max_length=40, help_text="As reports name it, for example 2024 or 2024/25 Q1.")
    cadence = forms.ChoiceField(choices=ReportingPeriod.Cadence.choices, widget=forms.RadioSelect)
    starts_on = GovukDateField(label="Start date", help_text="For example, 1 4 2024")
    ends_on = GovukDateField(label="End date", help_text="For example, 31 3 2025")
