from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Marking(models.TextChoices):
    """Government Security Classifications: OFFICIAL, with OFFICIAL-SENSITIVE for need-to-know records."""

    OFFICIAL = "OFFICIAL", "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"


def marking_field():
    return models.CharField(
        max_length=20,
        choices=Marking.choices,
        default=Marking.OFFICIAL,
        help_text="OFFICIAL-SENSITIVE records are seen only by the programme office, board members and "
        "the lead organisation's editors.",
    )


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


class AppendOnly(Exception):
    """The security log is only ever added to: no change or removal through the application."""


class SecurityEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Security events cannot be changed.")

    def delete(self):
        raise AppendOnly("Security events cannot be removed.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnly("Security events cannot be changed.")


class SecurityEvent(models.Model):
    """One line of the append-only security log: sign-ins, refusals, exports, role changes."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
        SIGN_IN_THROTTLED = "sign_in_throttled", "Sign-in refused: too many failures"
        SIGNED_OUT = "signed_out", "Signed out"
        SESSION_ENDED = "session_ended", "Session ended by timeout"
        ACCESS_REFUSED = "access_refused", "Access refused"
        EXPORTED = "exported", "Exported"
        ROLE_CHANGED = "role_changed", "Role changed"
        ACCOUNT_CREATED = "account_created", "Account made"
        ACCOUNT_DISABLED = "account_disabled", "Account disabled"
        ACCOUNT_ENABLED = "account_enabled", "Account enabled"
        BACKUP = "backup", "Backup or restore"
        TOKEN_CREATED = "token_created", "API token made"
        TOKEN_REVOKED = "token_revoked", "API token revoked"
        API_REFUSED = "api_refused", "API token refused"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # Not a foreign key: removing an account must not rewrite (or block) the log.
    user_id = models.BigIntegerField(null=True, blank=True)
    username = models.CharField(max_length=150, blank=True)
    ip_address = models.CharField(max_length=45, blank=True)
    path = models.CharField(max_length=500, blank=True)
    rows = models.PositiveIntegerField(null=True, blank=True, help_text="For an export: how many rows left.")
    detail = models.TextField(blank=True)

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["kind", "username", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Security events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Security events cannot be removed.")
