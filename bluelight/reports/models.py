"""What the programme office writes into a report itself: the executive summary and the
recommendations, which start as the text Bluelight works out and are then the office's, versioned
(each saved version is in the record's history). Everything else in a report is built from the
register."""

from django.conf import settings
from django.db import models

from bluelight.programmes.models import Programme


class ReportText(models.Model):
    class Part(models.TextChoices):
        SUMMARY = "summary", "Executive summary"
        RECOMMENDATIONS = "recommendations", "Recommendations"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="report_texts")
    document = models.CharField(max_length=100, help_text="annual:2024/25 for an annual report; pack:12 for a "
                                                           "board pack, by its meeting.")  # fmt: skip
    part = models.CharField(max_length=20, choices=Part.choices)
    text = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    edited_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "document", "part"], name="one_text_a_part")]

    def __str__(self) -> str:
        return f"{self.get_part_display()}, {self.document}"
