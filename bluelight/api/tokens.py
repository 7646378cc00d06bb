"""Personal API tokens: made, found and revoked. A token is 'bl_' + a 40-character random secret;
the database keeps its SHA-256 (enough for a random secret of that length) and first characters."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.api.models import ApiToken
from bluelight.core import security

PREFIX = "bl_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """The new token's record and the token itself, which is never stored and cannot be shown again."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Enter what the token is for, e.g. Power BI dashboard."})
    token = PREFIX + secrets.token_urlsafe(30)
    record = ApiToken.objects.create(user=user, name=name[:100], prefix=token[:10], digest=_digest(token))
    security.log(security.Kind.TOKEN_CREATED, user=user, detail=f"API token {record.prefix}… made: {record.name}")
    return record, token


@transaction.atomic
def token_revoke(*, user, token: ApiToken) -> None:
    if token.user_id != user.pk:
        raise ValidationError({"token": "You can revoke only your own tokens."})
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        security.log(security.Kind.TOKEN_REVOKED, user=user, detail=f"API token {token.prefix}… revoked")


def user_for(token: str):
    """The active account a presented token belongs to, or None."""
    if not token.startswith(PREFIX):
        return None
    record = ApiToken.objects.select_related("user").filter(digest=_digest(token), revoked_at=None).first()
    if record is None or not record.user.is_active:
        return None
    if record.last_used_at is None or (timezone.now() - record.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record.user
