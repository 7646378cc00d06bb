"""Papers: business cases, benefit reviews, closure reports, agreements and uploaded files, with their status."""

from django.db import models

from bluelight.core.models import Organisation
from bluelight.programmes.models import Programme, Workstream


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
    appraisal_year = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="Year 0 of this case's appraisal (a financial year's start). Blank: the programme's appraisal year.",
    )  # fmt: skip
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
