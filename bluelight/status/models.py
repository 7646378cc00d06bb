from django.conf import settings
from django.db import models

from bluelight.programmes.models import Programme, Workstream


class ReportingPeriod(models.Model):
    class Cadence(models.TextChoices):
        ANNUAL = "annual", "Annual"
        QUARTERLY = "quarterly", "Quarterly"
        BIMONTHLY = "bimonthly", "Bi-monthly"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(max_length=40, help_text="As reports name it, e.g. 2023 or 2023/24 Q2.")
    cadence = models.CharField(max_length=20, choices=Cadence.choices, default=Cadence.ANNUAL)
    starts_on = models.DateField()
    ends_on = models.DateField()
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "label"], name="period_label_unique"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="period_dates_order"),
        ]

    def __str__(self):
        return self.label

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class RatingFields(models.Model):
    rating = models.CharField(max_length=20)
    rationale = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True, help_text="False once superseded by a correction.")
    correction_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Assessment(RatingFields):
    """A workstream's RAG rating for one reporting period, with its rationale and narrative."""

    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="assessments")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="assessments")
    narrative = models.TextField(blank=True)
    assessed_by = models.CharField(max_length=200, blank=True, help_text="The business lead who gave the rating.")
    assessed_on = models.DateField()
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrected_by"
    )
    illustrative = models.BooleanField(default=False)
    suggested_rating = models.CharField(max_length=20, blank=True, help_text="What the rules suggested, if anything.")
    suggestion_reasons = models.JSONField(default=list, blank=True)
    departure_reason = models.TextField(blank=True, help_text="Why the rating differs from the one suggested.")

    class Meta:
        ordering = ["period__starts_on", "workstream"]
        constraints = [
            models.UniqueConstraint(
                fields=["workstream", "period"], condition=models.Q(is_current=True), name="one_current_assessment"
            )
        ]
        indexes = [models.Index(fields=["period", "is_current"])]

    def __str__(self):
        return f"{self.workstream} — {self.period}"


class ProgrammeAssessment(RatingFields):
    """The overall rating of the whole programme for a period."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="overall_assessments")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="overall_assessments")
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrected_by"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "period"], condition=models.Q(is_current=True), name="one_current_overall"
            )
        ]

    def __str__(self):
        return f"{self.programme} overall — {self.period}"
