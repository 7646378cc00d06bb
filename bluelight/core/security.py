"""The security log's writers, and the sign-in throttle that reads it."""

from __future__ import annotations

import datetime
import time

from django.contrib.auth import signals
from django.dispatch import receiver
from django.utils import timezone

from bluelight.core.models import SecurityEvent

Kind = SecurityEvent.Kind

# After this many failed sign-ins for one username (or from one address, times four) within the
# window, sign-in is refused for the rest of the window even with the right password.
FAILURES_ALLOWED = 5
FAILURE_WINDOW = datetime.timedelta(minutes=15)


def client_address(request) -> str:
    """The peer address. Behind a proxy, gunicorn's --forwarded-allow-ips puts the client's here."""
    return (request.META.get("REMOTE_ADDR") or "")[:45] if request is not None else ""


def log(kind: str, *, request=None, user=None, username: str = "", detail: str = "", rows: int | None = None):
    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    return SecurityEvent.objects.create(
        kind=kind,
        user_id=user.pk if user is not None else None,
        username=(user.get_username() if user is not None else username)[:150],
        ip_address=client_address(request),
        path=(request.get_full_path() if request is not None else "")[:500],
        rows=rows,
        detail=detail,
    )


def log_refusal(request, exception) -> None:
    """A refused request (a page's or the API's): 404 for a hidden record, 403 for a role's limit."""
    from bluelight.core.access import Refused

    status = 404 if isinstance(exception, Refused) else 403
    log(Kind.ACCESS_REFUSED, request=request, detail=f"{status}: {exception}")


def _recent_failures(**where) -> int:
    since = timezone.now() - FAILURE_WINDOW
    last_success = SecurityEvent.objects.filter(kind=Kind.SIGNED_IN, at__gte=since, **where).order_by("-at").first()
    if last_success is not None:
        since = last_success.at
    return SecurityEvent.objects.filter(kind=Kind.SIGN_IN_FAILED, at__gt=since, **where).count()


def sign_in_throttled(username: str, request) -> bool:
    if _recent_failures(username=username[:150]) >= FAILURES_ALLOWED:
        return True
    address = client_address(request)
    return bool(address) and _recent_failures(ip_address=address) >= FAILURES_ALLOWED * 4


# Kept in the session: when it was signed in, and when its person was last active (Unix seconds).
STARTED, SEEN = "bluelight_started", "bluelight_seen"


@receiver(signals.user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = request.session[SEEN] = now  # a new sign-in is a new session's clock
    log(Kind.SIGNED_IN, request=request, user=user)


@receiver(signals.user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        log(Kind.SIGNED_OUT, request=request, user=user)


@receiver(signals.user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    log(Kind.SIGN_IN_FAILED, request=request, username=str(credentials.get("username", "")))
