"""Accounts: made, disabled (which ends its sessions at once) and enabled; each is kept in the security log."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bluelight.core import security
from bluelight.core.history import Actor
from bluelight.core.models import Organisation, User


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


@transaction.atomic
def account_create(
    *, actor: Actor, username: str, organisation: Organisation | None = None, email: str = "", full_name: str = "",
    password: str | None = None,
) -> User:  # fmt: skip
    """A new account. Without a password it cannot sign in on the pages: an integration's account, using tokens."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"There is already an account named {username}."})
    first, _, last = full_name.strip().partition(" ")
    user = User(username=username, email=email, first_name=first, last_name=last, organisation=organisation)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    user.save()
    security.log(security.Kind.ACCOUNT_CREATED, user=user, detail=f"by {actor.name} through {actor.channel}")
    return user
