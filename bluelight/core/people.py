"""Accounts: disabling one ends its sessions at once; both are kept in the security log."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from bluelight.core import security
from bluelight.core.history import Actor
from bluelight.core.models import User


def end_sessions(user: User) -> int:
    """Delete every live session signed in as `user`; returns how many there were."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def account_disable(*, actor: Actor, user: User, reason: str = "") -> int:
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = end_sessions(user)
    security.log(
        security.Kind.ACCOUNT_DISABLED, user=user,
        detail=f"by {actor.name} through {actor.channel}; {ended} session(s) ended. {reason}".strip(),
    )  # fmt: skip
    return ended


@transaction.atomic
def account_enable(*, actor: Actor, user: User) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])
    security.log(security.Kind.ACCOUNT_ENABLED, user=user, detail=f"by {actor.name} through {actor.channel}")
