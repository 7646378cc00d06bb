from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bluelight.core.models import Organisation, marking_field
from bluelight.governance import risk as risk_engine
from bluelight.programmes.models import Programme, Workstream

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Board(models.Model):
    class Cadence(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        BIMONTHLY = "bimonthly", "Bi-monthly"
        QUARTERLY = "quarterly", "Quarterly"
        TWICE_YEARLY = "twice_yearly", "Twice a year"
        ANNUAL = "annual", "Annual"
        AS_NEEDED = "as_needed", "As needed"

    name = models.CharField(max_length=200)
    key = models.SlugField(max_length=80, unique=True, help_text="A stable short name used in addresses and imports.")
    purpose = models.TextField(blank=True)
    chair = models.CharField(max_length=200, blank=True, help_text="Who chairs it, e.g. the PFCC; or 'rotates'.")
    cadence = models.CharField(max_length=20, choices=Cadence.choices, default=Cadence.BIMONTHLY)
    terms_of_reference = models.TextField(blank=True)
    programmes = models.ManyToManyField(Programme, related_name="boards", blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class BoardMember(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Chief Constable, Chief Fire Officer.")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="board_seats")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="board_seats",
        help_text="The member's Bluelight account, so they can record decisions in meetings they attend.",
    )  # fmt: skip

    class Meta:
        ordering = ["board", "name"]

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    location = models.CharField(max_length=200, blank=True)
    chaired_by = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    minutes = models.TextField(blank=True)
    illustrative = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "-held_on"]
        indexes = [models.Index(fields=["programme", "held_on"])]

    def __str__(self):
        return f"{self.board.name}, {self.held_on:%-d %B %Y}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(BoardMember, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PRESENT)

    class Meta:
        ordering = ["meeting", "member__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")]


class Document(models.Model):
    class Kind(models.TextChoices):
        BUSINESS_CASE = "business_case", "Business case"
        BENEFIT_REVIEW = "benefit_review", "Annual benefit review"
        CLOSURE_REPORT = "closure_report", "Closure report"
        AGREEMENT = "agreement", "Agreement"
        FILE = "file", "Uploaded file"

    class CaseStage(models.TextChoices):
        STRATEGIC_OUTLINE = "soc", "Strategic outline case"
        OUTLINE = "obc", "Outline business case"
        FULL = "fbc", "Full business case"

    class AgreementType(models.TextChoices):
        MOU = "mou", "Memorandum of understanding"
        SECTION_22A = "s22a", "Section 22A collaboration agreement"
        INFORMATION_SHARING = "isa", "Information-sharing agreement"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted to a meeting"
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
        DEFERRED = "deferred", "Deferred"
        REJECTED = "rejected", "Rejected"
        NOTED = "noted", "Noted"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="documents")
    workstream = models.ForeignKey(
        Workstream, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT)
    author = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    # Business case: the Green Book's five cases.
    case_stage = models.CharField(max_length=10, choices=CaseStage.choices, blank=True)
    strategic_case = models.TextField(blank=True)
    economic_case = models.TextField(blank=True)
    commercial_case = models.TextField(blank=True)
    financial_case = models.TextField(blank=True)
    management_case = models.TextField(blank=True)
    # Closure report.
    outcome = models.TextField(blank=True)
    benefits_delivered = models.TextField(blank=True, help_text="Benefits delivered against the plan.")
    lessons_learned = models.TextField(blank=True)
    # Agreement.
    agreement_type = models.CharField(max_length=10, choices=AgreementType.choices, blank=True)
    parties = models.ManyToManyField(Organisation, related_name="agreements", blank=True)
    signed_on = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)
    # An attached file: stored under a generated name, never the one uploaded.
    file_name = models.CharField(max_length=255, blank=True, help_text="The name it was uploaded with.")
    stored_name = models.CharField(max_length=80, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    illustrative = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    FIVE_CASES = ["strategic_case", "economic_case", "commercial_case", "financial_case", "management_case"]

    class Meta:
        ordering = ["programme", "-created_at"]

    def __str__(self):
        return self.title

    @property
    def has_file(self) -> bool:
        return bool(self.stored_name)


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
