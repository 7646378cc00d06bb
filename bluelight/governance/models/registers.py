"""The registers a programme office keeps: actions, risks and their reviews, and milestones."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bluelight.core.models import Organisation, marking_field
from bluelight.governance import risk as risk_engine
from bluelight.governance.models.boards import Meeting
from bluelight.programmes.models import Programme, Workstream

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    FINISHED = (Status.DONE, Status.CANCELLED)

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveIntegerField(help_text="Numbered within the programme: A1, A2, ...")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    workstream = models.ForeignKey(Workstream, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    description = models.TextField()
    owner = models.CharField(max_length=200)
    owner_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    update = models.TextField(blank=True, help_text="Latest progress.")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "due_on", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="action_number_unique")]
        indexes = [models.Index(fields=["programme", "status", "due_on"])]

    def __str__(self):
        return f"{self.reference}: {self.description[:80]}"

    @property
    def reference(self) -> str:
        return f"A{self.number}"

    def is_overdue(self, today) -> bool:
        return self.status not in self.FINISHED and self.due_on < today


class Risk(models.Model):
    class Kind(models.TextChoices):
        RISK = "risk", "Risk"
        ISSUE = "issue", "Issue"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class Proximity(models.TextChoices):
        NOW = "now", "Now (an issue)"
        WITHIN_3_MONTHS = "3m", "Within 3 months"
        WITHIN_6_MONTHS = "6m", "3 to 6 months"
        WITHIN_12_MONTHS = "12m", "6 to 12 months"
        LATER = "later", "More than 12 months"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="risks")
    workstream = models.ForeignKey(Workstream, null=True, blank=True, on_delete=models.CASCADE, related_name="risks")
    number = models.PositiveIntegerField(help_text="Numbered within the programme: R1, R2, ...")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.RISK)
    title = models.CharField(max_length=300)
    cause = models.TextField(help_text="Because of …")
    event = models.TextField(help_text="… there is a risk that …")
    effect = models.TextField(help_text="… which would lead to …")
    owner = models.CharField(max_length=200)
    inherent_likelihood = models.PositiveSmallIntegerField(validators=SCALE)
    inherent_impact = models.PositiveSmallIntegerField(validators=SCALE)
    residual_likelihood = models.PositiveSmallIntegerField(validators=SCALE)
    residual_impact = models.PositiveSmallIntegerField(validators=SCALE)
    mitigation = models.TextField(blank=True)
    proximity = models.CharField(max_length=10, choices=Proximity.choices, default=Proximity.WITHIN_12_MONTHS)
    review_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    marking = marking_field()
    illustrative = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="risk_number_unique")]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"R{self.number}"

    @property
    def inherent_score(self) -> int:
        return risk_engine.score(self.inherent_likelihood, self.inherent_impact)

    @property
    def residual_score(self) -> int:
        return risk_engine.score(self.residual_likelihood, self.residual_impact)


class RiskReview(models.Model):
    """The scores a risk had from a date on: one row each time they or its status change."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    inherent_likelihood = models.PositiveSmallIntegerField(validators=SCALE)
    inherent_impact = models.PositiveSmallIntegerField(validators=SCALE)
    residual_likelihood = models.PositiveSmallIntegerField(validators=SCALE)
    residual_impact = models.PositiveSmallIntegerField(validators=SCALE)
    status = models.CharField(max_length=10, choices=Risk.Status.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["risk", "reviewed_on", "recorded_at"]

    @property
    def residual_score(self) -> int:
        return risk_engine.score(self.residual_likelihood, self.residual_impact)


class Milestone(models.Model):
    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due_on = models.DateField()
    forecast_on = models.DateField(null=True, blank=True)
    achieved_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["workstream", "due_on"]

    def __str__(self):
        return self.title

    def state(self, today) -> str:
        if self.achieved_on:
            return "achieved"
        if self.due_on < today:
            return "overdue"
        if self.forecast_on and self.forecast_on > self.due_on:
            return "at_risk"
        return "on_track"
