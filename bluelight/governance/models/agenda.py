"""What a meeting considers and what the board decides."""

from django.conf import settings
from django.db import models

from bluelight.governance.models.boards import Meeting
from bluelight.governance.models.papers import Document
from bluelight.programmes.models import Workstream


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        WORKSTREAM = "workstream", "Workstream update"
        BUSINESS_CASE = "business_case", "Business case"
        BENEFIT_REVIEW = "benefit_review", "Annual benefit review"
        CLOSURE_REPORT = "closure_report", "Closure report"
        RISK = "risk", "Risk"
        OTHER = "other", "Other business"

    class Purpose(models.TextChoices):
        DECISION = "decision", "For decision"
        DISCUSSION = "discussion", "For discussion"
        INFORMATION = "information", "For information"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DISCUSSION)
    presenter = models.CharField(max_length=200, blank=True)
    workstream = models.ForeignKey(Workstream, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    risk = models.ForeignKey("Risk", null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="agenda_number_unique")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
        DEFERRED = "deferred", "Deferred"
        REJECTED = "rejected", "Rejected"
        NOTED = "noted", "Noted"

    APPROVALS = (Outcome.APPROVED, Outcome.APPROVED_WITH_CONDITIONS)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions")
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    summary = models.TextField(help_text="What was decided, as the minutes record it.")
    conditions = models.TextField(blank=True)
    decided_by = models.CharField(max_length=200, help_text="Who decided, e.g. the Board, chaired by the PFCC.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "agenda_item__number", "recorded_at"]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.agenda_item.title}"
