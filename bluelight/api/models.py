from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A personal API token: acts with its owner's rights. Only a hash is kept; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What it is for, e.g. Power BI dashboard")
    prefix = models.CharField(max_length=12, unique=True, help_text="The token's first characters, to tell it apart.")
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the whole token.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
