from django.conf import settings
from django.db import models

from bluelight.programmes.models import Programme


class Task(models.Model):
    """An import or export queued from a page and run by the task worker (`bluelight worker`): what the
    person sees of it. The job that runs it is django-tasks' (`job`)."""

    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        EXPORT = "export", "Export"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped with problems"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="tasks")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    dry_run = models.BooleanField(default=False, help_text="An import that only checks and shows what it would do.")
    format = models.CharField(max_length=10, blank=True, help_text="For an export: xlsx, ods or csv.")
    marking = models.CharField(max_length=60, blank=True)
    file_name = models.CharField(max_length=255, blank=True, help_text="The uploaded workbook's own name.")
    stored_name = models.CharField(max_length=80, blank=True, help_text="The file in the data folder: input or output.")
    result = models.JSONField(default=dict, blank=True, help_text="What was (or would be) done, or the problems.")
    message = models.TextField(blank=True)
    job = models.CharField(max_length=64, blank=True, help_text="The queued job's id (django-tasks).")
    worker = models.CharField(max_length=80, blank=True, help_text="The worker that ran it: machine, process, token.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "id"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.file_name or self.format} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
