"""Boards, their members, meetings and who attended."""

from django.conf import settings
from django.db import models

from bluelight.core.models import Organisation
from bluelight.programmes.models import Programme


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


class LastLooked(models.Model):
    """When someone last looked at their worklist for a programme: ratings recorded since are new to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "programme"], name="one_last_looked")]
