from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Organisation(models.Model):
    class Kind(models.TextChoices):
        POLICE = "police", "Police"
        FIRE = "fire", "Fire and rescue"
        AMBULANCE = "ambulance", "Ambulance"
        COMMISSIONER = "commissioner", "PFCC / PCC"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        HEALTH = "health", "Health"
        UNIVERSITY = "university", "University"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_code = models.CharField(
        max_length=20, unique=True, help_text="A short code such as ECFRS or EEAST, used in tables and imports."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class HistoryEntry(models.Model):
    """One create, change or delete of a user-edited record: who, when, through what, what changed."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    class Channel(models.TextChoices):
        PAGE = "page", "Web page"
        API = "api", "API"
        IMPORT = "import", "Import"
        COMMAND_LINE = "cli", "Command line"
        SYSTEM = "system", "System"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150, help_text="Kept even if the account is later removed.")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    changes = models.JSONField(default=dict, help_text="field -> [before, after]")
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name_plural = "history entries"

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr} by {self.actor_name}"
