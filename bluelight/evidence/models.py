"""An analysis the evidence apps ran, kept with what went in and how, and where it is attached as evidence."""

from django.conf import settings
from django.db import models

from bluelight.benefits.models import Benefit
from bluelight.core.models import marking_field
from bluelight.governance.models import Decision, Document
from bluelight.programmes.models import Programme, Workstream


class Analysis(models.Model):
    """One run of an evidence engine: its inputs (files, digests, rows taken and set aside), its method
    (name, version, parameters and the statement shown with every result) and its result."""

    class Kind(models.TextChoices):
        HOTSPOTS = "hotspots", "Hotspot map"
        COVER = "cover", "Response cover"
        DEMAND = "demand", "Inter-service demand"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="analyses")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    inputs = models.JSONField(default=dict, blank=True)
    method = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True)
    marking = marking_field()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=100, blank=True, help_text="The task worker running it.")
    job = models.CharField(max_length=64, blank=True, help_text="Its job in the task queue.")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


TARGETS = ("benefit", "workstream", "decision", "document")


def _one_of(fields) -> models.Q:
    either = models.Q()
    for chosen in fields:
        either |= models.Q(**{f"{f}__isnull": f != chosen for f in fields})
    return either


class Attachment(models.Model):
    """An analysis attached as evidence to one benefit, workstream, decision or paper (a business case,
    a board paper), with why."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="attachments")
    benefit = models.ForeignKey(Benefit, null=True, blank=True, on_delete=models.CASCADE, related_name="attached_evidence")
    workstream = models.ForeignKey(
        Workstream, null=True, blank=True, on_delete=models.CASCADE, related_name="attached_evidence"
    )
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.CASCADE, related_name="attached_evidence")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE, related_name="attached_evidence")
    note = models.TextField(help_text="What the analysis shows for this record.")
    attached_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    attached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(name="evidence_attached_to_one_record", condition=_one_of(TARGETS))]

    def __str__(self) -> str:
        return f"{self.analysis} → {self.target}"

    @property
    def target(self):
        return self.benefit or self.workstream or self.decision or self.document
